package com.wifibilling.core.payment;

import com.wifibilling.core.daraja.StkResultCode;
import java.util.Optional;

/**
 * What Daraja's {@code ResultCode}s mean for a purchase (contracts/daraja.md §6): the status a code gives and the
 * message the portal shows, word for word as the table says. A code §6 does not list is {@code failed} when a
 * callback carries it and still {@code pending} when a query returns it (§5); {@code 4999} is never final.
 */
public final class ResultCodes {
    /** Where a code came from: the two disagree only on codes §6 does not list. */
    public enum Origin { CALLBACK, QUERY }

    /** §6 "(pending, prompt sent)": the push was accepted, the customer has not answered yet. */
    public static final UserMessage PROMPT_SENT = new UserMessage("Check your phone and enter your M-Pesa PIN.",
            "Angalia simu yako na uweke PIN yako ya M-Pesa.");
    /** §6 "(expired locally, no answer)": the sweeper expired it with no word from M-Pesa. */
    public static final UserMessage EXPIRED_LOCALLY = new UserMessage(
            "We got no confirmation from M-Pesa. If money was deducted, your time will be added automatically.",
            "Hatukupata uthibitisho kutoka M-Pesa. Ikiwa pesa imekatwa, muda wako utaongezwa moja kwa moja.");
    /** §6 "(push rejected / provider down)": the push failed before any prompt. */
    public static final UserMessage PROVIDER_DOWN = new UserMessage("M-Pesa is not available right now. Please try again in a minute.",
            "M-Pesa haipatikani kwa sasa. Tafadhali jaribu tena baada ya dakika moja.");
    /** §6 "any other (callback)". */
    public static final UserMessage DID_NOT_GO_THROUGH = new UserMessage("The payment did not go through. Please try again.",
            "Malipo hayakufanikiwa. Tafadhali jaribu tena.");
    /** §6 {@code 4999} and "any other (query)". */
    public static final UserMessage WAITING = new UserMessage("Waiting for M-Pesa confirmation…", "Inasubiri uthibitisho wa M-Pesa…");

    private static final UserMessage CANCELLED_BY_YOU = new UserMessage("You cancelled the payment.", "Umesitisha malipo.");
    private static final UserMessage CONTACT_OPERATOR = new UserMessage(
            "Payment could not be processed. Please contact the hotspot operator.",
            "Malipo hayakuweza kufanyika. Tafadhali wasiliana na mhudumu wa hotspot.");

    private ResultCodes() {}

    /**
     * Returns the status {@code resultCode} gives (§6): {@code 0} completed; {@code 1032}, {@code 1031} cancelled;
     * {@code 1037}, {@code 1036}, {@code 1019} expired; {@code 4999} pending; any other listed code failed; an
     * unlisted code failed from a callback, pending from a query.
     */
    public static TransactionStatus status(String resultCode, Origin origin) {
        Optional<StkResultCode> listed = StkResultCode.of(resultCode);
        if (listed.isEmpty()) return origin == Origin.CALLBACK ? TransactionStatus.FAILED : TransactionStatus.PENDING;
        return switch (listed.get()) {
            case PAID -> TransactionStatus.COMPLETED;
            case CANCELLED, CANCELLED_BY_USER -> TransactionStatus.CANCELLED;
            case DS_TIMEOUT, SMSC_ACK_TIMEOUT, EXPIRED_UNPROCESSED -> TransactionStatus.EXPIRED;
            case STILL_PROCESSING -> TransactionStatus.PENDING;
            case INSUFFICIENT_BALANCE, BELOW_MINIMUM, ABOVE_MAXIMUM, DAILY_LIMIT, MERCHANT_BALANCE_FULL, RULE_LIMITED,
                 SYSTEM_BUSY, SUBSCRIBER_LOCKED, PUSH_NOT_SENT, WRONG_PIN, NOT_PERMITTED, PIN_LOCKED,
                 OPERATOR_DOES_NOT_EXIST, SYSTEM_ERROR, BAD_DEBT -> TransactionStatus.FAILED;
        };
    }

    /** Returns the §6 message for {@code resultCode} as it came from {@code origin}. */
    public static UserMessage message(String resultCode, Origin origin) {
        Optional<StkResultCode> listed = StkResultCode.of(resultCode);
        if (listed.isEmpty()) return origin == Origin.CALLBACK ? DID_NOT_GO_THROUGH : WAITING;
        return switch (listed.get()) {
            case PAID -> new UserMessage("Payment received. You will be online in a moment.",
                    "Malipo yamepokelewa. Utaunganishwa baada ya muda mfupi.");
            case INSUFFICIENT_BALANCE -> new UserMessage("Not enough M-Pesa balance. Top up and try again.",
                    "Salio la M-Pesa halitoshi. Ongeza salio kisha ujaribu tena.");
            case BELOW_MINIMUM -> new UserMessage("The amount is below the M-Pesa minimum.",
                    "Kiasi ni chini ya kiwango cha chini cha M-Pesa.");
            case ABOVE_MAXIMUM -> new UserMessage("The amount is above the M-Pesa limit.", "Kiasi kimezidi kikomo cha M-Pesa.");
            case DAILY_LIMIT -> new UserMessage("This would exceed your daily M-Pesa limit.",
                    "Malipo haya yanazidi kikomo chako cha siku cha M-Pesa.");
            case MERCHANT_BALANCE_FULL -> new UserMessage("The hotspot cannot receive payments right now. Try later.",
                    "Hotspot haiwezi kupokea malipo sasa. Jaribu baadaye.");
            case RULE_LIMITED -> new UserMessage("A similar payment was just made. Wait 2 minutes and try again.",
                    "Malipo kama haya yamefanyika sasa hivi. Subiri dakika 2 ujaribu tena.");
            case SYSTEM_BUSY -> new UserMessage("M-Pesa is busy. Please try again shortly.",
                    "M-Pesa ina shughuli nyingi. Tafadhali jaribu tena baadaye kidogo.");
            case SUBSCRIBER_LOCKED -> new UserMessage("Another M-Pesa request is open on your phone. Wait a minute and try again.",
                    "Kuna ombi lingine la M-Pesa kwenye simu yako. Subiri dakika moja ujaribu tena.");
            case EXPIRED_UNPROCESSED -> new UserMessage("The payment request expired. Please try again.",
                    "Muda wa ombi la malipo umeisha. Tafadhali jaribu tena.");
            case PUSH_NOT_SENT -> new UserMessage("We could not send the M-Pesa prompt. Please try again.",
                    "Hatukuweza kutuma ombi la M-Pesa. Tafadhali jaribu tena.");
            case CANCELLED, CANCELLED_BY_USER -> CANCELLED_BY_YOU;
            case SMSC_ACK_TIMEOUT -> new UserMessage("Your phone did not respond in time. Please try again.",
                    "Simu yako haikujibu kwa wakati. Tafadhali jaribu tena.");
            case DS_TIMEOUT -> new UserMessage("No response from your phone in time. Please try again.",
                    "Simu yako haikujibu kwa wakati. Tafadhali jaribu tena.");
            case WRONG_PIN -> new UserMessage("Wrong M-Pesa PIN. Please try again.", "PIN ya M-Pesa si sahihi. Tafadhali jaribu tena.");
            case NOT_PERMITTED, OPERATOR_DOES_NOT_EXIST -> CONTACT_OPERATOR;
            case PIN_LOCKED -> new UserMessage("Your M-Pesa PIN is locked. Call Safaricom on 100 or 200.",
                    "PIN yako ya M-Pesa imefungwa. Piga 100 au 200 upate msaada.");
            case SYSTEM_ERROR -> new UserMessage("M-Pesa could not process the request. Please try again.",
                    "M-Pesa haikuweza kushughulikia ombi. Tafadhali jaribu tena.");
            case BAD_DEBT -> new UserMessage("M-Pesa declined this payment. Please contact Safaricom.",
                    "M-Pesa imekataa malipo haya. Tafadhali wasiliana na Safaricom.");
            case STILL_PROCESSING -> WAITING;
        };
    }

    /**
     * Returns what the portal shows for a purchase in {@code status} whose stored {@code resultCode} may be null
     * (contracts/daraja.md §6 and §9): pending → {@link #PROMPT_SENT}; expired without a code →
     * {@link #EXPIRED_LOCALLY}; failed without a code, or with a Daraja {@code errorCode} such as
     * {@code 500.003.02} (a rejected push, §9) → {@link #PROVIDER_DOWN}; otherwise the code's message. A final
     * status came from a final code, so an unlisted one came from a callback.
     */
    public static UserMessage messageFor(TransactionStatus status, String resultCode) {
        return switch (status) {
            case PENDING -> PROMPT_SENT;
            case EXPIRED -> resultCode == null ? EXPIRED_LOCALLY : message(resultCode, Origin.CALLBACK);
            case FAILED -> resultCode == null || isErrorCode(resultCode) ? PROVIDER_DOWN : message(resultCode, Origin.CALLBACK);
            case COMPLETED -> message(StkResultCode.PAID.code(), Origin.CALLBACK);
            case CANCELLED -> resultCode == null ? CANCELLED_BY_YOU : message(resultCode, Origin.CALLBACK);
        };
    }

    /** Daraja's {@code errorCode}s ({@code 400.002.02}, {@code 500.001.1001}) have dots; {@code ResultCode}s never do. */
    private static boolean isErrorCode(String code) {
        return code.indexOf('.') >= 0;
    }
}
