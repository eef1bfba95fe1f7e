package com.wifibilling.core.radius;

/**
 * A datagram that is not a well-formed RADIUS packet, or whose authenticators do not match the shared secret.
 * The message says which rule failed, and never contains the secret.
 */
public final class InvalidPacketException extends RuntimeException {
    public InvalidPacketException(String message) {
        super(message);
    }
}
