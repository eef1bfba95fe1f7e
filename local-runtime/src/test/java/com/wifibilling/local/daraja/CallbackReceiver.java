package com.wifibilling.local.daraja;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tiny stand-in for our callback endpoint: a JDK HTTP server on a free loopback port that keeps every POST it
 * gets and answers {@code {"ResultCode":0,"ResultDesc":"Accepted"}} — or, when told, other statuses first.
 */
final class CallbackReceiver implements AutoCloseable {
    static final String ACK = "{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}";

    /** One callback as it arrived. */
    record Received(Instant at, String method, String path, String contentType, String body) {}

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> nextStatuses = new ConcurrentLinkedQueue<>();

    CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(Instant.now(), exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body));
                Integer status = nextStatuses.poll();
                byte[] answer = ACK.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        });
        server.start();
    }

    /** Returns a callback URL on this receiver, shaped like ours: {@code /api/payment/callback/<token>}. */
    String url(String token) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/payment/callback/" + token;
    }

    /** Makes the next answers these statuses, in order; afterwards 200 again. */
    void answerNext(int... statuses) {
        for (int status : statuses) nextStatuses.add(status);
    }

    /** Returns the next callback, failing the test if none arrives within {@code wait}. */
    Received next(Duration wait) throws InterruptedException {
        Received next = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(next, "a callback arrived within " + wait);
        return next;
    }

    /** Returns what arrives within {@code wait} (usually nothing, for the callbacks that must not come). */
    List<Received> within(Duration wait) throws InterruptedException {
        List<Received> got = new ArrayList<>();
        Received first = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first != null) got.add(first);
        received.drainTo(got);
        return got;
    }

    void clear() {
        received.clear();
        nextStatuses.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
