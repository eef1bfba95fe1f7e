package com.wifibilling.core.gateway;

import com.wifibilling.core.config.ConfigException;
import com.wifibilling.core.config.SecretRefs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * FreeRADIUS's {@code clients.conf}, generated from the Gateways table (contracts/gateways.md §3.1): one client per
 * active RADIUS-type gateway, {@code shortname} = its gatewayId (which the site copies into {@code WB-Gateway-Id}),
 * {@code ipaddr} = its {@code radiusClientAddress}, {@code secret} read through its {@code radiusSecretRef}. Run where
 * FreeRADIUS starts: the local runtime, and the RADIUS task in AWS. A gateway whose secret cannot be read is left
 * out and reported rather than stopping every other gateway's logins.
 */
public final class RadiusClients {
    /** What may go into the file unquoted: nothing that could end a block or start a directive. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern ADDRESS = Pattern.compile("[0-9a-fA-F.:]{2,39}(/\\d{1,3})?");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** One client: the gateway, the address its RADIUS packets come from, and its shared secret (never printed). */
    public record Client(String gatewayId, String address, String secret) {
        public Client {
            if (!ID.matcher(gatewayId).matches() || !ADDRESS.matcher(address).matches() || !SECRET.matcher(secret).matches())
                throw new IllegalArgumentException("Unsafe value in the FreeRADIUS client of gateway " + gatewayId);
        }

        @Override
        public String toString() {
            return "Client[" + gatewayId + " at " + address + "]";
        }
    }

    private RadiusClients() {}

    /**
     * Returns the clients of {@code gateways} in id order; {@code leftOut} hears each gateway skipped and why. Two
     * gateways behind one address cannot be told apart by FreeRADIUS (which refuses to start on a duplicate), so
     * the first in id order keeps the address.
     */
    public static List<Client> of(List<Gateway> gateways, SecretRefs secrets, BiConsumer<String, String> leftOut) {
        List<Client> clients = new ArrayList<>();
        Map<String, String> addressOwners = new HashMap<>();
        for (Gateway g : gateways.stream().sorted(Comparator.comparing(Gateway::gatewayId)).toList()) {
            if (g.status() != GatewayStatus.ACTIVE || g.type() == GatewayType.UNIFI || g.radiusClientAddress() == null) continue;
            String owner = addressOwners.putIfAbsent(g.radiusClientAddress(), g.gatewayId());
            if (owner != null) {
                leftOut.accept(g.gatewayId(), "its RADIUS address " + g.radiusClientAddress() + " is gateway " + owner
                        + "'s: give each gateway its own address (a static IP or a VPN tunnel)");
                continue;
            }
            try {
                clients.add(new Client(g.gatewayId(), g.radiusClientAddress(), secrets.resolve(g.radiusSecretRef())));
            } catch (ConfigException | IllegalArgumentException e) {
                leftOut.accept(g.gatewayId(), e.getMessage());
            }
        }
        return clients;
    }

    /** Returns the text of clients.conf: it holds secrets, so its writer makes it owner-only. */
    public static String clientsConf(List<Client> clients) {
        var conf = new StringBuilder("# Generated from the Gateways table: one client per gateway (contracts/gateways.md §3.1).\n");
        for (Client client : clients) {
            conf.append("client ").append(client.gatewayId()).append(" {\n\tipaddr = ").append(client.address())
                    .append("\n\tsecret = ").append(client.secret()).append("\n\tshortname = ").append(client.gatewayId()).append("\n}\n");
        }
        return conf.toString();
    }
}
