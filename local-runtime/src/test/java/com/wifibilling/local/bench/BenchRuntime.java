package com.wifibilling.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.AwsConfig;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.SamTemplate;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.store.AwsClients;
import com.wifibilling.local.LocalOptions;
import com.wifibilling.local.LocalRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real local runtime (as scripts/run-local starts it, in this JVM) plus what a benchmark does to it: the
 * portal's HTTP calls, the Daraja simulator's control endpoints (contracts/daraja.md §10.3), and a DynamoDB client
 * of the bench's own whose calls are never recorded.
 */
final class BenchRuntime implements AutoCloseable {
    /** The scenario the benchmarks give their phones: the prompt stays open (queries answer pending) and no callback comes. */
    static final String SILENT_SCENARIO = "{\"delivery\":\"never\",\"delayMs\":1000000000}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final LocalRuntime runtime;
    final DynamoDbClient dynamoDb;
    final Map<String, SamTemplate.TableSpec> tables;

    private BenchRuntime(LocalRuntime runtime) {
        this.runtime = runtime;
        this.dynamoDb = AwsClients.dynamoDb(new AwsConfig("af-south-1", Optional.of(runtime.dynamoDbEndpoint()), Optional.empty()));
        Map<String, SamTemplate.TableSpec> byName = new LinkedHashMap<>();
        SamTemplate.load(RepoPaths.template()).tables().forEach(table -> byName.put(runtime.tableName(table.logicalId()), table));
        this.tables = Map.copyOf(byName);
    }

    /** Starts the runtime on a free port with run-local's {@code options} (e.g. {@code --daraja-time-scale 0.05}). */
    static BenchRuntime start(String... options) {
        return start(Map.of(), options);
    }

    /** Starts the runtime as {@link #start(String...)} does, with {@code process} as its environment (e.g. ADMIN_PASSWORD). */
    static BenchRuntime start(Map<String, String> process, String... options) {
        List<String> args = new ArrayList<>(List.of("--port", "0"));
        args.addAll(List.of(options));
        return new BenchRuntime(LocalRuntime.start(LocalOptions.parse(args.toArray(String[]::new),
                Optional.of(RepoPaths.home().toString())), Env.of(process)));
    }

    /** Returns each table's key attribute names, by physical table name (what the recorder needs for put items). */
    Map<String, List<String>> keyAttributes() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        tables.forEach((name, table) -> keys.put(name, BilledUnits.keyNames(table.key())));
        return keys;
    }

    String table(String logicalId) {
        return runtime.tableName(logicalId);
    }

    // ------------------------------------------------------------------ the portal

    /** {@code POST /api/payment/initiate} as the portal sends it; returns the answer (200 expected). */
    JsonNode initiate(String msisdn, String mac) {
        String body = """
                {"phone":"%s","packageId":"basic","gateway":{"mac":"%s","ip":"10.5.50.23","dst":"http://example.com/"},"lang":"en"}"""
                .formatted(msisdn, mac);
        return ok(send("POST", runtime.baseUri().resolve("/api/payment/initiate"), body, "Content-Type", "application/json"));
    }

    /** {@code GET /api/payment/status} with the purchase's client token, as the portal polls it. */
    JsonNode status(String transactionId, String clientToken) {
        return ok(send("GET", runtime.baseUri().resolve("/api/payment/status?transactionId=" + transactionId), null,
                "X-Client-Token", clientToken));
    }

    // ------------------------------------------------------------------ the Daraja simulator (§10.3)

    void scenario(String msisdn, String override) {
        ok(send("PUT", runtime.darajaBaseUri().resolve("/simulator/scenarios/" + msisdn), override, "Content-Type", "application/json"));
    }

    /** Settles the checkout as paid without sending its callback; returns the checkout (with its receipt). */
    JsonNode settlePaid(String checkoutRequestId) {
        return ok(send("POST", runtime.darajaBaseUri().resolve("/simulator/checkouts/" + checkoutRequestId + "/callback"),
                "{\"resultCode\":\"0\",\"deliver\":false}", "Content-Type", "application/json"));
    }

    /** Settles the checkout as paid and has the simulator deliver its callback now, as Daraja would; returns the delivery. */
    JsonNode deliverPaidCallback(String checkoutRequestId) {
        return ok(send("POST", runtime.darajaBaseUri().resolve("/simulator/checkouts/" + checkoutRequestId + "/callback"),
                "{\"resultCode\":\"0\"}", "Content-Type", "application/json"));
    }

    /** Returns the success callback Daraja sends for the settled {@code checkout} (contracts/daraja.md §4), as the simulator builds it. */
    static String successCallback(JsonNode checkout, long transactionDate) {
        var callback = Json.MAPPER.createObjectNode();
        callback.put("MerchantRequestID", checkout.get("merchantRequestId").asText());
        callback.put("CheckoutRequestID", checkout.get("checkoutRequestId").asText());
        callback.put("ResultCode", 0);
        callback.put("ResultDesc", "The service request is processed successfully.");
        var items = callback.putObject("CallbackMetadata").putArray("Item");
        items.addObject().put("Name", "Amount").put("Value", new java.math.BigDecimal(checkout.get("amount").asLong()).setScale(2));
        items.addObject().put("Name", "MpesaReceiptNumber").put("Value", checkout.get("receipt").asText());
        items.addObject().put("Name", "Balance");
        items.addObject().put("Name", "TransactionDate").put("Value", transactionDate);
        items.addObject().put("Name", "PhoneNumber").put("Value", Long.parseLong(checkout.get("msisdn").asText()));
        var body = Json.MAPPER.createObjectNode();
        body.putObject("Body").set("stkCallback", callback);
        return Json.write(body);
    }

    // ------------------------------------------------------------------ the bench's own reads

    /** Returns the item (strongly consistent) through the bench's client; never recorded. */
    Map<String, AttributeValue> item(String table, String keyName, String keyValue) {
        return DynamoDbCallRecorder.unrecorded(() -> {
            var response = dynamoDb.getItem(r -> r.tableName(table).key(Map.of(keyName, AttributeValue.fromS(keyValue))).consistentRead(true));
            return response.hasItem() ? response.item() : null;
        });
    }

    static HttpResponse<String> send(String method, URI uri, String body, String... headers) {
        var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) builder.headers(headers);
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode ok(HttpResponse<String> response) {
        if (response.statusCode() != 200)
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        dynamoDb.close();
        runtime.close();
    }
}
