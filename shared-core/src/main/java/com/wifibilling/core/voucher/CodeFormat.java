package com.wifibilling.core.voucher;

import java.util.random.RandomGenerator;

/**
 * The spelling rules every code that unlocks time shares: sold vouchers and the access codes paid sessions mint
 * (DESIGN §4 Vouchers, §6 "Credentials"). Pure functions; {@link AccessCode} is the value built on them.
 *
 * <p><b>Alphabet.</b> {@value #ALPHABET}: the digits 2–9 and the letters without I, L and O, so nothing on a
 * printed slip or a phone screen looks like anything else (no 0/O, no 1/I/L). That leaves 31 symbols, and 31 is
 * prime, which the check character below needs.
 *
 * <p><b>Check character.</b> The last symbol is chosen so that Σ i·v(cᵢ) ≡ 0 (mod 31) over every position
 * i = 1…n of the code, the check character included, where v(c) is the symbol's index in the alphabet. The
 * weights 1…n are distinct and non-zero modulo 31 as long as n ≤ {@value #MAX_LENGTH}. Then:
 * <ul>
 *   <li>a single substitution at position i changes the sum by i·Δ with Δ ≢ 0, and a product of two non-zero
 *       residues modulo a prime is never 0: <em>every</em> single-character error is caught;</li>
 *   <li>swapping a ≠ b at positions i and i+1 changes it by i·b + (i+1)·a − i·a − (i+1)·b = a − b ≢ 0:
 *       <em>every</em> adjacent transposition is caught (any transposition at distance d ≤ 29 too, as d·(a−b) ≢ 0).</li>
 * </ul>
 * A random string of the right length passes with probability 1/31, so a guesser wastes 30 of 31 tries on a
 * check the portal can reject before any database read.
 *
 * <p><b>Entropy.</b> At least {@value #MIN_RANDOM_SYMBOLS} random symbols from 31: 31¹⁰ ≈ 8.2·10¹⁴ codes,
 * about 49.5 bits (issue 5 asks for ≥ 10¹⁴). A prefix adds no entropy; it is checked like the rest.
 *
 * <p><b>Spelling.</b> Stored and compared in one canonical form: upper case, no separators
 * ({@code HS7K2M9Q4BX}). Shown in groups of four ({@code HS7K-2M9Q-4BX}). Accepted with any case, spaces or
 * dashes.
 */
public final class CodeFormat {
    /** The 31 symbols, in the order that gives each its value 0…30. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int MIN_RANDOM_SYMBOLS = 10;
    /** The shortest code: {@value #MIN_RANDOM_SYMBOLS} random symbols and the check character. */
    public static final int MIN_LENGTH = MIN_RANDOM_SYMBOLS + 1;
    /** The longest code whose weights 1…n stay distinct and non-zero modulo 31. */
    public static final int MAX_LENGTH = 30;
    /** Symbols per group in the display form. */
    public static final int GROUP = 4;
    private static final int RADIX = ALPHABET.length();
    /** Longer input is refused before it is looked at: no code, however spaced, is this long. */
    private static final int MAX_INPUT = 100;

    private CodeFormat() {}

    /** Returns the value (0…30) of an alphabet symbol, or -1 for anything else. */
    static int value(char symbol) {
        return ALPHABET.indexOf(symbol);
    }

    /**
     * Returns the check character that completes {@code body} (canonical symbols, 1 to {@value #MAX_LENGTH}−1 of
     * them): the symbol that makes the weighted sum of the whole code 0 modulo 31.
     */
    public static char checkCharacter(String body) {
        if (body == null || body.isEmpty() || body.length() >= MAX_LENGTH)
            throw new IllegalArgumentException("A code body has 1 to " + (MAX_LENGTH - 1) + " symbols");
        int n = body.length() + 1; // the check character's position, and its weight
        int sum = weightedSum(body);
        if (sum < 0) throw new IllegalArgumentException("A code body uses only the code alphabet");
        // Solve sum + n·v ≡ 0: v = −sum · n⁻¹ (mod 31); n⁻¹ = n^(31−2) by Fermat, as 31 is prime.
        int v = Math.floorMod(-sum * inverse(n), RADIX);
        return ALPHABET.charAt(v);
    }

    /** Returns whether {@code canonical} is made of alphabet symbols, has a valid length and passes its check. */
    public static boolean isValid(String canonical) {
        return hasValidShape(canonical) && weightedSum(canonical) % RADIX == 0;
    }

    /** Returns whether {@code canonical} is {@value #MIN_LENGTH}–{@value #MAX_LENGTH} alphabet symbols (check not tested). */
    public static boolean hasValidShape(String canonical) {
        if (canonical == null || canonical.length() < MIN_LENGTH || canonical.length() > MAX_LENGTH) return false;
        for (int i = 0; i < canonical.length(); i++) {
            if (value(canonical.charAt(i)) < 0) return false;
        }
        return true;
    }

    /**
     * Returns the canonical spelling of what a person typed: spaces and dashes (any Unicode space or dash) left out,
     * ASCII letters upper-cased. Returns null when anything else is in it, or it is absurdly long; the result is
     * not yet checked for length or check character.
     */
    public static String normalize(String input) {
        if (input == null || input.length() > MAX_INPUT) return null;
        var canonical = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || Character.getType(c) == Character.DASH_PUNCTUATION)
                continue;
            // ASCII only: String.toUpperCase would turn 'ß' into "SS" and the dotless 'ı' into 'I'.
            char upper = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
            if (value(upper) < 0) return null;
            canonical.append(upper);
        }
        return canonical.toString();
    }

    /** Returns the canonical code in groups of {@value #GROUP} joined by dashes: {@code HS7K-2M9Q-4BX}. */
    public static String display(String canonical) {
        var shown = new StringBuilder(canonical.length() + canonical.length() / GROUP);
        for (int i = 0; i < canonical.length(); i++) {
            if (i > 0 && i % GROUP == 0) shown.append('-');
            shown.append(canonical.charAt(i));
        }
        return shown.toString();
    }

    /**
     * Returns a new canonical code: {@code prefix} (canonical symbols, may be empty), {@code randomSymbols} drawn
     * uniformly from the alphabet by {@code random} (a {@link java.security.SecureRandom} in production), then
     * the check character.
     */
    public static String generate(RandomGenerator random, String prefix, int randomSymbols) {
        if (randomSymbols < MIN_RANDOM_SYMBOLS) throw new IllegalArgumentException("A code has at least " + MIN_RANDOM_SYMBOLS + " random symbols");
        if (prefix == null || prefix.length() + randomSymbols + 1 > MAX_LENGTH)
            throw new IllegalArgumentException("A code has at most " + MAX_LENGTH + " symbols, prefix and check character included");
        if (weightedSum(prefix) < 0) throw new IllegalArgumentException("A prefix uses only the code alphabet");
        var body = new StringBuilder(prefix);
        for (int i = 0; i < randomSymbols; i++) body.append(ALPHABET.charAt(random.nextInt(RADIX)));
        return body.append(checkCharacter(body.toString())).toString();
    }

    /** Returns Σ i·v(cᵢ) mod 31 over positions 1…n, or -1 when a character is not in the alphabet. */
    private static int weightedSum(String symbols) {
        int sum = 0;
        for (int i = 0; i < symbols.length(); i++) {
            int v = value(symbols.charAt(i));
            if (v < 0) return -1;
            sum = (sum + (i + 1) * v) % RADIX;
        }
        return sum;
    }

    /** Returns the multiplicative inverse of {@code n} (1…30) modulo 31. */
    private static int inverse(int n) {
        int result = 1;
        for (int i = 0; i < RADIX - 2; i++) result = result * n % RADIX;
        return result;
    }
}
