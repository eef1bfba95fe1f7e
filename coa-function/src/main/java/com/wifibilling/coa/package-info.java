/**
 * coa-function (DESIGN §2): the handlers that talk to gateways. {@link com.wifibilling.coa.GatewayApiHandler}
 * serves the polling API of routers behind NAT (contracts/gateways.md §6), {@link com.wifibilling.coa.GatewayCommandHandler}
 * acts on {@code gateway-commands}, and {@link com.wifibilling.coa.NotificationHandler} sends the {@code notifications}
 * queue's SMS. Handlers are thin; the rules live in shared-core's {@code gateway} and {@code sms} packages.
 */
package com.wifibilling.coa;
