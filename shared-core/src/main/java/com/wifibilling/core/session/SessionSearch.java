package com.wifibilling.core.session;

import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.ListLimit;
import java.util.Optional;

/**
 * The admin's session lists, through an index only: a gateway's sessions, latest expiry first (gateway-index), or a
 * phone's, most recently started first (phone-index). One of {@code gatewayId} or {@code phone} is required: the
 * Sessions table holds one item per device ever seen, and listing it whole would be a Scan.
 */
public final class SessionSearch {
    private final SessionStore store;

    public SessionSearch(SessionStore store) {
        this.store = store;
    }

    public Page<Session> search(Optional<String> gatewayId, Optional<String> phone, Optional<String> limit, Optional<String> cursor) {
        int size = ListLimit.parse(limit);
        if (gatewayId.isPresent() && phone.isPresent())
            throw ApiException.invalidField("phone", "give gatewayId or phone, not both");
        if (phone.isPresent()) return store.byPhone(Phone.parseFilter(phone.get()), size, cursor.orElse(null));
        String gateway = gatewayId.orElseThrow(() -> ApiException.invalidField("gatewayId", "gatewayId or phone is required"));
        if (!gateway.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) throw ApiException.invalidField("gatewayId", "gatewayId is not a gateway's id");
        return store.byGateway(gateway, size, cursor.orElse(null));
    }

    /** Returns the device's session: 400 naming {@code deviceKey} for a malformed key, 404 for a device never seen. */
    public Session find(String deviceKey) {
        return store.find(DeviceKey.parse(deviceKey)).orElseThrow(SessionSearch::notFound);
    }

    private static ApiException notFound() {
        return ApiException.notFound("NOT_FOUND", "There is no session for that device");
    }
}
