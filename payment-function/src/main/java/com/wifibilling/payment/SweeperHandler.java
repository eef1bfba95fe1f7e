package com.wifibilling.payment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.payment.PaymentSweeper;
import com.wifibilling.core.payment.StatsAudit;
import com.wifibilling.core.session.SessionTermination;

/**
 * Sweeper (DESIGN §2, §1 fallback 3): invoked every minute by its schedule, it runs one {@link PaymentSweeper}
 * pass (contracts/daraja.md §9 "Sweeper"), the expiry backstop's disconnects (DESIGN §6) and, once an hour, the Stats audit (DESIGN §4). A failure propagates, so Lambda records it; the next minute's run starts
 * over, each step being safe to repeat. Metrics are flushed whatever happens.
 */
public final class SweeperHandler implements RequestHandler<ScheduledEvent, Void> {
    private final PaymentSweeper sweeper;
    private final StatsAudit audit;
    private final SessionTermination expiry;
    private final Metrics metrics;

    /** Lambda: reads the process environment once, at INIT. */
    public SweeperHandler() {
        this(Env.system());
    }

    /** local-runtime: this function's environment from template.yaml. */
    public SweeperHandler(Env env) {
        this(SweeperWiring.from(env));
    }

    /** Tests: real parts in. */
    SweeperHandler(SweeperWiring wiring) {
        this.sweeper = wiring.sweeper();
        this.audit = wiring.audit();
        this.expiry = wiring.expiry();
        this.metrics = wiring.metrics();
    }

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        try {
            sweeper.sweep();
            expiry.disconnectExpired(); // sessions past expiresAt that the gateway still reports online
            audit.auditIfDue(); // once an hour, whichever run claims the hour
        } finally {
            metrics.flush();
        }
        return null;
    }
}
