package com.wifibilling.coa;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.SqsBatches;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.sms.SmsNotifications;

/**
 * Notifications (DESIGN §2): consumes {@code notifications} (grant receipts and voucher sends, told apart by the
 * {@code type} message attribute) and sends each as one SMS through Africa's Talking, with partial batch failures:
 * only a message whose send failed for now comes back ({@link SmsNotifications} has the rules).
 */
public final class NotificationHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final SmsNotifications notifications;
    private final Metrics metrics;

    /** Lambda: reads the process environment once, at INIT. */
    public NotificationHandler() {
        this(Env.system());
    }

    /** local-runtime: this function's environment from template.yaml. */
    public NotificationHandler(Env env) {
        this(NotificationsWiring.from(env));
    }

    NotificationHandler(NotificationsWiring wiring) {
        this.notifications = wiring.notifications();
        this.metrics = wiring.metrics();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatches.handle(event, metrics, "sms.notification.failed", message -> {
            var type = message.getMessageAttributes() == null ? null : message.getMessageAttributes().get("type");
            return notifications.deliver(message.getMessageId(), type == null ? null : type.getStringValue(), message.getBody());
        });
    }
}
