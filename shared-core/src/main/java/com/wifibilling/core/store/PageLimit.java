package com.wifibilling.core.store;

import com.wifibilling.core.http.ApiException;

/**
 * The API's rule for a list's {@code limit} (DESIGN §3): 1 to 100 items a page. Every store that answers a
 * client's list checks it here, before DynamoDB sees the number.
 */
final class PageLimit {
    static final int MAX = 100;

    private PageLimit() {}

    /** Returns normally for 1 to 100; anything else is 400 {@code INVALID_FIELD} naming {@code limit}. */
    static void check(int limit) {
        if (limit < 1 || limit > MAX) throw ApiException.invalidField("limit", "limit must be between 1 and " + MAX);
    }
}
