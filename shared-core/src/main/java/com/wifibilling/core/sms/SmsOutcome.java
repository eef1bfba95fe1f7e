package com.wifibilling.core.sms;

/**
 * What Africa's Talking said about one SMS: {@link Sent} (accepted for the network, with its id and price),
 * {@link Rejected} (this recipient or text can never be sent: retrying would fail the same way) or
 * {@link Failed} (for now: the API, the network or the account; SQS delivers the message again).
 */
public sealed interface SmsOutcome {
    /** Accepted: AT status 100 Processed, 101 Sent or 102 Queued; {@code cost} as AT writes it ({@code KES 0.8000}). */
    record Sent(String messageId, String cost, int statusCode) implements SmsOutcome {}

    /** Refused for good: {@code status} is AT's name for it ({@code InvalidPhoneNumber}, {@code UserInBlacklist} …). */
    record Rejected(String status, int statusCode) implements SmsOutcome {}

    /** Not sent this time: {@code reason} is AT's status name, {@code http-<code>}, {@code timeout} or {@code unreadable-answer}. */
    record Failed(String reason) implements SmsOutcome {}
}
