/**
 * Gateways (contracts/gateways.md): the routers and controllers that put paid devices online. {@link
 * com.wifibilling.core.gateway.Gateway} holds the canonical Gateways item fields of contracts/gateways.md §1;
 * {@link com.wifibilling.core.gateway.OutboxEntry} is one command a polling gateway fetches from its outbox
 * (§6). Ports {@link com.wifibilling.core.gateway.GatewayStore} and {@link
 * com.wifibilling.core.gateway.GatewayOutboxStore} say how they are stored. A domain package: JDK, the shared
 * value records and {@code http.ApiException} only, never AWS types.
 */
package com.wifibilling.core.gateway;
