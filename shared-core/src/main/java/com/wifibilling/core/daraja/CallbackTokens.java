package com.wifibilling.core.daraja;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The secret path segments Daraja's callbacks arrive on (contracts/daraja.md §4.1): {@code CALLBACK_TOKEN},
 * comma-separated, the current one first and the previous one after it while a rotation is under way. Each is
 * at least 32 lowercase hex characters (128 bits): hex cannot spell the words Daraja refuses in URLs
 * ({@code exe}, {@code cmd}, {@code SQL}, {@code query}, …). {@link #toString()} never shows them.
 */
public record CallbackTokens(List<String> tokens) {
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32,256}");

    public CallbackTokens {
        tokens = List.copyOf(tokens);
        if (tokens.isEmpty()) throw new ConfigException("CALLBACK_TOKEN needs at least one token");
        for (String token : tokens) {
            if (!TOKEN.matcher(token).matches())
                throw new ConfigException("every CALLBACK_TOKEN entry must be 32 to 256 lowercase hex characters");
        }
    }

    /** Returns the tokens of {@code CALLBACK_TOKEN}; a missing or malformed one stops start-up naming it. */
    public static CallbackTokens from(Env env) {
        return env.require("CALLBACK_TOKEN", CallbackTokens::parse);
    }

    /** Returns the tokens of a comma-separated list (blanks around commas ignored). */
    public static CallbackTokens parse(String commaSeparated) {
        return new CallbackTokens(Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /** Returns the token new pushes put in their {@code CallBackURL}. */
    public String current() {
        return tokens.getFirst();
    }

    /**
     * Returns whether {@code candidate} is one of the tokens. Every token is compared in constant time and all of
     * them are always compared, so the answer's timing tells a guesser nothing (contracts/daraja.md §4.1, step 1).
     */
    public boolean accepts(String candidate) {
        byte[] given = (candidate == null ? "" : candidate).getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String token : tokens) {
            match |= MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given);
        }
        return match;
    }

    @Override
    public String toString() {
        return "CallbackTokens[" + tokens.size() + " hidden]";
    }
}
