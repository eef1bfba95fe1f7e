package com.wifibilling.core.radius;

import java.util.Map;

/**
 * The Error-Cause (101) of a CoA-NAK or Disconnect-NAK (RFC 5176 §3.5), named as FreeRADIUS's dictionaries name
 * it. Any value decodes; unknown ones are named {@code Error-Cause-<n>}.
 */
public record ErrorCause(long code) {
    public static final ErrorCause RESIDUAL_CONTEXT_REMOVED = new ErrorCause(201);
    public static final ErrorCause UNSUPPORTED_ATTRIBUTE = new ErrorCause(401);
    public static final ErrorCause MISSING_ATTRIBUTE = new ErrorCause(402);
    public static final ErrorCause NAS_IDENTIFICATION_MISMATCH = new ErrorCause(403);
    public static final ErrorCause INVALID_REQUEST = new ErrorCause(404);
    public static final ErrorCause UNSUPPORTED_SERVICE = new ErrorCause(405);
    public static final ErrorCause UNSUPPORTED_EXTENSION = new ErrorCause(406);
    public static final ErrorCause INVALID_ATTRIBUTE_VALUE = new ErrorCause(407);
    public static final ErrorCause ADMINISTRATIVELY_PROHIBITED = new ErrorCause(501);
    /** The NAS has no such session: for a Disconnect, the device is already off (contracts/gateways.md §4.4). */
    public static final ErrorCause SESSION_CONTEXT_NOT_FOUND = new ErrorCause(503);
    public static final ErrorCause SESSION_CONTEXT_NOT_REMOVABLE = new ErrorCause(504);
    public static final ErrorCause RESOURCES_UNAVAILABLE = new ErrorCause(506);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(201, "Residual-Context-Removed"), Map.entry(202, "Invalid-EAP-Packet"),
            Map.entry(401, "Unsupported-Attribute"), Map.entry(402, "Missing-Attribute"),
            Map.entry(403, "NAS-Identification-Mismatch"), Map.entry(404, "Invalid-Request"),
            Map.entry(405, "Unsupported-Service"), Map.entry(406, "Unsupported-Extension"),
            Map.entry(407, "Invalid-Attribute-Value"), Map.entry(501, "Administratively-Prohibited"),
            Map.entry(502, "Request-Not-Routable"), Map.entry(503, "Session-Context-Not-Found"),
            Map.entry(504, "Session-Context-Not-Removable"), Map.entry(505, "Other-Proxy-Processing-Error"),
            Map.entry(506, "Resources-Unavailable"), Map.entry(507, "Request-Initiated"),
            Map.entry(508, "Multiple-Session-Selection-Unsupported"));

    public ErrorCause {
        if (code < 0 || code > 0xffff_ffffL) throw new IllegalArgumentException("Error-Cause is a 32-bit unsigned integer, was " + code);
    }

    /** Returns the dictionary name, e.g. {@code Session-Context-Not-Found}. */
    public String label() {
        String name = code <= Integer.MAX_VALUE ? NAMES.get((int) code) : null;
        return name != null ? name : "Error-Cause-" + code;
    }

    @Override
    public String toString() {
        return code + " " + label();
    }
}
