package com.wifibilling.core.session;

/**
 * The port through which a grant publishes its side effects (DESIGN §4, step 3): the gateway command on
 * {@code gateway-commands} and the SMS receipt on {@code notifications}. Each call sends one message or throws
 * (the grant stays unconfirmed and is finished again later); a repeat is harmless by the messages' design.
 */
public interface GrantPublisher {
    void publish(GatewayCommand command);

    void publish(SmsReceipt receipt);
}
