package com.wifibilling.core.user;

import com.wifibilling.core.Phone;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The buyers the admin lists (DESIGN §4, Users: portal users "created on first grant"): one user per phone, made when a
 * purchase from it completes and touched ({@code lastSeenAt}) on each later one. The userId comes from the phone
 * ({@code p-} and 20 hex digits of its SHA-256), so making it is a conditional put that two racing completions cannot
 * double, and the id never shows the number. Bookkeeping only: nothing about money depends on it.
 */
public final class PortalUsers {
    private final UserStore users;

    public PortalUsers(UserStore users) {
        this.users = users;
    }

    /** Records that {@code phone} bought at {@code at}: creates its user the first time, else moves its lastSeenAt on. */
    public void bought(Phone phone, Instant at) {
        String userId = userId(phone);
        User created = User.portal(userId, phone, at);
        if (!users.createPortalUser(created)) users.touch(userId, at);
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
