package com.wifibilling.core.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.config.SecretRefs;
import com.wifibilling.core.config.SecretStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RadiusClientsTest {
    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    private static final SecretRefs SECRETS = new SecretRefs(Env.of(Map.of("LOCAL_SECRET", "LocalSecret0123456789abcd")),
            new SecretStore() {
                @Override
                public String read(String id) {
                    if (id.equals("stack/gateways/kibera-1")) return "StoredSecret0123456789abcdefABCD";
                    throw new ConfigException("Secret " + id + " does not exist in Secrets Manager");
                }

                @Override
                public void put(String name, String value) {
                    throw new UnsupportedOperationException();
                }
            }, Clock.systemUTC(), Duration.ZERO);

    private static Gateway.Builder radius(String id, GatewayType type, String address, String ref) {
        return Gateway.builder(id, "Site " + id, type, T0).radiusClientAddress(address).radiusSecretRef(ref).loginUrlHosts(List.of("10.5.50.1"));
    }

    @Test
    void activeRadiusGatewaysBecomeClientsAndTheRestAreLeftOutWithAReason() {
        var controller = new UnifiController("https://10.0.0.2:8443", "default", false, "env:LOCAL_SECRET", null);
        List<Gateway> gateways = List.of(
                radius("kibera-1", GatewayType.MIKROTIK, "203.0.113.7", "secretsmanager:stack/gateways/kibera-1").build(),
                radius("default", GatewayType.MIKROTIK, "127.0.0.1", "env:LOCAL_SECRET").build(),
                radius("vpn-net", GatewayType.GENERIC_RADIUS, "10.8.0.0/24", "secretsmanager:stack/gateways/gone").build(),
                radius("off-1", GatewayType.PFSENSE, "198.51.100.3", "env:LOCAL_SECRET").status(GatewayStatus.DISABLED).build(),
                Gateway.builder("mall", "Mall", GatewayType.UNIFI, T0).unifi(controller).build(),
                radius("zz-same-nat", GatewayType.MIKROTIK, "203.0.113.7", "env:LOCAL_SECRET").build());
        var leftOut = new ArrayList<String>();
        var clients = RadiusClients.of(gateways, SECRETS, (id, why) -> leftOut.add(id + ": " + why));
        assertEquals(List.of("default", "kibera-1"), clients.stream().map(RadiusClients.Client::gatewayId).toList(), "id order");
        assertEquals("StoredSecret0123456789abcdefABCD", clients.get(1).secret());
        assertEquals(2, leftOut.size(), leftOut.toString());
        assertTrue(leftOut.get(0).startsWith("vpn-net: ") && leftOut.get(0).contains("does not exist"), leftOut.get(0));
        assertTrue(leftOut.get(1).startsWith("zz-same-nat: ") && leftOut.get(1).contains("kibera-1"), "FreeRADIUS refuses duplicates");

        String conf = RadiusClients.clientsConf(clients);
        assertTrue(conf.contains("client kibera-1 {\n\tipaddr = 203.0.113.7\n\tsecret = StoredSecret0123456789abcdefABCD\n"
                + "\tshortname = kibera-1\n}\n"), conf);
        assertFalse(clients.get(1).toString().contains("StoredSecret"), "toString never shows the secret");
    }

    @Test
    void nothingThatCouldBreakOutOfTheFileIsWritten() {
        assertThrows(IllegalArgumentException.class, () -> new RadiusClients.Client("gw", "10.0.0.1", "bad secret\n}"));
        assertThrows(IllegalArgumentException.class, () -> new RadiusClients.Client("gw", "10.0.0.1 }", "s3cret"));
        assertThrows(IllegalArgumentException.class, () -> new RadiusClients.Client("Gw{", "10.0.0.1", "s3cret"));
        assertEquals("2001:db8::/64", new RadiusClients.Client("v6", "2001:db8::/64", "s3cret").address());
    }
}
