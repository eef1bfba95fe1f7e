package com.wifibilling.admin;

import com.wifibilling.core.WireName;
import com.wifibilling.core.auth.Authorizer;
import com.wifibilling.core.auth.Role;
import com.wifibilling.core.dashboard.Dashboard;
import com.wifibilling.core.event.AuditEvent;
import com.wifibilling.core.event.EventLog;
import com.wifibilling.core.event.EventStore;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Request;
import com.wifibilling.core.http.Route;
import com.wifibilling.core.payment.PaymentLookup;
import com.wifibilling.core.payment.PaymentSource;
import com.wifibilling.core.payment.Transaction;
import com.wifibilling.core.payment.TransactionSearch;
import com.wifibilling.core.payment.TransactionStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code /api/admin/transactions} and the dashboard: thin over {@link TransactionSearch} (indexes only) and {@link Dashboard}. */
final class TransactionRoutes {
    /** A purchase's history covers its business day and this many after it. */
    static final int HISTORY_DAYS = 2;

    private TransactionRoutes() {}

    static Map<String, Route> routes(Authorizer authorizer, TransactionSearch search, Dashboard dashboard, PaymentLookup payments,
                                     EventLog events, EventStore audit, Clock clock) {
        return Map.of(
                "GET /api/admin/dashboard", authorizer.requireRole(Role.ADMIN, (request, admin) ->
                        Reply.ok(dashboard.show(request.query("range").orElse("today")))),
                "GET /api/admin/transactions", authorizer.requireRole(Role.ADMIN, (request, admin) ->
                        Reply.ok(search.search(filter(request)).map(TransactionView::of))),
                "GET /api/admin/transactions/{transactionId}", authorizer.requireRole(Role.ADMIN, (request, admin) -> {
                    Transaction t = search.find(request.pathParameter("transactionId"));
                    // Its anomalies and admin queries: recorded on its own business day or in the days after (a late callback).
                    return Reply.ok(TransactionView.of(t, events.about(t.transactionId(), t.day(), t.day().plusDays(HISTORY_DAYS))));
                }),
                "POST /api/admin/transactions/{transactionId}/query", authorizer.requireRole(Role.ADMIN, (request, admin) -> {
                    PaymentLookup.AdminQuery done = payments.adminQuery(request.pathParameter("transactionId"));
                    audit.record(AuditEvent.of(clock.instant(), "admin.transaction.queried", admin.subject(), done.transaction().transactionId(),
                            null, Map.of("asked", Boolean.toString(done.asked()), "status", WireName.of(done.transaction().status()),
                                    "message", done.message())));
                    return Reply.ok(new QueryView(TransactionView.of(done.transaction()), done.asked(), done.message()));
                }));
    }

    private static TransactionSearch.Filter filter(Request request) {
        return new TransactionSearch.Filter(request.query("status"), request.query("from"), request.query("to"), request.query("phone"),
                request.query("limit"), request.query("cursor"));
    }

    /** What {@code POST …/{transactionId}/query} answers: the purchase after the query, whether M-Pesa was asked, and what it said. */
    record QueryView(TransactionView transaction, boolean asked, String message) {}

    /**
     * A purchase as the admin sees it: what was bought, by whom, on which device, and how it ended ({@code resultCode},
     * {@code resultDesc}, {@code source}: callback, inline poll, manual query or sweeper). Never the client token's hash
     * or the session's credentials.
     */
    record TransactionView(String transactionId, String day, String phone, String packageId, long amountKES, long grantSeconds,
                           String deviceKey, TransactionStatus status, String resultCode, String resultDesc, String receipt,
                           PaymentSource source, String checkoutRequestId, String merchantRequestId, String accountReference, String lang,
                           Instant createdAt, Instant completedAt, Instant claimedAt, boolean grantConfirmed, Boolean late,
                           TransactionStatus previousStatus, List<AuditEvent> history) {
        static TransactionView of(Transaction t) {
            return of(t, null);
        }

        /** The detail: with {@code history}, the events about this purchase (anomalies, admin queries), oldest first. */
        static TransactionView of(Transaction t, List<AuditEvent> history) {
            return new TransactionView(t.transactionId(), t.day().toString(), t.phone().msisdn(), t.packageId(), t.amount().shillings(), t.grantSeconds(),
                    t.deviceKey().value(), t.status(), t.resultCode(), t.resultDesc(), t.receipt(), t.source(), t.checkoutRequestId(),
                    t.merchantRequestId(), t.checkout() == null ? null : t.checkout().accountReference(), t.lang(), t.createdAt(),
                    t.completedAt(), t.claimedAt(), t.grantConfirmed(), t.late() ? Boolean.TRUE : null, t.previousStatus(), history);
        }
    }
}
