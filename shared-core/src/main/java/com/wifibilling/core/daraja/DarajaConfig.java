package com.wifibilling.core.daraja;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the Daraja client needs (contracts/daraja.md §1 "Settings"): where Daraja is, the app's consumer key and
 * secret, the shortcode and passkey that sign each push, PayBill or Till, and where callbacks come back.
 * {@link #toString()} hides the key, the secret, the passkey and the callback tokens.
 */
public record DarajaConfig(URI baseUrl, String consumerKey, String consumerSecret, String shortcode, String passkey,
                           TransactionType transactionType, Optional<String> tillNumber, URI callbackBaseUrl,
                           CallbackTokens callbackTokens) {
    private static final Pattern BUSINESS_NUMBER = Pattern.compile("[0-9]{5,10}");
    /** Daraja's own hosts validate {@code CallBackURL} and want {@code https} (contracts/daraja.md §3). */
    private static final String SAFARICOM_DOMAIN = ".safaricom.co.ke";

    public DarajaConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        requireText(consumerKey, "DARAJA_CONSUMER_KEY");
        requireText(consumerSecret, "DARAJA_CONSUMER_SECRET");
        requireText(passkey, "DARAJA_PASSKEY");
        if (shortcode == null || !BUSINESS_NUMBER.matcher(shortcode).matches())
            throw new ConfigException("DARAJA_SHORTCODE must be the 5 to 10 digit shortcode");
        Objects.requireNonNull(transactionType, "transactionType");
        Objects.requireNonNull(tillNumber, "tillNumber");
        Objects.requireNonNull(callbackBaseUrl, "callbackBaseUrl");
        Objects.requireNonNull(callbackTokens, "callbackTokens");
        if (tillNumber.isPresent() && !BUSINESS_NUMBER.matcher(tillNumber.get()).matches())
            throw new ConfigException("DARAJA_TILL_NUMBER must be the 5 to 10 digit till number");
        if (transactionType == TransactionType.BUY_GOODS && tillNumber.isEmpty())
            throw new ConfigException("Missing environment variable DARAJA_TILL_NUMBER: DARAJA_TRANSACTION_TYPE "
                    + "CustomerBuyGoodsOnline pays into a till (see config/example.env)");
        // A till number beside a PayBill type means the type was forgotten: every push would end in ResultCode 2028.
        if (transactionType == TransactionType.PAY_BILL && tillNumber.isPresent())
            throw new ConfigException("DARAJA_TILL_NUMBER is set but DARAJA_TRANSACTION_TYPE is CustomerPayBillOnline: "
                    + "set the type to CustomerBuyGoodsOnline, or remove the till number");
        if (isSafaricom(baseUrl) && !"https".equals(callbackBaseUrl.getScheme()))
            throw new ConfigException("CALLBACK_BASE_URL must be https:// when DARAJA_BASE_URL is Safaricom's");
    }

    /** Returns the settings of contracts/daraja.md §1; a missing or malformed variable stops start-up naming it. */
    public static DarajaConfig from(Env env) {
        return new DarajaConfig(
                env.require("DARAJA_BASE_URL", DarajaConfig::httpBase),
                env.require("DARAJA_CONSUMER_KEY"),
                env.require("DARAJA_CONSUMER_SECRET"),
                env.require("DARAJA_SHORTCODE"),
                env.require("DARAJA_PASSKEY"),
                env.optional("DARAJA_TRANSACTION_TYPE", TransactionType::parse, TransactionType.PAY_BILL),
                env.optional("DARAJA_TILL_NUMBER"),
                env.require("CALLBACK_BASE_URL", DarajaConfig::httpBase),
                CallbackTokens.from(env));
    }

    /** Returns {@code PartyB} (contracts/daraja.md §3): the shortcode for a PayBill, the till number for a Till. */
    public String partyB() {
        return transactionType == TransactionType.BUY_GOODS ? tillNumber.orElseThrow() : shortcode;
    }

    /** Returns the {@code CallBackURL} of new pushes: {@code {CALLBACK_BASE_URL}/api/payment/callback/{current token}}. */
    public URI callbackUrl() {
        return URI.create(callbackBaseUrl + "/api/payment/callback/" + callbackTokens.current());
    }

    @Override
    public String toString() {
        return "DarajaConfig[baseUrl=" + baseUrl + ", shortcode=" + shortcode + ", transactionType=" + transactionType
                + ", tillNumber=" + tillNumber.orElse("-") + ", callbackBaseUrl=" + callbackBaseUrl
                + ", consumerKey, consumerSecret, passkey and callback tokens hidden]";
    }

    /** Returns an absolute http(s) URL without query or fragment, and without a trailing slash. */
    private static URI httpBase(String value) {
        URI uri;
        try {
            uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (URISyntaxException e) {
            throw new ConfigException("not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null)
            throw new ConfigException("expected http(s)://host[:port][/path] without query or fragment");
        return uri;
    }

    private static boolean isSafaricom(URI uri) {
        String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
        return host.equals(SAFARICOM_DOMAIN.substring(1)) || host.endsWith(SAFARICOM_DOMAIN);
    }

    private static void requireText(String value, String variable) {
        if (value == null || value.isBlank()) throw new ConfigException("Missing environment variable " + variable);
    }
}
