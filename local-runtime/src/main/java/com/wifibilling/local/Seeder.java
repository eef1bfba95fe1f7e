package com.wifibilling.local;

import com.wifibilling.core.auth.PasswordHasher;
import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayStore;
import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.pkg.PackageStore;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.user.AdminCreation;
import com.wifibilling.core.user.User;
import com.wifibilling.core.user.UserStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Puts what a fresh local stack needs into its tables, through the same stores the functions use (never raw
 * items): the packages of {@code config/packages.json}, the {@code default} gateway the gateway simulator plays,
 * and one admin account. Everything is create-if-absent, so with {@code --data-dir} an operator's edits survive a
 * restart and nothing is duplicated. The exceptions are the default gateway's simulator URLs, which follow
 * the port when the runtime restarts on another one (and only while they are still the seeded ones), and its CoA
 * port, which follows the simulator's DAS while the CoA address is still 127.0.0.1.
 */
final class Seeder {
    static final String DEFAULT_GATEWAY_ID = "default";
    static final String ADMIN_USER_ID = "local-admin";
    static final String ADMIN_EMAIL = "admin@localhost";
    /** Where the gateway's RADIUS secret lives locally: an environment variable of every function (an ARN in AWS). */
    /** Where the gateway simulator's DAS listens (its port is picked at each start). */
    static final String SIMULATOR_ADDRESS = "127.0.0.1";
    static final String LOCAL_RADIUS_SECRET_REF = "env:" + LocalSecrets.DEFAULT_GATEWAY_RADIUS_SECRET;
    private static final Pattern SEEDED_LOGIN_URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/sim/gateway/default/login");

    record PackagesSeeded(int created, int kept) {}

    enum Outcome { CREATED, KEPT, UPDATED }

    record GatewaySeeded(String gatewayId, Outcome outcome) {}

    /** The admin account; {@code generatedPassword} is present only when this start made it (shown once). */
    record AdminSeeded(String email, Outcome outcome, Optional<String> generatedPassword) {
        @Override
        public String toString() {
            return "AdminSeeded[email=" + email + ", outcome=" + outcome + "]"; // never the password
        }
    }

    private Seeder() {}

    /** Returns how many packages were created and how many already existed (and were left as they are). */
    static PackagesSeeded packages(PackageStore store, Path packagesJson) {
        int created = 0;
        int kept = 0;
        for (TimePackage timePackage : PackagesFile.read(packagesJson)) {
            if (store.create(timePackage)) created++;
            else kept++;
        }
        return new PackagesSeeded(created, kept);
    }

    /**
     * Returns what became of the {@code default} gateway: a MikroTik-type gateway whose RADIUS client is
     * 127.0.0.1, whose login page is the gateway simulator's on this port (DESIGN §9) and whose CoA goes to the
     * simulator's DAS on 127.0.0.1:{@code dasPort} (contracts/gateways.md §8).
     */
    static GatewaySeeded defaultGateway(GatewayStore gateways, int port, int dasPort, Clock clock) {
        Gateway seeded = Gateway.builder(DEFAULT_GATEWAY_ID, "Local gateway simulator", GatewayType.MIKROTIK, clock.instant())
                .radiusClientAddress("127.0.0.1")
                .radiusSecretRef(LOCAL_RADIUS_SECRET_REF)
                .defaultLoginUrl(loginUrl(port))
                .loginUrlHosts(loginHosts(port))
                .coaAddress(SIMULATOR_ADDRESS)
                .coaPort(dasPort)
                .build();
        if (gateways.create(seeded)) return new GatewaySeeded(DEFAULT_GATEWAY_ID, Outcome.CREATED);
        Gateway existing = gateways.find(DEFAULT_GATEWAY_ID).orElseThrow();
        Gateway.Builder next = existing.toBuilder();
        boolean changed = false;
        var previous = Optional.ofNullable(existing.defaultLoginUrl()).map(SEEDED_LOGIN_URL::matcher).filter(m -> m.matches());
        if (previous.isPresent()) {
            int previousPort = Integer.parseInt(previous.get().group(1));
            // Same port, or the operator edited the hosts: keep. Otherwise follow the port.
            if (previousPort != port && existing.loginUrlHosts().equals(loginHosts(previousPort))) {
                next.defaultLoginUrl(loginUrl(port)).loginUrlHosts(loginHosts(port));
                changed = true;
            }
        }
        // The DAS picks a free port at every start. A CoA address still on the simulator's (or none, from before the
        // simulator had a DAS) follows it; an operator who pointed the gateway at another address keeps theirs.
        boolean simulatorDas = existing.coaAddress() == null || existing.coaAddress().equals(SIMULATOR_ADDRESS);
        if (simulatorDas && (existing.coaPort() != dasPort || existing.coaAddress() == null)) {
            next.coaAddress(SIMULATOR_ADDRESS).coaPort(dasPort);
            changed = true;
        }
        if (!changed) return new GatewaySeeded(DEFAULT_GATEWAY_ID, Outcome.KEPT);
        return new GatewaySeeded(DEFAULT_GATEWAY_ID, gateways.update(existing, next.build()).isPresent() ? Outcome.UPDATED : Outcome.KEPT);
    }

    /**
     * Returns what became of {@code admin@localhost}: created with {@code ADMIN_PASSWORD} when given (at least 12
     * characters), else with a generated password returned for the banner; an existing account is left as it is,
     * password included.
     */
    static AdminSeeded admin(UserStore users, Optional<String> adminPassword, PasswordHasher hasher, Clock clock) {
        if (users.find(ADMIN_USER_ID).isPresent()) return new AdminSeeded(ADMIN_EMAIL, Outcome.KEPT, Optional.empty());
        char[] password = adminPassword.orElseGet(() -> LocalSecrets.alphanumeric(20)).toCharArray();
        try {
            PasswordHasher.checkStrength(password);
        } catch (ApiException tooWeak) {
            throw new ConfigException("Environment variable ADMIN_PASSWORD: " + tooWeak.getMessage());
        }
        User admin = User.admin(ADMIN_USER_ID, ADMIN_EMAIL, hasher.hash(password.clone()), Set.of("admin"), clock.instant());
        AdminCreation created = users.createAdmin(admin);
        if (created != AdminCreation.CREATED) // someone made admin@localhost under another id: theirs stays
            return new AdminSeeded(ADMIN_EMAIL, Outcome.KEPT, Optional.empty());
        return new AdminSeeded(ADMIN_EMAIL, Outcome.CREATED, adminPassword.isPresent() ? Optional.empty() : Optional.of(new String(password)));
    }

    static String loginUrl(int port) {
        return "http://127.0.0.1:" + port + "/sim/gateway/default/login";
    }

    static List<String> loginHosts(int port) {
        return List.of("127.0.0.1:" + port, "localhost:" + port);
    }
}
