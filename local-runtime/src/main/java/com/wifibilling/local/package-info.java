/**
 * The embedded default (DESIGN §9): every function of template.yaml, each with its own environment, on
 * dynalite (a child Node process), ElasticMQ (in process) and the JDK's HTTP server, in one JVM started by
 * {@code scripts/run-local}. It plays the parts AWS plays: API Gateway's HTTP API (routes, payload 2.0 events,
 * CORS preflight, 10 MB limit), Lambda (cold init once, warm after, a {@code Context} per invocation, the
 * timeout) and the SQS event source mapping (batches, partial batch failures, the DLQ through the queue's
 * redrive policy) — and Safaricom's Daraja is played by the simulator in {@code .daraja}. Nothing depends on this
 * package; it depends on everything.
 */
package com.wifibilling.local;
