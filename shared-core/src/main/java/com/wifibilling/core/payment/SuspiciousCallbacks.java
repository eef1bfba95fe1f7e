package com.wifibilling.core.payment;

import com.wifibilling.core.event.AuditEvent;
import com.wifibilling.core.event.EventStore;
import com.wifibilling.core.metrics.Metrics;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a callback that does not add up (contracts/daraja.md §4.3 "Suspicious"): a WARN log event
 * {@code payment.callback.suspicious} with the reason and CheckoutRequestID (no body, no full phone), the
 * {@code SuspiciousCallback} metric by reason, and an anomaly item in Events with the doubtful values, which
 * admins read to reconcile real money.
 */
public final class SuspiciousCallbacks {
    public static final String EVENT_TYPE = "callback.suspicious";
    private static final Logger log = LoggerFactory.getLogger(SuspiciousCallbacks.class);

    private final EventStore events;
    private final Metrics metrics;
    private final Clock clock;

    public SuspiciousCallbacks(EventStore events, Metrics metrics, Clock clock) {
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Records one; {@code checkoutRequestId} and {@code transactionId} may be null when unknown, {@code values}
     * holds what was doubtful (kept whole in Events only).
     */
    public void record(String reason, String checkoutRequestId, String transactionId, Map<String, String> values) {
        log.atWarn().addKeyValue("reason", reason).addKeyValue("checkoutRequestId", checkoutRequestId)
                .addKeyValue("transactionId", transactionId).log("payment.callback.suspicious");
        metrics.count("SuspiciousCallback", "reason", reason);
        Map<String, String> details = new LinkedHashMap<>(values);
        if (checkoutRequestId != null) details.put("checkoutRequestId", checkoutRequestId);
        events.record(AuditEvent.of(clock.instant(), EVENT_TYPE, "daraja", transactionId, reason, details));
    }
}
