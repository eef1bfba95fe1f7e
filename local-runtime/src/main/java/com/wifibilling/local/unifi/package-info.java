/**
 * A UniFi Network controller played on loopback (contracts/gateways.md §5.3, §8): what coa-function's UniFi client
 * talks to in the local runtime and its end-to-end tests. Never deployed.
 */
package com.wifibilling.local.unifi;
