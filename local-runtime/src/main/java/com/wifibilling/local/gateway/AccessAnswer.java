package com.wifibilling.local.gateway;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the RADIUS side answered a login: an Accept with the reply attributes the NAS applies (§3.4: Session-Timeout,
 * Idle-Timeout, Acct-Interim-Interval, Mikrotik-Rate-Limit, Class to echo in accounting), or a Reject with its
 * Reply-Message (shown to the user as {@code $(error)}).
 */
record AccessAnswer(boolean accepted, String replyMessage, OptionalLong sessionTimeout, OptionalLong idleTimeout,
                    OptionalLong acctInterimInterval, Optional<RateLimit> rateLimit, Optional<byte[]> classValue) {
    static AccessAnswer reject(String message) {
        return new AccessAnswer(false, message, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty());
    }
}
