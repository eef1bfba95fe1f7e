package com.wifibilling.core.daraja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** contracts/daraja.md §1 settings: read once, failing fast by name, never echoing a secret. */
class DarajaConfigTest {
    static final String SECRET = "S3cr3tConsumerSecretValue";
    static final String KEY = "K3yConsumerKeyValue";

    static Map<String, String> sandbox() {
        var vars = new HashMap<String, String>();
        vars.put("DARAJA_BASE_URL", "https://sandbox.safaricom.co.ke/");
        vars.put("DARAJA_CONSUMER_KEY", KEY);
        vars.put("DARAJA_CONSUMER_SECRET", SECRET);
        vars.put("DARAJA_SHORTCODE", "174379");
        vars.put("DARAJA_PASSKEY", DarajaServer.SANDBOX_PASSKEY);
        vars.put("CALLBACK_BASE_URL", "https://api.example.co.ke");
        vars.put("CALLBACK_TOKEN", "9f2c4e7a1b3d5f60a8c2e4b6d8f0a1c3, 0123456789abcdef0123456789abcdef");
        return vars;
    }

    static DarajaConfig from(Map<String, String> vars) {
        return DarajaConfig.from(Env.of(vars));
    }

    @Test
    void sandboxSettingsMakeAPayBillConfig() {
        var config = from(sandbox());
        assertEquals(URI.create("https://sandbox.safaricom.co.ke"), config.baseUrl(), "trailing slash dropped");
        assertEquals(TransactionType.PAY_BILL, config.transactionType());
        assertEquals("174379", config.partyB());
        assertEquals(URI.create("https://api.example.co.ke/api/payment/callback/9f2c4e7a1b3d5f60a8c2e4b6d8f0a1c3"), config.callbackUrl());
        assertTrue(config.callbackTokens().accepts("0123456789abcdef0123456789abcdef"), "the previous token during rotation");
    }

    @Test
    void buyGoodsPaysTheTillNumber() {
        var vars = sandbox();
        vars.put("DARAJA_TRANSACTION_TYPE", "CustomerBuyGoodsOnline");
        vars.put("DARAJA_TILL_NUMBER", "5123456");
        var config = from(vars);
        assertEquals(TransactionType.BUY_GOODS, config.transactionType());
        assertEquals("5123456", config.partyB());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DARAJA_BASE_URL", "DARAJA_CONSUMER_KEY", "DARAJA_CONSUMER_SECRET", "DARAJA_SHORTCODE",
            "DARAJA_PASSKEY", "CALLBACK_BASE_URL", "CALLBACK_TOKEN"})
    void missingSettingIsNamed(String variable) {
        var vars = sandbox();
        vars.remove(variable);
        var e = assertThrows(ConfigException.class, () -> from(vars));
        assertTrue(e.getMessage().contains(variable), e.getMessage());
    }

    @Test
    void buyGoodsWithoutATillIsNamed() {
        var vars = sandbox();
        vars.put("DARAJA_TRANSACTION_TYPE", "CustomerBuyGoodsOnline");
        assertTrue(assertThrows(ConfigException.class, () -> from(vars)).getMessage().contains("DARAJA_TILL_NUMBER"));
    }

    @Test
    void aTillBesideAPayBillTypeIsAForgottenType() {
        var vars = sandbox();
        vars.put("DARAJA_TILL_NUMBER", "5123456");
        assertTrue(assertThrows(ConfigException.class, () -> from(vars)).getMessage().contains("DARAJA_TRANSACTION_TYPE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DARAJA_TRANSACTION_TYPE=PayBill2", "DARAJA_SHORTCODE=17a379", "DARAJA_BASE_URL=ftp://x.example",
            "DARAJA_BASE_URL=https://sandbox.safaricom.co.ke/?q=1", "CALLBACK_BASE_URL=has spaces in it",
            "CALLBACK_BASE_URL=http://api.example.co.ke", "CALLBACK_TOKEN=9F2C4E7A1B3D5F60A8C2E4B6D8F0A1C3",
            "CALLBACK_TOKEN=tooshort0123", "CALLBACK_TOKEN=sql-exec-query-cmd-exe-0123456789abcdef"})
    void malformedSettingIsNamedWithoutItsValue(String assignment) {
        var vars = sandbox();
        String variable = assignment.substring(0, assignment.indexOf('='));
        String value = assignment.substring(assignment.indexOf('=') + 1);
        vars.put(variable, value);
        var e = assertThrows(ConfigException.class, () -> from(vars));
        assertTrue(e.getMessage().contains(variable), e.getMessage());
        assertFalse(e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void plainHttpCallbacksAreFineForALocalDaraja() {
        var vars = sandbox();
        vars.put("DARAJA_BASE_URL", "http://127.0.0.1:4010");
        vars.put("CALLBACK_BASE_URL", "http://127.0.0.1:3000");
        assertEquals(URI.create("http://127.0.0.1:3000/api/payment/callback/9f2c4e7a1b3d5f60a8c2e4b6d8f0a1c3"), from(vars).callbackUrl());
    }

    @Test
    void toStringHidesEveryCredential() {
        var config = from(sandbox());
        String text = config.toString();
        for (String secret : new String[] {KEY, SECRET, DarajaServer.SANDBOX_PASSKEY, "9f2c4e7a1b3d5f60a8c2e4b6d8f0a1c3"})
            assertFalse(text.contains(secret), text);
        assertTrue(text.contains("174379"));
        assertFalse(config.callbackTokens().toString().contains("9f2c"));
    }

    @Test
    void settingsAreAValueBuiltOnce() {
        assertEquals(from(sandbox()), from(sandbox()));
        assertEquals(Optional.empty(), from(sandbox()).tillNumber());
    }
}
