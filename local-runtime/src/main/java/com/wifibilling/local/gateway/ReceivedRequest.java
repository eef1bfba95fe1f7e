package com.wifibilling.local.gateway;

import java.time.Instant;
import java.util.Map;

/**
 * One CoA-Request or Disconnect-Request the DAS received, as {@code GET /simulator/gateway/received} lists it
 * (contracts/gateways.md §8): when, from where, code and Identifier, the attributes by dictionary name, both
 * authenticator checks ({@code messageAuthenticatorValid} null when there was none), which copy of an identical
 * datagram this was, and what the DAS answered ({@code ack}, {@code nak} with {@code errorCause}, {@code none}
 * for a deliberate silence, {@code dropped} for a failed check).
 */
record ReceivedRequest(String gatewayId, Instant at, String from, String code, int identifier, Map<String, Object> attributes,
                       boolean authenticatorValid, Boolean messageAuthenticatorValid, int copy, String answer, Long errorCause) {}
