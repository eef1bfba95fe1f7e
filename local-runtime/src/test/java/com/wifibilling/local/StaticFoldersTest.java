package com.wifibilling.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.RepoPaths;
import com.wifibilling.core.config.Env;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** portal/ and admin-ui/out/ are served at /portal/ and /admin/ when they exist, and are not routes otherwise. */
class StaticFoldersTest {
    /** A repository home with the template, config and dynalite, and no static folders yet. */
    private static void bareHome(Path home) throws Exception {
        Path repo = RepoPaths.home();
        Files.createSymbolicLink(home.resolve("template.yaml"), repo.resolve("template.yaml"));
        Files.createSymbolicLink(home.resolve("config"), repo.resolve("config"));
        Files.createDirectories(home.resolve("local-runtime"));
        Files.createSymbolicLink(home.resolve("local-runtime/node_modules"), repo.resolve("local-runtime/node_modules"));
    }

    @Test
    void presentFoldersAreServedUnderTheirPrefixes(@TempDir Path home) throws Exception {
        bareHome(home);
        Files.createDirectories(home.resolve("portal"));
        Files.writeString(home.resolve("portal/index.html"), "<h1>portal</h1>");
        Files.writeString(home.resolve("portal/app.js"), "console.log(1)");
        String css = "body { margin: 0; padding: 0; }\n".repeat(200);
        Files.writeString(home.resolve("portal/site.css"), css);
        Files.createDirectories(home.resolve("admin-ui/out"));
        Files.writeString(home.resolve("admin-ui/out/vouchers.html"), "<h1>vouchers</h1>");

        try (LocalRuntime runtime = LocalRuntime.start(LocalOptions.parse(new String[] {"--port", "0", "--home", home.toString()},
                Optional.empty()), Env.of(Map.of()))) {
            var api = new LocalApi(runtime);
            assertEquals(List.of("/portal/", "/admin/"), runtime.staticPrefixes());
            HttpResponse<String> index = api.get("/portal/");
            assertEquals(200, index.statusCode());
            assertEquals("<h1>portal</h1>", index.body());
            assertEquals("text/html; charset=utf-8", index.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("text/javascript; charset=utf-8", api.get("/portal/app.js").headers().firstValue("Content-Type").orElseThrow());
            assertEquals("<h1>vouchers</h1>", api.get("/admin/vouchers").body());
            assertEquals(404, api.get("/portal/missing.css").statusCode());

            // Text goes gzip-compressed to a browser that accepts it (CloudFront does the same in AWS), as is to others.
            var zipped = api.getBytes("/portal/site.css", "Accept-Encoding", "gzip, deflate, br");
            assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElseThrow());
            assertTrue(zipped.body().length < css.length() / 10, "compressed: " + zipped.body().length + " bytes");
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
                assertEquals(css, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            var plain = api.getBytes("/portal/site.css", "Accept-Encoding", "gzip;q=0, identity");
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
            assertEquals(css.length(), plain.body().length);
            assertEquals(301, api.get("/portal").statusCode());
            HttpResponse<String> notAFolder = api.get("/portalx");
            assertEquals(404, notAFolder.statusCode());
            assertTrue(notAFolder.body().contains("ROUTE_NOT_FOUND"), "paths that merely start alike still reach the API");
        }
    }

    @Test
    void absentFoldersAreNotRegistered(@TempDir Path home) throws Exception {
        bareHome(home);
        try (LocalRuntime runtime = LocalRuntime.start(LocalOptions.parse(new String[] {"--port", "0", "--home", home.toString()},
                Optional.empty()), Env.of(Map.of()))) {
            assertEquals(List.of(), runtime.staticPrefixes());
            HttpResponse<String> response = new LocalApi(runtime).get("/portal/");
            assertEquals(404, response.statusCode());
            assertTrue(response.body().contains("ROUTE_NOT_FOUND"));
        }
    }
}
