package com.wifibilling.payment;

import com.wifibilling.core.Page;
import com.wifibilling.core.health.HealthCheck;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Router;
import com.wifibilling.core.payment.InitiateRequest;
import com.wifibilling.core.payment.PaymentInitiation;
import com.wifibilling.core.payment.PaymentLookup;
import com.wifibilling.core.payment.ReceiptClaimRequest;
import com.wifibilling.core.payment.ReceiptClaims;
import com.wifibilling.core.pkg.PackageCatalog;
import com.wifibilling.core.pkg.PublicPackage;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** PaymentApi's routes, keyed exactly as template.yaml declares them (a test keeps the two identical). */
final class PaymentRoutes {
    /**
     * How long initiate may take from when its route runs: API Gateway answers 503 after 29 s, and the function's
     * timeout is the same 29 s; a second of margin leaves room to write the answer.
     */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(28);

    private PaymentRoutes() {}

    static Router router(PackageCatalog catalog, HealthCheck health, PaymentInitiation initiation, PaymentLookup lookup,
                         ReceiptClaims claims, Clock clock) {
        return new Router(Map.of(
                "GET /api/payment/packages", request -> Reply.ok(Page.all(catalog.active().stream().map(PublicPackage::of).toList())),
                "POST /api/payment/initiate", request -> Reply.ok(initiation.initiate(request.json(InitiateRequest.class),
                        request.header("Idempotency-Key"), clock.instant().plus(ANSWER_WITHIN))),
                "GET /api/payment/status", request -> Reply.ok(lookup.status(request.requireQuery("transactionId"),
                        request.header("X-Client-Token"))),
                "POST /api/payment/query", request -> Reply.ok(lookup.query(request.json(QueryRequest.class).transactionId(),
                        request.header("X-Client-Token"))),
                "POST /api/payment/claim", request -> Reply.ok(claims.claim(request.json(ReceiptClaimRequest.class))),
                "GET /api/health", request -> {
                    HealthCheck.Report report = health.check();
                    return Reply.status(report.healthy() ? 200 : 503, report);
                }));
    }

    /** The body of {@code POST /api/payment/query}. */
    record QueryRequest(String transactionId) {
        QueryRequest {
            if (transactionId == null) throw ApiException.invalidField("transactionId", "transactionId is required");
        }
    }
}
