package com.wifibilling.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The part of the AWS Secrets Manager API the functions use (CreateSecret, PutSecretValue, GetSecretValue, over the
 * {@code application/x-amz-json-1.1} protocol the SDK speaks), so the same {@code SecretsManagerStore} code runs
 * locally as in AWS — the role dynalite and ElasticMQ play for DynamoDB and SQS. It holds per-gateway RADIUS
 * secrets made by {@code POST /api/admin/gateways}. In memory, or with {@code --data-dir} in an owner-only
 * {@code secrets-manager.json}, so gateways created before a restart keep their secret. Loopback only.
 */
final class LocalSecretsManager implements AutoCloseable {
    static final String FILE_NAME = "secrets-manager.json";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final int MAX_BODY = 70_000; // the service allows 65,536 bytes of secret

    private record Secret(String name, String arn, String value, String versionId, long createdEpochSeconds) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Secret> byName = new ConcurrentHashMap<>();
    private final Optional<Path> file;
    private final String region;
    private final String account;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private LocalSecretsManager(HttpServer server, Optional<Path> file, String region, String account, Clock clock) {
        this.server = server;
        this.file = file;
        this.region = region;
        this.account = account;
        this.clock = clock;
    }

    /** Starts on a free loopback port; with {@code dataDir}, what it holds is read from and kept in its file there. */
    static LocalSecretsManager start(Optional<Path> dataDir, String region, String account, Clock clock) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the Secrets Manager emulator's port", e);
        }
        var manager = new LocalSecretsManager(server, dataDir.map(d -> d.resolve(FILE_NAME)), region, account, clock);
        manager.load();
        server.setExecutor(manager.executor);
        server.createContext("/", manager::handle);
        server.start();
        return manager;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
            byte[] raw = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            if (!"POST".equals(exchange.getRequestMethod()) || raw.length > MAX_BODY) {
                answer(exchange, 400, error("InvalidRequestException", "Only POST requests of at most 65,536 bytes are served"));
                return;
            }
            JsonNode body;
            try {
                body = Json.MAPPER.readTree(raw);
            } catch (IOException malformed) {
                answer(exchange, 400, error("InvalidRequestException", "The request body is not JSON"));
                return;
            }
            if (body == null || !body.isObject()) body = Json.MAPPER.createObjectNode();
            ObjectNode reply = switch (target) {
                case "secretsmanager.CreateSecret" -> create(body);
                case "secretsmanager.PutSecretValue" -> put(body);
                case "secretsmanager.GetSecretValue" -> get(body);
                default -> error("UnknownOperationException", "Operation " + target + " is not emulated");
            };
            answer(exchange, reply.has("__type") ? 400 : 200, reply);
        }
    }

    private ObjectNode create(JsonNode body) {
        String name = body.path("Name").asText("");
        String value = body.path("SecretString").asText(null);
        if (!NAME.matcher(name).matches()) return error("InvalidParameterException", "Name must be 1-512 of [A-Za-z0-9/_+=.@-]");
        if (value == null) return error("InvalidRequestException", "SecretString is required here");
        String suffix = HexFormat.of().formatHex(random.generateSeed(3));
        var secret = new Secret(name, "arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + name + "-" + suffix, value,
                UUID.randomUUID().toString(), clock.instant().getEpochSecond());
        if (byName.putIfAbsent(name, secret) != null)
            return error("ResourceExistsException", "The operation failed because the secret " + name + " already exists.");
        save();
        return identity(secret);
    }

    private ObjectNode put(JsonNode body) {
        String value = body.path("SecretString").asText(null);
        if (value == null) return error("InvalidRequestException", "SecretString is required here");
        Optional<Secret> found = find(body.path("SecretId").asText(""));
        if (found.isEmpty()) return notFound();
        Secret old = found.get();
        Secret next = new Secret(old.name(), old.arn(), value, UUID.randomUUID().toString(), clock.instant().getEpochSecond());
        byName.put(old.name(), next);
        save();
        ObjectNode reply = identity(next);
        reply.putArray("VersionStages").add("AWSCURRENT");
        return reply;
    }

    private ObjectNode get(JsonNode body) {
        Optional<Secret> found = find(body.path("SecretId").asText(""));
        if (found.isEmpty()) return notFound();
        ObjectNode reply = identity(found.get());
        reply.put("SecretString", found.get().value());
        reply.putArray("VersionStages").add("AWSCURRENT");
        reply.put("CreatedDate", found.get().createdEpochSeconds());
        return reply;
    }

    /** A secret is named by its name or its full ARN, as in the service. */
    private Optional<Secret> find(String id) {
        Secret byItsName = byName.get(id);
        if (byItsName != null) return Optional.of(byItsName);
        return byName.values().stream().filter(s -> s.arn().equals(id)).findFirst();
    }

    private static ObjectNode identity(Secret secret) {
        ObjectNode reply = Json.MAPPER.createObjectNode();
        reply.put("ARN", secret.arn()).put("Name", secret.name()).put("VersionId", secret.versionId());
        return reply;
    }

    private static ObjectNode notFound() {
        return error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode reply = Json.MAPPER.createObjectNode();
        reply.put("__type", type).put("message", message);
        return reply;
    }

    private static void answer(HttpExchange exchange, int status, ObjectNode reply) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(reply);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        if (status != 200) exchange.getResponseHeaders().set("x-amzn-ErrorType", reply.path("__type").asText());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void load() {
        if (file.isEmpty() || !Files.exists(file.get())) return;
        try {
            for (JsonNode node : Json.MAPPER.readTree(Files.readAllBytes(file.get())))
                byName.put(node.path("name").asText(), new Secret(node.path("name").asText(), node.path("arn").asText(),
                        node.path("value").asText(), node.path("versionId").asText(), node.path("created").asLong()));
        } catch (IOException e) {
            throw new StartFailure("Cannot read " + file.get() + " (the local Secrets Manager's data): " + e.getMessage());
        }
    }

    /** Written whole to a temp file then moved over the old one, owner-only, so a crash leaves one or the other. */
    private synchronized void save() {
        if (file.isEmpty()) return;
        var array = Json.MAPPER.createArrayNode();
        for (Secret s : byName.values())
            array.addObject().put("name", s.name()).put("arn", s.arn()).put("value", s.value()).put("versionId", s.versionId())
                    .put("created", s.createdEpochSeconds());
        try {
            Path temp = file.get().resolveSibling(FILE_NAME + ".tmp");
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temp, Json.MAPPER.writeValueAsString(array).getBytes(StandardCharsets.UTF_8));
            Files.move(temp, file.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the local Secrets Manager's data in " + file.get(), e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
