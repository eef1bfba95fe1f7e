package com.wifibilling.local.daraja;

/**
 * What a push to one phone number leads to (contracts/daraja.md §10.2), with its timings still unscaled.
 *
 * @param name shown in {@code GET /simulator/checkouts}
 * @param resultCode the final ResultCode; null only with a {@code syncError}
 * @param outcomeDelayMs when the query starts giving the final answer
 * @param callbackDelayMs when the callback is sent (the first one, for {@link Delivery#TWICE})
 * @param syncError when set, the push itself is refused with it and no checkout exists
 */
record Scenario(String name, String resultCode, long outcomeDelayMs, long callbackDelayMs, Delivery delivery, DarajaError syncError) {
    static final String SUCCESS = "0";

    /** Returns the scenario for a callback sent at the outcome, or later for {@link Delivery#LATE}. */
    static Scenario of(String name, String resultCode, long outcomeDelayMs, Delivery delivery, SimulatorSettings settings) {
        long callbackDelayMs = delivery == Delivery.LATE ? Math.max(outcomeDelayMs, settings.lateDelayMs()) : outcomeDelayMs;
        return new Scenario(name, resultCode, outcomeDelayMs, callbackDelayMs, delivery, null);
    }

    /** Returns the push refused synchronously with {@code error}. */
    static Scenario refused(String name, DarajaError error) {
        return new Scenario(name, null, 0, 0, Delivery.NEVER, error);
    }
}
