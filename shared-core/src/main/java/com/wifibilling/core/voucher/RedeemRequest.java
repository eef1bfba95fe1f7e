package com.wifibilling.core.voucher;

import com.wifibilling.core.gateway.GatewayParams;

/**
 * The body of {@code POST /api/auth/voucher}: the {@code code} as typed (any case, spaces or dashes), the gateway's
 * redirect values of the device asking (contracts/gateways.md §2.1), {@code move: true} to move time another
 * device holds, and the optional {@code lang}.
 */
public record RedeemRequest(String code, GatewayParams gateway, Boolean move, String lang) {}
