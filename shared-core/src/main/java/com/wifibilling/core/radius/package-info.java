/**
 * RFC 5176 Dynamic Authorization, client side (contracts/gateways.md §4, §7): {@link com.wifibilling.core.radius.RadiusCodec}
 * lays out packets, {@link com.wifibilling.core.radius.RadiusAuthenticators} signs and verifies them (Request and
 * Response Authenticators, Message-Authenticator), and {@link com.wifibilling.core.radius.CoaClient} sends a
 * {@link com.wifibilling.core.radius.DynamicRequest} to a {@link com.wifibilling.core.radius.CoaTarget} over UDP
 * and returns a {@link com.wifibilling.core.radius.CoaReply} (ack, gone, nak, timeout). Our own codec, because
 * tinyradius cannot compute Message-Authenticator, which we send in every request. Pure JDK (MD5, HmacMD5,
 * DatagramSocket); nothing here knows sessions or gateways, so the coa-function maps those onto it. The NAS side
 * (Access-Request with {@link com.wifibilling.core.radius.UserPassword} hiding, Accounting-Request) is here for the
 * local gateway simulator.
 */
package com.wifibilling.core.radius;
