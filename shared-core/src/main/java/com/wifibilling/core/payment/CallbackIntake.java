package com.wifibilling.core.payment;

import com.wifibilling.core.daraja.CallbackTokens;
import com.wifibilling.core.daraja.DarajaAck;
import com.wifibilling.core.daraja.InvalidCallbackException;
import com.wifibilling.core.daraja.StkCallback;
import com.wifibilling.core.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback endpoint's whole job (contracts/daraja.md §4.1): check the secret path token in constant time
 * (unknown → 404 as for an unknown route, nothing queued), check the body's size and shape (else 400
 * {@code INVALID_CALLBACK}, recorded as suspicious {@code MALFORMED}), put it on the queue and acknowledge Daraja.
 * No lookups, no DynamoDB writes for a good callback, no Daraja calls: the processor decides everything, and
 * duplicates and unknown checkouts get the same acknowledgement.
 */
public final class CallbackIntake {
    private static final Logger log = LoggerFactory.getLogger(CallbackIntake.class);

    private final CallbackTokens tokens;
    private final CallbackQueue queue;
    private final SuspiciousCallbacks suspicious;
    private final Clock clock;

    public CallbackIntake(CallbackTokens tokens, CallbackQueue queue, SuspiciousCallbacks suspicious, Clock clock) {
        this.tokens = tokens;
        this.queue = queue;
        this.suspicious = suspicious;
        this.clock = clock;
    }

    /** Returns Daraja's acknowledgement once the callback is queued; {@code path} is echoed only in a 404. */
    public DarajaAck accept(String token, String path, String body, String sourceIp, String requestId) {
        if (token == null || !tokens.accepts(token)) {
            log.atWarn().addKeyValue("sourceIp", sourceIp).log("payment.callback.unknown-token"); // never the token or body
            throw ApiException.notFound("ROUTE_NOT_FOUND", "No route for " + path);
        }
        String checked = checkShape(body == null ? "" : body, sourceIp);
        try {
            queue.enqueue(new ReceivedCallback(checked, clock.instant(), sourceIp, requestId));
        } catch (RuntimeException e) {
            log.atError().setCause(e).log("payment.callback.not-queued");
            throw new ApiException(503, "SERVICE_UNAVAILABLE", "The callback could not be queued; try again", null,
                    Map.of("Retry-After", "5"));
        }
        return DarajaAck.ACCEPTED;
    }

    private String checkShape(String body, String sourceIp) {
        try {
            if (body.getBytes(StandardCharsets.UTF_8).length > StkCallback.MAX_BODY_BYTES)
                throw new InvalidCallbackException("The callback body is larger than 16 KiB");
            StkCallback.parse(body);
            return body;
        } catch (InvalidCallbackException e) {
            suspicious.record("MALFORMED", null, null, Map.of("problem", e.getMessage(), "sourceIp", String.valueOf(sourceIp)));
            throw e.toApiException();
        }
    }
}
