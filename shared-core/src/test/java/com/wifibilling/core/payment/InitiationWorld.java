package com.wifibilling.core.payment;

import com.wifibilling.core.daraja.DarajaClient;
import com.wifibilling.core.daraja.DarajaServer;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayParams;
import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.gateway.LoginBuilder;
import com.wifibilling.core.guard.AttemptLimit;
import com.wifibilling.core.guard.AttemptLimiter;
import com.wifibilling.core.pkg.PackageCatalog;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.session.TimeMoves;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/**
 * {@link PaymentWorld} plus what the PaymentApi adds: a gateway of the test's own, an active package, a Daraja
 * played by {@link DarajaServer}, and the initiation and lookup services wired as PaymentWiring wires them. The
 * inline polling's pause advances the test clock instead of sleeping.
 */
final class InitiationWorld implements AutoCloseable {
    static final TimePackage DAY = new TimePackage("day-pay", "1 day", "One day", 1440, 5, 2, 80, true, 2);
    static final String ACCEPTED = """
            {"MerchantRequestID":"29115-34620561-%1$s","CheckoutRequestID":"ws_CO_%1$s","ResponseCode":"0",
             "ResponseDescription":"Success. Request accepted for processing","CustomerMessage":"Success. Request accepted for processing"}""";
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final OkHttpClient HTTP = new OkHttpClient();

    final PaymentWorld world;
    final DarajaServer daraja = new DarajaServer();
    final DynamoDbGatewayStore gateways;
    final String gatewayId = "gw-init-" + IDS.incrementAndGet() + "-" + System.nanoTime();
    final PaymentInitiation initiation;
    final PaymentLookup lookup;
    final PurchaseCredentials credentials;
    final ReceiptClaims claims;
    private boolean tokenServed;

    InitiationWorld(TestTables tables, InlinePolling polling) {
        world = new PaymentWorld(tables);
        var packages = new DynamoDbPackageStore(tables.enhanced(), tables.name("PackagesTable"));
        packages.create(DAY);
        gateways = new DynamoDbGatewayStore(tables.client(), tables.name("GatewaysTable"));
        gateways.create(Gateway.builder(gatewayId, "Test hotspot", GatewayType.MIKROTIK, PaymentWorld.NOW)
                .radiusClientAddress("10.0.0.1").radiusSecretRef("env:TEST_SECRET")
                .defaultLoginUrl("http://10.5.50.1/login").loginUrlHosts(List.of("10.5.50.1")).build());
        var config = daraja.payBill(DarajaServer.newConsumerKey());
        var client = new DarajaClient(HTTP, config, world.clock);
        var catalog = new PackageCatalog(packages, world.clock, Duration.ZERO);
        var settings = new InitiationSettings(gatewayId, config.callbackUrl(), polling, Duration.ofSeconds(660));
        initiation = new PaymentInitiation(catalog, gateways, world.guards, world.transactions, client, world.finalizer, settings,
                world.clock::advance, world.metrics, world.clock);
        credentials = new PurchaseCredentials(world.sessions, gateways, new LoginBuilder("https://portal.example.co.ke"), world.clock);
        lookup = new PaymentLookup(world.transactions, world.finalizer, credentials, world.guards, client, world.metrics, world.clock);
        var limiter = new AttemptLimiter(world.guards, List.of(AttemptLimit.CLAIM_DEVICE, AttemptLimit.CLAIM_RECEIPT), world.metrics,
                world.clock);
        var moves = new TimeMoves(world.sessions, world.grants, world.publisher, world.guards, world.clock);
        claims = new ReceiptClaims(world.guards, world.transactions, gateways, moves, world.finalizer, limiter,
                new LoginBuilder("https://portal.example.co.ke"), gatewayId);
    }

    /** Returns a request for {@link #DAY} from {@code phone} on the device {@code mac} of this world's gateway. */
    InitiateRequest request(String phone, String mac) {
        return new InitiateRequest(phone, DAY.packageId(), params(mac), "sw");
    }

    GatewayParams params(String mac) {
        return new GatewayParams(gatewayId, mac, "10.5.50.23", "http://10.5.50.1/login", "http://example.com/",
                "f9", "ef0dd80b119c65a5c3ab62a65b7dfdce");
    }

    /**
     * Queues Daraja's answer to one accepted push (after a token, the first time: the client caches it); returns
     * its CheckoutRequestID.
     */
    String acceptPush() {
        String id = IDS.incrementAndGet() + "x" + System.nanoTime();
        token();
        daraja.answer(200, ACCEPTED.formatted(id));
        return "ws_CO_" + id;
    }

    /** Queues the OAuth answer the first Daraja call of this world needs. */
    void token() {
        if (!tokenServed) daraja.answerToken();
        tokenServed = true;
    }

    Instant deadline() {
        return world.clock.instant().plusSeconds(28);
    }

    static String uniqueMac() {
        int n = IDS.incrementAndGet();
        return String.format("02:20:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    }

    static String uniquePhone() {
        return "07" + String.format("%08d", 20_000_000 + IDS.incrementAndGet());
    }

    @Override
    public void close() {
        daraja.close();
    }
}
