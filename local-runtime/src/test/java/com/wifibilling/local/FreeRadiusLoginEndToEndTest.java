package com.wifibilling.local;

import com.wifibilling.core.gateway.RadiusClients;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.Mac;
import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.GatewayState;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbSessionStore;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real RADIUS login (contracts/gateways.md §3, DESIGN §6): the local runtime sells a session through the Daraja
 * simulator, FreeRADIUS 3.2 runs in the foreground from {@code config/freeradius} rendered into a temp dir, and
 * {@code radclient} plays the MikroTik. FreeRADIUS is required: without it this test fails (CI installs it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreeRadiusLoginEndToEndTest {
    private static final String MAC = "02:60:00:00:00:01";
    private static final Duration RADCLIENT_TIMEOUT = Duration.ofSeconds(10);

    private Path dir;
    private LocalRuntime runtime;
    private Process freeradius;
    private Path log;
    private int authPort;
    private String secret;
    private DynamoDbSessionStore sessions;
    private String sessionId;
    private String password;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        assertTrue(onPath("freeradius") && onPath("radclient"), "FreeRADIUS 3.2 with rlm_rest and radclient must be installed for this test:"
                + " apt-get install freeradius freeradius-rest freeradius-utils (it is never run as a service here)");
        runtime = TestRuntimes.start("--daraja-time-scale", "0.05");
        sessions = new DynamoDbSessionStore(AwsClients.dynamoDb(AwsConfig.from(Env.of(Map.of("AWS_REGION", "af-south-1",
                "DYNAMODB_ENDPOINT", runtime.dynamoDbEndpoint().toString())))), runtime.tableName("SessionsTable"));
        secret = runtime.secrets().get(LocalSecrets.DEFAULT_GATEWAY_RADIUS_SECRET);
        authPort = freePortPair();
        Path conf = dir.resolve("raddb");
        Map<String, String> environment = FreeRadiusConfig.render(RepoPaths.home().resolve("config/freeradius"), conf,
                List.of(new RadiusClients.Client("default", "127.0.0.1", secret)),
                URI.create("http://127.0.0.1:" + runtime.port()), runtime.secrets().get(LocalSecrets.RADIUS_API_TOKEN), "127.0.0.1", authPort);
        log = dir.resolve("freeradius.log");
        var builder = new ProcessBuilder("freeradius", "-d", conf.toString(), "-f", "-l", "stdout").redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        freeradius = builder.start();
        awaitReady();
        buySession();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (freeradius != null) {
            freeradius.destroy(); // only the process this test started
            if (!freeradius.waitFor(5, TimeUnit.SECONDS)) freeradius.destroyForcibly();
        }
        if (runtime != null) runtime.close();
    }

    private static boolean onPath(String program) {
        for (String folder : pathFolders()) {
            if (Files.isExecutable(Path.of(folder, program))) return true;
        }
        return false;
    }

    private static String[] pathFolders() {
        String path = Env.system().optional("PATH").orElse("/usr/sbin:/usr/bin:/sbin:/bin");
        return (path + ":/usr/sbin:/sbin").split(":");
    }

    private static int freePortPair() throws SocketException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (var first = new DatagramSocket(0)) {
                int port = first.getLocalPort();
                if (port >= 65535) continue;
                try (var second = new DatagramSocket(port + 1)) {
                    return port;
                } catch (SocketException taken) {
                    continue;
                }
            }
        }
        throw new IllegalStateException("No two free consecutive UDP ports");
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            String output = Files.exists(log) ? Files.readString(log) : "";
            if (output.contains("Ready to process requests")) return;
            if (!freeradius.isAlive()) throw new AssertionError("FreeRADIUS stopped while starting:\n" + output);
            Thread.sleep(50);
        }
        throw new AssertionError("FreeRADIUS not ready after 15 s:\n" + Files.readString(log));
    }

    /** Buys the basic package for {@link #MAC} as the portal does, with PAP credentials (no CHAP values in the redirect). */
    private void buySession() throws Exception {
        var api = new LocalApi(runtime);
        var initiated = api.send("POST", "/api/payment/initiate", """
                {"phone":"0708374149","packageId":"basic","gateway":{"mac":"%s","ip":"10.5.50.23"}}""".formatted(MAC),
                "Content-Type", "application/json");
        assertEquals(200, initiated.statusCode(), initiated.body());
        JsonNode answer = Json.MAPPER.readTree(initiated.body());
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = Json.MAPPER.readTree(api.get("/api/payment/status?transactionId=" + answer.get("transactionId").asText(),
                    "X-Client-Token", answer.get("clientToken").asText()).body());
            if (status.get("status").asText().equals("completed")) {
                sessionId = status.at("/login/fields/username").asText();
                password = status.at("/login/fields/password").asText();
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the purchase did not complete within 10 s");
    }

    /** Runs radclient against our FreeRADIUS and returns what it printed (-x: the reply's attributes). */
    private String radclient(int port, String type, String attributes) throws Exception {
        Process client = new ProcessBuilder("radclient", "-x", "-r", "1", "-t", "3", "127.0.0.1:" + port, type, secret)
                .redirectErrorStream(true).start();
        client.getOutputStream().write(attributes.getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(RADCLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "radclient hung");
        return output;
    }

    private String auth(String passwordAttribute, String callingStation) throws Exception {
        return radclient(authPort, "auth", "User-Name = \"" + sessionId + "\"\n" + passwordAttribute + "\nCalling-Station-Id = \""
                + callingStation + "\"\nFramed-IP-Address = 10.5.50.23\nNAS-Port-Type = Wireless-802.11\nAcct-Session-Id = \"81600001\"\n");
    }

    private String failure(String output) throws IOException {
        return output + "\n--- FreeRADIUS log ---\n" + Files.readString(log);
    }

    private void assertAccepted(String output) throws IOException {
        assertTrue(output.contains("Received Access-Accept"), failure(output));
        assertTrue(output.matches("(?s).*Session-Timeout = (3[0-5]\\d\\d|3600)\\b.*"), failure(output)); // about an hour left
        assertTrue(output.contains("Mikrotik-Rate-Limit = \"") && output.contains("Acct-Interim-Interval = 300"), failure(output));
        assertTrue(output.contains("Class = 0x" + HexFormat.of().formatHex(("wb:" + sessionId).getBytes(StandardCharsets.UTF_8))), failure(output));
        assertTrue(output.contains("Message-Authenticator = 0x"), failure(output));
    }

    @Test
    void papAndChapLoginsAreAcceptedWithTheSessionsTimeRateAndMessageAuthenticator() throws Exception {
        assertAccepted(auth("User-Password = \"" + password + "\"", MAC));
        assertAccepted(auth("CHAP-Password = \"" + password + "\"", MAC.toLowerCase().replace(':', '-')));
    }

    @Test
    void aWrongPasswordOrAnotherDeviceIsRejectedWithoutSessionAttributes() throws Exception {
        String wrong = auth("User-Password = \"" + (password.charAt(0) == 'x' ? "y" : "x") + password.substring(1) + "\"", MAC);
        assertTrue(wrong.contains("Received Access-Reject"), failure(wrong));
        assertTrue(wrong.contains("Message-Authenticator = 0x"), failure(wrong));
        String other = auth("CHAP-Password = \"" + password + "\"", "02:60:00:00:00:99");
        assertTrue(other.contains("Received Access-Reject") && other.contains("This code belongs to another device"), failure(other));
        for (String reject : List.of(wrong, other)) {
            assertFalse(reject.contains("Session-Timeout") || reject.contains("Mikrotik-Rate-Limit") || reject.contains("Class ="), failure(reject));
        }
    }

    @Test
    void accountingStartInterimAndStopAreRecordedOnTheSession() throws Exception {
        String common = "User-Name = \"" + sessionId + "\"\nAcct-Session-Id = \"81600002\"\nFramed-IP-Address = 10.5.50.23\n"
                + "NAS-IP-Address = 10.5.50.1\nCalling-Station-Id = \"" + MAC + "\"\nClass = 0x"
                + HexFormat.of().formatHex(("wb:" + sessionId).getBytes(StandardCharsets.UTF_8)) + "\n";
        var device = new DeviceKey("default", Mac.parse(MAC));
        String start = radclient(authPort + 1, "acct", common + "Acct-Status-Type = Start\n");
        assertTrue(start.contains("Received Accounting-Response"), failure(start));
        Session online = sessions.find(device).orElseThrow();
        assertEquals(List.of(GatewayState.ONLINE, "81600002", "10.5.50.1"),
                List.of(online.gatewayState(), online.accounting().acctSessionId(), online.accounting().nasIp()));

        String interim = radclient(authPort + 1, "acct", common + "Acct-Status-Type = Interim-Update\nAcct-Session-Time = 300\n"
                + "Acct-Input-Octets = 1048576\nAcct-Output-Octets = 52428800\nAcct-Output-Gigawords = 1\n");
        assertTrue(interim.contains("Received Accounting-Response"), failure(interim));
        Session counted = sessions.find(device).orElseThrow();
        assertEquals(List.of(1_048_576L, 52_428_800L + (1L << 32)), List.of(counted.accounting().bytesIn(), counted.accounting().bytesOut()));

        String stop = radclient(authPort + 1, "acct", common + "Acct-Status-Type = Stop\nAcct-Session-Time = 360\n"
                + "Acct-Input-Octets = 2097152\nAcct-Output-Octets = 0\nAcct-Output-Gigawords = 2\nAcct-Terminate-Cause = User-Request\n");
        assertTrue(stop.contains("Received Accounting-Response"), failure(stop));
        Session offline = sessions.find(device).orElseThrow();
        assertNotNull(offline.accounting());
        assertEquals(List.of(GatewayState.OFFLINE, 2_097_152L), List.of(offline.gatewayState(), offline.accounting().bytesIn()));
    }
}
