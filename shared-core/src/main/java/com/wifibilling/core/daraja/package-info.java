/**
 * The M-Pesa Daraja STK Push client (contracts/daraja.md): {@link com.wifibilling.core.daraja.DarajaClient} sends
 * pushes and queries over OkHttp with a shared OAuth token cache, and turns Daraja's answers into our own types
 * ({@link com.wifibilling.core.daraja.StkPushAccepted}, {@link com.wifibilling.core.daraja.QueryOutcome},
 * {@link com.wifibilling.core.daraja.DarajaException}); {@link com.wifibilling.core.daraja.StkCallback} reads the
 * callback Daraja posts back. Nothing here exposes OkHttp types, and nothing here knows about transactions:
 * the one allowed arrow is {@code payment → daraja} (STYLE.md "Where things live").
 */
package com.wifibilling.core.daraja;
