package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.auth.PasswordHasher;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbUserStore;
import com.wifibilling.core.store.TestTables;
import com.wifibilling.core.user.User;
import com.wifibilling.core.user.UserKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seeding through the real stores on dynalite: created once, then left alone. */
@ExtendWith(DynaliteExtension.class)
class SeederTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T07:00:00Z"), ZoneOffset.UTC);
    private static final int DAS_PORT = 41_799;
    private static final PasswordHasher CHEAP = new PasswordHasher(64, 1, 1); // the real cost is for production, not tests
    private final DynamoDbGatewayStore gateways;
    private final DynamoDbUserStore users;

    SeederTest(TestTables tables) {
        gateways = new DynamoDbGatewayStore(tables.client(), tables.name("GatewaysTable"));
        users = new DynamoDbUserStore(tables.client(), tables.name("UsersTable"),
                new DynamoDbGuardStore(tables.client(), tables.name("GuardsTable")));
    }

    @Test
    void defaultGatewayIsTheSimulatorsMikrotikOnThisPort() {
        assertEquals(new Seeder.GatewaySeeded("default", Seeder.Outcome.CREATED), Seeder.defaultGateway(gateways, 3000, DAS_PORT, CLOCK));
        Gateway gateway = gateways.find("default").orElseThrow();
        assertEquals(GatewayType.MIKROTIK, gateway.type());
        assertEquals("127.0.0.1", gateway.radiusClientAddress());
        assertEquals("env:DEFAULT_GATEWAY_RADIUS_SECRET", gateway.radiusSecretRef());
        assertEquals("http://127.0.0.1:3000/sim/gateway/default/login", gateway.defaultLoginUrl());
        assertEquals(List.of("127.0.0.1:3000", "localhost:3000"), gateway.loginUrlHosts());
        assertEquals(List.of("127.0.0.1", DAS_PORT), List.of(gateway.coaAddress(), gateway.coaPort()), "CoA goes to the simulator's DAS");
        assertEquals(new Seeder.GatewaySeeded("default", Seeder.Outcome.KEPT), Seeder.defaultGateway(gateways, 3000, DAS_PORT, CLOCK));
        assertEquals(0, gateways.find("default").orElseThrow().version(), "a second start writes nothing");
    }

    @Test
    void seededLoginUrlsFollowTheRuntimeToAnotherPort() {
        Seeder.defaultGateway(gateways, 3000, DAS_PORT, CLOCK);
        assertEquals(Seeder.Outcome.UPDATED, Seeder.defaultGateway(gateways, 3001, DAS_PORT, CLOCK).outcome());
        Gateway moved = gateways.find("default").orElseThrow();
        assertEquals("http://127.0.0.1:3001/sim/gateway/default/login", moved.defaultLoginUrl());
        assertEquals(List.of("127.0.0.1:3001", "localhost:3001"), moved.loginUrlHosts());
    }

    @Test
    void theCoaPortFollowsTheSimulatorsDasUnlessAnOperatorPointedItElsewhere() {
        Seeder.defaultGateway(gateways, 3000, DAS_PORT, CLOCK);
        assertEquals(Seeder.Outcome.UPDATED, Seeder.defaultGateway(gateways, 3000, DAS_PORT + 1, CLOCK).outcome());
        Gateway moved = gateways.find("default").orElseThrow();
        assertEquals(List.of("127.0.0.1", DAS_PORT + 1), List.of(moved.coaAddress(), moved.coaPort()));
        assertEquals("http://127.0.0.1:3000/sim/gateway/default/login", moved.defaultLoginUrl(), "the login URL stays");

        gateways.update(moved, moved.toBuilder().coaAddress("10.5.50.1").coaPort(3799).build());
        assertEquals(Seeder.Outcome.KEPT, Seeder.defaultGateway(gateways, 3000, DAS_PORT + 2, CLOCK).outcome());
        Gateway edited = gateways.find("default").orElseThrow();
        assertEquals(List.of("10.5.50.1", 3799), List.of(edited.coaAddress(), edited.coaPort()));
    }

    @Test
    void aGatewaySeededBeforeTheSimulatorHadADasGetsIt() {
        Gateway old = Gateway.builder("default", "Local gateway simulator", GatewayType.MIKROTIK, CLOCK.instant()).radiusClientAddress("127.0.0.1")
                .radiusSecretRef(Seeder.LOCAL_RADIUS_SECRET_REF).defaultLoginUrl(Seeder.loginUrl(3000)).loginUrlHosts(Seeder.loginHosts(3000)).build();
        gateways.create(old);
        assertEquals(Seeder.Outcome.UPDATED, Seeder.defaultGateway(gateways, 3000, DAS_PORT, CLOCK).outcome());
        assertEquals(DAS_PORT, gateways.find("default").orElseThrow().coaPort());
    }

    @Test
    void anOperatorsEditOfTheDefaultGatewayIsKept() {
        Seeder.defaultGateway(gateways, 3000, DAS_PORT, CLOCK);
        Gateway read = gateways.find("default").orElseThrow();
        gateways.update(read, read.toBuilder().defaultLoginUrl("http://10.5.50.1/login").loginUrlHosts(List.of("10.5.50.1")).build());
        assertEquals(Seeder.Outcome.KEPT, Seeder.defaultGateway(gateways, 3005, DAS_PORT, CLOCK).outcome());
        assertEquals("http://10.5.50.1/login", gateways.find("default").orElseThrow().defaultLoginUrl());
    }

    @Test
    void adminIsCreatedOnceWithAGeneratedPasswordThatVerifies() {
        Seeder.AdminSeeded seeded = Seeder.admin(users, Optional.empty(), CHEAP, CLOCK);
        assertEquals(Seeder.Outcome.CREATED, seeded.outcome());
        String password = seeded.generatedPassword().orElseThrow();
        assertTrue(password.matches("[A-Za-z0-9]{20}"));
        assertFalse(seeded.toString().contains(password));
        User admin = users.find(Seeder.ADMIN_USER_ID).orElseThrow();
        assertEquals(UserKind.ADMIN, admin.kind());
        assertEquals("admin@localhost", admin.email());
        assertEquals(Set.of("admin"), admin.roles());
        assertTrue(CHEAP.verify(password.toCharArray(), admin.passwordHash()));

        Seeder.AdminSeeded again = Seeder.admin(users, Optional.of("a-new-password-1"), CHEAP, CLOCK);
        assertEquals(new Seeder.AdminSeeded("admin@localhost", Seeder.Outcome.KEPT, Optional.empty()), again);
        assertEquals(admin.passwordHash(), users.find(Seeder.ADMIN_USER_ID).orElseThrow().passwordHash(), "never overwritten");
    }

    @Test
    void adminPasswordFromTheEnvironmentIsUsedAndNotShown() {
        Seeder.AdminSeeded seeded = Seeder.admin(users, Optional.of("correct horse battery"), CHEAP, CLOCK);
        assertEquals(Optional.empty(), seeded.generatedPassword());
        assertTrue(CHEAP.verify("correct horse battery".toCharArray(), users.find(Seeder.ADMIN_USER_ID).orElseThrow().passwordHash()));
    }

    @Test
    void tooShortAdminPasswordStopsStartUpNamingTheVariableNotTheValue() {
        var failure = assertThrows(ConfigException.class, () -> Seeder.admin(users, Optional.of("short1"), CHEAP, CLOCK));
        assertTrue(failure.getMessage().contains("ADMIN_PASSWORD"));
        assertFalse(failure.getMessage().contains("short1"));
        assertEquals(Optional.empty(), users.find(Seeder.ADMIN_USER_ID));
    }
}
