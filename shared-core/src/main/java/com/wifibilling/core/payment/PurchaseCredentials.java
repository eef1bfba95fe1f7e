package com.wifibilling.core.payment;

import com.wifibilling.core.gateway.GatewayContext;
import com.wifibilling.core.gateway.GatewayStore;
import com.wifibilling.core.gateway.Login;
import com.wifibilling.core.gateway.LoginBuilder;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStore;
import com.wifibilling.core.session.SessionView;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out a completed purchase's credentials (DESIGN §6, to callers that proved they may see them): the session
 * on the purchase's device that holds its grant, while that session is live, and the {@code login} built for the
 * checkout the portal came from. A gateway disabled or changed since the checkout gets no {@code login} (the
 * session and its access code still come back: the user may log in by code).
 */
public final class PurchaseCredentials {
    private static final Logger log = LoggerFactory.getLogger(PurchaseCredentials.class);

    private final SessionStore sessions;
    private final GatewayStore gateways;
    private final LoginBuilder logins;
    private final Clock clock;

    public PurchaseCredentials(SessionStore sessions, GatewayStore gateways, LoginBuilder logins, Clock clock) {
        this.sessions = sessions;
        this.gateways = gateways;
        this.logins = logins;
        this.clock = clock;
    }

    /** Returns the live session that holds the completed purchase's time, if any (strongly consistent). */
    public Optional<Session> liveSession(Transaction transaction) {
        if (transaction.status() != TransactionStatus.COMPLETED) return Optional.empty();
        return sessions.find(transaction.deviceKey())
                .filter(session -> session.appliedGrants().containsKey(transaction.grantId()))
                .filter(session -> session.isActiveAt(clock.instant()));
    }

    /** Returns {@code answer} with the purchase's session and login when its time is live; unchanged otherwise. */
    public PaymentAnswer attach(PaymentAnswer answer, Transaction transaction) {
        return liveSession(transaction)
                .map(session -> answer.withSession(SessionView.of(session), login(session, transaction).orElse(null)))
                .orElse(answer);
    }

    private Optional<Login> login(Session session, Transaction transaction) {
        if (transaction.checkout() == null) return Optional.empty();
        try {
            var context = GatewayContext.of(transaction.checkout().params(transaction.deviceKey()),
                    gateways.find(transaction.deviceKey().gatewayId()));
            return Optional.of(logins.build(session, context));
        } catch (ApiException changedSinceCheckout) {
            log.atWarn().addKeyValue("transactionId", transaction.transactionId()).addKeyValue("code", changedSinceCheckout.code())
                    .log("payment.login-unavailable");
            return Optional.empty();
        }
    }
}
