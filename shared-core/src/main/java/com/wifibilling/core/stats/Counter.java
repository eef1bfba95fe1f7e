package com.wifibilling.core.stats;

/** A Stats counter; {@link #attribute()} is its attribute name in the table and in the admin API. */
public enum Counter {
    REVENUE_KES("revenueKES"),
    PAYMENTS_INITIATED("paymentsInitiated"),
    PAYMENTS_COMPLETED("paymentsCompleted"),
    PAYMENTS_CANCELLED("paymentsCancelled"),
    PAYMENTS_EXPIRED("paymentsExpired"),
    PAYMENTS_FAILED("paymentsFailed"),
    VOUCHERS_REDEEMED("vouchersRedeemed"),
    VOUCHERS_GENERATED("vouchersGenerated"),
    SESSIONS_STARTED("sessionsStarted");

    private final String attribute;

    Counter(String attribute) {
        this.attribute = attribute;
    }

    public String attribute() {
        return attribute;
    }
}
