package com.wifibilling.local.daraja;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * One accepted STK Push (contracts/daraja.md §10.3 "checkouts"): what was asked, the scenario it follows, and,
 * once settled, how it ended and every callback delivery. The first settlement wins; the rest is read-only.
 */
final class Checkout {
    private final String checkoutRequestId;
    private final String merchantRequestId;
    private final String msisdn;
    private final long amount;
    private final String accountReference;
    private final URI callBackUrl;
    private final Scenario scenario;
    private final Instant createdAt;
    private final Instant plannedOutcomeAt;
    private final List<CallbackDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<Future<?>> scheduled = new ArrayList<>(); // guarded by this
    private Settlement settlement;                               // guarded by this

    Checkout(String checkoutRequestId, String merchantRequestId, String msisdn, long amount, String accountReference,
             URI callBackUrl, Scenario scenario, Instant createdAt, Instant plannedOutcomeAt) {
        this.checkoutRequestId = checkoutRequestId;
        this.merchantRequestId = merchantRequestId;
        this.msisdn = msisdn;
        this.amount = amount;
        this.accountReference = accountReference;
        this.callBackUrl = callBackUrl;
        this.scenario = scenario;
        this.createdAt = createdAt;
        this.plannedOutcomeAt = plannedOutcomeAt;
    }

    String checkoutRequestId() {
        return checkoutRequestId;
    }

    String merchantRequestId() {
        return merchantRequestId;
    }

    String msisdn() {
        return msisdn;
    }

    long amount() {
        return amount;
    }

    URI callBackUrl() {
        return callBackUrl;
    }

    Scenario scenario() {
        return scenario;
    }

    synchronized Optional<Settlement> settlement() {
        return Optional.ofNullable(settlement);
    }

    /** Returns the settlement: the existing one, or the one {@code next} makes if this checkout is still open. */
    synchronized Settlement settle(Supplier<Settlement> next) {
        if (settlement == null) settlement = next.get();
        return settlement;
    }

    /** Keeps a scheduled step (outcome, callback, retry) so a reset can cancel it. */
    synchronized void track(Future<?> step) {
        scheduled.removeIf(Future::isDone);
        scheduled.add(step);
    }

    synchronized void cancelScheduled() {
        scheduled.forEach(step -> step.cancel(false));
        scheduled.clear();
    }

    void recordDelivery(CallbackDelivery delivery) {
        deliveries.add(delivery);
    }

    List<CallbackDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Returns the checkout as {@code GET /simulator/checkouts} lists it, with its deliveries when asked. */
    Map<String, Object> toJson(boolean withCallbacks) {
        Optional<Settlement> settled = settlement();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checkoutRequestId", checkoutRequestId);
        json.put("merchantRequestId", merchantRequestId);
        json.put("msisdn", msisdn);
        json.put("amount", amount);
        json.put("accountReference", accountReference);
        json.put("callBackUrl", callBackUrl.toString());
        json.put("scenario", scenario.name());
        json.put("createdAt", createdAt);
        json.put("settled", settled.isPresent());
        json.put("resultCode", settled.map(Settlement::resultCode).orElse(scenario.resultCode()));
        json.put("outcomeAt", settled.map(Settlement::settledAt).orElse(plannedOutcomeAt));
        settled.map(Settlement::receipt).ifPresent(receipt -> json.put("receipt", receipt));
        if (withCallbacks) json.put("callbacks", deliveries.stream().map(CallbackDelivery::toJson).toList());
        return json;
    }
}
