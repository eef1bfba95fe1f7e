package com.wifibilling.local.gateway;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.SecretRefs;
import com.sun.net.httpserver.HttpHandler;
import com.wifibilling.core.Mac;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayStore;
import com.wifibilling.core.radius.RadiusSecret;
import com.wifibilling.core.session.LoginStore;
import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local gateway simulator (contracts/gateways.md §8): a MikroTik-like hotspot per gateway, served under
 * {@code /sim/gateway/{gatewayId}/}, and the {@code default} gateway's DAS on a UDP port of 127.0.0.1. Built in
 * two steps because the runtime needs the DAS port before it seeds the gateway ({@link #open}), and the stores,
 * secrets and API address only later ({@link #start}). RADIUS goes to the runtime's FreeRADIUS once
 * {@link #useFreeRadius} names its ports; until then, and without it, to {@code /api/radius/*}.
 */
public final class GatewaySimulator implements AutoCloseable {
    /** The gateway the runtime seeds and whose DAS this simulator runs. */
    public static final String DEFAULT_GATEWAY_ID = "default";
    private static final Logger log = LoggerFactory.getLogger(GatewaySimulator.class);

    /** What {@link #start} needs: the Gateways and Logins tables, the API and its RADIUS token, and how gateway secrets are read. */
    public record Wiring(GatewayStore gateways, LoginStore logins, URI api, String radiusApiToken, SecretRefs secrets) {
        @Override
        public String toString() {
            return "Wiring[api=" + api + "]"; // never the token
        }
    }

    private final Clock clock;
    private final NasSettings startSettings;
    private final AtomicReference<NasSettings> settings;
    private final DynamicAuthServer das;
    private final Devices devices;
    private final ReceivedLog received = new ReceivedLog();
    private final Map<String, DasScenario> scenarios = new ConcurrentHashMap<>();
    private final Map<String, Hotspot> hotspots = new ConcurrentHashMap<>();
    private final Map<String, RadiusBackend> backends = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timers;
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Wiring wiring;
    private volatile int[] freeRadiusPorts; // auth, acct; null without FreeRADIUS

    private GatewaySimulator(DynamicAuthServer das, NasSettings startSettings, Clock clock) {
        this.das = das;
        this.clock = clock;
        this.startSettings = startSettings;
        this.settings = new AtomicReference<>(startSettings);
        this.devices = new Devices(clock);
        this.timers = new ScheduledThreadPoolExecutor(2, task -> Thread.ofPlatform().daemon().name("gateway-sim-timer").unstarted(task));
        timers.setRemoveOnCancelPolicy(true);
    }

    /** Binds the default gateway's DAS port; nothing is served yet. */
    public static GatewaySimulator open(Clock clock) {
        return new GatewaySimulator(DynamicAuthServer.bind(), NasSettings.DEFAULTS, clock);
    }

    /** Returns the UDP port of the default gateway's DAS on 127.0.0.1: its {@code coaPort}. */
    public int dasPort() {
        return das.port();
    }

    /** Starts the DAS; the hotspot pages work from now on. */
    public void start(Wiring parts) {
        this.wiring = parts;
        Hotspot hotspot = hotspot(DEFAULT_GATEWAY_ID).orElseGet(() -> newHotspot(DEFAULT_GATEWAY_ID));
        das.serve(new DynamicAuthServer.Parts(hotspot, () -> secretOf(DEFAULT_GATEWAY_ID), this::scenarioOf, received, work, clock));
        log.atInfo().addKeyValue("dasPort", das.port()).log("gateway.sim.started");
    }

    /** From now on the hotspots' RADIUS goes to FreeRADIUS on 127.0.0.1 {@code authPort} and {@code acctPort}. */
    public void useFreeRadius(int authPort, int acctPort) {
        freeRadiusPorts = new int[] {authPort, acctPort};
        backends.clear();
    }

    /** The {@code /sim/gateway/} context: the hotspots' pages. */
    public HttpHandler hotspotHandler() {
        return exchange -> {
            Wiring ready = wiring;
            if (ready == null) {
                SimHttp.send(exchange, 503, "text/plain; charset=utf-8", "The gateway simulator is still starting");
                return;
            }
            new HotspotEndpoints(this::hotspot, devices, ready.logins()).handle(exchange);
        };
    }

    /** The {@code /simulator/} context: the control endpoints. */
    public HttpHandler controlHandler() {
        return new SimulatorControlEndpoints(this);
    }

    public static String hotspotPrefix() {
        return HotspotEndpoints.PREFIX;
    }

    public static String controlPrefix() {
        return SimulatorControlEndpoints.PREFIX;
    }

    // ------------------------------------------------------------------ hotspots, one per gateway

    /** Returns the gateway's hotspot, made on first use for a gateway that exists and whose secret can be read. */
    Optional<Hotspot> hotspot(String gatewayId) {
        Hotspot known = hotspots.get(gatewayId);
        if (known != null) return Optional.of(known);
        if (wiring == null || secretOf(gatewayId).isEmpty()) return Optional.empty();
        return Optional.of(hotspots.computeIfAbsent(gatewayId, this::newHotspot));
    }

    private Hotspot newHotspot(String gatewayId) {
        return new Hotspot(gatewayId, () -> backends.computeIfAbsent(gatewayId, this::backend), devices, settings::get, timers, clock);
    }

    /**
     * FreeRADIUS knows only the default gateway (its client is 127.0.0.1, and FreeRADIUS keys clients by source
     * address); other gateways use the API path.
     */
    private RadiusBackend backend(String gatewayId) {
        int[] ports = freeRadiusPorts;
        Wiring ready = wiring;
        if (ports != null && gatewayId.equals(DEFAULT_GATEWAY_ID))
            return new FreeRadiusBackend(ports[0], ports[1], secretOf(gatewayId).orElseThrow(), gatewayId, settings::get, clock);
        return new RadiusApiBackend(ready.api(), ready.radiusApiToken(), gatewayId);
    }

    /** The gateway's RADIUS secret, read through its {@code radiusSecretRef} as coa-function and FreeRADIUS read it. */
    private Optional<RadiusSecret> secretOf(String gatewayId) {
        Wiring ready = wiring;
        if (ready == null) return Optional.empty();
        return ready.gateways().find(gatewayId).map(Gateway::radiusSecretRef).filter(ref -> ref != null).flatMap(ref -> {
            try {
                return Optional.of(RadiusSecret.of(ready.secrets().resolve(ref)));
            } catch (ConfigException unreadable) {
                return Optional.empty(); // no hotspot for a gateway whose secret cannot be read
            }
        });
    }

    // ------------------------------------------------------------------ what the control endpoints do

    String mode() {
        return freeRadiusPorts != null ? "freeradius" : "api";
    }

    List<ReceivedRequest> received(Optional<String> gatewayId) {
        return received.all().stream().filter(r -> gatewayId.isEmpty() || r.gatewayId().equals(gatewayId.get())).toList();
    }

    List<HotspotLogin.View> logins(Optional<String> gatewayId, Optional<Mac> mac) {
        return hotspots.values().stream().filter(h -> gatewayId.isEmpty() || h.gatewayId().equals(gatewayId.get()))
                .flatMap(h -> h.logins().stream()).filter(l -> mac.isEmpty() || l.mac.equals(mac.get())).map(HotspotLogin::view)
                .sorted(Comparator.comparing(HotspotLogin.View::startedAt)).toList();
    }

    DasScenario scenario(DasScenario scenario) {
        String gatewayId = scenario.gatewayId() == null ? DEFAULT_GATEWAY_ID : scenario.gatewayId();
        var stored = new DasScenario(gatewayId, scenario.mode(), scenario.errorCause(), scenario.retryCount(), scenario.coaUnsupported(),
                scenario.unknownSessionCause());
        scenarios.put(gatewayId, stored);
        return stored;
    }

    private DasScenario scenarioOf(String gatewayId) {
        return scenarios.getOrDefault(gatewayId, DasScenario.acking(gatewayId));
    }

    Map<String, Object> device(Mac mac, Optional<String> ip, long bytesIn, long bytesOut) {
        if (bytesIn < 0 || bytesOut < 0) throw new IllegalArgumentException("bytesIn and bytesOut cannot be negative");
        ip.filter(address -> !address.matches("\\d{1,3}(\\.\\d{1,3}){3}")).ifPresent(bad -> {
            throw new IllegalArgumentException("ip must be an IPv4 address");
        });
        Devices.Device device = devices.seen(mac, ip);
        devices.traffic(device, bytesIn, bytesOut);
        return Map.of("mac", device.mac.value(), "ip", device.ip);
    }

    NasSettings settings() {
        return settings.get();
    }

    void settings(NasSettings next) {
        settings.set(next);
    }

    Map<String, Object> settingsView() {
        NasSettings now = settings.get();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("timeScale", now.timeScale());
        view.put("requireMessageAuth", now.requireMessageAuth());
        view.put("acctInterimSeconds", now.acctInterimSeconds());
        view.put("dasPort", das.port());
        view.put("mode", mode());
        return view;
    }

    void reset() {
        hotspots.values().forEach(Hotspot::reset);
        devices.clear();
        received.clear();
        scenarios.clear();
        settings.set(startSettings);
    }

    @Override
    public void close() {
        das.close();
        timers.shutdownNow();
        work.shutdownNow();
    }
}
