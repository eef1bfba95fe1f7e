package com.wifibilling.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.http.ApiException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    @Test
    void sessionIdsAreOpaqueShortAndNeverMacShaped() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = Credentials.newSessionId();
            assertTrue(id.matches("[A-Za-z0-9-]{1,64}"), id);
            assertTrue(seen.add(id));
            assertFalse(macShaped(id), id);
        }
    }

    @Test
    void radiusSecretsAreTwentyLettersAndDigitsAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = Credentials.newRadiusSecret();
            assertTrue(secret.matches("[A-Za-z0-9]{20}"), secret);
            assertTrue(seen.add(secret));
        }
    }

    @Test
    void toStringShowsNoSecret() {
        var credentials = new Credentials("9f1c2d3e-aaaa", "HS7K2M9Q4BX", "e5627b63Ab0dd80b119c");
        assertFalse(credentials.toString().contains("HS7K2M9Q4BX"));
        assertFalse(credentials.toString().contains("e5627b63Ab0dd80b119c"));
    }

    private static boolean macShaped(String id) {
        try {
            Mac.parse(id);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    @Test
    void aMacSpellingWouldBeRecognised() {
        assertEquals(true, macShaped("aa-bb-cc-dd-ee-ff"), "the check above can fail");
    }
}
