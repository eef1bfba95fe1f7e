package com.wifibilling.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import com.wifibilling.core.settings.OperatorSettings;
import com.wifibilling.core.settings.PortalBranding;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** PaymentApi's routes, keyed exactly as template.yaml declares them (a test keeps the two identical). */
final class PaymentRoutes {
    /**
     * How long initiate may take from when its route runs: API Gateway answers 503 after 29 s, and the function's
     * timeout is the same 29 s; a second of margin leaves room to write the answer.
     */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(28);

    private PaymentRoutes() {}

    static Router router(PackageCatalog catalog, PortalBranding branding, HealthCheck health, PaymentInitiation initiation,
                         PaymentLookup lookup, ReceiptClaims claims, Clock clock) {
        return new Router(Map.of(
                "GET /api/payment/packages", request -> Reply.ok(new Catalogue(catalog.active().stream().map(PublicPackage::of).toList(),
                        branding.current().orElse(null))),
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

    /**
     * The portal's first call: the packages on sale as a one-page list ({@code nextCursor} always null) and, once the
     * operator has saved settings, the branding to show (name, colours, support phone).
     */
    record Catalogue(List<PublicPackage> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor,
                     OperatorSettings.Branding branding) {
        Catalogue(List<PublicPackage> items, OperatorSettings.Branding branding) {
            this(items, null, branding);
        }
    }

    /** The body of {@code POST /api/payment/query}. */
    record QueryRequest(String transactionId) {
        QueryRequest {
            if (transactionId == null) throw ApiException.invalidField("transactionId", "transactionId is required");
        }
    }
}
