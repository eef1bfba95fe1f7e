/**
 * Structured logging: the SLF4J provider that writes one JSON line per event to stdout (DESIGN §8), with the
 * invocation's request id, the function name, cold start and service. Our code and the AWS SDK log through the
 * plain SLF4J API; this backend costs a handful of classes at cold start, where Log4j2 would load hundreds.
 */
package com.wifibilling.core.log;
