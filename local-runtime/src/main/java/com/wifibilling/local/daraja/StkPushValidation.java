package com.wifibilling.local.daraja;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of contracts/daraja.md §10.1, in the table's order, the first failure answering with its §3.2
 * envelope (thrown as a {@link DarajaRejection}). The query runs the token, body, shortcode, Timestamp and
 * Password checks of the push. Numeric fields are accepted as JSON numbers or digit strings.
 */
final class StkPushValidation {
    private static final List<String> PUSH_FIELDS = List.of("BusinessShortCode", "Password", "Timestamp", "TransactionType",
            "Amount", "PartyA", "PartyB", "PhoneNumber", "CallBackURL", "AccountReference", "TransactionDesc");
    private static final List<String> QUERY_FIELDS = List.of("BusinessShortCode", "Password", "Timestamp", "CheckoutRequestID");
    private static final Set<String> TRANSACTION_TYPES = Set.of("CustomerPayBillOnline", "CustomerBuyGoodsOnline");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{14}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}");

    private final String shortcode;
    private final String passkey;

    StkPushValidation(String shortcode, String passkey) {
        this.shortcode = shortcode;
        this.passkey = passkey;
    }

    /** A push that passed every check: what the simulation needs of it. */
    record StkPush(String phoneNumber, long amount, String accountReference, URI callBackUrl) {}

    /** Returns the push if it passes checks 1–11 of §10.1; throws the first failure's rejection otherwise. */
    StkPush push(boolean tokenValid, String contentType, byte[] body, SimulatorSettings.Mode mode) {
        JsonNode json = common(tokenValid, contentType, body, PUSH_FIELDS);                                // 1–6
        if (!TRANSACTION_TYPES.contains(json.get("TransactionType").asText())) throw invalid("TransactionType"); // 7
        long amount = amount(json.get("Amount"));                                                         // 8
        String partyA = scalar(json.get("PartyA"));
        String phoneNumber = scalar(json.get("PhoneNumber"));
        if (!isMsisdn(partyA) || !isMsisdn(phoneNumber)) throw invalid("PhoneNumber");                     // 9
        URI callBackUrl = callBackUrl(json.get("CallBackURL"), mode);                                      // 10
        String accountReference = scalar(json.get("AccountReference"));                                   // 11
        if (accountReference == null || accountReference.isEmpty() || accountReference.length() > 12) throw invalid("AccountReference");
        String description = scalar(json.get("TransactionDesc"));
        if (description == null || description.isEmpty() || description.length() > 13) throw invalid("Remarks");
        return new StkPush(phoneNumber, amount, accountReference, callBackUrl);
    }

    /** Returns the CheckoutRequestID of a query that passes the push's checks 1–6 (§10.1, STK Query). */
    String query(boolean tokenValid, String contentType, byte[] body) {
        JsonNode json = common(tokenValid, contentType, body, QUERY_FIELDS);
        return json.get("CheckoutRequestID").asText();
    }

    private JsonNode common(boolean tokenValid, String contentType, byte[] body, List<String> fields) {
        if (!tokenValid) throw new DarajaRejection(DarajaError.INVALID_ACCESS_TOKEN);                    // 1
        JsonNode json = jsonObject(contentType, body);                                                    // 2
        for (String field : fields) {                                                                      // 3
            JsonNode value = json.get(field);
            if (value == null || value.isNull()) throw invalid(field.equals("TransactionDesc") ? "Remarks" : field);
        }
        if (!shortcode.equals(scalar(json.get("BusinessShortCode"))))                                     // 4
            throw new DarajaRejection(DarajaError.MERCHANT_DOES_NOT_EXIST);
        String timestamp = scalar(json.get("Timestamp"));
        if (timestamp == null || !TIMESTAMP.matcher(timestamp).matches()) throw invalid("Timestamp");     // 5
        if (!samePassword(json.get("Password"), timestamp))                                                // 6
            throw new DarajaRejection(DarajaError.WRONG_CREDENTIALS);
        return json;
    }

    /** Returns the body as a JSON object; a wrong content type is answered as Daraja does, misleadingly (§1). */
    private static JsonNode jsonObject(String contentType, byte[] body) {
        DarajaRejection rejection = invalid("BusinessShortCode");
        if (contentType == null || !contentType.strip().toLowerCase(Locale.ROOT).startsWith("application/json")) throw rejection;
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (json == null || !json.isObject()) throw rejection;
            return json;
        } catch (IOException e) {
            throw rejection;
        }
    }

    /** Returns whether {@code password} is Base64(shortcode + passkey + timestamp) (§3), compared in constant time. */
    private boolean samePassword(JsonNode password, String timestamp) {
        if (!password.isTextual()) return false;
        byte[] expected = Base64.getEncoder().encode((shortcode + passkey + timestamp).getBytes(StandardCharsets.US_ASCII));
        return MessageDigest.isEqual(expected, password.asText().getBytes(StandardCharsets.US_ASCII));
    }

    private static long amount(JsonNode node) {
        String digits = scalar(node);
        if (digits == null || !AMOUNT.matcher(digits).matches()) throw invalid("Amount");
        long amount = Long.parseLong(digits);
        if (amount < 1 || amount > 250_000) throw invalid("Amount");
        return amount;
    }

    private static boolean isMsisdn(String value) {
        return value != null && Scenarios.MSISDN.matcher(value).matches();
    }

    private static URI callBackUrl(JsonNode node, SimulatorSettings.Mode mode) {
        if (!node.isTextual()) throw invalid("CallBackURL");
        try {
            URI url = new URI(node.asText());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            boolean allowed = scheme.equals("https") || (scheme.equals("http") && mode == SimulatorSettings.Mode.SANDBOX);
            if (!url.isAbsolute() || url.getHost() == null || !allowed) throw invalid("CallBackURL");
            return url;
        } catch (URISyntaxException e) {
            throw invalid("CallBackURL");
        }
    }

    /** Returns a string's text or an integer's digits; null for anything else (an object, a decimal, true). */
    private static String scalar(JsonNode node) {
        if (node == null) return null;
        if (node.isTextual()) return node.asText();
        if (node.isIntegralNumber()) return node.bigIntegerValue().toString();
        return null;
    }

    private static DarajaRejection invalid(String field) {
        return new DarajaRejection(DarajaError.invalid(field));
    }
}
