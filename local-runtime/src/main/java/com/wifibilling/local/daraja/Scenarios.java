package com.wifibilling.local.daraja;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The scenario phone numbers of contracts/daraja.md §10.2, fixed because tests and docs rely on them, plus the
 * per-number overrides of §10.3. Every valid number not listed succeeds.
 */
final class Scenarios {
    static final Pattern MSISDN = Pattern.compile("254[71]\\d{8}");
    static final String CANCELS = "254700000001";
    static final String NO_PIN = "254700000002";
    static final String INSUFFICIENT_FUNDS = "254700000003";
    static final String CALLBACK_LOST = "254700000004";
    static final String DUPLICATE_CALLBACK = "254700000005";
    static final String WRONG_PIN = "254700000006";
    static final String LATE_SUCCESS = "254700000007";
    static final String SUBSCRIBER_LOCKED = "254700000008";

    private final Map<String, ScenarioOverride> overrides = new ConcurrentHashMap<>();

    /** Returns what a push to {@code msisdn} leads to under {@code settings}: its override, else the built-in one. */
    Scenario forNumber(String msisdn, SimulatorSettings settings) {
        Scenario builtIn = builtIn(msisdn, settings);
        ScenarioOverride override = overrides.get(msisdn);
        return override == null ? builtIn : override.applyTo(builtIn, settings);
    }

    /** Returns the scenario of §10.2 for {@code msisdn}. */
    static Scenario builtIn(String msisdn, SimulatorSettings s) {
        long quick = s.quickDelayMs();
        return switch (msisdn) {
            case CANCELS -> Scenario.of("user-cancels", "1032", quick, Delivery.ONCE, s);
            case NO_PIN -> Scenario.of("no-pin", "1037", s.pinTimeoutMs(), Delivery.ONCE, s);
            case INSUFFICIENT_FUNDS -> Scenario.of("insufficient-funds", "1", quick, Delivery.ONCE, s);
            case CALLBACK_LOST -> Scenario.of("callback-lost", Scenario.SUCCESS, quick, Delivery.NEVER, s);
            case DUPLICATE_CALLBACK -> Scenario.of("duplicate-callback", Scenario.SUCCESS, quick, Delivery.TWICE, s);
            case WRONG_PIN -> Scenario.of("wrong-pin", "2001", quick, Delivery.ONCE, s);
            case LATE_SUCCESS -> Scenario.of("late-success", Scenario.SUCCESS, s.lateDelayMs(), Delivery.LATE, s);
            case SUBSCRIBER_LOCKED -> Scenario.refused("subscriber-locked", DarajaError.UNABLE_TO_LOCK_SUBSCRIBER);
            default -> Scenario.of("success", Scenario.SUCCESS, quick, Delivery.ONCE, s);
        };
    }

    /** Returns the scenario of a push that Daraja's "same amount to the same customer within 2 min" rule stops (§6 code 17). */
    static Scenario ruleLimited(SimulatorSettings s) {
        return Scenario.of("rule-limited", "17", s.quickDelayMs(), Delivery.ONCE, s);
    }

    void put(String msisdn, ScenarioOverride override) {
        overrides.put(requireMsisdn(msisdn), override);
    }

    /** Returns whether there was an override to remove. */
    boolean remove(String msisdn) {
        return overrides.remove(requireMsisdn(msisdn)) != null;
    }

    /** Returns every override as JSON, by number. */
    List<Map<String, Object>> toJson() {
        return new TreeMap<>(overrides).entrySet().stream().map(entry -> entry.getValue().toJson(entry.getKey())).toList();
    }

    void clear() {
        overrides.clear();
    }

    private static String requireMsisdn(String msisdn) {
        if (!MSISDN.matcher(msisdn).matches()) throw new IllegalArgumentException("Not an MSISDN like 254712345678: " + msisdn);
        return msisdn;
    }
}
