/**
 * Guards (DESIGN §4, the Guards table): small items that make a rule hold in the write itself. Uniqueness
 * guards name an owner ({@code receipt#<receipt>} → transactionId, {@code idem#<key>}, {@code inflight#…},
 * {@code email#<email>} → userId); rate guards count attempts in fixed windows ({@code attempt#<kind>#<subject>})
 * or every request ({@code rate#<kind>#<subject>}, {@link com.wifibilling.core.guard.FloodGuard}), or keep recent timestamps for a rolling limit ({@code move#<sessionId>}). {@link com.wifibilling.core.guard.AttemptLimiter}
 * turns the attempt counters into lockouts ({@code lockout#<kind>#<subject>}, DESIGN §6). A guard whose {@code ttl} has passed
 * is absent for every operation here, whether or not DynamoDB's lazy TTL deletion has removed it yet.
 * A domain package: JDK, the shared value records, {@code http.ApiException} and {@code metrics} only, never AWS types.
 */
package com.wifibilling.core.guard;
