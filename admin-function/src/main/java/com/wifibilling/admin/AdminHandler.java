package com.wifibilling.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Api;

/** AdminApi (DESIGN §2): {@code /api/admin/*} for operators with an admin JWT. Thin: parse, route, map. */
public final class AdminHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Api api;

    /** Lambda: reads the process environment once, at INIT. */
    public AdminHandler() {
        this(Env.system());
    }

    /** local-runtime: this function's environment from template.yaml. */
    public AdminHandler(Env env) {
        this(AdminWiring.from(env).api());
    }

    /** Tests: real parts in. */
    AdminHandler(Api api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.respond(event, context);
    }

    /** Returns the route keys this handler serves, for the template parity test. */
    java.util.Set<String> routeKeys() {
        return api.router().routeKeys();
    }
}
