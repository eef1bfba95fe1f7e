package com.wifibilling.core.session;

import java.util.Optional;

/**
 * The Logins table (DESIGN §4): RADIUS User-Name ({@code sessionId}) → the device holding that session. Written
 * before credentials are first returned, so RADIUS authorize's two strongly consistent reads (Logins, then
 * Sessions) always find what the portal was given.
 */
public interface LoginStore {
    /**
     * Returns true when {@code sessionId} now points at {@code deviceKey}: newly written, or already there
     * (a repeated grant step). Returns false, writing nothing, when that sessionId belongs to another device.
     */
    boolean put(String sessionId, DeviceKey deviceKey);

    /** Returns the device a sessionId belongs to, read strongly consistent. */
    Optional<DeviceKey> find(String sessionId);
}
