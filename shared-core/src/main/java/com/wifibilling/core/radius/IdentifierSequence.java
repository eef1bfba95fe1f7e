package com.wifibilling.core.radius;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out RADIUS Identifiers: a random start, then the next one for each request, so up to 256 requests in
 * flight from one container never share an Identifier even at a NAS that ignores our source port. Thread-safe.
 */
final class IdentifierSequence {
    private final AtomicInteger next;

    IdentifierSequence() {
        this(new SecureRandom().nextInt(256));
    }

    IdentifierSequence(int start) {
        next = new AtomicInteger(start);
    }

    int next() {
        return next.getAndIncrement() & 0xff;
    }
}
