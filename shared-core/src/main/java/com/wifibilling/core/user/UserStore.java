package com.wifibilling.core.user;

import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import java.time.Instant;
import java.util.Optional;

/** The Users table (DESIGN §4) with its phone, email and kind indexes. */
public interface UserStore {
    /**
     * Returns {@link AdminCreation#CREATED} once the admin exists, {@link AdminCreation#EMAIL_TAKEN} when another
     * user holds the email, {@link AdminCreation#USER_ID_TAKEN} when another user has the userId. Email
     * uniqueness cannot come from a GSI (DynamoDB does not enforce it), so it is a uniqueness guard
     * {@code email#<email>} → userId, written before the user; see the adapter for the order of the two writes.
     * Safe to repeat: the same admin again answers {@code CREATED} and writes nothing new.
     */
    AdminCreation createAdmin(User admin);

    /** Returns false, writing nothing, when a user with that userId already exists. */
    boolean createPortalUser(User portalUser);

    /** Returns the user, strongly consistent. */
    Optional<User> find(String userId);

    /**
     * Returns the earliest-created user with that phone (phone-index). GSIs are eventually consistent: a user
     * created a moment ago may not be found yet.
     */
    Optional<User> findByPhone(Phone phone);

    /**
     * Returns the user with that email (email-index, canonicalised first). Eventually consistent like every GSI:
     * an admin created a moment ago may be missing for a moment, so a login right after creating an account may
     * fail once. Uniqueness does not depend on this read (the email guard decides it).
     */
    Optional<User> findByEmail(String email);

    /** Returns one page of users of that kind, newest first (kind-index); limit 1..100. */
    Page<User> list(UserKind kind, int limit, String cursor);

    /**
     * Returns true when {@code lastSeenAt} moved forward to {@code lastSeenAt}; false when the user does not exist
     * or was already seen later (a late, concurrent touch never moves it back).
     */
    boolean touch(String userId, Instant lastSeenAt);

    /** Returns false, writing nothing, when no admin with that userId exists. */
    boolean updatePasswordHash(String userId, String passwordHash);

    /** Returns false, writing nothing, when no user with that userId exists. */
    boolean setStatus(String userId, UserStatus status);
}
