package com.wifibilling.coa;

import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayHeartbeats;
import com.wifibilling.core.gateway.GatewayKeys;
import com.wifibilling.core.gateway.GatewayPolling;
import com.wifibilling.core.gateway.GatewayUsage;
import com.wifibilling.core.gateway.Heartbeat;
import com.wifibilling.core.gateway.PollAnswer;
import com.wifibilling.core.gateway.PollCursor;
import com.wifibilling.core.gateway.UsageReport;
import com.wifibilling.core.guard.TokenBucket;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.PlainText;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Request;
import com.wifibilling.core.http.Router;
import java.util.Map;

/** GatewayApi's routes, keyed exactly as template.yaml declares them (a test keeps the two identical). */
final class GatewayApiRoutes {
    private GatewayApiRoutes() {}

    static Router router(GatewayKeys keys, TokenBucket bucket, GatewayPolling polling, GatewayUsage usage, GatewayHeartbeats heartbeats) {
        return new Router(Map.of(
                "GET /api/gateway/sessions", request -> {
                    boolean lines = lines(request);
                    Gateway gateway = admit(request, keys, bucket);
                    PollAnswer answer = polling.sessions(gateway, request.query("cursor").map(PollCursor::parse), flag(request, "full"),
                            limit(request));
                    return Reply.ok(lines ? new PlainText(answer.lines()) : answer);
                },
                "POST /api/gateway/usage", request -> {
                    Gateway gateway = admit(request, keys, bucket);
                    return Reply.ok(usage.record(gateway, request.json(UsageReport.class)));
                },
                "POST /api/gateway/heartbeat", request -> {
                    Gateway gateway = admit(request, keys, bucket);
                    return Reply.ok(heartbeats.beat(gateway, request.json(Heartbeat.class)));
                }));
    }

    /** The key first (one read), then the gateway's token bucket: an unknown caller cannot drain a real gateway's. */
    private static Gateway admit(Request request, GatewayKeys keys, TokenBucket bucket) {
        Gateway gateway = keys.authenticate(request.header(GatewayKeys.HEADER));
        bucket.take(gateway.gatewayId());
        return gateway;
    }

    /** {@code format=lines} for scripts without {@code :deserialize}; JSON otherwise; any other format is a 400. */
    private static boolean lines(Request request) {
        return switch (request.query("format").orElse("json")) {
            case "json" -> false;
            case "lines" -> true;
            default -> throw ApiException.invalidField("format", "format is json or lines");
        };
    }

    private static boolean flag(Request request, String name) {
        return request.query(name).map(value -> value.equals("true") || value.equals("1")).orElse(false);
    }

    private static int limit(Request request) {
        try {
            int limit = request.query("limit").map(Integer::parseInt).orElse(GatewayPolling.MAX_LIMIT);
            if (limit >= 1 && limit <= GatewayPolling.MAX_LIMIT) return limit;
        } catch (NumberFormatException e) {
            // falls through to the one answer for a bad limit
        }
        throw ApiException.invalidField("limit", "limit must be between 1 and " + GatewayPolling.MAX_LIMIT);
    }
}
