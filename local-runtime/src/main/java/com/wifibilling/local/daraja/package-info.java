/**
 * The local Daraja simulator (contracts/daraja.md §10): a fake M-Pesa Express that speaks exactly the Daraja
 * HTTP contract — OAuth, STK Push with its checks in the documented order, STK Query with both pending forms,
 * asynchronous callbacks shaped as captured from real ones — plus the fixed scenario phone numbers, a time
 * scale, and test-only control endpoints under {@code /simulator/}. The local runtime starts it on a free
 * loopback port and points every function's {@code DARAJA_BASE_URL} at it, so the real Daraja client runs
 * unchanged. It is never deployed.
 */
package com.wifibilling.local.daraja;
