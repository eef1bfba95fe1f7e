package com.wifibilling.local.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Runs one function as Lambda's Java runtime would, in a JVM whose class path is the function's deployable jar
 * plus this harness (its own small jar): builds the handler through its public no-arg constructor (which reads the
 * process environment), sends it one event and writes what it answered and how long each part took.
 *
 * <p>It uses only the JDK and the Lambda types every function jar carries, never anything of local-runtime or
 * shared-core, so it proves that the jar alone starts. The event is described by a properties file
 * ({@code kind=http|sqs|schedule}; for http {@code method}, {@code path}, {@code routeKey}, {@code query.NAME},
 * {@code pathParameter.NAME}, {@code header.NAME}, {@code body}; for sqs {@code messageId}, {@code body}, {@code queueArn}), because the event POJOs are built here
 * with their setters rather than by Lambda's JSON serialiser. The result file holds {@code status},
 * {@code body} (http), {@code batchItemFailures} (sqs: the reported message ids, comma-separated), and the
 * timings in microseconds: {@code jvmStartToMainUs}, {@code initUs} (the constructor), {@code invokeUs} (the
 * first invocation) and {@code jvmStartToResponseUs}. {@link Done} is loaded right after the response, so a
 * {@code -Xlog:class+load} log cut at it counts the classes the cold path needed.
 *
 * <p>Usage: {@code java -cp function.jar:harness.jar com.wifibilling.local.coldstart.ColdStartHarness
 * <handler class> <event.properties> <result.properties>}
 */
public final class ColdStartHarness {
    private ColdStartHarness() {}

    public static void main(String[] args) throws IOException, ReflectiveOperationException {
        long mainNanos = System.nanoTime();
        Properties event = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
            event.load(in);
        }
        @SuppressWarnings("unchecked")
        var handler = (RequestHandler<Object, Object>) Class.forName(args[0]).getConstructor().newInstance();
        long initDoneNanos = System.nanoTime();
        Object answer = handler.handleRequest(eventOf(event), new HarnessContext(event.getProperty("function", "cold-start")));
        long respondedNanos = System.nanoTime();
        new Done().mark();

        Properties result = new Properties();
        if (answer instanceof APIGatewayV2HTTPResponse http) {
            result.setProperty("status", Integer.toString(http.getStatusCode()));
            result.setProperty("body", http.getBody() == null ? "" : http.getBody());
        } else if (answer instanceof SQSBatchResponse batch) {
            result.setProperty("status", "batch");
            result.setProperty("batchItemFailures", batch.getBatchItemFailures() == null ? ""
                    : batch.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                            .collect(Collectors.joining(",")));
        } else {
            result.setProperty("status", answer == null ? "null" : answer.getClass().getName());
        }
        // Wall time since the JVM was launched: its start time (ms) from the management bean, read after Done.
        long nowMillis = System.currentTimeMillis();
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        long nanosSinceResponse = System.nanoTime() - respondedNanos;
        long jvmStartToResponseUs = (nowMillis - jvmStartMillis) * 1000 - nanosSinceResponse / 1000;
        long mainToResponseUs = (respondedNanos - mainNanos) / 1000;
        result.setProperty("jvmStartToResponseUs", Long.toString(jvmStartToResponseUs));
        result.setProperty("jvmStartToMainUs", Long.toString(jvmStartToResponseUs - mainToResponseUs));
        result.setProperty("initUs", Long.toString((initDoneNanos - mainNanos) / 1000));
        result.setProperty("invokeUs", Long.toString((respondedNanos - initDoneNanos) / 1000));
        try (Writer out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            result.store(out, null);
        }
    }

    private static Object eventOf(Properties event) {
        String kind = event.getProperty("kind", "");
        return switch (kind) {
            case "http" -> http(event);
            case "sqs" -> sqs(event);
            case "schedule" -> schedule();
            default -> throw new IllegalArgumentException("kind must be http, sqs or schedule, not '" + kind + "'");
        };
    }

    /** An HTTP API payload 2.0 event, as API Gateway sends it (lower-case header names). */
    private static APIGatewayV2HTTPEvent http(Properties event) {
        String method = event.getProperty("method");
        String path = event.getProperty("path");
        Map<String, String> headers = prefixed(event, "header.");
        Map<String, String> query = prefixed(event, "query.");
        Map<String, String> pathParameters = prefixed(event, "pathParameter.");
        String routeKey = event.getProperty("routeKey", method + " " + path); // the template's route, {names} kept
        var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        http.setProtocol("HTTP/1.1");
        http.setSourceIp("127.0.0.1");
        http.setUserAgent(headers.getOrDefault("user-agent", "cold-start"));
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setRequestId("cold-start");
        context.setRouteKey(routeKey);
        context.setStage("$default");
        context.setApiId("cold-start");
        context.setTimeEpoch(System.currentTimeMillis());
        var request = new APIGatewayV2HTTPEvent();
        request.setVersion("2.0");
        request.setRouteKey(routeKey);
        request.setRawPath(path);
        request.setRawQueryString(query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&")));
        if (!query.isEmpty()) request.setQueryStringParameters(query);
        if (!pathParameters.isEmpty()) request.setPathParameters(pathParameters);
        request.setHeaders(headers);
        request.setRequestContext(context);
        request.setBody(event.getProperty("body"));
        request.setIsBase64Encoded(false);
        return request;
    }

    private static SQSEvent sqs(Properties event) {
        var message = new SQSEvent.SQSMessage();
        message.setMessageId(event.getProperty("messageId", "cold-start-1"));
        message.setReceiptHandle("cold-start-receipt");
        message.setBody(event.getProperty("body", ""));
        message.setEventSource("aws:sqs");
        message.setEventSourceArn(event.getProperty("queueArn", "arn:aws:sqs:af-south-1:000000000000:cold-start"));
        message.setAwsRegion("af-south-1");
        message.setAttributes(Map.of("ApproximateReceiveCount", "1", "SentTimestamp", Long.toString(System.currentTimeMillis())));
        message.setMessageAttributes(Map.of());
        var sqs = new SQSEvent();
        sqs.setRecords(List.of(message));
        return sqs;
    }

    /** EventBridge's scheduled event ({@code Scheduled Event} from {@code aws.events}). */
    private static ScheduledEvent schedule() {
        var scheduled = new ScheduledEvent();
        scheduled.setId("cold-start");
        scheduled.setSource("aws.events");
        scheduled.setDetailType("Scheduled Event");
        scheduled.setRegion("af-south-1");
        scheduled.setAccount("000000000000");
        scheduled.setDetail(Map.of());
        return scheduled;
    }

    private static Map<String, String> prefixed(Properties properties, String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames())
            if (name.startsWith(prefix)) found.put(name.substring(prefix.length()), properties.getProperty(name));
        return found;
    }

    /** The invocation context: a request id, the function's name and a deadline, as Lambda gives them. */
    private record HarnessContext(String functionName) implements Context {
        @Override public String getAwsRequestId() { return "cold-start"; }
        @Override public String getLogGroupName() { return "/aws/lambda/cold-start"; }
        @Override public String getLogStreamName() { return "cold-start"; }
        @Override public String getFunctionName() { return functionName; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:af-south-1:000000000000:function:cold-start"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 30_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.out.print(message); }
                @Override public void log(byte[] message) { System.out.print(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }

    /** Loaded only after the first response: the cut in a class-load log. */
    static final class Done {
        void mark() {
            // nothing: loading the class is the point
        }
    }
}
