package com.wifibilling.local.daraja;

import com.fasterxml.jackson.databind.JsonNode;
import com.wifibilling.core.http.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Returns the text of an STK callback exactly as contracts/daraja.md §4 shows real ones: {@code ResultCode} a
 * JSON number, and on success the items Amount (two decimals, {@code 20.00}), MpesaReceiptNumber, Balance (no
 * Value), TransactionDate ({@code yyyyMMddHHmmss} EAT, a number) and PhoneNumber (a number), in that order;
 * failures carry no {@code CallbackMetadata}. Overrides (§10.3) replace values of the same name, for forged or
 * mismatched callbacks; the structure follows the ResultCode delivered.
 */
final class CallbackBody {
    static final Set<String> OVERRIDABLE = Set.of("MerchantRequestID", "CheckoutRequestID", "ResultCode", "ResultDesc",
            "Amount", "MpesaReceiptNumber", "Balance", "TransactionDate", "PhoneNumber");

    private CallbackBody() {}

    /**
     * Returns the body for {@code checkout} ending with {@code resultCode}; {@code receipt} is used on success only.
     * {@code overrides} maps names of {@link #OVERRIDABLE} to the JSON value to send instead.
     */
    static String of(Checkout checkout, String resultCode, String receipt, long transactionDate, Map<String, JsonNode> overrides) {
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("MerchantRequestID", pick(overrides, "MerchantRequestID", checkout.merchantRequestId()));
        callback.put("CheckoutRequestID", pick(overrides, "CheckoutRequestID", checkout.checkoutRequestId()));
        callback.put("ResultCode", pick(overrides, "ResultCode", number(resultCode)));
        callback.put("ResultDesc", pick(overrides, "ResultDesc", ResultCodes.callbackDescription(resultCode)));
        if (Scenario.SUCCESS.equals(resultCode)) {
            List<Map<String, Object>> items = new ArrayList<>();
            items.add(item("Amount", pick(overrides, "Amount", BigDecimal.valueOf(checkout.amount()).setScale(2))));
            items.add(item("MpesaReceiptNumber", pick(overrides, "MpesaReceiptNumber", receipt)));
            items.add(overrides.containsKey("Balance") ? item("Balance", overrides.get("Balance")) : Map.of("Name", "Balance"));
            items.add(item("TransactionDate", pick(overrides, "TransactionDate", transactionDate)));
            items.add(item("PhoneNumber", pick(overrides, "PhoneNumber", Long.parseLong(checkout.msisdn()))));
            callback.put("CallbackMetadata", Map.of("Item", items));
        }
        return Json.write(Map.of("Body", Map.of("stkCallback", callback)));
    }

    /** Returns a numeric code as a JSON number, as callbacks carry it; a code like {@code SFC_IC0003} stays a string. */
    private static Object number(String resultCode) {
        return resultCode.matches("\\d{1,18}") ? (Object) Long.parseLong(resultCode) : resultCode;
    }

    private static Object pick(Map<String, JsonNode> overrides, String name, Object value) {
        return overrides.containsKey(name) ? overrides.get(name) : value;
    }

    private static Map<String, Object> item(String name, Object value) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("Name", name);
        item.put("Value", value);
        return item;
    }
}
