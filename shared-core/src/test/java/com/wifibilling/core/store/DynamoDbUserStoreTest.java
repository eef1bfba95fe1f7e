package com.wifibilling.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import com.wifibilling.core.guard.GuardKeys;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.user.AdminCreation;
import com.wifibilling.core.user.User;
import com.wifibilling.core.user.UserKind;
import com.wifibilling.core.user.UserStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynaliteExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbUserStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-25T07:00:00Z");
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";

    private final TestTables tables;
    private final DynamoDbGuardStore guards;
    private final DynamoDbUserStore users;

    DynamoDbUserStoreTest(TestTables tables) {
        this.tables = tables;
        this.guards = new DynamoDbGuardStore(tables.client(), tables.name("GuardsTable"));
        this.users = storeOn(tables);
    }

    private static DynamoDbUserStore storeOn(TestTables tables) {
        return new DynamoDbUserStore(tables.client(), tables.name("UsersTable"),
                new DynamoDbGuardStore(tables.client(), tables.name("GuardsTable")));
    }

    @Test
    void adminReadsBackWithEveryField() {
        var admin = new User("admin-1", UserKind.ADMIN, null, "Ops@Example.co.ke", HASH, Set.of("admin", "support"),
                UserStatus.ACTIVE, T0, T0.plusSeconds(90).plusMillis(5));
        assertEquals(AdminCreation.CREATED, users.createAdmin(admin));
        User read = users.find("admin-1").orElseThrow();
        assertEquals(admin, read);
        assertEquals("ops@example.co.ke", read.email());
        assertEquals(HASH, read.passwordHash());
    }

    @Test
    void portalUserReadsBackWithEveryFieldWithAndWithoutPhone() {
        var withPhone = User.portal("portal-1", Phone.parse("0712345001"), T0);
        var withoutPhone = User.portal("portal-2", null, T0.plusMillis(1));
        assertTrue(users.createPortalUser(withPhone));
        assertTrue(users.createPortalUser(withoutPhone));
        assertEquals(Optional.of(withPhone), users.find("portal-1"));
        assertEquals(Optional.of(withoutPhone), users.find("portal-2"));
    }

    @Test
    void secondPortalUserWithTheSameIdWritesNothing() {
        assertTrue(users.createPortalUser(User.portal("portal-3", Phone.parse("0712345003"), T0)));
        assertFalse(users.createPortalUser(User.portal("portal-3", Phone.parse("0712345999"), T0.plusSeconds(5))));
        assertEquals("254712345003", users.find("portal-3").orElseThrow().phone().msisdn());
    }

    @Test
    void adminWithATakenEmailIsNotWritten() {
        assertEquals(AdminCreation.CREATED, users.createAdmin(User.admin("admin-2", "taken@localhost", HASH, Set.of("admin"), T0)));
        assertEquals(AdminCreation.EMAIL_TAKEN, users.createAdmin(User.admin("admin-3", "TAKEN@localhost", HASH, Set.of("admin"), T0)));
        assertEquals(Optional.empty(), users.find("admin-3"));
        assertEquals("admin-2", guards.find(GuardKeys.email("taken@localhost")).orElseThrow().owner());
    }

    @Test
    void repeatingCreateAdminAnswersCreatedAndChangesNothing() {
        var admin = User.admin("admin-4", "again@localhost", HASH, Set.of("admin"), T0);
        assertEquals(AdminCreation.CREATED, users.createAdmin(admin));
        assertEquals(AdminCreation.CREATED, users.createAdmin(admin));
        assertEquals(Optional.of(admin), users.find("admin-4"));
    }

    @Test
    void createAdminFinishesAfterACrashBetweenGuardAndUser() {
        guards.claim(GuardKeys.email("crashed@localhost"), "admin-5"); // step 1 done, then the caller died
        assertEquals(AdminCreation.EMAIL_TAKEN, users.createAdmin(User.admin("admin-6", "crashed@localhost", HASH, Set.of(), T0)));
        assertEquals(AdminCreation.CREATED, users.createAdmin(User.admin("admin-5", "crashed@localhost", HASH, Set.of(), T0)));
        assertEquals("crashed@localhost", users.find("admin-5").orElseThrow().email());
    }

    @Test
    void adminWhoseUserIdIsTakenReleasesTheEmailItClaimed() {
        users.createPortalUser(User.portal("shared-id", null, T0));
        assertEquals(AdminCreation.USER_ID_TAKEN, users.createAdmin(User.admin("shared-id", "free@localhost", HASH, Set.of(), T0)));
        assertEquals(Optional.empty(), guards.find(GuardKeys.email("free@localhost")));
        assertEquals(UserKind.PORTAL, users.find("shared-id").orElseThrow().kind());
        assertEquals(AdminCreation.CREATED, users.createAdmin(User.admin("admin-7", "free@localhost", HASH, Set.of(), T0)));
    }

    @Test
    void sixteenRacersCreatingAdminsWithOneEmailLeaveExactlyOneUser() throws Exception {
        for (int round = 0; round < 20; round++) {
            String email = "race" + round + "@localhost";
            String prefix = "racer-" + round + "-";
            List<AdminCreation> answers = BarrierRace.race(16,
                    i -> () -> users.createAdmin(User.admin(prefix + i, email, HASH, Set.of("admin"), T0)));
            assertEquals(1, answers.stream().filter(a -> a == AdminCreation.CREATED).count(), "round " + round + ": " + answers);
            assertEquals(15, answers.stream().filter(a -> a == AdminCreation.EMAIL_TAKEN).count());
            List<String> existing = new ArrayList<>();
            for (int i = 0; i < 16; i++) users.find(prefix + i).ifPresent(u -> existing.add(u.userId()));
            assertEquals(1, existing.size(), "round " + round + ": " + existing);
            String winner = prefix + answers.indexOf(AdminCreation.CREATED);
            assertEquals(List.of(winner), existing);
            assertEquals(winner, guards.find(GuardKeys.email(email)).orElseThrow().owner());
        }
    }

    @Test
    void sixteenRacersCreatingOnePortalUserLeaveExactlyOneWinnerEveryRound() throws Exception {
        for (int round = 0; round < 20; round++) {
            String userId = "portal-race-" + round;
            List<Boolean> answers = BarrierRace.race(16, i -> () -> users.createPortalUser(
                    User.portal(userId, Phone.parse(String.format("07123451%02d", i)), T0)));
            assertEquals(1, answers.stream().filter(won -> won).count(), "round " + round);
            assertEquals(String.format("2547123451%02d", answers.indexOf(true)), users.find(userId).orElseThrow().phone().msisdn());
        }
    }

    @Test
    void racingTouchesLeaveTheLatestLastSeen() throws Exception {
        users.createPortalUser(User.portal("portal-busy", null, T0));
        List<Boolean> moved = BarrierRace.race(16, i -> () -> users.touch("portal-busy", T0.plusSeconds(i == 7 ? 1000 : i)));
        assertEquals(T0.plusSeconds(1000), users.find("portal-busy").orElseThrow().lastSeenAt());
        assertTrue(moved.get(7)); // the latest touch always moves it; an earlier one never overwrites it
    }

    @Test
    void findByEmailIgnoresCaseAndFindsOnlyAdmins() {
        users.createAdmin(User.admin("admin-8", "case@localhost", HASH, Set.of("admin"), T0));
        assertEquals("admin-8", users.findByEmail("  CASE@LocalHost ").orElseThrow().userId());
        assertEquals(Optional.empty(), users.findByEmail("nobody@localhost"));
    }

    @Test
    void findByPhoneReturnsTheEarliestUserWithThatPhone() {
        Phone phone = Phone.parse("0712345010");
        users.createPortalUser(User.portal("portal-late", phone, T0.plusSeconds(10)));
        users.createPortalUser(User.portal("portal-early", phone, T0));
        assertEquals("portal-early", users.findByPhone(phone).orElseThrow().userId());
        assertEquals(Optional.empty(), users.findByPhone(Phone.parse("0712345011")));
    }

    @Test
    void phoneAndEmailIndexesHoldOnlyUsersThatHaveTheAttribute(TestTables fresh) {
        DynamoDbUserStore store = storeOn(fresh);
        store.createPortalUser(User.portal("with-phone", Phone.parse("0712345020"), T0));
        store.createPortalUser(User.portal("no-phone", null, T0));
        store.createAdmin(User.admin("an-admin", "sparse@localhost", HASH, Set.of("admin"), T0));
        assertEquals(Set.of("with-phone"), userIdsIn(fresh, DynamoDbUserStore.PHONE_INDEX));
        assertEquals(Set.of("an-admin"), userIdsIn(fresh, DynamoDbUserStore.EMAIL_INDEX));
        assertEquals(Set.of("with-phone", "no-phone", "an-admin"), userIdsIn(fresh, DynamoDbUserStore.KIND_INDEX));
    }

    private static Set<String> userIdsIn(TestTables tables, String index) {
        return Set.copyOf(tables.client().scan(r -> r.tableName(tables.name("UsersTable")).indexName(index)).items()
                .stream().map(item -> item.get("userId").s()).toList());
    }

    @Test
    void listPagesThroughOneKindNewestFirst(TestTables fresh) {
        DynamoDbUserStore store = storeOn(fresh);
        for (int i = 0; i < 7; i++) store.createPortalUser(User.portal("p" + i, null, T0.plusSeconds(i)));
        store.createAdmin(User.admin("not-listed", "list@localhost", HASH, Set.of(), T0.plusSeconds(100)));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<User> page = store.list(UserKind.PORTAL, 3, cursor);
            page.items().forEach(u -> seen.add(u.userId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(List.of("p6", "p5", "p4", "p3", "p2", "p1", "p0"), seen);
        assertTrue(pages >= 3);
        assertEquals(List.of("not-listed"), store.list(UserKind.ADMIN, 10, null).items().stream().map(User::userId).toList());
    }

    @Test
    void garbageOrForeignCursorsAndBadLimitsAreInvalidFields() {
        assertInvalid("cursor", () -> users.list(UserKind.PORTAL, 10, "not-a-cursor"));
        String adminCursor = Cursors.encode(Map.of("kind", AttributeValue.fromS("admin"),
                "createdAt", AttributeValue.fromS(StoredTime.iso(T0)), "userId", AttributeValue.fromS("x")));
        assertInvalid("cursor", () -> users.list(UserKind.PORTAL, 10, adminCursor));
        String numericCursor = Cursors.encode(Map.of("kind", AttributeValue.fromS("portal"),
                "createdAt", AttributeValue.fromN("5"), "userId", AttributeValue.fromS("x")));
        assertInvalid("cursor", () -> users.list(UserKind.PORTAL, 10, numericCursor));
        assertInvalid("limit", () -> users.list(UserKind.PORTAL, 0, null));
        assertInvalid("limit", () -> users.list(UserKind.PORTAL, 101, null));
    }

    @Test
    void touchMovesLastSeenForwardOnly() {
        users.createPortalUser(User.portal("portal-touch", null, T0));
        assertTrue(users.touch("portal-touch", T0.plusSeconds(60)));
        assertFalse(users.touch("portal-touch", T0.plusSeconds(30)));
        assertEquals(T0.plusSeconds(60), users.find("portal-touch").orElseThrow().lastSeenAt());
        assertFalse(users.touch("nobody", T0));
        assertEquals(Optional.empty(), users.find("nobody"));
    }

    @Test
    void passwordHashChangesOnlyForExistingAdmins() {
        users.createAdmin(User.admin("admin-pw", "pw@localhost", HASH, Set.of("admin"), T0));
        users.createPortalUser(User.portal("portal-pw", null, T0));
        assertTrue(users.updatePasswordHash("admin-pw", "$argon2id$new"));
        assertEquals("$argon2id$new", users.find("admin-pw").orElseThrow().passwordHash());
        assertFalse(users.updatePasswordHash("portal-pw", "$argon2id$new"));
        assertNull(users.find("portal-pw").orElseThrow().passwordHash());
        assertFalse(users.updatePasswordHash("nobody", "$argon2id$new"));
        assertEquals(Optional.empty(), users.find("nobody"));
    }

    @Test
    void statusChangesOnlyForExistingUsers() {
        users.createAdmin(User.admin("admin-off", "off@localhost", HASH, Set.of("admin"), T0));
        assertTrue(users.setStatus("admin-off", UserStatus.DISABLED));
        assertEquals(UserStatus.DISABLED, users.find("admin-off").orElseThrow().status());
        assertFalse(users.setStatus("nobody", UserStatus.DISABLED));
        assertEquals(Optional.empty(), users.find("nobody"));
    }

    private static void assertInvalid(String field, org.junit.jupiter.api.function.Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(400, e.status());
        assertEquals("INVALID_FIELD", e.code());
        assertEquals(Optional.of(field), e.field());
    }
}
