package com.wifibilling.core.unifi;

import com.wifibilling.core.config.SecretRefs;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GuestAuthorizer;
import com.wifibilling.core.session.Session;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link GuestAuthorizer} on UniFi controllers: one {@link UnifiClient} per gateway, kept across warm invocations so
 * its login cookie is reused (contracts/gateways.md §5.3), all sharing one OkHttp connection pool.
 */
public final class UnifiGuests implements GuestAuthorizer {
    private static final Logger log = LoggerFactory.getLogger(UnifiGuests.class);

    private final OkHttpClient http;
    private final SecretRefs secrets;
    private final Map<String, UnifiClient> clients = new ConcurrentHashMap<>();

    public UnifiGuests(OkHttpClient http, SecretRefs secrets) {
        this.http = http;
        this.secrets = secrets;
    }

    @Override
    public Result authorize(Gateway gateway, Session session, Instant now) {
        return call(gateway, client -> client.authorizeGuest(UnifiGuest.of(session, now)));
    }

    @Override
    public Result unauthorize(Gateway gateway, Session session) {
        return call(gateway, client -> client.unauthorizeGuest(session.mac()));
    }

    private Result call(Gateway gateway, Consumer<UnifiClient> command) {
        UnifiClient client = clients.computeIfAbsent(gateway.gatewayId(), id ->
                new UnifiClient(http, gateway.unifi(), UnifiCredentials.resolve(gateway.unifi().credentialsRef(), secrets)));
        try {
            command.accept(client);
            return Result.DONE;
        } catch (UnifiException e) {
            log.atWarn().addKeyValue("gatewayId", gateway.gatewayId()).addKeyValue("kind", e.kind().name()).log("unifi.command-failed");
            return e.kind() == UnifiException.Kind.UNAVAILABLE ? Result.UNAVAILABLE : Result.REFUSED;
        }
    }
}
