package com.wifibilling.core.gateway;

import com.wifibilling.core.RandomText;
import com.wifibilling.core.WireName;
import com.wifibilling.core.config.SecretRefs;
import com.wifibilling.core.config.SecretStore;
import com.wifibilling.core.event.AuditEvent;
import com.wifibilling.core.event.EventStore;
import com.wifibilling.core.http.ApiException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Adds gateways and renews their secrets (contracts/gateways.md §1, §5, §6). Each gateway gets an API key for the
 * polling API ({@code <gatewayId>.<secret>}; only SHA-256 of the secret is stored) and, unless it is a UniFi, a
 * RADIUS shared secret kept in the secret store under {@code <prefix><gatewayId>} (its {@code radiusSecretRef}).
 * Both are answered once, at create or rotate, and never again.
 *
 * <p>The gateway item is written before its secret: the conditional create is what claims the id, so a second
 * admin creating the same id can never overwrite the first one's secret. Should the secret store fail after it,
 * the gateway exists without a usable secret and the error says to rotate, which writes both again.
 */
public final class GatewayOnboarding {
    /** Letters and digits: ≥ 24 as DESIGN §9 asks of RADIUS secrets, 32 for about 190 bits. */
    public static final int RADIUS_SECRET_LENGTH = 32;
    public static final int API_SECRET_LENGTH = 40;
    private static final int UPDATE_ATTEMPTS = 3;

    /** What create and rotate answer: the gateway as stored and the secrets made now (null when not made). */
    public record Issued(Gateway gateway, String apiKey, String apiSecret, String radiusSecret) {
        @Override
        public String toString() {
            return "Issued[" + gateway.gatewayId() + ", secrets hidden]";
        }
    }

    private final GatewayStore gateways;
    private final SecretStore secrets;
    private final String secretsPrefix;
    private final EventStore events;
    private final Clock clock;

    public GatewayOnboarding(GatewayStore gateways, SecretStore secrets, String secretsPrefix, EventStore events, Clock clock) {
        this.gateways = gateways;
        this.secrets = secrets;
        this.secretsPrefix = secretsPrefix;
        this.events = events;
        this.clock = clock;
    }

    /** Returns the new gateway and its secrets; 409 {@code GATEWAY_EXISTS} when the id is taken, writing nothing. */
    public Issued create(GatewaySpec spec, String actor) {
        Gateway checked = spec.toGateway("gw-" + RandomText.lettersAndDigits(8).toLowerCase(Locale.ROOT), clock.instant());
        String apiSecret = RandomText.lettersAndDigits(API_SECRET_LENGTH);
        boolean radius = usesRadius(checked);
        String radiusSecret = radius ? RandomText.lettersAndDigits(RADIUS_SECRET_LENGTH) : null;
        Gateway gateway = checked.toBuilder().apiKeyHash(GatewayKeys.hash(apiSecret))
                .radiusSecretRef(radius ? SecretRefs.storeRef(secretName(checked.gatewayId())) : null).build();
        if (!gateways.create(gateway))
            throw new ApiException(409, "GATEWAY_EXISTS", "A gateway with id " + gateway.gatewayId() + " already exists");
        audit("admin.gateway.created", actor, gateway, Map.of("type", WireName.of(gateway.type())));
        if (radius) storeSecret(gateway, radiusSecret);
        return new Issued(gateway, gateway.gatewayId() + "." + apiSecret, apiSecret, radiusSecret);
    }

    /**
     * Returns the gateway with a new API key and/or RADIUS secret. A RADIUS secret kept in an environment variable
     * (a hand-provisioned gateway) moves into the secret store. The old key stops working at once; the old RADIUS
     * secret when FreeRADIUS next loads its clients and the router has the new one.
     */
    public Issued rotate(String gatewayId, boolean apiKey, boolean radiusSecret, String actor) {
        if (!apiKey && !radiusSecret) throw ApiException.invalidField("apiKey", "rotate apiKey, radiusSecret or both");
        for (int attempt = 1; ; attempt++) {
            Gateway read = gateways.find(gatewayId).orElseThrow(() -> ApiException.notFound("NOT_FOUND", "There is no such gateway"));
            if (radiusSecret && !usesRadius(read))
                throw ApiException.invalidField("radiusSecret", "a unifi gateway has no RADIUS secret");
            String newApiSecret = apiKey ? RandomText.lettersAndDigits(API_SECRET_LENGTH) : null;
            String newRadiusSecret = radiusSecret ? RandomText.lettersAndDigits(RADIUS_SECRET_LENGTH) : null;
            var next = read.toBuilder();
            if (newApiSecret != null) next.apiKeyHash(GatewayKeys.hash(newApiSecret));
            if (newRadiusSecret != null) {
                storeSecret(read, newRadiusSecret);
                next.radiusSecretRef(SecretRefs.storeRef(secretName(gatewayId)));
            }
            Optional<Gateway> stored = gateways.update(read, next.build());
            if (stored.isPresent()) {
                audit("admin.gateway.rotated", actor, read, Map.of("apiKey", Boolean.toString(apiKey), "radiusSecret", Boolean.toString(radiusSecret)));
                return new Issued(stored.get(), newApiSecret == null ? null : gatewayId + "." + newApiSecret, newApiSecret, newRadiusSecret);
            }
            if (attempt == UPDATE_ATTEMPTS)
                throw new ApiException(409, "CONCURRENT_UPDATE", "The gateway changed while rotating; try again");
        }
    }

    /**
     * Returns the gateway after an operator's edit (checked as create checks, 400 naming the field; 404 for an
     * unknown id; 409 {@code STALE_GATEWAY} when the edit names a version that is no longer stored). The secrets and
     * the system's own fields are kept as they are.
     */
    public Gateway update(String gatewayId, GatewayEdit edit, String actor) {
        if (edit == null) throw ApiException.invalidField("name", "send the fields to change");
        for (int attempt = 1; ; attempt++) {
            Gateway read = gateways.find(gatewayId).orElseThrow(() -> ApiException.notFound("NOT_FOUND", "There is no such gateway"));
            Optional<Gateway> stored = gateways.update(read, edit.applyTo(read));
            if (stored.isPresent()) {
                audit("admin.gateway.updated", actor, stored.get(), Map.of("version", Long.toString(stored.get().version()),
                        "status", WireName.of(stored.get().status())));
                return stored.get();
            }
            // Someone else wrote in between: a heartbeat's lastSeenAt does not count (touch leaves the version),
            // so this is another admin; with a version named that is a conflict, without one we apply again.
            if (edit.version() != null || attempt == UPDATE_ATTEMPTS)
                throw ApiException.conflict("STALE_GATEWAY", "Someone changed this gateway since you opened it: reload and apply your change again");
        }
    }

    /** Records who changed the gateway in the audit log (never a secret). */
    private void audit(String type, String actor, Gateway gateway, Map<String, String> details) {
        events.record(AuditEvent.of(clock.instant(), type, actor, gateway.gatewayId(), null, details));
    }

    private String secretName(String gatewayId) {
        return secretsPrefix + gatewayId;
    }

    private void storeSecret(Gateway gateway, String radiusSecret) {
        try {
            secrets.put(secretName(gateway.gatewayId()), radiusSecret);
        } catch (ApiException unavailable) {
            throw new ApiException(503, "SECRET_STORE_UNAVAILABLE", "Gateway " + gateway.gatewayId()
                    + " is saved but its RADIUS secret could not be stored; rotate its secrets to finish");
        }
    }

    private static boolean usesRadius(Gateway gateway) {
        return gateway.type() != GatewayType.UNIFI;
    }
}
