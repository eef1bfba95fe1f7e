package com.wifibilling.local;

import com.wifibilling.core.gateway.RadiusClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders {@code config/freeradius/} into a directory FreeRADIUS can run from in the foreground
 * ({@code freeradius -d <dir> -f}): the shipped files as they are, a {@code clients.conf} with one client per
 * gateway (shortname = gatewayId, contracts/gateways.md §3.1), and the environment the config reads
 * ({@code RADIUS_API_BASE}, {@code RADIUS_API_TOKEN}, where to listen). Nothing outside {@code dir} is touched.
 */
public final class FreeRadiusConfig {
    private FreeRadiusConfig() {}

    /**
     * Copies {@code source} (the repository's {@code config/freeradius}) into {@code dir}, writes its clients.conf
     * (owner-only: it holds the secrets) and returns the environment to start FreeRADIUS with.
     */
    public static Map<String, String> render(Path source, Path dir, List<RadiusClients.Client> clients, URI api, String apiToken,
                                             String listenAddress, int authPort) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : files.toList()) {
                Path to = dir.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) Files.createDirectories(to);
                else Files.copy(from, to);
            }
            Files.createDirectories(dir.resolve("log"));
            Files.createDirectories(dir.resolve("run"));
            Path clientsConf = dir.resolve("clients.conf");
            Files.writeString(clientsConf, RadiusClients.clientsConf(clients), StandardCharsets.UTF_8);
            clientsConf.toFile().setReadable(false, false);
            clientsConf.toFile().setReadable(true, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the FreeRADIUS config into " + dir, e);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        String base = api.toString();
        environment.put("RADIUS_API_BASE", base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        environment.put("RADIUS_API_TOKEN", apiToken);
        environment.put("RADIUS_LISTEN_ADDRESS", listenAddress);
        environment.put("RADIUS_AUTH_PORT", Integer.toString(authPort));
        environment.put("RADIUS_ACCT_PORT", Integer.toString(authPort + 1));
        return environment;
    }
}
