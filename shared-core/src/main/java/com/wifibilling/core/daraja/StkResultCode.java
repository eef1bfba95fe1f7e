package com.wifibilling.core.daraja;

import java.util.Optional;

/**
 * The {@code ResultCode}s contracts/daraja.md §6 lists, with what they mean at Daraja. An STK Query answering a
 * code not listed here is still pending (§5); what each code means for a purchase (status, the portal's
 * message) is the payment package's rule.
 */
public enum StkResultCode {
    /** Processed successfully: paid. */
    PAID("0"),
    /** Balance insufficient (Fuliza included). */
    INSUFFICIENT_BALANCE("1"),
    /** Below the minimum amount (KES 1). */
    BELOW_MINIMUM("2"),
    /** Above the maximum transaction amount. */
    ABOVE_MAXIMUM("3"),
    /** Would exceed the customer's daily limit. */
    DAILY_LIMIT("4"),
    /** Would exceed the merchant account's maximum balance. */
    MERCHANT_BALANCE_FULL("8"),
    /** Rule limited: the same amount to the same customer within 2 minutes. */
    RULE_LIMITED("17"),
    /** System busy, request rejected. */
    SYSTEM_BUSY("26"),
    /** Subscriber locked: another transaction is in process. */
    SUBSCRIBER_LOCKED("1001"),
    /** The transaction expired before it was processed. */
    EXPIRED_UNPROCESSED("1019"),
    /** Error sending the push (a prompt over 182 characters). */
    PUSH_NOT_SENT("1025"),
    /** Request cancelled by user (seen in SDK tables). */
    CANCELLED("1031"),
    /** Request cancelled by user. */
    CANCELLED_BY_USER("1032"),
    /** SMSC ACK timeout. */
    SMSC_ACK_TIMEOUT("1036"),
    /** DS timeout: the phone could not be reached, or no PIN was entered. */
    DS_TIMEOUT("1037"),
    /** For STK: wrong M-Pesa PIN. */
    WRONG_PIN("2001"),
    /** Not permitted by product assignment: wrong TransactionType or PartyB. */
    NOT_PERMITTED("2028"),
    /** The customer's PIN is locked. */
    PIN_LOCKED("8006"),
    /** Operator does not exist: wrong TransactionType or PartyB. */
    OPERATOR_DOES_NOT_EXIST("SFC_IC0003"),
    /** Push or system error (third-party sources only). */
    SYSTEM_ERROR("9999"),
    /** "The user has a bad debt contract" (sandbox query). */
    BAD_DEBT("E3008"),
    /** Still under processing (query only): never final. */
    STILL_PROCESSING("4999");

    private final String code;

    StkResultCode(String code) {
        this.code = code;
    }

    /** Returns the code as Daraja sends it and we store it, e.g. {@code "1032"}. */
    public String code() {
        return code;
    }

    /** Returns the listed code {@code resultCode} spells exactly; empty for codes §6 does not list. */
    public static Optional<StkResultCode> of(String resultCode) {
        for (StkResultCode known : values()) {
            if (known.code.equals(resultCode)) return Optional.of(known);
        }
        return Optional.empty();
    }
}
