/**
 * The value records every domain shares: {@link com.wifibilling.core.Phone}, {@link com.wifibilling.core.Mac}
 * and {@link com.wifibilling.core.Money}. Each validates and normalises in its constructor or its
 * {@code parse} factory, so a value that exists is valid and nothing downstream checks it again; bad input
 * becomes a 400 with the stable codes of DESIGN §3 ({@code INVALID_PHONE}, {@code INVALID_MAC},
 * {@code INVALID_FIELD}). Beside them sit two rules every package spells the same way:
 * {@link com.wifibilling.core.WireName} (enum constants as items and API JSON write them, {@code awaiting-login})
 * and {@link com.wifibilling.core.BusinessDay} (the East Africa Time date revenue and lists count by). The
 * sub-packages hold the domains, the adapters and the HTTP plumbing.
 */
package com.wifibilling.core;
