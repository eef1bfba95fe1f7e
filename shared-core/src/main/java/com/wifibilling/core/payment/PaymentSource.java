package com.wifibilling.core.payment;

/**
 * Which path brought a payment's final answer (DESIGN §1 fallbacks; contracts/daraja.md §9 "{@code source}
 * records which"). Every path goes through the same conditional claim, so the first one wins.
 */
public enum PaymentSource {
    /** The STK Push itself: Daraja rejected it or never answered, so the purchase failed (contracts/daraja.md §9). */
    PUSH,
    /** Daraja's callback, through the callback queue. */
    CALLBACK,
    /** The quick STK queries inside {@code POST /api/payment/initiate}. */
    INLINE_POLL,
    /** {@code POST /api/payment/query}. */
    MANUAL_QUERY,
    /** The every-minute sweeper (query, or expiry at the end of the window). */
    SWEEPER,
    /** {@code POST /api/payment/claim}: a receipt + phone proving a payment. */
    CLAIM
}
