package com.wifibilling.payment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Api;

/**
 * PaymentApi (DESIGN §2): the package catalogue, health, and the API's {@code $default} route (unknown paths
 * and wrong methods answered in the JSON error shape). Thin: parse, route, map — the rules live in shared-core.
 */
public final class PaymentApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Api api;

    /** Lambda: reads the process environment once, at INIT. */
    public PaymentApiHandler() {
        this(Env.system());
    }

    /** local-runtime: this function's environment from template.yaml. */
    public PaymentApiHandler(Env env) {
        this(PaymentWiring.from(env).api());
    }

    /** Tests: real parts in. */
    PaymentApiHandler(Api api) {
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
