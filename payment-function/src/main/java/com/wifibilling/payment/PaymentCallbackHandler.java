package com.wifibilling.payment;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.http.Api;

/**
 * PaymentCallback (DESIGN §2): Daraja's callback URL. Tiny on purpose — validate, enqueue, acknowledge
 * (contracts/daraja.md §4.1) — so Daraja gets its answer in well under a second and the grant happens, with
 * retries and a dead-letter queue behind it, in the callback processor.
 */
public final class PaymentCallbackHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Api api;

    /** Lambda: reads the process environment once, at INIT. */
    public PaymentCallbackHandler() {
        this(Env.system());
    }

    /** local-runtime: this function's environment from template.yaml. */
    public PaymentCallbackHandler(Env env) {
        this(CallbackWiring.from(env).api());
    }

    /** Tests: real parts in. */
    PaymentCallbackHandler(Api api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.respond(event, context);
    }

    java.util.Set<String> routeKeys() {
        return api.router().routeKeys();
    }
}
