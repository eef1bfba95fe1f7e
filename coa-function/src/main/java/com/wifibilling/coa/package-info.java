/**
 * coa-function (DESIGN §2): the handlers that talk to gateways. {@link com.wifibilling.coa.GatewayApiHandler}
 * serves the polling API of routers behind NAT (contracts/gateways.md §6). Handlers are thin; the rules live in
 * shared-core's {@code gateway} package.
 */
package com.wifibilling.coa;
