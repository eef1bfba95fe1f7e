package com.wifibilling.admin;

import com.wifibilling.core.Page;
import com.wifibilling.core.WireName;
import com.wifibilling.core.auth.Authorizer;
import com.wifibilling.core.auth.Role;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Request;
import com.wifibilling.core.http.Router;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionTermination;
import com.wifibilling.core.voucher.CodeFormat;
import com.wifibilling.core.voucher.Voucher;
import com.wifibilling.core.voucher.VoucherBatch;
import com.wifibilling.core.voucher.VoucherBatches;
import com.wifibilling.core.voucher.VoucherKind;
import com.wifibilling.core.voucher.VoucherOrder;
import com.wifibilling.core.voucher.VoucherStatus;
import com.wifibilling.core.voucher.VoucherStore;
import java.time.Instant;
import java.util.Map;

/**
 * AdminApi's routes, keyed exactly as template.yaml declares them (a test keeps the two identical). Every one needs
 * an admin JWT: 401 without a valid token, 403 with a portal user's (DESIGN §3).
 */
final class AdminRoutes {
    static final int DEFAULT_LIMIT = 50;

    private AdminRoutes() {}

    static Router router(Authorizer authorizer, VoucherBatches batches, VoucherStore vouchers, SessionTermination termination) {
        return new Router(Map.of(
                "POST /api/admin/sessions/{deviceKey}/terminate", authorizer.requireRole(Role.ADMIN, (request, admin) -> {
                    String reason = request.body().isBlank() ? null : request.json(TerminateRequest.class).reason();
                    Session ended = termination.terminate(DeviceKey.parse(request.pathParameter("deviceKey")), reason);
                    return Reply.ok(Map.of("deviceKey", ended.deviceKey().value(), "status", ended.status(), "endedAt", ended.endedAt()));
                }),
                "POST /api/admin/vouchers/generate", authorizer.requireRole(Role.ADMIN, (request, admin) -> {
                    VoucherBatch batch = batches.order(request.json(GenerateRequest.class).order(), admin.subject());
                    return Reply.status(batch.status() == VoucherBatch.Status.RUNNING ? 202 : 201, batch);
                }),
                "GET /api/admin/vouchers/batches/{batchId}", authorizer.requireRole(Role.ADMIN,
                        (request, admin) -> Reply.ok(batches.find(request.pathParameter("batchId")))),
                "GET /api/admin/vouchers", authorizer.requireRole(Role.ADMIN, (request, admin) -> Reply.ok(list(request, vouchers)))));
    }

    /** A batch's vouchers in code order, or all sold vouchers in one status, newest first: {@code ?batchId=} or {@code ?status=}. */
    private static Page<VoucherView> list(Request request, VoucherStore vouchers) {
        int limit = request.query("limit").map(AdminRoutes::limit).orElse(DEFAULT_LIMIT);
        String cursor = request.query("cursor").orElse(null);
        var batchId = request.query("batchId");
        if (batchId.isPresent()) {
            Page<Voucher> page = vouchers.byBatch(batchId.get(), limit, cursor);
            return new Page<>(page.items().stream().map(VoucherView::of).toList(), page.nextCursor());
        }
        String status = request.query("status").orElseThrow(() -> ApiException.invalidField("batchId", "batchId or status is required"));
        VoucherStatus wanted;
        try {
            wanted = WireName.parse(VoucherStatus.class, status);
        } catch (IllegalArgumentException unknown) {
            throw ApiException.invalidField("status", "status is unused, used or void");
        }
        Page<Voucher> page = vouchers.byStatus(VoucherKind.VOUCHER, wanted, limit, cursor);
        return new Page<>(page.items().stream().map(VoucherView::of).toList(), page.nextCursor());
    }

    private static int limit(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("limit", "limit must be a whole number");
        }
    }

    /** The optional body of {@code POST /api/admin/sessions/{deviceKey}/terminate}: why, for the session's record. */
    record TerminateRequest(String reason) {}

    /** The body of {@code POST /api/admin/vouchers/generate}; {@link VoucherOrder} checks every field. */
    record GenerateRequest(String packageId, Integer count, String prefix, Integer length, Integer validDays) {
        VoucherOrder order() {
            if (count == null) throw ApiException.invalidField("count", "count is required");
            return new VoucherOrder(packageId, count, prefix, length, validDays);
        }
    }

    /** A voucher as the admin lists and prints it: the code grouped for reading, never a session's credentials. */
    record VoucherView(String code, String batchId, String packageId, long grantSeconds, VoucherStatus status, Instant validUntil,
                       Instant usedAt, String deviceKey, Instant createdAt) {
        static VoucherView of(Voucher v) {
            return new VoucherView(CodeFormat.display(v.code()), v.batchId(), v.packageId(), v.grantSeconds(), v.status(), v.validUntil(),
                    v.usedAt(), v.deviceKey() == null ? null : v.deviceKey().value(), v.createdAt());
        }
    }
}
