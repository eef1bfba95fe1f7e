package com.wifibilling.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.wifibilling.core.config.Env;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The scheduled function of templates/schedule-test.yaml: records every event it is given. */
public final class RecordingScheduledHandler implements RequestHandler<ScheduledEvent, Void> {
    static final List<ScheduledEvent> EVENTS = new CopyOnWriteArrayList<>();

    public RecordingScheduledHandler(Env env) {
        // the environment is not needed: the test only looks at what arrives
    }

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        EVENTS.add(event);
        return null;
    }
}
