/**
 * Daily counters for dashboards and reports (DESIGN §4, Stats): one item per East Africa Time business day,
 * per day and package, and per day and gateway ({@link com.wifibilling.core.stats.StatsKey}). Counters only ever
 * grow by atomic additions on the grant's confirm step (a {@link com.wifibilling.core.stats.Tally} per confirmed grant); the hourly audit recomputes a day from the
 * Transactions {@code day-index} and corrects it, recording the drift. A domain package: JDK and
 * {@code http.ApiException} only, never AWS types.
 */
package com.wifibilling.core.stats;
