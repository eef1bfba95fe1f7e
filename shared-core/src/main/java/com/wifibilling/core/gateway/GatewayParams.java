package com.wifibilling.core.gateway;

/**
 * The gateway's redirect parameters as the portal sends them with a purchase, a voucher redemption, a receipt
 * claim or a relogin (contracts/gateways.md §2.1): raw strings, checked by {@link GatewayContext#of}.
 * {@code gatewayId} may be absent: then the deployment's default gateway is meant.
 */
public record GatewayParams(String gatewayId, String mac, String ip, String loginUrl, String dst,
                            String chapId, String chapChallenge) {}
