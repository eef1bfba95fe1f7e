package com.wifibilling.core.gateway;

import com.wifibilling.core.http.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A gateway with the canonical fields of contracts/gateways.md §1 (DESIGN §4, Gateways). Admins edit the
 * configuration; three fields belong to the running system and are never written by an edit: {@code lastSeenAt}
 * (heartbeats and accounting), {@code outboxSeq} (the polling outbox's atomic counter) and {@code createdAt}.
 * {@code version} counts configuration edits, for optimistic updates. Build one with {@link #builder}, which
 * holds the contract's defaults (push control, RADIUS login, CoA on port 3799 with Event-Timestamp, interim
 * accounting every 300 s, no idle timeout).
 */
public record Gateway(String gatewayId, String name, GatewayStatus status, GatewayType type, ControlMode controlMode,
                      PollLogin pollLogin, String radiusClientAddress, String radiusSecretRef, String coaAddress,
                      int coaPort, boolean coaSupported, boolean eventTimestamp, List<String> loginUrlHosts,
                      String defaultLoginUrl, Integer idleTimeoutSeconds, int acctInterimSeconds, UnifiController unifi,
                      String apiKeyHash, Instant lastSeenAt, long outboxSeq, Instant createdAt, long version) {
    public static final int DEFAULT_COA_PORT = 3799;
    public static final int DEFAULT_ACCT_INTERIM_SECONDS = 300;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public Gateway {
        if (gatewayId == null || !ID.matcher(gatewayId).matches())
            throw ApiException.invalidField("gatewayId", "gatewayId must be 1-40 lowercase letters, digits or dashes");
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 60) throw ApiException.invalidField("name", "name must be 1-60 characters");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(controlMode, "controlMode");
        Objects.requireNonNull(pollLogin, "pollLogin");
        Objects.requireNonNull(createdAt, "createdAt");
        radiusClientAddress = blankToNull(radiusClientAddress);
        radiusSecretRef = blankToNull(radiusSecretRef);
        coaAddress = blankToNull(coaAddress);
        apiKeyHash = blankToNull(apiKeyHash);
        if (coaPort < 1 || coaPort > 65535) throw ApiException.invalidField("coaPort", "coaPort must be between 1 and 65535");
        var hosts = new LinkedHashSet<String>();
        for (String host : loginUrlHosts == null ? List.<String>of() : loginUrlHosts) hosts.add(GatewayUrls.hostPort(host, "loginUrlHosts"));
        loginUrlHosts = List.copyOf(hosts);
        if (defaultLoginUrl != null) defaultLoginUrl = GatewayUrls.absoluteHttp(defaultLoginUrl, "defaultLoginUrl");
        if (idleTimeoutSeconds != null && (idleTimeoutSeconds < 60 || idleTimeoutSeconds > 86_400))
            throw ApiException.invalidField("idleTimeoutSeconds", "idleTimeoutSeconds must be between 60 and 86400, or absent for off");
        if (acctInterimSeconds < 60 || acctInterimSeconds > 86_400)
            throw ApiException.invalidField("acctInterimSeconds", "acctInterimSeconds must be between 60 and 86400");
        if (type == GatewayType.UNIFI && unifi == null)
            throw ApiException.invalidField("unifi", "a unifi gateway needs its controller settings");
        if (outboxSeq < 0 || version < 0) throw new IllegalArgumentException("outboxSeq and version are never negative");
    }

    /** Returns a builder for a new, active gateway with the contract's defaults, version 0. */
    public static Builder builder(String gatewayId, String name, GatewayType type, Instant createdAt) {
        return new Builder(gatewayId, name, type, createdAt);
    }

    /** Returns a builder holding every field of this gateway, to make the next version of it. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Collects a gateway's fields; {@link #build()} validates them. */
    public static final class Builder {
        private final String gatewayId;
        private String name;
        private GatewayStatus status = GatewayStatus.ACTIVE;
        private GatewayType type;
        private ControlMode controlMode = ControlMode.PUSH;
        private PollLogin pollLogin = PollLogin.RADIUS;
        private String radiusClientAddress;
        private String radiusSecretRef;
        private String coaAddress;
        private int coaPort = DEFAULT_COA_PORT;
        private boolean coaSupported = true;
        private boolean eventTimestamp = true;
        private List<String> loginUrlHosts = new ArrayList<>();
        private String defaultLoginUrl;
        private Integer idleTimeoutSeconds;
        private int acctInterimSeconds = DEFAULT_ACCT_INTERIM_SECONDS;
        private UnifiController unifi;
        private String apiKeyHash;
        private Instant lastSeenAt;
        private long outboxSeq;
        private Instant createdAt;
        private long version;

        private Builder(String gatewayId, String name, GatewayType type, Instant createdAt) {
            this.gatewayId = gatewayId;
            this.name = name;
            this.type = type;
            this.createdAt = createdAt;
        }

        private Builder(Gateway g) {
            this(g.gatewayId, g.name, g.type, g.createdAt);
            status = g.status;
            controlMode = g.controlMode;
            pollLogin = g.pollLogin;
            radiusClientAddress = g.radiusClientAddress;
            radiusSecretRef = g.radiusSecretRef;
            coaAddress = g.coaAddress;
            coaPort = g.coaPort;
            coaSupported = g.coaSupported;
            eventTimestamp = g.eventTimestamp;
            loginUrlHosts = new ArrayList<>(g.loginUrlHosts);
            defaultLoginUrl = g.defaultLoginUrl;
            idleTimeoutSeconds = g.idleTimeoutSeconds;
            acctInterimSeconds = g.acctInterimSeconds;
            unifi = g.unifi;
            apiKeyHash = g.apiKeyHash;
            lastSeenAt = g.lastSeenAt;
            outboxSeq = g.outboxSeq;
            version = g.version;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder status(GatewayStatus v) { status = v; return this; }
        public Builder type(GatewayType v) { type = v; return this; }
        public Builder controlMode(ControlMode v) { controlMode = v; return this; }
        public Builder pollLogin(PollLogin v) { pollLogin = v; return this; }
        public Builder radiusClientAddress(String v) { radiusClientAddress = v; return this; }
        public Builder radiusSecretRef(String v) { radiusSecretRef = v; return this; }
        public Builder coaAddress(String v) { coaAddress = v; return this; }
        public Builder coaPort(int v) { coaPort = v; return this; }
        public Builder coaSupported(boolean v) { coaSupported = v; return this; }
        public Builder eventTimestamp(boolean v) { eventTimestamp = v; return this; }
        public Builder loginUrlHosts(List<String> v) { loginUrlHosts = new ArrayList<>(v); return this; }
        public Builder defaultLoginUrl(String v) { defaultLoginUrl = v; return this; }
        public Builder idleTimeoutSeconds(Integer v) { idleTimeoutSeconds = v; return this; }
        public Builder acctInterimSeconds(int v) { acctInterimSeconds = v; return this; }
        public Builder unifi(UnifiController v) { unifi = v; return this; }
        public Builder apiKeyHash(String v) { apiKeyHash = v; return this; }
        public Builder lastSeenAt(Instant v) { lastSeenAt = v; return this; }
        public Builder outboxSeq(long v) { outboxSeq = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder version(long v) { version = v; return this; }

        public Gateway build() {
            return new Gateway(gatewayId, name, status, type, controlMode, pollLogin, radiusClientAddress, radiusSecretRef,
                    coaAddress, coaPort, coaSupported, eventTimestamp, loginUrlHosts, defaultLoginUrl, idleTimeoutSeconds,
                    acctInterimSeconds, unifi, apiKeyHash, lastSeenAt, outboxSeq, createdAt, version);
        }
    }
}
