/**
 * The UniFi controller API client (contracts/gateways.md §5.3): login (classic Network Application or UniFi OS
 * with its {@code /proxy/network} prefix and CSRF token), {@code authorize-guest} and {@code unauthorize-guest},
 * over OkHttp. Like {@code daraja}, an adapter outside the domain packages: callers hand it {@code Mac}s and
 * numbers and get our records and {@link com.wifibilling.core.unifi.UnifiException} back, never OkHttp types.
 */
package com.wifibilling.core.unifi;
