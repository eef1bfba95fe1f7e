package com.wifibilling.local.daraja;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/** Every checkout of this run (since the last reset), by CheckoutRequestID and newest first. */
final class Checkouts {
    private final Map<String, Checkout> byId = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<Checkout> newestFirst = new ConcurrentLinkedDeque<>();

    void add(Checkout checkout) {
        byId.put(checkout.checkoutRequestId(), checkout);
        newestFirst.addFirst(checkout);
    }

    Optional<Checkout> find(String checkoutRequestId) {
        return checkoutRequestId == null ? Optional.empty() : Optional.ofNullable(byId.get(checkoutRequestId));
    }

    List<Checkout> newestFirst() {
        return List.copyOf(newestFirst);
    }

    /** Returns whether {@code msisdn} has a prompt still open (setting {@code lockSubscriber}, §10.4). */
    boolean hasOpenPrompt(String msisdn) {
        return newestFirst.stream().anyMatch(c -> c.msisdn().equals(msisdn) && c.settlement().isEmpty());
    }

    /** Returns whether {@code msisdn} paid {@code amount} at or after {@code since} (setting {@code ruleLimited}, §10.4). */
    boolean paidSince(String msisdn, long amount, Instant since) {
        return newestFirst.stream().anyMatch(c -> c.msisdn().equals(msisdn) && c.amount() == amount
                && c.settlement().filter(s -> s.succeeded() && !s.settledAt().isBefore(since)).isPresent());
    }

    /** Removes every checkout, cancelling what each still had scheduled. */
    void clear() {
        newestFirst.forEach(Checkout::cancelScheduled);
        newestFirst.clear();
        byId.clear();
    }
}
