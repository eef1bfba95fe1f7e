package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.pkg.TimePackage;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.core.store.DynamoDbPackageStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real template.yaml, the real PaymentApi handler, dynalite and ElasticMQ, reached over HTTP like a browser. */
class LocalRuntimeEndToEndTest {
    private static LocalRuntime runtime;
    private static LocalApi api;

    @BeforeAll
    static void start() {
        runtime = TestRuntimes.start();
        api = new LocalApi(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void packagesListsExactlyTheFourSeedPackagesInOrderWithTheirFields() throws Exception {
        HttpResponse<String> response = api.get("/api/payment/packages");
        assertEquals(200, response.statusCode());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode page = Json.MAPPER.readTree(response.body());
        assertFalse(page.path("nextCursor").isTextual(), "one page holds them all: no cursor to a next one");
        assertEquals(List.of(
                        "basic|Basic|60|2|2|20", "standard|Standard|180|5|5|50",
                        "premium|Premium|360|10|10|100", "ultra|Ultra|1440|20|20|300"),
                StreamSupport.stream(page.get("items").spliterator(), false).map(LocalRuntimeEndToEndTest::summary).toList());
        JsonNode basic = page.get("items").get(0);
        assertEquals("1 hour at 2 Mbps", basic.get("description").asText());
        assertFalse(basic.has("active"), "the portal's view leaves out the operator's bookkeeping");
    }

    @Test
    void defaultGatewayAndAdminAreSeededThroughTheirStores() {
        assertEquals(new Seeder.GatewaySeeded("default", Seeder.Outcome.CREATED), runtime.gatewaySeeded().orElseThrow());
        var dynamoDb = AwsClients.dynamoDb(new AwsConfig(LocalResources.REGION, Optional.of(runtime.dynamoDbEndpoint()), Optional.empty()));
        var gateway = new com.wifibilling.core.store.DynamoDbGatewayStore(dynamoDb, runtime.tableName("GatewaysTable")).find("default").orElseThrow();
        assertEquals("http://127.0.0.1:" + runtime.port() + "/sim/gateway/default/login", gateway.defaultLoginUrl());
        var users = new com.wifibilling.core.store.DynamoDbUserStore(dynamoDb, runtime.tableName("UsersTable"),
                new com.wifibilling.core.store.DynamoDbGuardStore(dynamoDb, runtime.tableName("GuardsTable")));
        String password = runtime.adminSeeded().orElseThrow().generatedPassword().orElseThrow();
        var admin = users.findByEmail("admin@localhost").orElseThrow();
        assertTrue(new com.wifibilling.core.auth.PasswordHasher().verify(password.toCharArray(), admin.passwordHash()));
    }

    @Test
    void unknownPathAnswersRouteNotFoundFromTheDefaultRoute() throws Exception {
        HttpResponse<String> response = api.get("/api/nope");
        assertEquals(404, response.statusCode());
        JsonNode error = Json.MAPPER.readTree(response.body()).get("error");
        assertEquals("ROUTE_NOT_FOUND", error.get("code").asText());
        assertTrue(error.get("message").asText().contains("/api/nope"));
    }

    @Test
    void aPostToAnAdminPathNoFunctionServesIsNotFound() throws Exception {
        HttpResponse<String> response = api.send("POST", "/api/admin/no-such-thing", "{}", "Content-Type", "application/json");
        assertEquals(404, response.statusCode());
        assertEquals("ROUTE_NOT_FOUND", Json.MAPPER.readTree(response.body()).get("error").get("code").asText());
    }

    @Test
    void wrongMethodOnPackagesIsMethodNotAllowedNamingGet() throws Exception {
        HttpResponse<String> response = api.send("POST", "/api/payment/packages", "{}", "Content-Type", "application/json");
        assertEquals(405, response.statusCode());
        assertEquals("GET", response.headers().firstValue("Allow").orElseThrow());
        assertEquals("METHOD_NOT_ALLOWED", Json.MAPPER.readTree(response.body()).get("error").get("code").asText());
    }

    @Test
    void healthIsOkWithDynamoDbOk() throws Exception {
        HttpResponse<String> response = api.get("/api/health");
        assertEquals(200, response.statusCode());
        JsonNode health = Json.MAPPER.readTree(response.body());
        assertEquals("ok", health.get("status").asText());
        assertEquals("ok", health.get("dependencies").get("dynamodb").get("status").asText());
    }

    @Test
    void everyFunctionAnswerCarriesTheSecurityHeaders() {
        for (HttpResponse<String> response : List.of(api.get("/api/payment/packages"), api.get("/api/nope"))) {
            var headers = response.headers();
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals("DENY", headers.firstValue("X-Frame-Options").orElseThrow());
            assertEquals("no-store", headers.firstValue("Cache-Control").orElseThrow());
            assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElseThrow());
            assertTrue(headers.firstValue("Strict-Transport-Security").orElseThrow().startsWith("max-age="));
            assertTrue(headers.firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
            assertTrue(headers.firstValue("Apigw-Requestid").isPresent(), "API Gateway names its request id");
        }
    }

    @Test
    void corsPreflightFromThePortalOriginIsAnsweredAsTheTemplateSays() {
        String portal = "http://localhost:" + runtime.port();
        HttpResponse<String> response = api.send("OPTIONS", "/api/payment/initiate", (String) null,
                "Origin", portal, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type,idempotency-key");
        assertEquals(204, response.statusCode());
        var headers = response.headers();
        assertEquals(portal, headers.firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("GET,POST,PUT,PATCH,DELETE,OPTIONS", headers.firstValue("Access-Control-Allow-Methods").orElseThrow());
        assertEquals("authorization,content-type,idempotency-key,x-client-token",
                headers.firstValue("Access-Control-Allow-Headers").orElseThrow());
        assertEquals("600", headers.firstValue("Access-Control-Max-Age").orElseThrow());
        assertEquals("", response.body());
    }

    @Test
    void corsPreflightFromAStrangerGetsNoCorsHeaders() {
        HttpResponse<String> response = api.send("OPTIONS", "/api/payment/packages", (String) null,
                "Origin", "https://evil.example", "Access-Control-Request-Method", "GET");
        assertEquals(204, response.statusCode());
        assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void actualRequestFromAnAllowedOriginGetsTheTemplatesCorsHeaders() {
        String admin = "http://127.0.0.1:" + runtime.port();
        var headers = api.get("/api/payment/packages", "Origin", admin).headers();
        assertEquals(List.of(admin), headers.allValues("Access-Control-Allow-Origin"));
        assertEquals("retry-after", headers.firstValue("Access-Control-Expose-Headers").orElseThrow());
    }

    @Test
    void bodyOverApiGatewaysTenMegabytesIsRefusedWith413() throws Exception {
        HttpResponse<String> response = api.send("POST", "/api/payment/packages", new byte[HttpEventMapper.MAX_BODY_BYTES + 1],
                "Content-Type", "application/octet-stream");
        assertEquals(413, response.statusCode());
        assertEquals("Request Entity Too Large", Json.MAPPER.readTree(response.body()).get("message").asText());
    }

    @Test
    void restartWithADataDirectoryKeepsAnEditedPackageAndSeedsNothingTwice(@TempDir Path data) throws Exception {
        String standardAsEdited;
        try (LocalRuntime first = TestRuntimes.start("--data-dir", data.toString())) {
            assertEquals(new Seeder.PackagesSeeded(4, 0), first.packagesSeeded().orElseThrow());
            var store = packageStore(first);
            TimePackage standard = store.find("standard").orElseThrow();
            assertTrue(store.update(new TimePackage("standard", "Standard Plus", standard.description(), 240,
                    standard.bandwidthMbps(), standard.uploadMbps(), 60, true, standard.sortOrder())));
            standardAsEdited = summary(Json.MAPPER.readTree(new LocalApi(first).get("/api/payment/packages").body()).get("items").get(1));
            assertEquals(4, first.secrets().generatedNow().size());
            assertEquals(Seeder.Outcome.CREATED, first.adminSeeded().orElseThrow().outcome());
        }
        try (LocalRuntime second = TestRuntimes.start("--data-dir", data.toString())) {
            assertEquals(new Seeder.PackagesSeeded(0, 4), second.packagesSeeded().orElseThrow());
            JsonNode items = Json.MAPPER.readTree(new LocalApi(second).get("/api/payment/packages").body()).get("items");
            assertEquals(4, items.size());
            assertEquals("standard|Standard Plus|240|5|5|60", summary(items.get(1)));
            assertEquals(standardAsEdited, summary(items.get(1)));
            assertEquals(java.util.Map.of(), second.secrets().generatedNow(), "secrets kept from the first start");
            assertEquals(new Seeder.AdminSeeded("admin@localhost", Seeder.Outcome.KEPT, Optional.empty()), second.adminSeeded().orElseThrow());
            assertEquals(Seeder.Outcome.UPDATED, second.gatewaySeeded().orElseThrow().outcome(), "--port 0: a new port, URLs follow");
        }
    }

    private static DynamoDbPackageStore packageStore(LocalRuntime running) {
        var dynamoDb = AwsClients.dynamoDb(new AwsConfig(LocalResources.REGION, Optional.of(running.dynamoDbEndpoint()), Optional.empty()));
        return new DynamoDbPackageStore(AwsClients.enhanced(dynamoDb), running.tableName("PackagesTable"));
    }

    private static String summary(JsonNode p) {
        return String.join("|", p.get("packageId").asText(), p.get("name").asText(), p.get("durationMinutes").asText(),
                p.get("bandwidthMbps").asText(), p.get("uploadMbps").asText(), p.get("priceKES").asText());
    }
}
