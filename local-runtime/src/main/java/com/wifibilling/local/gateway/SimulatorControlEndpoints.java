package com.wifibilling.local.gateway;

import com.fasterxml.jackson.core.JacksonException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.wifibilling.core.Mac;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway simulator's test-only control endpoints on the runtime's own port (contracts/gateways.md §8); the
 * Daraja simulator's {@code /simulator/*} live on that simulator's own port, so the two never meet:
 * <ul>
 * <li>{@code GET /simulator/gateway/received}: every CoA/Disconnect the DAS received ({@code ?gatewayId=} filters);</li>
 * <li>{@code GET /simulator/gateway/logins}: logins with applied timeout, rate, counters, online or not ({@code ?mac=});</li>
 * <li>{@code PUT /simulator/gateway/scenario}: how a gateway's DAS answers ({@link DasScenario});</li>
 * <li>{@code POST /simulator/gateway/devices} {@code {"mac","ip","bytesIn","bytesOut"}}: a device joins (or makes traffic);</li>
 * <li>{@code GET|PUT /simulator/gateway/settings}: timeScale, requireMessageAuth, acctInterimSeconds (and the DAS port, read-only);</li>
 * <li>{@code POST /simulator/reset}: forgets logins, devices, the received log and scenarios, restores the settings.</li>
 * </ul>
 */
final class SimulatorControlEndpoints implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(SimulatorControlEndpoints.class);
    static final String PREFIX = "/simulator/";

    /** The body of {@code POST /simulator/gateway/devices}. */
    record DeviceBody(String mac, String ip, Long bytesIn, Long bytesOut) {}

    /** The body of {@code PUT /simulator/gateway/settings}: what it names changes, the rest stays. */
    record SettingsBody(Double timeScale, Boolean requireMessageAuth, Integer acctInterimSeconds) {}

    private final GatewaySimulator simulator;

    SimulatorControlEndpoints(GatewaySimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            Map<String, String> query = SimHttp.fields(exchange);
            switch (route) {
                case "GET /simulator/gateway/received" -> SimHttp.json(exchange, 200, Map.of("items", simulator.received(
                        Optional.ofNullable(query.get("gatewayId")))));
                case "GET /simulator/gateway/logins" -> SimHttp.json(exchange, 200, Map.of("mode", simulator.mode(), "items",
                        simulator.logins(Optional.ofNullable(query.get("gatewayId")), Optional.ofNullable(query.get("mac")).map(Mac::parse))));
                case "PUT /simulator/gateway/scenario" -> {
                    DasScenario scenario = Json.MAPPER.readValue(SimHttp.body(exchange), DasScenario.class);
                    SimHttp.json(exchange, 200, simulator.scenario(scenario));
                }
                case "POST /simulator/gateway/devices" -> {
                    DeviceBody body = Json.MAPPER.readValue(SimHttp.body(exchange), DeviceBody.class);
                    if (body.mac() == null) throw new IllegalArgumentException("mac is required");
                    SimHttp.json(exchange, 200, simulator.device(Mac.parse(body.mac()), Optional.ofNullable(body.ip()),
                            body.bytesIn() == null ? 0 : body.bytesIn(), body.bytesOut() == null ? 0 : body.bytesOut()));
                }
                case "GET /simulator/gateway/settings" -> SimHttp.json(exchange, 200, simulator.settingsView());
                case "PUT /simulator/gateway/settings" -> {
                    SettingsBody body = Json.MAPPER.readValue(SimHttp.body(exchange), SettingsBody.class);
                    NasSettings now = simulator.settings();
                    simulator.settings(new NasSettings(body.timeScale() != null ? body.timeScale() : now.timeScale(),
                            body.requireMessageAuth() != null ? body.requireMessageAuth() : now.requireMessageAuth(),
                            body.acctInterimSeconds() != null ? body.acctInterimSeconds() : now.acctInterimSeconds()));
                    SimHttp.json(exchange, 200, simulator.settingsView());
                }
                case "POST /simulator/reset" -> {
                    simulator.reset();
                    SimHttp.send(exchange, 204, "application/json", "");
                }
                default -> SimHttp.json(exchange, 404, error("NOT_FOUND", "No simulator endpoint " + route));
            }
        } catch (JacksonException | IllegalArgumentException | ApiException bad) {
            SimHttp.json(exchange, 400, error("INVALID_REQUEST", bad.getMessage()));
        } catch (RuntimeException bug) { // the JDK server would drop the connection without a word
            log.atError().setCause(bug).log("gateway.sim.control.failed");
            SimHttp.json(exchange, 500, error("SIMULATOR_FAILED", bug.toString()));
        }
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("error", Map.of("code", code, "message", message == null ? code : message));
    }
}
