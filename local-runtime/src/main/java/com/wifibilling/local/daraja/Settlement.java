package com.wifibilling.local.daraja;

import java.time.Instant;

/**
 * How a checkout ended: from then on the query gives the final answer (contracts/daraja.md §5), and
 * {@code callbackBody} is the §4 body its callbacks carry, built once so a duplicate is byte for byte the same.
 *
 * @param receipt the M-Pesa receipt of a success, else null
 * @param transactionDate {@code yyyyMMddHHmmss} in EAT, as the callback's TransactionDate
 * @param forced settled by {@code POST /simulator/checkouts/{id}/callback}: the scenario's own callbacks are then
 *               not sent, the test having taken over
 */
record Settlement(String resultCode, String receipt, long transactionDate, Instant settledAt, boolean forced, String callbackBody) {
    boolean succeeded() {
        return Scenario.SUCCESS.equals(resultCode);
    }
}
