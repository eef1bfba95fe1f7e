package com.wifibilling.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Api;
import java.util.Set;

/**
 * AuthApi (DESIGN §2): admin login and token validation under {@code /api/auth/*}. Thin: parse, route, map — the
 * rules live in shared-core's {@code auth} package.
 */
public final class AuthApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Api api;

    /** Lambda: reads the process environment once, at INIT. */
    public AuthApiHandler() {
        this(Env.system());
    }

    /** local-runtime: this function's environment from template.yaml. */
    public AuthApiHandler(Env env) {
        this(AuthWiring.from(env).api());
    }

    /** Tests: real parts in. */
    AuthApiHandler(Api api) {
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
