package com.wifibilling.local.gateway;

import com.wifibilling.core.Mac;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The devices the hotspot has seen, by MAC, as a router's host table would hold them: each one's IP address, the
 * CHAP id and challenge its last login page carried (MikroTik issues a fresh pair per page), when it last did
 * anything (for Idle-Timeout), and traffic not yet counted into its login.
 */
final class Devices {
    /** A CHAP challenge as the login page carries it: one id octet and 16 challenge octets. */
    record Challenge(int id, byte[] challenge) {
        String idHex() {
            return String.format("%02x", id);
        }

        String challengeHex() {
            return HexFormat.of().formatHex(challenge);
        }
    }

    static final class Device {
        final Mac mac;
        volatile String ip;
        volatile Challenge challenge;
        volatile Instant lastActivity;
        long pendingBytesIn;
        long pendingBytesOut;

        Device(Mac mac, String ip, Instant now) {
            this.mac = mac;
            this.ip = ip;
            this.lastActivity = now;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<Mac, Device> byMac = new ConcurrentHashMap<>();
    private final Clock clock;

    Devices(Clock clock) {
        this.clock = clock;
    }

    /** Returns the device, registering it on first sight; {@code ip} (when given) replaces the known address. */
    Device seen(Mac mac, Optional<String> ip) {
        Device device = byMac.computeIfAbsent(mac, m -> new Device(m, ip.orElseGet(() -> addressFor(m)), clock.instant()));
        ip.ifPresent(address -> device.ip = address);
        device.lastActivity = clock.instant();
        return device;
    }

    Optional<Device> find(Mac mac) {
        return Optional.ofNullable(byMac.get(mac));
    }

    /** Returns a fresh CHAP id and challenge for the device's next login page. */
    Challenge newChallenge(Device device) {
        byte[] challenge = new byte[16];
        RANDOM.nextBytes(challenge);
        device.challenge = new Challenge(RANDOM.nextInt(256), challenge);
        return device.challenge;
    }

    /** Adds traffic the device made (counted into its login at the next interim or stop) and marks it active. */
    void traffic(Device device, long bytesIn, long bytesOut) {
        synchronized (device) {
            device.pendingBytesIn += bytesIn;
            device.pendingBytesOut += bytesOut;
        }
        device.lastActivity = clock.instant();
    }

    void clear() {
        byMac.clear();
    }

    /** A stable address in the hotspot's 10.5.50.0/24 for a device whose IP nobody told us. */
    static String addressFor(Mac mac) {
        String[] octets = mac.value().split(":");
        return "10.5.50." + Math.max(2, Integer.parseInt(octets[octets.length - 1], 16) % 254);
    }
}
