package com.wifibilling.coa;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Api;
import java.util.Set;

/**
 * GatewayApi (DESIGN §2): the polling API routers behind NAT call instead of receiving CoA
 * (contracts/gateways.md §6): {@code sessions}, {@code usage}, {@code heartbeat}, each with {@code X-Gateway-Key}.
 */
public final class GatewayApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Api api;

    /** Lambda: reads the process environment once, at INIT. */
    public GatewayApiHandler() {
        this(Env.system());
    }

    /** local-runtime: this function's environment from template.yaml. */
    public GatewayApiHandler(Env env) {
        this(GatewayApiWiring.from(env).api());
    }

    /** Tests: real parts in. */
    GatewayApiHandler(Api api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.respond(event, context);
    }

    /** Returns the route keys this handler serves, for the template parity test. */
    Set<String> routeKeys() {
        return api.router().routeKeys();
    }
}
