package com.wifibilling.core.sms;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.Phone;
import com.wifibilling.core.guard.Claim;
import com.wifibilling.core.guard.GuardKeys;
import com.wifibilling.core.guard.GuardStore;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.session.SmsReceipt;
import com.wifibilling.core.settings.OperatorSettings;
import com.wifibilling.core.settings.SettingsStore;
import com.wifibilling.core.voucher.VoucherSms;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one {@code notifications} message into at most one SMS (DESIGN §2, §4 step 3). The message is a grant's
 * receipt ({@code type} {@value #RECEIPT}, an {@link SmsReceipt}) or an admin's voucher send ({@value #VOUCHER},
 * a {@link VoucherSms}); without the attribute its body tells which. In order:
 * <ol>
 *   <li>the operator's toggle ({@code notifications.smsReceipts} / {@code voucherSms}, read strongly consistent):
 *       off drops the message, counted as SmsSkipped {@code reason=disabled};</li>
 *   <li>a Guards claim {@code sms#<grantId or code>} for {@value #GUARD_DAYS} days: a message whose SMS was already
 *       claimed (SQS redelivered it, or the grant published it again) is dropped as a repeat;</li>
 *   <li>the send: Sent counts SmsSent; Rejected (AT refuses this number for good) is dropped, counted as SmsFailed
 *       with AT's status as reason, and keeps the guard; Failed (for now) releases the guard so the redelivery can
 *       send, counts SmsFailed, and asks SQS for the message again.</li>
 * </ol>
 * A crash between the claim and the answer leaves the guard held, so that message is not sent (at most once: a
 * second receipt is worse than none, and the code is on the portal's screen too). Logs name the phone masked only.
 */
public final class SmsNotifications {
    public static final String RECEIPT = "grant-receipt";
    public static final String VOUCHER = "voucher-sms";
    static final int GUARD_DAYS = 30;
    private static final Logger log = LoggerFactory.getLogger(SmsNotifications.class);

    private final SettingsStore settings;
    private final GuardStore guards;
    private final SmsSender sender;
    private final Metrics metrics;
    private final Clock clock;

    public SmsNotifications(SettingsStore settings, GuardStore guards, SmsSender sender, Metrics metrics, Clock clock) {
        this.settings = settings;
        this.guards = guards;
        this.sender = sender;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** One SMS to send: what identifies it (the guard's id), to whom, the text, and which toggle allows it. */
    private record Outgoing(String kind, String id, Phone to, String text) {}

    /** Returns true when SQS should deliver the message again (a transient failure); {@code messageId} names it in logs and owns its guard. */
    public boolean deliver(String messageId, String type, String body) {
        Outgoing sms = read(messageId, type, body);
        if (sms == null) return false;
        var toggles = OperatorSettings.currentIn(settings).notifications();
        boolean on = sms.kind().equals(RECEIPT) ? toggles.smsReceipts() : toggles.voucherSms();
        if (!on) {
            metrics.count("SmsSkipped", "reason", "disabled"); // the operator's choice, not a failure to alarm on
            log.atInfo().addKeyValue("messageId", messageId).addKeyValue("type", sms.kind()).addKeyValue("phone", sms.to().masked())
                    .log("sms.skipped.switched-off");
            return false;
        }
        String key = GuardKeys.sms(sms.id());
        Claim claim = guards.claim(key, messageId, clock.instant().plus(Duration.ofDays(GUARD_DAYS)));
        if (!(claim instanceof Claim.Claimed)) {
            log.atInfo().addKeyValue("messageId", messageId).addKeyValue("type", sms.kind()).addKeyValue("phone", sms.to().masked())
                    .log("sms.repeat.dropped");
            return false;
        }
        SmsOutcome outcome;
        try {
            outcome = sender.send(sms.to(), sms.text());
        } catch (RuntimeException unexpected) {
            guards.release(key, messageId); // nothing went out that we know of: let the redelivery try
            throw unexpected;
        }
        return switch (outcome) {
            case SmsOutcome.Sent sent -> {
                metrics.count("SmsSent");
                log.atInfo().addKeyValue("messageId", messageId).addKeyValue("type", sms.kind()).addKeyValue("phone", sms.to().masked())
                        .addKeyValue("atMessageId", sent.messageId()).addKeyValue("cost", sent.cost()).log("sms.sent");
                yield false;
            }
            case SmsOutcome.Rejected rejected -> {
                metrics.count("SmsFailed", "reason", rejected.status());
                log.atWarn().addKeyValue("messageId", messageId).addKeyValue("type", sms.kind()).addKeyValue("phone", sms.to().masked())
                        .addKeyValue("status", rejected.status()).addKeyValue("statusCode", rejected.statusCode()).log("sms.rejected");
                yield false;
            }
            case SmsOutcome.Failed failed -> {
                guards.release(key, messageId);
                metrics.count("SmsFailed", "reason", failed.reason());
                log.atWarn().addKeyValue("messageId", messageId).addKeyValue("type", sms.kind()).addKeyValue("phone", sms.to().masked())
                        .addKeyValue("reason", failed.reason()).log("sms.failed.will-retry");
                yield true;
            }
        };
    }

    /** Returns the SMS the message asks for, or null (logged and counted) when it cannot be read: it never will be. */
    private Outgoing read(String messageId, String type, String body) {
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            String kind = type != null ? type : json.has("grantId") ? RECEIPT : json.has("code") ? VOUCHER : "unknown";
            switch (kind) {
                case RECEIPT -> {
                    SmsReceipt r = Json.MAPPER.treeToValue(json, SmsReceipt.class);
                    return new Outgoing(kind, r.grantId(), new Phone(r.phone()),
                            SmsTexts.receipt(r.lang(), r.accessCode(), r.packageName(), r.expiresAt()));
                }
                case VOUCHER -> {
                    VoucherSms v = Json.MAPPER.treeToValue(json, VoucherSms.class);
                    return new Outgoing(kind, v.code(), new Phone(v.phone()),
                            SmsTexts.voucher(v.lang(), v.code(), v.packageName(), v.grantSeconds(), v.validUntil()));
                }
                default -> {
                    return unreadable(messageId, "unknown-type");
                }
            }
        } catch (JacksonException unreadable) { // a missing field or a bad phone fails in the record's constructor, wrapped
            return unreadable(messageId, "unreadable");
        }
    }

    private Outgoing unreadable(String messageId, String reason) {
        metrics.count("SmsFailed", "reason", reason);
        log.atError().addKeyValue("messageId", messageId).addKeyValue("reason", reason).log("sms.message.unreadable");
        return null;
    }
}
