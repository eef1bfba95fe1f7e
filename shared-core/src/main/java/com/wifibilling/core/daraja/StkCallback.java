package com.wifibilling.core.daraja;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The result Daraja posts to our {@code CallBackURL} (contracts/daraja.md §4): {@code Body.stkCallback} with
 * both ids, {@code ResultCode} (a number on the wire, kept as a string: {@code "0"}, {@code "1032"},
 * {@code "SFC_IC0003"}) and {@code ResultDesc} (for people; never match on it). A success also carries
 * {@link Metadata}. Callbacks are not signed, so nothing here is trusted: the processor checks the metadata
 * against the transaction (§4.3).
 */
public record StkCallback(String merchantRequestId, String checkoutRequestId, String resultCode, String resultDesc,
                          Metadata metadata) {
    /** The largest callback body the route accepts (§4.1, step 2); the route checks it before reading the body. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Pattern RESULT_CODE = Pattern.compile("[A-Za-z0-9_]{1,32}");

    public StkCallback {
        Objects.requireNonNull(merchantRequestId, "merchantRequestId");
        Objects.requireNonNull(checkoutRequestId, "checkoutRequestId");
        Objects.requireNonNull(resultCode, "resultCode");
        resultDesc = resultDesc == null ? "" : resultDesc;
        metadata = metadata == null ? Metadata.NONE : metadata;
    }

    /**
     * The {@code CallbackMetadata.Item} values of a success, each empty when absent or unreadable: the processor
     * treats a missing value as a mismatch (§4.3, rule 3), so it grants nothing and queries instead.
     *
     * @param amount          {@code Amount}, which may be {@code 1} or {@code 1.00}
     * @param receipt         {@code MpesaReceiptNumber}, as sent (its shape is the processor's check)
     * @param transactionDate {@code TransactionDate}, the 14 digits as sent
     * @param transactedAt    {@code TransactionDate} read as Nairobi time
     * @param phone           {@code PhoneNumber}, normalised (§7); empty when it is not a Kenyan mobile number
     */
    public record Metadata(Optional<BigDecimal> amount, Optional<String> receipt, Optional<String> transactionDate,
                           Optional<Instant> transactedAt, Optional<Phone> phone) {
        public static final Metadata NONE = new Metadata(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        public Metadata {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(receipt, "receipt");
            Objects.requireNonNull(transactionDate, "transactionDate");
            Objects.requireNonNull(transactedAt, "transactedAt");
            Objects.requireNonNull(phone, "phone");
        }

        /** Returns whether {@code Amount} is exactly {@code expected} whole shillings ({@code 20} and {@code 20.00} are). */
        public boolean amountIs(Money expected) {
            return amount.map(a -> a.compareTo(BigDecimal.valueOf(expected.shillings())) == 0).orElse(false);
        }
    }

    /** Returns whether the customer paid: {@code ResultCode} {@code 0}. */
    public boolean paid() {
        return "0".equals(resultCode);
    }

    /**
     * Returns the callback in {@code body}. A body over {@link #MAX_BODY_BYTES}, not JSON, or without
     * {@code Body.stkCallback} and its {@code MerchantRequestID}, {@code CheckoutRequestID} (at most 64
     * characters each) and {@code ResultCode} (number or string) throws {@link InvalidCallbackException}.
     * Metadata items are found by {@code Name} in any order; unknown names are ignored, and {@code Balance}
     * may come without a {@code Value}.
     */
    public static StkCallback parse(String body) {
        if (body == null || body.isBlank()) throw new InvalidCallbackException("The callback body is empty");
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES)
            throw new InvalidCallbackException("The callback body is larger than " + MAX_BODY_BYTES + " bytes");
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidCallbackException("The callback body is not JSON");
        }
        JsonNode callback = root == null ? null : root.path("Body").path("stkCallback");
        if (callback == null || !callback.isObject()) throw new InvalidCallbackException("The callback has no Body.stkCallback object");
        String checkoutRequestId = id(callback, "CheckoutRequestID");
        String merchantRequestId = id(callback, "MerchantRequestID");
        String resultCode = DarajaClient.text(callback.get("ResultCode"));
        if (resultCode == null || !RESULT_CODE.matcher(resultCode).matches())
            throw new InvalidCallbackException("The callback has no ResultCode");
        JsonNode desc = callback.get("ResultDesc");
        String resultDesc = desc != null && desc.isTextual() ? desc.textValue() : "";
        return new StkCallback(merchantRequestId, checkoutRequestId, resultCode, resultDesc, metadata(callback.path("CallbackMetadata")));
    }

    private static String id(JsonNode callback, String field) {
        String id = DarajaClient.text(callback.get(field));
        if (id == null || id.isEmpty() || id.length() > DarajaClient.MAX_ID_LENGTH)
            throw new InvalidCallbackException("The callback has no usable " + field);
        return id;
    }

    private static Metadata metadata(JsonNode callbackMetadata) {
        JsonNode items = callbackMetadata.path("Item");
        if (!items.isArray()) return Metadata.NONE;
        Optional<String> date = item(items, "TransactionDate").map(DarajaClient::text).filter(s -> s.matches("[0-9]{14}"));
        return new Metadata(
                item(items, "Amount").flatMap(StkCallback::decimal),
                item(items, "MpesaReceiptNumber").map(DarajaClient::text),
                date,
                date.flatMap(StkCallback::nairobiTime),
                item(items, "PhoneNumber").flatMap(StkCallback::phone));
    }

    /**
     * Returns the {@code Value} of the one item called {@code name}; empty when there is none, no value, or more
     * than one such item (a forged body could repeat {@code Amount}; which one counts would be a guess).
     */
    private static Optional<JsonNode> item(JsonNode items, String name) {
        JsonNode found = null;
        for (JsonNode item : items) {
            if (!name.equals(item.path("Name").textValue())) continue;
            if (found != null) return Optional.empty();
            found = item;
        }
        if (found == null) return Optional.empty();
        JsonNode value = found.get("Value");
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<BigDecimal> decimal(JsonNode value) {
        if (value.isNumber()) return Optional.of(value.decimalValue());
        if (value.isTextual()) {
            try {
                return Optional.of(new BigDecimal(value.textValue().strip()));
            } catch (NumberFormatException e) {
                return Optional.empty(); // "abc": the amount check fails and a query decides
            }
        }
        return Optional.empty();
    }

    private static Optional<Phone> phone(JsonNode value) {
        try {
            if (value.isIntegralNumber() && value.canConvertToLong()) return Optional.of(Phone.parse(value.longValue()));
            if (value.isTextual()) return Optional.of(Phone.parse(value.textValue()));
        } catch (ApiException notAKenyanMobile) {
            return Optional.empty(); // INVALID_PHONE: the phone check fails and a query decides
        }
        return Optional.empty();
    }

    private static Optional<Instant> nairobiTime(String digits) {
        try {
            return Optional.of(DarajaTime.parse(digits));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // 14 digits that are not a real time, e.g. month 13
        }
    }
}
