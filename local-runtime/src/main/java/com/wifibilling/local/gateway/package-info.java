/**
 * The local gateway simulator (contracts/gateways.md §8, DESIGN §9; never deployed): a MikroTik-like hotspot NAS
 * served under {@code /sim/gateway/{gatewayId}/login} by the runtime's own HTTP server, which sends real
 * Access- and Accounting-Requests to the runtime's FreeRADIUS (or, without it, plays FreeRADIUS's part against
 * {@code /api/radius/*}); a Dynamic Authorization Server on UDP that answers the coa-function's CoA and
 * Disconnect-Requests; and the test-only control endpoints under {@code /simulator/gateway/}.
 */
package com.wifibilling.local.gateway;
