package com.wifibilling.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.payment.TransactionStatus;
import com.wifibilling.core.session.GatewayState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Enums in API JSON are spelled as they are stored (WireName), both ways. */
class JsonTest {
    record Probe(TransactionStatus status, GatewayState state, List<GatewayType> types) {}

    private static Probe parse(String body) {
        var event = APIGatewayV2HTTPEvent.builder().withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body).withIsBase64Encoded(false).build();
        return new Request(event).json(Probe.class);
    }

    @Test
    void enumsAreWrittenInTheirStoredSpelling() {
        assertEquals("{\"status\":\"pending\",\"state\":\"awaiting-login\",\"types\":[\"generic-radius\"]}",
                Json.write(new Probe(TransactionStatus.PENDING, GatewayState.AWAITING_LOGIN, List.of(GatewayType.GENERIC_RADIUS))));
    }

    @Test
    void theStoredSpellingParses() {
        assertEquals(new Probe(TransactionStatus.PENDING, GatewayState.AWAITING_LOGIN, List.of(GatewayType.MIKROTIK, GatewayType.GENERIC_RADIUS)),
                parse("{\"status\":\"pending\",\"state\":\"awaiting-login\",\"types\":[\"mikrotik\",\"generic-radius\"]}"));
        assertEquals(new Probe(null, null, null), parse("{\"status\":null}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"status\":\"PENDING\"}                    | status",
            "{\"status\":\"nope\"}                       | status",
            "{\"status\":\"\"}                           | status",
            "{\"status\":0}                              | status",
            "{\"state\":\"awaiting_login\"}              | state",
            "{\"state\":\"AWAITING_LOGIN\"}              | state",
            "{\"types\":[\"mikrotik\",\"GENERIC_RADIUS\"]} | types[1]"})
    void anyOtherSpellingIs400InvalidFieldNamingTheField(String body, String field) {
        var e = assertThrows(ApiException.class, () -> parse(body));
        assertEquals(400, e.status());
        assertEquals("INVALID_FIELD", e.code());
        assertEquals(field, e.field().orElseThrow());
    }
}
