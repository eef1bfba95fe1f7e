package com.wifibilling.local;

import com.wifibilling.core.auth.PasswordHasher;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.SamTemplate;
import com.wifibilling.core.config.SecretRefs;
import com.wifibilling.core.gateway.RadiusClients;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.DynamoDbGuardStore;
import com.wifibilling.core.store.DynamoDbLoginStore;
import com.wifibilling.core.store.DynamoDbPackageStore;
import com.wifibilling.core.store.DynamoDbTables;
import com.wifibilling.core.store.DynamoDbUserStore;
import com.wifibilling.core.store.LocalDynalite;
import com.wifibilling.core.store.LocalElasticMq;
import com.wifibilling.core.store.SecretsManagerStore;
import com.wifibilling.core.store.SqsQueues;
import com.wifibilling.core.http.Json;
import com.wifibilling.local.daraja.DarajaSimulator;
import com.wifibilling.local.gateway.GatewaySimulator;
import com.wifibilling.local.sms.SmsSimulator;
import com.wifibilling.local.unifi.UnifiControllerSimulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole local stack in one JVM (DESIGN §9): binds the API port first (so "in use" is the first thing
 * said), starts the Daraja simulator, starts dynalite and ElasticMQ side by side, creates the template's tables
 * and queues, seeds, then serves the HTTP API and starts one SQS poller per SQS event and one timer per schedule.
 * {@link #close()} undoes it in the safe order — HTTP server, Daraja simulator, timers, pollers, ElasticMQ,
 * dynalite — and may run at any moment, from a shutdown hook too: a close that arrives during start-up waits for
 * the stage in progress and then stops everything started so far.
 */
public final class LocalRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalRuntime.class);

    static {
        // The JDK's HTTP server leaves Nagle on unless told: a response written as headers, then body, waits for the
        // client's delayed ACK (about 40 ms on Linux loopback). Read once, when the first server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    /** The variable holding the UniFi simulator's login JSON in every function's environment. */
    public static final String UNIFI_SIMULATOR_LOGIN = "UNIFI_SIMULATOR_LOGIN";
    static final String UNIFI_SIMULATOR_USER = "wb-local";

    private final LocalOptions options;
    private final ReentrantLock lifecycle = new ReentrantLock();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, Long> stageMillis = new LinkedHashMap<>();
    private volatile boolean closing;
    private long startedNanos;
    private long startupMillis;

    private HttpApiServer http;
    private DarajaSimulator daraja;
    private SmsSimulator smsSimulator;
    private LocalFreeRadius freeRadius; // null without FreeRADIUS
    private GatewaySimulator gatewaySimulator;
    private LocalElasticMq elasticMq;
    private LocalDynalite dynalite;
    private DynamoDbClient dynamoDb;
    private SqsClient sqs;
    private final List<SqsPoller> pollers = new ArrayList<>();
    private final List<ScheduleTimer> timers = new ArrayList<>();
    private LocalSecrets secrets;
    private LocalSecretsManager secretsManager;
    private SecretsManagerClient secretsManagerClient;
    private SecretRefs secretRefs;
    private UnifiControllerSimulator unifi;
    private LocalResources resources;
    private final Map<String, FunctionHost> functions = new LinkedHashMap<>();
    private final List<StaticFiles> staticFolders = new ArrayList<>();
    private Seeder.PackagesSeeded packagesSeeded;
    private Seeder.GatewaySeeded gatewaySeeded;
    private Seeder.AdminSeeded adminSeeded;
    private Path stateFile;

    public LocalRuntime(LocalOptions options) {
        this.options = options;
    }

    /** Returns a started runtime; on failure everything already started is stopped again before the throw. */
    public static LocalRuntime start(LocalOptions options, Env process) {
        return new LocalRuntime(options).boot(process);
    }

    /** Starts everything; {@code process} supplies the local secrets and ADMIN_PASSWORD, and nothing else. */
    public LocalRuntime boot(Env process) {
        lifecycle.lock();
        try {
            startedNanos = System.nanoTime();
            http = stage("http-port", () -> HttpApiServer.bind(options.port()));
            gatewaySimulator = stage("gateway-simulator-das", () -> GatewaySimulator.open(Clock.systemUTC())); // its port is seeded
            daraja = stage("daraja-simulator", () -> DarajaSimulator.start(DarajaSimulator.LOCAL_CONSUMER_KEY,
                    DarajaSimulator.LOCAL_CONSUMER_SECRET, options.darajaTimeScale()));
            smsSimulator = stage("sms-simulator", () -> SmsSimulator.start(Clock.systemUTC()));
            SamTemplate template = stage("template", () -> SamTemplate.load(options.template()));
            secretsManager = stage("secrets-manager", () -> LocalSecretsManager.start(options.dataDir(), LocalResources.REGION,
                    LocalResources.ACCOUNT_ID, Clock.systemUTC()));
            String unifiPassword = LocalSecrets.alphanumeric(24);
            unifi = stage("unifi-simulator", () -> UnifiControllerSimulator.start(UNIFI_SIMULATOR_USER, unifiPassword, Clock.systemUTC()));
            secrets = LocalSecrets.resolve(process, options.dataDir());
            Map<String, String> overrides = new LinkedHashMap<>(LocalResources.localParameters(http.port()));
            overrides.keySet().retainAll(template.parameterDefaults().keySet());
            LocalResources declared = LocalResources.of(template, overrides);
            startEnginesAndFill(template, declared, process.optional("ADMIN_PASSWORD"));

            Map<String, String> localValues = new LinkedHashMap<>(secrets.environment());
            localValues.put("SECRETSMANAGER_ENDPOINT", secretsManager.endpoint().toString());
            // Gateway secrets as the functions read them (env: refs from the local secrets, others from the emulator),
            // for FreeRADIUS's clients and the gateway simulator; kept 5 s, as a rotation then reaches the simulator's DAS.
            secretsManagerClient = AwsClients.secretsManager(new AwsConfig(LocalResources.REGION, Optional.empty(), Optional.empty(),
                    Optional.of(secretsManager.endpoint())));
            secretRefs = new SecretRefs(Env.of(Map.copyOf(secrets.environment())), new SecretsManagerStore(secretsManagerClient),
                    Clock.systemUTC(), Duration.ofSeconds(5));
            // What a UniFi gateway pointed at the simulator names as its login: unifi.credentialsRef env:UNIFI_SIMULATOR_LOGIN.
            localValues.put(UNIFI_SIMULATOR_LOGIN, Json.write(Map.of("username", UNIFI_SIMULATOR_USER, "password", unifiPassword)));
            localValues.putAll(FunctionEnvironment.daraja(daraja.baseUri(), baseUri()));
            localValues.putAll(FunctionEnvironment.sms(smsSimulator.baseUri()));
            // Initiate's inline queries wait ~2 s each (contracts/daraja.md §9); a faster simulator needs shorter waits.
            localValues.put("INLINE_POLL_PAUSE_MILLIS", Long.toString(Math.round(2000 * Math.min(1.0, options.darajaTimeScale()))));
            for (SamTemplate.FunctionSpec function : template.functions())
                functions.put(function.logicalId(), new FunctionHost(function, FunctionEnvironment.of(function, resources,
                        dynalite.endpoint(), elasticMq.endpoint(), localValues)));
            staticFolder("/portal/", options.home().resolve("portal"));
            staticFolder("/admin/", options.home().resolve("admin-ui/out"));
            var api = new ApiGatewayEmulator(RouteTable.of(template.functions()), functions,
                    new HttpEventMapper(Clock.systemUTC(), LocalResources.ACCOUNT_ID, LocalResources.API_ID),
                    CorsRules.from(template, resources));
            startGatewaySimulator(declared);
            stage("http-start", () -> {
                http.start(api, staticFolders, Map.of(GatewaySimulator.hotspotPrefix(), gatewaySimulator.hotspotHandler(),
                        GatewaySimulator.controlPrefix(), gatewaySimulator.controlHandler()));
                return null;
            });
            for (FunctionHost function : functions.values())
                for (SamTemplate.SqsSource source : function.spec().queues())
                    pollers.add(SqsPoller.start(sqs, function, source, resources));
            if (options.radius() && gatewaySeeded != null)
                freeRadius = stage("freeradius", () -> LocalFreeRadius.start(options.home(), options.radiusPort(), baseUri(),
                        secrets.get(LocalSecrets.RADIUS_API_TOKEN), radiusClients())).orElse(null);
            if (freeRadius != null) gatewaySimulator.useFreeRadius(freeRadius.authPort(), freeRadius.acctPort());
            for (FunctionHost function : functions.values())
                for (int i = 0; i < function.spec().schedules().size(); i++)
                    timers.add(ScheduleTimer.start(function, ScheduleRate.parse(function.spec().schedules().get(i).expression()),
                            options.scheduleScale(), i));
            writeState();
            startupMillis = (System.nanoTime() - startedNanos) / 1_000_000;
            log.atInfo().addKeyValue("port", http.port()).addKeyValue("ms", startupMillis).log("local.started");
            return this;
        } catch (RuntimeException e) {
            stopEverything();
            throw e;
        } finally {
            lifecycle.unlock();
        }
    }

    /** The gateway simulator needs the Gateways and Logins tables; a test template without them serves no hotspot. */
    private void startGatewaySimulator(LocalResources declared) {
        Optional<String> gateways = declared.tableName("GatewaysTable");
        Optional<String> logins = declared.tableName("LoginsTable");
        if (gateways.isEmpty() || logins.isEmpty()) return;
        stage("gateway-simulator", () -> {
            gatewaySimulator.start(new GatewaySimulator.Wiring(new DynamoDbGatewayStore(dynamoDb, gateways.get()),
                    new DynamoDbLoginStore(dynamoDb, logins.get()), baseUri(), secrets.get(LocalSecrets.RADIUS_API_TOKEN), secretRefs));
            return null;
        });
    }

    /**
     * Two branches that need nothing from each other run side by side: dynalite (a Node start-up), then the
     * tables and the seed data; ElasticMQ (a Pekko start-up), then the queues, whose URLs complete the bindings.
     */
    private void startEnginesAndFill(SamTemplate template, LocalResources declared, Optional<String> adminPassword) {
        Optional<Path> dynaliteDir = options.dataDir().map(dir -> dir.resolve("dynamodb"));
        alongside("dynamodb-start", () -> {
            dynalite = stage("dynalite", () -> LocalDynalite.start(options.home(), dynaliteDir));
            dynamoDb = AwsClients.dynamoDb(new AwsConfig(LocalResources.REGION, Optional.of(dynalite.endpoint()), Optional.empty()));
            stage("tables", () -> {
                template.tables().forEach(table -> DynamoDbTables.create(dynamoDb, table, declared.tableName(table.logicalId()).orElseThrow()));
                return null;
            });
            stage("seeding", () -> {
                seed(declared, adminPassword);
                return null;
            });
        }, () -> {
            elasticMq = stage("elasticmq", () -> LocalElasticMq.start(LocalResources.REGION, LocalResources.ACCOUNT_ID));
            sqs = AwsClients.sqs(new AwsConfig(LocalResources.REGION, Optional.empty(), Optional.of(elasticMq.endpoint())));
            resources = stage("queues", () -> declared.withQueueUrls(SqsQueues.create(sqs, template, declared::queueName, declared::queueArn)));
        });
    }

    /**
     * FreeRADIUS's clients, from the Gateways table as in AWS (contracts/gateways.md §3.1): the seeded gateway with
     * its {@code env:} secret, and every gateway an admin added, with its secret from the Secrets Manager emulator. A
     * gateway added while running is a client from the next start, as the AWS task picks it up at its next restart.
     */
    private List<RadiusClients.Client> radiusClients() {
        var gateways = new DynamoDbGatewayStore(dynamoDb, resources.tableName("GatewaysTable").orElseThrow()).all();
        return RadiusClients.of(gateways, secretRefs, (gatewayId, why) -> log.atWarn().addKeyValue("gatewayId", gatewayId)
                .addKeyValue("reason", why).log("local.freeradius.client-left-out"));
    }

    /**
     * Seeds what the template has tables for (a test template may have none). The admin's Argon2id hash is the
     * slow part, so it runs beside the packages and the gateway.
     */
    private void seed(LocalResources declared, Optional<String> adminPassword) {
        Clock clock = Clock.systemUTC();
        Optional<String> users = declared.tableName("UsersTable");
        Optional<String> guards = declared.tableName("GuardsTable");
        Path packagesJson = options.home().resolve("config/packages.json");
        alongside("seed-admin", () -> {
            if (users.isPresent() && guards.isPresent())
                adminSeeded = Seeder.admin(new DynamoDbUserStore(dynamoDb, users.get(), new DynamoDbGuardStore(dynamoDb, guards.get())),
                        adminPassword, new PasswordHasher(), clock);
        }, () -> {
            declared.tableName("PackagesTable").filter(table -> Files.isRegularFile(packagesJson)).ifPresent(table ->
                    packagesSeeded = Seeder.packages(new DynamoDbPackageStore(AwsClients.enhanced(dynamoDb), table), packagesJson));
            declared.tableName("GatewaysTable").ifPresent(table ->
                    gatewaySeeded = Seeder.defaultGateway(new DynamoDbGatewayStore(dynamoDb, table), http.port(), gatewaySimulator.dasPort(), clock));
        });
    }

    /**
     * Runs {@code beside} on a virtual thread while {@code here} runs on this one, and returns when both have
     * ended — also when one failed, so nothing started by the other is left running unseen — throwing the
     * first failure.
     */
    private static void alongside(String name, Runnable beside, Runnable here) {
        CompletableFuture<Void> other = CompletableFuture.runAsync(beside, task -> Thread.ofVirtual().name(name).start(task));
        RuntimeException failure = null;
        try {
            here.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            other.join();
        } catch (CompletionException e) {
            if (failure == null) failure = e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        if (failure != null) throw failure;
    }

    /**
     * Tells tools such as {@code scripts/seed-packages} where this runtime is ({@link LocalRuntimeState}). A home
     * that cannot be written only costs them that: the runtime itself runs on.
     */
    private void writeState() {
        Path file = LocalRuntimeState.file(options.home(), http.port());
        var state = new LocalRuntimeState(baseUri(), dynalite.endpoint(), elasticMq.endpoint(), LocalResources.REGION,
                resources.tableNames(), ProcessHandle.current().pid());
        try {
            state.write(file);
            stateFile = file;
        } catch (IOException e) {
            log.atWarn().addKeyValue("file", file.toString()).addKeyValue("reason", e.toString()).log("local.state.unwritten");
        }
    }

    private void forgetState() {
        if (stateFile == null) return;
        try {
            Files.deleteIfExists(stateFile);
        } catch (IOException e) {
            log.atWarn().addKeyValue("file", stateFile.toString()).addKeyValue("reason", e.toString()).log("local.state.undeleted");
        }
        stateFile = null;
    }

    /** Returns the state file this runtime wrote ({@code <home>/.local-runtime/<port>.json}), while it runs. */
    public Optional<Path> stateFile() {
        return Optional.ofNullable(stateFile);
    }

    private void staticFolder(String prefix, Path folder) {
        if (Files.isDirectory(folder)) staticFolders.add(new StaticFiles(prefix, folder));
    }

    /** Runs one start-up stage, logs how long it took, and stops early when a close has been asked for. */
    private <T> T stage(String name, Supplier<T> work) {
        if (closing) throw new StartFailure("Stopped while starting");
        long start = System.nanoTime();
        T result = work.get();
        long ms = (System.nanoTime() - start) / 1_000_000;
        synchronized (stageMillis) {
            stageMillis.put(name, ms);
        }
        log.atInfo().addKeyValue("stage", name).addKeyValue("ms", ms)
                .addKeyValue("sinceStartMs", (System.nanoTime() - startedNanos) / 1_000_000).log("local.startup.stage");
        return result;
    }

    // ------------------------------------------------------------------ what the banner and the tests read

    public int port() {
        return http.port();
    }

    /** Returns {@code http://127.0.0.1:<port>}: the address the server is bound to. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Returns the Daraja simulator's base URL (contracts/daraja.md §10): every function's {@code DARAJA_BASE_URL}. */
    public URI darajaBaseUri() {
        return daraja.baseUri();
    }

    /** Returns the SMS simulator (docs/SMS.md): every function's {@code SMS_PROVIDER_URL}, with the messages it was sent. */
    public SmsSimulator smsSimulator() {
        return smsSimulator;
    }

    /**
     * Returns the environment function {@code logicalId} runs with (what its handler's {@code Env} constructor gets):
     * also what a fresh JVM running the function's deployable jar is given (FunctionJarsIT, the cold-start bench).
     */
    public Env functionEnvironment(String logicalId) {
        FunctionHost function = functions.get(logicalId);
        if (function == null) throw new IllegalArgumentException("No function " + logicalId);
        return function.env();
    }

    /** Returns the UniFi controller simulator: a gateway with {@code unifi.baseUrl} at its URL and {@code credentialsRef} env:UNIFI_SIMULATOR_LOGIN. */
    public UnifiControllerSimulator unifiSimulator() {
        return unifi;
    }

    /** Returns the Secrets Manager emulator's endpoint: every function's {@code SECRETSMANAGER_ENDPOINT}. */
    public URI secretsManagerEndpoint() {
        return secretsManager.endpoint();
    }

    public URI dynamoDbEndpoint() {
        return dynalite.endpoint();
    }

    public URI sqsEndpoint() {
        return elasticMq.endpoint();
    }

    public String tableName(String logicalId) {
        return resources.tableName(logicalId).orElseThrow(() -> new IllegalArgumentException("No table " + logicalId));
    }

    public String queueUrl(String logicalId) {
        return resources.queueUrl(logicalId);
    }

    public LocalSecrets secrets() {
        return secrets;
    }

    public LocalOptions options() {
        return options;
    }

    /** Returns the URL prefixes of the static folders being served ({@code /portal/}, {@code /admin/}). */
    public List<String> staticPrefixes() {
        return staticFolders.stream().map(StaticFiles::prefix).toList();
    }

    public Optional<Seeder.PackagesSeeded> packagesSeeded() {
        return Optional.ofNullable(packagesSeeded);
    }

    /** Returns FreeRADIUS's auth port on 127.0.0.1 (accounting is the next one), when it runs. */
    public Optional<Integer> radiusAuthPort() {
        return Optional.ofNullable(freeRadius).map(LocalFreeRadius::authPort);
    }

    /** Returns the clients.conf FreeRADIUS runs with, when it runs. */
    Optional<Path> radiusClientsConf() {
        return Optional.ofNullable(freeRadius).map(LocalFreeRadius::clientsConf);
    }

    /** Returns the UDP port of the gateway simulator's DAS (the default gateway's {@code coaPort}). */
    public int gatewayDasPort() {
        return gatewaySimulator.dasPort();
    }

    public Optional<Seeder.GatewaySeeded> gatewaySeeded() {
        return Optional.ofNullable(gatewaySeeded);
    }

    /** Returns the seeded admin; its generated password, if any, is for the banner only. */
    public Optional<Seeder.AdminSeeded> adminSeeded() {
        return Optional.ofNullable(adminSeeded);
    }

    /** Returns each start-up stage's duration in ms, in the order they ran. */
    public Map<String, Long> stageMillis() {
        synchronized (stageMillis) {
            return Map.copyOf(stageMillis);
        }
    }

    public long startupMillis() {
        return startupMillis;
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        closing = true;                 // a boot in progress stops at its next stage …
        lifecycle.lock();               // … and is waited for, so nothing it starts is left running
        try {
            if (stopped.getCount() == 0) return;
            stopEverything();
        } finally {
            lifecycle.unlock();
        }
    }

    private void stopEverything() {
        if (stopped.getCount() == 0) return;
        closing = true;
        long start = System.nanoTime();
        forgetState();                    // tools stop finding it before anything stops answering
        quietly("gateway-simulator", gatewaySimulator); // no more logins, timers or CoA answers
        quietly("freeradius", freeRadius); // its rlm_rest calls would only meet a closed port now
        quietly("http", http);            // no new requests first
        quietly("daraja-simulator", daraja); // its pending callbacks would only meet a closed port now
        quietly("sms-simulator", smsSimulator);
        quietly("secrets-manager-client", secretsManagerClient);
        quietly("secrets-manager", secretsManager);
        quietly("unifi-simulator", unifi);
        timers.forEach(timer -> quietly("schedule", timer));
        pollers.forEach(poller -> quietly("sqs-poller", poller));
        quietly("sqs-client", sqs);
        quietly("elasticmq", elasticMq);
        quietly("dynamodb-client", dynamoDb);
        quietly("dynalite", dynalite);    // the Node child process: never left running
        log.atInfo().addKeyValue("ms", (System.nanoTime() - start) / 1_000_000).log("local.stopped");
        stopped.countDown();
    }

    private static void quietly(String what, AutoCloseable part) {
        if (part == null) return;
        try {
            part.close();
        // CHECKSTYLE.OFF: IllegalCatch — AutoCloseable.close() declares Exception; one part failing must not stop the rest
        } catch (Exception | LinkageError e) { // a jar rebuilt under a running JVM must not keep dynalite alive
            log.atWarn().addKeyValue("part", what).setCause(e).log("local.stop.failed");
        }
        // CHECKSTYLE.ON: IllegalCatch
    }
}
