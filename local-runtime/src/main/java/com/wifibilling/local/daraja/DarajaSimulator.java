package com.wifibilling.local.daraja;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Daraja (contracts/daraja.md §10): the JDK's HTTP server on a free loopback port, one virtual thread
 * per request, serving Daraja's paths and the {@code /simulator/} control endpoints, with one scheduler thread
 * for every delay. It accepts only the consumer key and secret it was started with, shortcode {@value #SHORTCODE}
 * and the sandbox passkey (§8). Thread-safe; {@link #close()} frees the port and drops whatever is scheduled.
 */
public final class DarajaSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DarajaSimulator.class);

    /** The sandbox PayBill shortcode (§8), the only one the simulator knows. */
    public static final String SHORTCODE = "174379";
    /** The public sandbox passkey (§8; it decodes from the official sample Password). */
    public static final String PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";
    /** The local runtime's consumer key: a fixed local value, accepted by this simulator only. */
    public static final String LOCAL_CONSUMER_KEY = "local-consumer-key";
    /** The local runtime's consumer secret: a fixed local value, accepted by this simulator only. */
    public static final String LOCAL_CONSUMER_SECRET = "local-consumer-secret";

    private final HttpServer server;
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledThreadPoolExecutor scheduler;
    private final CallbackSender sender;
    private final Runnable reset;

    private DarajaSimulator(HttpServer server, String consumerKey, String consumerSecret, SimulatorSettings startSettings) {
        this.server = server;
        Clock clock = Clock.systemUTC();
        scheduler = new ScheduledThreadPoolExecutor(1, task -> Thread.ofPlatform().daemon().name("daraja-simulator").unstarted(task));
        scheduler.setRemoveOnCancelPolicy(true); // a reset's cancelled steps leave the queue at once
        sender = new CallbackSender(scheduler, clock);
        AtomicReference<SimulatorSettings> settings = new AtomicReference<>(startSettings);
        DarajaIds ids = new DarajaIds(clock);
        IssuedTokens tokens = new IssuedTokens(ids, clock);
        Checkouts checkouts = new Checkouts();
        Scenarios scenarios = new Scenarios();
        RequestLog requestLog = new RequestLog();
        SpikeArrest spikeArrest = new SpikeArrest(System::nanoTime);
        StkSimulation simulation = new StkSimulation(checkouts, scenarios, settings::get, ids, sender, scheduler, clock);
        reset = () -> {
            checkouts.clear();
            scenarios.clear();
            tokens.clear();
            requestLog.clear();
            spikeArrest.clear();
            settings.set(startSettings);
        };
        server.createContext("/", new DarajaEndpoints(consumerKey, consumerSecret, settings::get, tokens,
                new StkPushValidation(SHORTCODE, PASSKEY), simulation, spikeArrest, requestLog, ids, clock));
        server.createContext("/simulator/", new SimulatorControl(settings, checkouts, scenarios, simulation, requestLog, reset));
        server.setExecutor(requests);
    }

    /**
     * Returns a running simulator on a free loopback port that accepts {@code consumerKey}/{@code consumerSecret},
     * with the §10.4 defaults and {@code timeScale} (what {@code POST /simulator/reset} returns to).
     */
    public static DarajaSimulator start(String consumerKey, String consumerSecret, double timeScale) {
        SimulatorSettings settings = SimulatorSettings.defaults(timeScale);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the Daraja simulator's port", e);
        }
        DarajaSimulator simulator = new DarajaSimulator(server, consumerKey, consumerSecret, settings);
        server.start();
        log.atInfo().addKeyValue("port", simulator.port()).addKeyValue("timeScale", timeScale).log("daraja.simulator.started");
        return simulator;
    }

    /** Returns the simulator's base URL, {@code http://127.0.0.1:<port>}: what {@code DARAJA_BASE_URL} points at. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Clears checkouts, overrides, tokens and the request log and restores the start-up settings, as {@code POST /simulator/reset}. */
    public void reset() {
        reset.run();
    }

    @Override
    public void close() {
        server.stop(0);
        scheduler.shutdownNow();
        sender.close();
        requests.shutdownNow();
    }
}
