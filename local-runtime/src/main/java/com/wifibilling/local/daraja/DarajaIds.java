package com.wifibilling.local.daraja;

import com.wifibilling.core.BusinessDay;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Returns the identifiers Daraja hands out, in the shapes observed in real answers (contracts/daraja.md §3.1,
 * §3.2, §4) and unique for the whole run, reset or not: a test may keep an id from before a reset and must not
 * meet it again.
 */
final class DarajaIds {
    private static final DateTimeFormatter CHECKOUT_TIME = DateTimeFormatter.ofPattern("ddMMyyyyHHmmss").withZone(BusinessDay.ZONE);
    private static final String HEX = "0123456789abcdef";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String UPPER_AND_DIGITS = UPPER + "0123456789";
    private static final String ALPHANUMERIC = UPPER + "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom TOKENS = new SecureRandom();

    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000, 900_000));
    private final AtomicLong lastCheckoutMillis = new AtomicLong();
    private final Set<String> receipts = ConcurrentHashMap.newKeySet();

    DarajaIds(Clock clock) {
        this.clock = clock;
    }

    /** Returns a MerchantRequestID like {@code 2654-4b64-97ff-b827b542881d3130}; the trailing counter makes it unique. */
    String merchantRequestId() {
        return hexGroups();
    }

    /** Returns an error envelope's {@code requestId}, like {@code 1c5b-4ba8-815c-ac45c57a3db01495926}. */
    String requestId() {
        return hexGroups();
    }

    /**
     * Returns a CheckoutRequestID like {@code ws_CO_1007202409152617172396192}: {@code ws_CO_}, the EAT time as
     * {@code ddMMyyyyHHmmss}, the milliseconds without padding, and the 9-digit national number. The time is a
     * per-run clock that never repeats a millisecond, so two pushes to one number in one millisecond still differ
     * (and a shorter millisecond field makes a shorter id, so different lengths cannot collide either).
     */
    String checkoutRequestId(String msisdn) {
        long millis = lastCheckoutMillis.updateAndGet(last -> Math.max(last + 1, clock.millis()));
        return "ws_CO_" + CHECKOUT_TIME.format(Instant.ofEpochMilli(millis)) + (millis % 1000) + msisdn.substring(3);
    }

    /** Returns an M-Pesa receipt: 10 uppercase letters and digits starting with a letter, never handed out before. */
    String receipt() {
        while (true) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            StringBuilder receipt = new StringBuilder(10).append(UPPER.charAt(random.nextInt(UPPER.length())));
            for (int i = 1; i < 10; i++) receipt.append(UPPER_AND_DIGITS.charAt(random.nextInt(UPPER_AND_DIGITS.length())));
            if (receipts.add(receipt.toString())) return receipt.toString();
        }
    }

    /** Returns an access token: 28 random letters and digits, as Daraja's look (§2, §10.1). */
    String accessToken() {
        StringBuilder token = new StringBuilder(28);
        for (int i = 0; i < 28; i++) token.append(ALPHANUMERIC.charAt(TOKENS.nextInt(ALPHANUMERIC.length())));
        return token.toString();
    }

    private String hexGroups() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex(random, 4) + '-' + hex(random, 4) + '-' + hex(random, 4) + '-' + hex(random, 12) + sequence.incrementAndGet();
    }

    private static String hex(ThreadLocalRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) out.append(HEX.charAt(random.nextInt(16)));
        return out.toString();
    }
}
