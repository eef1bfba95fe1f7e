package com.wifibilling.core.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.wifibilling.core.Phone;
import com.wifibilling.core.http.ApiException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UserTest {
    private static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");

    @ParameterizedTest
    @CsvSource({
            "admin@localhost, admin@localhost",
            "' Ops@Example.CO.KE ', ops@example.co.ke",
            "first.last+wifi@mail.example.com, first.last+wifi@mail.example.com"})
    void emailsAreTrimmedAndLowerCasedAndMayHaveABareHost(String input, String stored) {
        assertEquals(stored, User.canonicalEmail(input));
        assertEquals(stored, User.admin("a", input, "hash", Set.of("admin"), T0).email());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a@", "@localhost", "a b@localhost", "a@b@c", "a@-host", "a@host.", "a@.host", "a@ho_st"})
    void malformedEmailsAreAnInvalidEmailField(String input) {
        ApiException e = assertThrows(ApiException.class, () -> User.canonicalEmail(input));
        assertEquals("INVALID_FIELD", e.code());
        assertEquals(Optional.of("email"), e.field());
    }

    @Test
    void adminsNeedAPasswordAndNoPhone() {
        assertThrows(ApiException.class, () -> User.admin("a", "a@localhost", " ", Set.of(), T0));
        assertThrows(ApiException.class, () -> new User("a", UserKind.ADMIN, Phone.parse("0712345678"), "a@localhost", "h",
                Set.of(), UserStatus.ACTIVE, T0, null));
    }

    @Test
    void portalUsersHaveNoEmailOrPassword() {
        assertThrows(ApiException.class, () -> new User("p", UserKind.PORTAL, null, "p@localhost", null, Set.of(), UserStatus.ACTIVE, T0, null));
        assertThrows(ApiException.class, () -> new User("p", UserKind.PORTAL, null, null, "hash", Set.of(), UserStatus.ACTIVE, T0, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "a/b"})
    void userIdsAreShortAndPlain(String userId) {
        ApiException e = assertThrows(ApiException.class, () -> User.portal(userId, null, T0));
        assertEquals(Optional.of("userId"), e.field());
    }

    @Test
    void printingAnAdminNeverShowsItsPasswordHash() {
        assertFalse(User.admin("a", "a@localhost", "$argon2id$secret", Set.of("admin"), T0).toString().contains("argon2id"));
    }
}
