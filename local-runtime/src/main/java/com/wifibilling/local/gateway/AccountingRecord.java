package com.wifibilling.local.gateway;

import com.wifibilling.core.Mac;
import java.util.Optional;

/**
 * One Accounting-Request's content (contracts/gateways.md §3.3, §3.5): Start (1) has no counters, Interim-Update (3)
 * and Stop (2) carry them (Input = the device's upload), Stop adds Acct-Terminate-Cause.
 */
record AccountingRecord(int statusType, String userName, String acctSessionId, Mac mac, String ip, Optional<byte[]> classValue,
                        long sessionTimeSeconds, long bytesIn, long bytesOut, int terminateCause) {
    static final int START = 1;
    static final int STOP = 2;
    static final int INTERIM_UPDATE = 3;
    static final int USER_REQUEST = 1;
    static final int IDLE_TIMEOUT = 4;
    static final int SESSION_TIMEOUT = 5;
    static final int ADMIN_RESET = 6;

    static String statusName(int statusType) {
        return switch (statusType) {
            case START -> "start";
            case STOP -> "stop";
            case INTERIM_UPDATE -> "interim-update";
            default -> "status-" + statusType;
        };
    }

    static String causeName(int cause) {
        return switch (cause) {
            case 0 -> null;
            case USER_REQUEST -> "User-Request";
            case IDLE_TIMEOUT -> "Idle-Timeout";
            case SESSION_TIMEOUT -> "Session-Timeout";
            case ADMIN_RESET -> "Admin-Reset";
            default -> "Cause-" + cause;
        };
    }
}
