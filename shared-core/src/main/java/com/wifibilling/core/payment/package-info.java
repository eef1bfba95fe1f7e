/**
 * Purchases by M-Pesa STK Push (DESIGN §1, §5; contracts/daraja.md): the {@link com.wifibilling.core.payment.Transaction}
 * record, its states and sources, and the {@link com.wifibilling.core.payment.TransactionStore} port whose
 * conditional writes make callback, inline poll, manual query and sweeper race safely: the claim
 * (pending → completed, recording the grant) has exactly one winner, and the confirm exactly one confirmer.
 * {@link com.wifibilling.core.payment.PaymentGrantSource} is a purchase as the source of the shared grant
 * ({@code session.GrantService}). {@link com.wifibilling.core.payment.PaymentFinalizer} is the one way every path
 * (callback processor, inline poll, manual query, sweeper) finalizes a payment, and
 * {@link com.wifibilling.core.payment.CallbackProcessor} applies the processor rules of contracts/daraja.md §4.3 to a
 * queued callback. {@link com.wifibilling.core.payment.PaymentSweeper} is the every-minute fallback (§9 "Sweeper"):
 * it queries and expires payments left pending and finishes grants left unconfirmed, per
 * {@link com.wifibilling.core.payment.SweeperSettings}.
 */
package com.wifibilling.core.payment;
