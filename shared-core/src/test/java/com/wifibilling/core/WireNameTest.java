package com.wifibilling.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.payment.PaymentSource;
import com.wifibilling.core.payment.TransactionStatus;
import com.wifibilling.core.session.GatewayState;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one spelling of enum constants in stored items and API JSON (DESIGN §3). */
class WireNameTest {

    @Test
    void constantsAreSpelledLowerCaseWithDashes() {
        assertEquals("pending", WireName.of(TransactionStatus.PENDING));
        assertEquals("awaiting-login", WireName.of(GatewayState.AWAITING_LOGIN));
        assertEquals("generic-radius", WireName.of(GatewayType.GENERIC_RADIUS));
        assertEquals("inline-poll", WireName.of(PaymentSource.INLINE_POLL));
    }

    @Test
    void everySpellingReadsBackAsItsConstant() {
        Stream.of(TransactionStatus.values(), GatewayState.values(), GatewayType.values(), PaymentSource.values())
                .flatMap(Stream::of)
                .forEach(constant -> assertEquals(constant, WireName.parse(constant.getDeclaringClass(), WireName.of(constant))));
    }

    @Test
    void nullStaysNull() {
        assertNull(WireName.of(null));
        assertNull(WireName.parse(GatewayState.class, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWAITING_LOGIN", "awaiting_login", "Awaiting-Login", "awaiting-login ", "", "nope"})
    void anythingButTheExactSpellingIsRefusedNamingTheType(String spelling) {
        var e = assertThrows(IllegalArgumentException.class, () -> WireName.parse(GatewayState.class, spelling));
        assertTrue(e.getMessage().contains("GatewayState"), e.getMessage());
    }
}
