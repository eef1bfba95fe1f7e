package com.wifibilling.local.daraja;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs callbacks as Daraja does (contracts/daraja.md §4, §10.1): asynchronously, {@code application/json}, to the
 * checkout's CallBackURL. Every attempt is recorded on the checkout; a failed one (no answer or a non-2xx) is
 * tried again {@code callbackRetries} times, a quick delay apart, through the scheduler — nothing here waits.
 * Logs never hold the URL (its path is the callback token) nor the body (it holds the phone number).
 */
final class CallbackSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);
    private static final int KEPT_RESPONSE_CHARS = 4096;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).executor(executor).build();
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    CallbackSender(ScheduledExecutorService scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** What one delivery is to do: where, what, and how hard to try. */
    record Send(URI url, String body, int retries, long retryDelayMs, Duration timeout) {}

    /** Returns the first attempt's record, once that attempt has ended; retries carry on behind it. */
    CompletableFuture<CallbackDelivery> send(Checkout checkout, Send send) {
        return attempt(checkout, send, 1);
    }

    private CompletableFuture<CallbackDelivery> attempt(Checkout checkout, Send send, int attempt) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(send.url()).timeout(send.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(send.body())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            long ms = (System.nanoTime() - started) / 1_000_000;
            CallbackDelivery delivery = failure == null
                    ? new CallbackDelivery(attempt, at, send.url().toString(), send.body(), response.statusCode(),
                            kept(response.body()), ms, null)
                    : new CallbackDelivery(attempt, at, send.url().toString(), send.body(), 0, null, ms, describe(failure));
            checkout.recordDelivery(delivery);
            if (!delivery.succeeded()) {
                log.atInfo().addKeyValue("merchantRequestId", checkout.merchantRequestId()).addKeyValue("attempt", attempt)
                        .addKeyValue("httpStatus", delivery.httpStatus()).log("daraja.simulator.callback.failed");
                if (attempt <= send.retries()) retryLater(checkout, send, attempt + 1);
            }
            return delivery;
        });
    }

    private void retryLater(Checkout checkout, Send send, int attempt) {
        try {
            checkout.track(scheduler.schedule(() -> attempt(checkout, send, attempt), send.retryDelayMs(), TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException closing) {
            // the simulator is stopping: no more attempts
        }
    }

    private static String kept(String body) {
        return body.length() <= KEPT_RESPONSE_CHARS ? body : body.substring(0, KEPT_RESPONSE_CHARS);
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    @Override
    public void close() {
        http.shutdownNow();
        executor.shutdownNow();
    }
}
