package com.wifibilling.core.payment;

import com.wifibilling.core.gateway.GatewayParams;

/**
 * The body of {@code POST /api/payment/initiate}, raw as the portal sent it: {@code phone} in any form DESIGN §3
 * accepts, the {@code packageId}, the gateway's redirect values (contracts/gateways.md §2.1) and the optional
 * {@code lang} (en, sw, sheng) that the SMS receipt uses. {@link PaymentInitiation} checks every field.
 */
public record InitiateRequest(String phone, String packageId, GatewayParams gateway, String lang) {}
