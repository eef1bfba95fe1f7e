package com.wifibilling.core.payment;

import com.wifibilling.core.gateway.GatewayParams;

/**
 * The body of {@code POST /api/payment/claim} ("I paid but I'm not online"): the M-Pesa {@code receipt} from the
 * confirmation SMS, the {@code phone} that paid, the gateway's redirect values of the device asking, and
 * {@code move: true} to move the time to this device when it is held by another (DESIGN §6).
 */
public record ReceiptClaimRequest(String receipt, String phone, GatewayParams gateway, Boolean move, String lang) {}
