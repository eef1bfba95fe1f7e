package com.wifibilling.core.user;

import com.wifibilling.core.Phone;
import com.wifibilling.core.http.ApiException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user (DESIGN §4, Users). Portal users may carry a {@code phone} (absent when their time came from a voucher)
 * and never an email or password; admins carry a lower-cased {@code email}, an opaque {@code passwordHash}
 * (a PHC string from {@code auth.PasswordHasher}) and their {@code roles}, and no phone. {@code lastSeenAt} is
 * null until the user is first seen after creation.
 */
public record User(String userId, UserKind kind, Phone phone, String email, String passwordHash,
                   Set<String> roles, UserStatus status, Instant createdAt, Instant lastSeenAt) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    // local@domain; the domain may be a bare host (admin@localhost is the local runtime's seeded admin).
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");

    public User {
        if (userId == null || !ID.matcher(userId).matches())
            throw ApiException.invalidField("userId", "userId must be 1-64 letters, digits or dashes");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        for (String role : roles)
            if (!ROLE.matcher(role).matches()) throw ApiException.invalidField("roles", "role names are lowercase words");
        if (kind == UserKind.ADMIN) {
            email = canonicalEmail(email);
            if (passwordHash == null || passwordHash.isBlank())
                throw ApiException.invalidField("password", "an admin needs a password");
            if (phone != null) throw ApiException.invalidField("phone", "admins are known by email, not phone");
        } else if (email != null || passwordHash != null) {
            throw ApiException.invalidField("email", "portal users have no email or password");
        }
    }

    /** Returns a new, active admin, never seen yet. */
    public static User admin(String userId, String email, String passwordHash, Set<String> roles, Instant createdAt) {
        return new User(userId, UserKind.ADMIN, null, email, passwordHash, roles, UserStatus.ACTIVE, createdAt, null);
    }

    /** Returns a new, active portal user with no roles, never seen yet; {@code phone} may be null. */
    public static User portal(String userId, Phone phone, Instant createdAt) {
        return new User(userId, UserKind.PORTAL, phone, null, null, Set.of(), UserStatus.ACTIVE, createdAt, null);
    }

    /**
     * Returns the email as stored and looked up: trimmed and lower-cased, shaped {@code local@domain} (the domain
     * may have no dot); anything else is 400 {@code INVALID_FIELD} naming {@code email}.
     */
    public static String canonicalEmail(String input) {
        String email = input == null ? "" : input.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches())
            throw ApiException.invalidField("email", "email must look like name@example.com");
        return email;
    }

    /** Returns whether {@code role} is among the user's roles. */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Never prints the password hash (records print every field). */
    @Override
    public String toString() {
        return "User[userId=" + userId + ", kind=" + kind + ", phone=" + phone + ", email=" + email + ", roles=" + roles
                + ", status=" + status + ", createdAt=" + createdAt + ", lastSeenAt=" + lastSeenAt + "]";
    }
}
