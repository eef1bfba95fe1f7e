package com.wifibilling.core.gateway;

import com.wifibilling.core.http.ApiException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How coa-function reaches a UniFi controller (contracts/gateways.md §1 and §5.3): its {@code baseUrl}, the
 * {@code site} name ({@code default} unless set), whether it is a UniFi OS console ({@code /proxy/network}
 * prefix, {@code TOKEN} cookie), where its login lives in Secrets Manager ({@code credentialsRef}), and the
 * SHA-256 of its (usually self-signed) certificate to pin ({@code certSha256}: 64 lowercase hex digits; colons
 * as browsers show them are accepted and removed).
 */
public record UnifiController(String baseUrl, String site, boolean unifiOs, String credentialsRef, String certSha256) {
    private static final Pattern SITE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public UnifiController {
        baseUrl = GatewayUrls.absoluteHttp(baseUrl, "unifi.baseUrl");
        site = site == null || site.isBlank() ? "default" : site.strip();
        if (!SITE.matcher(site).matches()) throw ApiException.invalidField("unifi.site", "site must be a UniFi site name such as default");
        credentialsRef = credentialsRef == null || credentialsRef.isBlank() ? null : credentialsRef.strip();
        if (certSha256 != null) {
            certSha256 = certSha256.strip().replace(":", "").toLowerCase(Locale.ROOT);
            if (certSha256.length() != 64 || !certSha256.chars().allMatch(HexFormat::isHexDigit))
                throw ApiException.invalidField("unifi.certSha256", "certSha256 must be 64 hex digits");
        }
    }
}
