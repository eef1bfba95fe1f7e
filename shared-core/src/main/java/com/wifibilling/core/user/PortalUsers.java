package com.wifibilling.core.user;

import com.wifibilling.core.Phone;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The buyers the admin lists (DESIGN §4, Users: portal users "created on first grant"): one user per phone, made when a
 * purchase from it completes and touched ({@code lastSeenAt}) on each later one. The userId comes from the phone
 * ({@code p-} and 20 hex digits of its SHA-256), so making it is a conditional put that two racing completions cannot
 * double, and the id never shows the number. Bookkeeping only: nothing about money depends on it.
 */
public final class PortalUsers {
    private final Supplier<UserStore> store;
    private volatile UserStore users;

    /**
     * {@code store} is called on the first purchase to record, not at construction: the Users table's client and schema
     * stay off the cold start of the functions that finalize payments (only a completed purchase needs them).
     */
    public PortalUsers(Supplier<UserStore> store) {
        this.store = store;
    }

    /** Records that {@code phone} bought at {@code at}: creates its user the first time, else moves its lastSeenAt on. */
    public void bought(Phone phone, Instant at) {
        String userId = userId(phone);
        UserStore table = users();
        if (!table.createPortalUser(User.portal(userId, phone, at))) table.touch(userId, at);
    }

    private UserStore users() {
        UserStore made = users;
        if (made == null) {
            made = store.get(); // racing first purchases may both build one: harmless, both are the same table
            users = made;
        }
        return made;
    }

    /** Returns the userId of the phone's portal user. */
    public static String userId(Phone phone) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(phone.msisdn().getBytes(StandardCharsets.US_ASCII));
            return "p-" + HexFormat.of().formatHex(digest).substring(0, 20);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
