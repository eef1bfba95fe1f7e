package com.wifibilling.local.daraja;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.BusinessDay;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's side of M-Pesa Express (contracts/daraja.md §10.1, §10.2): accepts a checked push as a checkout,
 * settles it when its scenario says, sends its callbacks, answers queries from its state, and lets a test settle
 * or deliver at will (§10.3). Every delay runs on the scheduler; no request waits for one.
 */
final class StkSimulation {
    private static final Logger log = LoggerFactory.getLogger(StkSimulation.class);
    private static final Duration RULE_LIMIT_WINDOW = Duration.ofSeconds(120);
    private static final DateTimeFormatter TRANSACTION_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(BusinessDay.ZONE);

    private final Checkouts checkouts;
    private final Scenarios scenarios;
    private final Supplier<SimulatorSettings> settings;
    private final DarajaIds ids;
    private final CallbackSender sender;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final ReentrantLock accepting = new ReentrantLock(); // "one open prompt per number" is check-then-add

    StkSimulation(Checkouts checkouts, Scenarios scenarios, Supplier<SimulatorSettings> settings, DarajaIds ids,
                  CallbackSender sender, ScheduledExecutorService scheduler, Clock clock) {
        this.checkouts = checkouts;
        this.scenarios = scenarios;
        this.settings = settings;
        this.ids = ids;
        this.sender = sender;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** What {@code POST /simulator/checkouts/{id}/callback} asks for (§10.3); null fields mean "as the checkout has it". */
    record ForcedCallback(String resultCode, boolean deliver, Map<String, JsonNode> overrides, URI url) {}

    /**
     * Returns the new checkout for a push that passed validation, with its outcome and callbacks scheduled; throws
     * the rejection of a number refused synchronously (scenario or override {@code syncError}, setting
     * {@code lockSubscriber}), which leaves no checkout.
     */
    Checkout accept(StkPushValidation.StkPush push) {
        SimulatorSettings now = settings.get();
        String msisdn = push.phoneNumber();
        Checkout checkout;
        accepting.lock();
        try {
            Scenario scenario = scenarios.forNumber(msisdn, now);
            if (scenario.syncError() != null) throw new DarajaRejection(scenario.syncError());
            if (now.lockSubscriber() && checkouts.hasOpenPrompt(msisdn)) throw new DarajaRejection(DarajaError.UNABLE_TO_LOCK_SUBSCRIBER);
            Instant at = clock.instant();
            if (now.ruleLimited() && checkouts.paidSince(msisdn, push.amount(), at.minus(RULE_LIMIT_WINDOW)))
                scenario = Scenarios.ruleLimited(now);
            checkout = new Checkout(ids.checkoutRequestId(msisdn), ids.merchantRequestId(), msisdn, push.amount(),
                    push.accountReference(), push.callBackUrl(), scenario, at, at.plusMillis(now.scaled(scenario.outcomeDelayMs())));
            checkouts.add(checkout);
        } finally {
            accepting.unlock();
        }
        schedule(checkout, now);
        return checkout;
    }

    /**
     * Returns the query's answer (§5): the final body once the checkout is settled, {@code ResultCode} a string;
     * before that pending form P2, or the P1 envelope thrown as a rejection. An unknown CheckoutRequestID is
     * {@code 400.002.02 Invalid CheckoutRequestID} (§10.1).
     */
    Map<String, Object> query(String checkoutRequestId) {
        Checkout checkout = checkouts.find(checkoutRequestId)
                .orElseThrow(() -> new DarajaRejection(DarajaError.invalid("CheckoutRequestID")));
        SimulatorSettings now = settings.get();
        Optional<Settlement> settled = checkout.settlement();
        Map<String, Object> answer = new LinkedHashMap<>();
        if (settled.isEmpty()) {
            if (!"P2".equals(now.pendingForm())) throw new DarajaRejection(DarajaError.BEING_PROCESSED, checkout.checkoutRequestId());
            answer.put("ResultCode", "4999");
            answer.put("ResultDesc", "The transaction is still under processing");
            return answer;
        }
        String code = now.queryDisagrees() && settled.get().succeeded() ? "1032" : settled.get().resultCode();
        answer.put("ResponseCode", "0");
        answer.put("ResponseDescription", "The service request has been accepted successsfully"); // sic, as real answers spell it
        answer.put("MerchantRequestID", checkout.merchantRequestId());
        answer.put("CheckoutRequestID", checkout.checkoutRequestId());
        answer.put("ResultCode", code);
        answer.put("ResultDesc", ResultCodes.queryDescription(code));
        return answer;
    }

    /**
     * Settles {@code checkout} now if it is still open (with the asked result code, else its scenario's; its own
     * scheduled callbacks are then dropped) and, unless {@code deliver} is false, returns the delivery of one
     * callback now: the settled body, or — with a different result code or overrides — a body built for this
     * delivery only, which leaves the settlement, and so the query, as they were.
     */
    Optional<CompletableFuture<CallbackDelivery>> force(Checkout checkout, ForcedCallback forced) {
        Settlement settled = checkout.settle(() -> settlement(checkout,
                forced.resultCode() != null ? forced.resultCode() : checkout.scenario().resultCode(), true));
        if (!forced.deliver()) return Optional.empty();
        String code = forced.resultCode() != null ? forced.resultCode() : settled.resultCode();
        String body = code.equals(settled.resultCode()) && forced.overrides().isEmpty() ? settled.callbackBody()
                : CallbackBody.of(checkout, code, Scenario.SUCCESS.equals(code) && settled.receipt() == null ? ids.receipt() : settled.receipt(),
                        settled.transactionDate(), forced.overrides());
        URI url = forced.url() != null ? forced.url() : checkout.callBackUrl();
        Duration timeout = Duration.ofMillis(settings.get().callbackTimeoutMs());
        return Optional.of(sender.send(checkout, new CallbackSender.Send(url, body, 0, 0, timeout)));
    }

    private void schedule(Checkout checkout, SimulatorSettings at) {
        Scenario scenario = checkout.scenario();
        later(checkout, at.scaled(scenario.outcomeDelayMs()), () -> settleAsScenario(checkout));
        long callback = at.scaled(scenario.callbackDelayMs());
        switch (scenario.delivery()) {
            case ONCE, LATE -> later(checkout, callback, () -> deliverAsScenario(checkout));
            case TWICE -> {
                later(checkout, callback, () -> deliverAsScenario(checkout));
                later(checkout, callback + at.scaled(at.duplicateGapMs()), () -> deliverAsScenario(checkout));
            }
            case NEVER -> { } // only the query tells (254700000004)
        }
    }

    private Settlement settleAsScenario(Checkout checkout) {
        return checkout.settle(() -> settlement(checkout, checkout.scenario().resultCode(), false));
    }

    /** Sends the scenario's callback, settling first, so the query is final by the time the callback lands. */
    private void deliverAsScenario(Checkout checkout) {
        Settlement settled = settleAsScenario(checkout);
        if (settled.forced()) return; // a test settled it by hand and delivers what it wants itself
        SimulatorSettings now = settings.get();
        sender.send(checkout, new CallbackSender.Send(checkout.callBackUrl(), settled.callbackBody(), now.callbackRetries(),
                now.scaled(now.quickDelayMs()), Duration.ofMillis(now.callbackTimeoutMs())));
    }

    private Settlement settlement(Checkout checkout, String resultCode, boolean forced) {
        Instant at = clock.instant();
        String receipt = Scenario.SUCCESS.equals(resultCode) ? ids.receipt() : null;
        long transactionDate = Long.parseLong(TRANSACTION_DATE.format(at));
        return new Settlement(resultCode, receipt, transactionDate, at, forced,
                CallbackBody.of(checkout, resultCode, receipt, transactionDate, Map.of()));
    }

    private void later(Checkout checkout, long delayMs, Runnable step) {
        checkout.track(scheduler.schedule(() -> {
            try {
                step.run();
            } catch (RuntimeException e) { // a scheduled future would swallow it silently
                log.atError().setCause(e).addKeyValue("merchantRequestId", checkout.merchantRequestId()).log("daraja.simulator.step.failed");
            }
        }, delayMs, TimeUnit.MILLISECONDS));
    }
}
