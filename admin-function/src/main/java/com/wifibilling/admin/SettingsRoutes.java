package com.wifibilling.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.wifibilling.core.auth.Authorizer;
import com.wifibilling.core.auth.Role;
import com.wifibilling.core.config.Env;
import com.wifibilling.core.daraja.DarajaConfig;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Route;
import com.wifibilling.core.settings.OperatorSettings;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET|PUT /api/admin/settings}: the environment-backed values an operator should see (read-only; secrets only
 * as "configured" or "missing", the callback token masked) and the editable ones of {@link OperatorSettings}.
 */
final class SettingsRoutes {
    private SettingsRoutes() {}

    static Map<String, Route> routes(Authorizer authorizer, OperatorSettings settings, EnvironmentView environment) {
        return Map.of(
                "GET /api/admin/settings", authorizer.requireRole(Role.ADMIN, (request, admin) ->
                        Reply.ok(SettingsView.of(environment, settings.current()))),
                "PUT /api/admin/settings", authorizer.requireRole(Role.ADMIN, (request, admin) ->
                        Reply.ok(SettingsView.of(environment, settings.save(request.json(OperatorSettings.Change.class), admin.subject())))));
    }

    /** What the deployment is configured with: never a secret's value. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EnvironmentView(String darajaEnvironment, String darajaShortcode, String darajaTransactionType, String callbackUrl,
                           String portalBaseUrl, String radiusServerAddress, String radiusApiToken, String smsSender) {
        static EnvironmentView from(Env env, DarajaConfig daraja) {
            String host = daraja.baseUrl().getHost().toLowerCase(Locale.ROOT);
            String environment = switch (host) {
                case "sandbox.safaricom.co.ke" -> "sandbox";
                case "api.safaricom.co.ke" -> "production";
                case "127.0.0.1", "localhost" -> "simulator";
                default -> "custom (" + host + ")";
            };
            String callback = daraja.callbackUrl().toString();
            String masked = callback.substring(0, callback.lastIndexOf('/') + 1) + "****";
            return new EnvironmentView(environment, daraja.shortcode(), daraja.transactionType().wireName(), masked,
                    env.require("PORTAL_BASE_URL"), env.require("RADIUS_SERVER_ADDRESS"),
                    env.optional("RADIUS_API_TOKEN").filter(t -> !t.isBlank()).isPresent() ? "configured" : "missing",
                    env.optional("SMS_SENDER_ID").filter(s -> !s.isBlank()).orElse(null));
        }
    }

    /** The settings page: the environment, then the editable groups with the version a save must name. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SettingsView(EnvironmentView environment, OperatorSettings.Branding branding, OperatorSettings.Notifications notifications,
                        long version, Instant updatedAt, String updatedBy) {
        static SettingsView of(EnvironmentView environment, OperatorSettings.Current current) {
            return new SettingsView(environment, current.branding(), current.notifications(), current.version(), current.updatedAt(),
                    current.updatedBy());
        }
    }
}
