package com.wifibilling.local;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server on the loopback interface, one virtual thread per exchange: {@code /} goes to the API
 * Gateway emulator, each static folder that exists gets its prefix ({@code /portal/}, {@code /admin/}), and the
 * gateway simulator gets {@code /sim/gateway/} and {@code /simulator/}.
 * The port is bound first thing at start-up, so "port in use" is reported before anything else starts.
 */
final class HttpApiServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private HttpApiServer(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
    }

    /** Binds {@code port} on 127.0.0.1 (0 picks a free one); a taken port fails with what to do about it. */
    static HttpApiServer bind(int port) {
        try {
            return new HttpApiServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128));
        } catch (BindException e) {
            throw new StartFailure("Port " + port + " is already in use (another local runtime?). Stop what uses it, "
                    + "or choose another port with --port N (--port 0 picks a free one).");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the HTTP server on port " + port, e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /**
     * Registers the API, the static folders and the simulators' contexts ({@code /sim/gateway/}, {@code /simulator/}:
     * prefixes with a trailing slash, so {@code /api/*} is never theirs), then starts answering.
     */
    void start(HttpHandler api, List<StaticFiles> folders, Map<String, HttpHandler> simulators) {
        server.createContext("/", api);
        simulators.forEach((prefix, handler) -> {
            if (!prefix.endsWith("/") || prefix.startsWith("/api/")) throw new IllegalArgumentException("Not a simulator prefix: " + prefix);
            server.createContext(prefix, handler);
        });
        for (StaticFiles folder : folders) {
            String bare = folder.prefix().substring(0, folder.prefix().length() - 1); // "/portal"
            // A context matches by string prefix, so "/portal" also receives "/portalx": hand that back to the API.
            server.createContext(bare, exchange -> {
                String path = exchange.getRequestURI().getPath();
                if (path.equals(bare)) {
                    exchange.getResponseHeaders().add("Location", folder.prefix());
                    exchange.sendResponseHeaders(301, -1);
                    exchange.close();
                } else if (path.startsWith(folder.prefix())) {
                    try (exchange) {
                        folder.serve(exchange);
                    }
                } else {
                    api.handle(exchange);
                }
            });
        }
        server.start();
    }

    @Override
    public void close() {
        server.stop(1);          // let exchanges in flight finish, for at most a second
        executor.shutdownNow();  // then interrupt what is left (a slow function on its way to its timeout)
    }
}
