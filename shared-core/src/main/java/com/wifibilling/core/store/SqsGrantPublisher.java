package com.wifibilling.core.store;

import com.wifibilling.core.WireName;
import com.wifibilling.core.config.GrantQueuesConfig;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.session.GatewayCommand;
import com.wifibilling.core.session.GrantPublisher;
import com.wifibilling.core.session.SmsReceipt;
import com.wifibilling.core.voucher.VoucherSms;
import com.wifibilling.core.voucher.VoucherSmsQueue;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The grant's publish step on SQS (DESIGN §4, step 3): a gateway command to {@code gateway-commands}, an SMS
 * receipt to {@code notifications}, each one SendMessage with a JSON body (the shared mapper: ISO-8601 times,
 * lower-case enum spellings) and a {@code type} message attribute — the command's type ({@code authorize},
 * {@code update}, {@code disconnect}), {@code grant-receipt} or {@code voucher-sms} (an admin's voucher send) — so consumers and operators can tell messages apart
 * without parsing them. SDK failures propagate: the grant stays unconfirmed and is published again when finished.
 */
public final class SqsGrantPublisher implements GrantPublisher, VoucherSmsQueue {
    static final String TYPE_ATTRIBUTE = "type";
    static final String RECEIPT_TYPE = "grant-receipt";
    static final String VOUCHER_SMS_TYPE = "voucher-sms";

    private final SqsClient sqs;
    private final GrantQueuesConfig queues;

    public SqsGrantPublisher(SqsClient sqs, GrantQueuesConfig queues) {
        this.sqs = sqs;
        this.queues = queues;
    }

    @Override
    public void publish(GatewayCommand command) {
        send(queues.gatewayCommandsUrl(), Json.write(command), WireName.of(command.type()));
    }

    @Override
    public void publish(SmsReceipt receipt) {
        send(queues.notificationsUrl(), Json.write(receipt), RECEIPT_TYPE);
    }

    @Override
    public void send(VoucherSms sms) {
        send(queues.notificationsUrl(), Json.write(sms), VOUCHER_SMS_TYPE);
    }

    private void send(String queueUrl, String body, String type) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body).messageAttributes(Map.of(TYPE_ATTRIBUTE,
                MessageAttributeValue.builder().dataType("String").stringValue(type).build())));
    }
}
