package com.wifibilling.coa;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JacksonException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.gateway.GatewayCommandDispatcher;
import com.wifibilling.core.http.Json;
import com.wifibilling.core.http.SqsBatches;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.session.GatewayCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GatewayCommands (DESIGN §2): consumes {@code gateway-commands} (authorize, update, disconnect) with partial batch
 * failures: a command whose gateway did not answer (CoA timeout, controller unreachable) or that failed comes back;
 * an unreadable message can never succeed and is dropped after logging.
 */
public final class GatewayCommandHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger log = LoggerFactory.getLogger(GatewayCommandHandler.class);

    private final GatewayCommandDispatcher dispatcher;
    private final Metrics metrics;

    /** Lambda: reads the process environment once, at INIT. */
    public GatewayCommandHandler() {
        this(Env.system());
    }

    /** local-runtime: this function's environment from template.yaml. */
    public GatewayCommandHandler(Env env) {
        this(GatewayCommandsWiring.from(env));
    }

    GatewayCommandHandler(GatewayCommandsWiring wiring) {
        this.dispatcher = wiring.dispatcher();
        this.metrics = wiring.metrics();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return SqsBatches.handle(event, metrics, "gateway.command.failed", message -> {
            GatewayCommand command;
            try {
                command = Json.MAPPER.readValue(message.getBody(), GatewayCommand.class);
            } catch (JacksonException unreadable) {
                log.atError().addKeyValue("messageId", message.getMessageId()).log("gateway.command.unreadable");
                return false;
            }
            return dispatcher.dispatch(command) == GatewayCommandDispatcher.Outcome.RETRY;
        });
    }
}
