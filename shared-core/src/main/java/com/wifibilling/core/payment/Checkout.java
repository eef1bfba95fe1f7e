package com.wifibilling.core.payment;

import com.wifibilling.core.gateway.GatewayContext;
import com.wifibilling.core.gateway.GatewayParams;
import com.wifibilling.core.session.DeviceKey;
import java.net.URI;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What a purchase remembers from its checkout page so the status endpoint can hand out the device's login later
 * (contracts/gateways.md §2.1): the {@code AccountReference} the customer saw in the M-Pesa prompt, and the
 * gateway's redirect values exactly as {@link GatewayContext#of} accepted them (login URL resolved, CHAP as hex).
 * The status poll rebuilds the {@link GatewayContext} from these, so a gateway disabled since is still refused.
 */
public record Checkout(String accountReference, String ip, String loginUrl, String dst, String chapId, String chapChallenge) {
    private static final Pattern ACCOUNT_REFERENCE = Pattern.compile("[A-Z0-9]{1,12}");

    public Checkout {
        if (accountReference == null || !ACCOUNT_REFERENCE.matcher(accountReference).matches())
            throw new IllegalArgumentException("accountReference is 1-12 upper-case letters or digits");
        if (loginUrl != null && loginUrl.isBlank()) throw new IllegalArgumentException("loginUrl is a URL or absent (UniFi)");
        if ((chapId == null) != (chapChallenge == null)) throw new IllegalArgumentException("chapId and chapChallenge come together");
    }

    /** Returns the checkout of a context {@link GatewayContext#of} accepted. */
    public static Checkout of(String accountReference, GatewayContext context) {
        return new Checkout(accountReference, context.ip().orElse(null), context.loginUrl().map(URI::toString).orElse(null),
                context.dst().orElse(null),
                context.chap().map(chap -> HexFormat.of().toHexDigits(chap.id())).orElse(null),
                context.chap().map(chap -> HexFormat.of().formatHex(chap.challenge())).orElse(null));
    }

    /** Returns the redirect parameters to check again for {@code deviceKey}, as the portal first sent them. */
    public GatewayParams params(DeviceKey deviceKey) {
        return new GatewayParams(deviceKey.gatewayId(), deviceKey.mac().value(), ip, loginUrl, dst, chapId, chapChallenge);
    }
}
