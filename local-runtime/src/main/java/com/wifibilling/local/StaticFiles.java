package com.wifibilling.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * Serves a folder under a URL prefix: the portal ({@code portal/} at {@code /portal/}) and the admin UI's static
 * export ({@code admin-ui/out/} at {@code /admin/}), as S3 + CloudFront would in AWS. A folder answers its
 * {@code index.html}, and an extension-less path its {@code .html} page (Next.js static export). Nothing outside
 * the folder is ever served. Text (HTML, CSS, JS, JSON, SVG) is sent gzip-compressed to a client that accepts it,
 * as CloudFront does in AWS: the portal's data budget is counted compressed, on slow phone links.
 */
final class StaticFiles {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"),
            Map.entry("webmanifest", "application/manifest+json"), Map.entry("map", "application/json"));

    /** Below this a gzip header costs more than it saves. */
    private static final int MIN_GZIP_BYTES = 256;

    private final String prefix;
    private final Path root;

    /** {@code prefix} is the URL path with a trailing slash, e.g. {@code /portal/}. */
    StaticFiles(String prefix, Path root) {
        this.prefix = prefix;
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serve " + root + ": " + e.getMessage(), e);
        }
    }

    String prefix() {
        return prefix;
    }

    Path root() {
        return root;
    }

    void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().add("Allow", "GET, HEAD");
            send(exchange, 405, "text/plain; charset=utf-8", "Method Not Allowed".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Optional<Path> file = find(path.substring(prefix.length()));
        if (file.isEmpty()) {
            send(exchange, 404, "text/plain; charset=utf-8", "Not Found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = file.get().getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = TYPES.getOrDefault(extension, "application/octet-stream");
        byte[] body = Files.readAllBytes(file.get());
        exchange.getResponseHeaders().add("Vary", "Accept-Encoding");
        if (compressible(type) && acceptsGzip(exchange) && body.length > MIN_GZIP_BYTES) {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            body = gzip(body);
        }
        send(exchange, 200, type, body);
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("image/svg")
                || type.startsWith("application/manifest");
    }

    /** {@code gzip} listed without {@code q=0}: what browsers send ({@code gzip, deflate, br}). */
    static boolean acceptsGzip(HttpExchange exchange) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Accept-Encoding", java.util.List.of())) {
            for (String part : header.split(",")) {
                String[] coding = part.strip().toLowerCase(Locale.ROOT).split(";");
                if (coding[0].strip().equals("gzip") && !(coding.length > 1 && coding[1].replace(" ", "").matches("q=0(\\.0*)?")))
                    return true;
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] body) throws IOException {
        var bytes = new ByteArrayOutputStream(body.length / 3 + 64);
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(body);
        }
        return bytes.toByteArray();
    }

    /** Returns the file a relative URL path names, if it is a regular file inside the root. */
    Optional<Path> find(String relative) {
        if (relative.contains("\0")) return Optional.empty();
        Path candidate = root.resolve(relative).normalize();
        if (!candidate.startsWith(root)) return Optional.empty();
        if (Files.isDirectory(candidate)) candidate = candidate.resolve("index.html");
        else if (!Files.exists(candidate) && !candidate.getFileName().toString().contains("."))
            candidate = candidate.resolveSibling(candidate.getFileName() + ".html");
        try {
            Path real = candidate.toRealPath(); // a symlink must not lead out of the folder either
            return real.startsWith(root) && Files.isRegularFile(real) ? Optional.of(real) : Optional.empty();
        } catch (IOException missing) {
            return Optional.empty();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", type);
        headers.add("X-Content-Type-Options", "nosniff");
        headers.add("Referrer-Policy", "no-referrer");
        headers.add("Cache-Control", "no-cache"); // local edits show on the next reload
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
