package com.wifibilling.payment;

import com.wifibilling.core.config.Env;
import com.wifibilling.core.store.FinalizerParts;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.payment.CallbackProcessor;
import com.wifibilling.core.payment.SuspiciousCallbacks;
import com.wifibilling.core.store.DynamoDbEventStore;
import com.wifibilling.core.store.DynamoDbGuardStore;

/**
 * Builds CallbackProcessor's object graph once per container (STYLE §1): the {@link FinalizerParts}, the guards
 * and suspicious-callback record, and the processor of contracts/daraja.md §4.3. A missing or malformed variable
 * stops INIT naming it.
 */
record ProcessorWiring(CallbackProcessor processor, Metrics metrics) {
    static ProcessorWiring from(Env env) {
        var parts = FinalizerParts.from(env);
        var suspicious = new SuspiciousCallbacks(new DynamoDbEventStore(parts.dynamoDb(), env.require("EVENTS_TABLE")),
                parts.metrics(), parts.clock());
        var verify = env.optional("DARAJA_VERIFY_CALLBACK_BY_QUERY", CallbackProcessor.Verify::parse, CallbackProcessor.Verify.ON_MISMATCH);
        var processor = new CallbackProcessor(parts.transactions(), new DynamoDbGuardStore(parts.dynamoDb(), env.require("GUARDS_TABLE")),
                parts.daraja(), parts.finalizer(), suspicious, parts.metrics(), parts.clock(), verify);
        return new ProcessorWiring(processor, parts.metrics());
    }
}
