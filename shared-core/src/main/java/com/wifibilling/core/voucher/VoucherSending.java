package com.wifibilling.core.voucher;

import com.wifibilling.core.Languages;
import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import com.wifibilling.core.event.AuditEvent;
import com.wifibilling.core.event.EventStore;
import com.wifibilling.core.guard.Claim;
import com.wifibilling.core.guard.GuardKeys;
import com.wifibilling.core.guard.GuardStore;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.pkg.PackageStore;
import com.wifibilling.core.pkg.TimePackage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * {@code POST /api/admin/vouchers/send}: one unused, unexpired voucher of a batch to each phone, by SMS through the
 * {@code notifications} queue. A code is reserved for its phone with a {@code sent#<code>} guard (a conditional
 * put), so two admins sending from one batch at once never give one code to two people. All or nothing: the phones
 * are checked first, and when the batch has fewer codes left than phones every reservation is released and nothing
 * is sent (409 {@code NOT_ENOUGH_VOUCHERS}).
 */
public final class VoucherSending {
    public static final int MAX_PHONES = 100;
    private static final int PAGE = 100;
    /** The reservation outlives any voucher's validity: a code once sent is never sent again. */
    private static final Duration KEEP_RESERVATION = Duration.ofDays(800);

    private final VoucherBatches batches;
    private final VoucherStore vouchers;
    private final PackageStore packages;
    private final GuardStore guards;
    private final VoucherSmsQueue queue;
    private final EventStore events;
    private final BooleanSupplier enabled;
    private final Clock clock;

    /** {@code enabled} is the operator's "voucher SMS" setting, read at each send. */
    public VoucherSending(VoucherBatches batches, VoucherStore vouchers, PackageStore packages, GuardStore guards, VoucherSmsQueue queue,
                          EventStore events, BooleanSupplier enabled, Clock clock) {
        this.batches = batches;
        this.vouchers = vouchers;
        this.packages = packages;
        this.guards = guards;
        this.queue = queue;
        this.events = events;
        this.enabled = enabled;
        this.clock = clock;
    }

    /** The body: a batch, 1–100 phones, and the SMS language. */
    public record Request(String batchId, List<String> phones, String lang) {}

    /** One code sent: the phone (2547… form) and the code as printed. */
    public record Sent(String phone, String code) {}

    /** The answer: what went where. */
    public record Result(String batchId, List<Sent> items) {}

    public Result send(Request request, String actor) {
        if (request == null) throw ApiException.invalidField("batchId", "batchId and phones are required");
        List<Phone> phones = phones(request.phones());
        String lang = Languages.requested(request.lang());
        VoucherBatch batch = batches.find(request.batchId()); // 400 malformed, 404 unknown
        if (!enabled.getAsBoolean())
            throw ApiException.conflict("VOUCHER_SMS_DISABLED", "Sending vouchers by SMS is switched off in Settings → Notifications");
        TimePackage pkg = packages.find(batch.packageId()).orElse(null);
        Instant now = clock.instant();
        String owner = "send-" + now.toEpochMilli();
        List<Voucher> reserved = reserve(batch.batchId(), phones.size(), now, owner);
        if (reserved.size() < phones.size()) {
            reserved.forEach(v -> guards.release(GuardKeys.voucherSent(v.code()), owner));
            throw ApiException.conflict("NOT_ENOUGH_VOUCHERS", "Batch " + batch.batchId() + " has " + reserved.size()
                    + " unused voucher(s) not sent before; " + phones.size() + " phone(s) were given. Nothing was sent.");
        }
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            Voucher v = reserved.get(i);
            queue.send(new VoucherSms(v.code(), phones.get(i).msisdn(), lang, v.packageId(), pkg == null ? v.packageId() : pkg.name(),
                    v.grantSeconds(), v.validUntil(), now));
            sent.add(new Sent(phones.get(i).msisdn(), CodeFormat.display(v.code())));
        }
        events.record(AuditEvent.of(now, "admin.vouchers.sent", actor, batch.batchId(), null,
                Map.of("count", Integer.toString(sent.size()), "lang", lang)));
        return new Result(batch.batchId(), sent);
    }

    /** Reserves up to {@code wanted} unused, unexpired, never-sent codes of the batch, in code order. */
    private List<Voucher> reserve(String batchId, int wanted, Instant now, String owner) {
        List<Voucher> reserved = new ArrayList<>();
        String cursor = null;
        do {
            Page<Voucher> page = vouchers.byBatch(batchId, PAGE, cursor);
            for (Voucher v : page.items()) {
                if (reserved.size() == wanted) return reserved;
                if (v.status() != VoucherStatus.UNUSED || !v.isValidAt(now)) continue;
                if (guards.claim(GuardKeys.voucherSent(v.code()), owner, now.plus(KEEP_RESERVATION)) instanceof Claim.Claimed) reserved.add(v);
            }
            cursor = page.nextCursor();
        } while (cursor != null && reserved.size() < wanted);
        return reserved;
    }

    private static List<Phone> phones(List<String> given) {
        if (given == null || given.isEmpty() || given.size() > MAX_PHONES)
            throw ApiException.invalidField("phones", "phones is a list of 1 to " + MAX_PHONES + " phone numbers");
        List<Phone> phones = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "phones[" + i + "]";
            Phone phone;
            try {
                phone = Phone.parse(given.get(i) == null ? "" : given.get(i));
            } catch (ApiException invalid) {
                throw new ApiException(400, "INVALID_PHONE", "Phone " + (i + 1) + " is not a Kenyan mobile number like 0712345678", field, Map.of());
            }
            if (!seen.add(phone.msisdn())) throw ApiException.invalidField(field, "Phone " + (i + 1) + " is listed twice");
            phones.add(phone);
        }
        return phones;
    }
}
