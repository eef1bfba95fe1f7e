package com.wifibilling.local.cli;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * The CSV a batch is exported to, one voucher a row, ready for a print template: the code as printed
 * ({@code HS7K-2M9Q-4BX}), the package, its minutes, the time an unused code stops working (ISO-8601 UTC, empty
 * when never) and the batch. Fields are quoted only when they need it (RFC 4180).
 */
final class VoucherSheet {
    static final String HEADER = "code,packageId,minutes,validUntil,batchId";

    private final Writer writer;

    VoucherSheet(Writer writer) throws IOException {
        this.writer = writer;
        writer.write(HEADER + "\n");
    }

    /** One voucher as {@code GET /api/admin/vouchers} lists it (the fields this sheet uses). */
    record Row(String code, String packageId, long grantSeconds, Instant validUntil, String batchId) {}

    void write(Row row) throws IOException {
        writer.write(String.join(",", field(row.code()), field(row.packageId()), Long.toString(row.grantSeconds() / 60),
                row.validUntil() == null ? "" : row.validUntil().toString(), field(row.batchId())) + "\n");
    }

    static String field(String value) {
        if (value == null) return "";
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) return value;
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
