/**
 * The audit log and anomaly record (DESIGN §4, Events): admin actions ({@code admin.login}, …) and things that
 * deserve a human's eye ({@code callback.suspicious}, unknown checkouts, {@code stats.drift}), listed per East
 * Africa Time day, newest first, and kept for 400 days. A domain package: JDK and {@code http.ApiException}
 * only, never AWS types.
 */
package com.wifibilling.core.event;
