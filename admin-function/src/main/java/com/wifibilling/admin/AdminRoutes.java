package com.wifibilling.admin;

import com.wifibilling.core.Page;
import com.wifibilling.core.WireName;
import com.wifibilling.core.auth.Authorizer;
import com.wifibilling.core.auth.Role;
import com.wifibilling.core.event.EventLog;
import com.wifibilling.core.event.EventStore;
import com.wifibilling.core.dashboard.Dashboard;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Request;
import com.wifibilling.core.gateway.ControlMode;
import com.wifibilling.core.gateway.Gateway;
import com.wifibilling.core.gateway.GatewayEdit;
import com.wifibilling.core.gateway.GatewayOnboarding;
import com.wifibilling.core.gateway.GatewaySetup;
import com.wifibilling.core.gateway.GatewaySpec;
import com.wifibilling.core.gateway.GatewayStatus;
import com.wifibilling.core.gateway.GatewayStore;
import com.wifibilling.core.gateway.GatewayType;
import com.wifibilling.core.http.Route;
import com.wifibilling.core.http.Router;
import com.wifibilling.core.payment.PaymentLookup;
import com.wifibilling.core.payment.TransactionSearch;
import com.wifibilling.core.operator.UserDirectory;
import com.wifibilling.core.pkg.PackageAdmin;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.settings.OperatorSettings;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionSearch;
import com.wifibilling.core.session.SessionTermination;
import com.wifibilling.core.voucher.BatchVoiding;
import com.wifibilling.core.voucher.CodeFormat;
import com.wifibilling.core.voucher.Voucher;
import com.wifibilling.core.voucher.VoucherBatch;
import com.wifibilling.core.voucher.VoucherBatches;
import com.wifibilling.core.voucher.VoucherKind;
import com.wifibilling.core.voucher.VoucherOrder;
import com.wifibilling.core.voucher.VoucherSending;
import com.wifibilling.core.voucher.VoucherStatus;
import com.wifibilling.core.voucher.VoucherStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * AdminApi's routes, keyed exactly as template.yaml declares them (a test keeps the two identical). Every one needs
 * an admin JWT: 401 without a valid token, 403 with a portal user's (DESIGN §3).
 */
final class AdminRoutes {
    static final int DEFAULT_LIMIT = 50;

    private AdminRoutes() {}

    /** The gateway admin parts: the Gateways table (small: listed whole), the setup material generator and onboarding. */
    record Gateways(GatewayStore store, GatewaySetup setup, GatewayOnboarding onboarding) {
        /** What create and rotate answer, the only time the secrets are shown: the setup material carries them too. */
        IssuedView issued(GatewayOnboarding.Issued issued) {
            Gateway g = issued.gateway();
            return new IssuedView(GatewayView.of(g), issued.apiKey(), issued.radiusSecret(), g.radiusSecretRef(),
                    new SetupView(g.gatewayId(), g.type(), setup.forGateway(g, issued.radiusSecret(), issued.apiSecret()),
                            g.type() == GatewayType.MIKROTIK ? setup.loginHtml(g) : null),
                    "Shown once: copy the API key and RADIUS secret now. FreeRADIUS learns a new or changed client when it"
                            + " next starts (its clients.conf is generated from the Gateways table).");
        }
    }

    /** The read-only operator views, each a small service in shared-core that reads through indexes only. */
    record Views(TransactionSearch transactions, Dashboard dashboard, SessionSearch sessions, UserDirectory users, EventLog events,
                 Clock clock) {}

    /** The operator's actions beyond the catalogue: the manual M-Pesa query, voucher SMS and the settings. */
    record Actions(PaymentLookup payments, VoucherSending sending, OperatorSettings settings, SettingsRoutes.EnvironmentView environment,
                   EventStore audit) {}

    static Router router(Authorizer authorizer, VoucherBatches batches, VoucherStore vouchers, SessionTermination termination,
                         Gateways gateways, PackageAdmin packages, Views views, Actions actions) {
        BatchVoiding voiding = new BatchVoiding(batches, vouchers);
        Map<String, Route> routes = new HashMap<>(PackageRoutes.routes(authorizer, packages));
        routes.putAll(TransactionRoutes.routes(authorizer, views.transactions(), views.dashboard(), actions.payments(), views.events(),
                actions.audit(), views.clock()));
        routes.putAll(SettingsRoutes.routes(authorizer, actions.settings(), actions.environment()));
        routes.putAll(SessionRoutes.routes(authorizer, views.sessions(), views.clock()));
        routes.putAll(UserRoutes.routes(authorizer, views.users(), views.clock()));
        routes.putAll(EventRoutes.routes(authorizer, views.events()));
        routes.putAll(Map.ofEntries(
                Map.entry("GET /api/admin/gateways", authorizer.requireRole(Role.ADMIN, (request, admin) -> Reply.ok(Page.all(
                        gateways.store().all().stream().sorted(Comparator.comparing(Gateway::gatewayId)).map(GatewayView::of).toList())))),
                Map.entry("POST /api/admin/gateways", authorizer.requireRole(Role.ADMIN, (request, admin) ->
                        Reply.status(201, gateways.issued(gateways.onboarding().create(request.json(GatewaySpec.class), admin.subject()))))),
                Map.entry("PUT /api/admin/gateways/{gatewayId}", authorizer.requireRole(Role.ADMIN, (request, admin) ->
                        Reply.ok(GatewayView.of(gateways.onboarding().update(gatewayId(request), request.json(GatewayEdit.class), admin.subject()))))),
                Map.entry("POST /api/admin/gateways/{gatewayId}/rotate", authorizer.requireRole(Role.ADMIN, (request, admin) -> {
                    RotateRequest what = request.body().isBlank() ? new RotateRequest(null, null) : request.json(RotateRequest.class);
                    return Reply.ok(gateways.issued(gateways.onboarding().rotate(gatewayId(request), what.apiKeyOrDefault(),
                            what.radiusSecretOrDefault(), admin.subject())));
                })),
                Map.entry("GET /api/admin/gateways/{gatewayId}/setup", authorizer.requireRole(Role.ADMIN, (request, admin) -> {
                    String id = request.pathParameter("gatewayId");
                    Gateway gateway = (id != null && id.matches("[A-Za-z0-9._-]{1,64}") ? gateways.store().find(id) : Optional.<Gateway>empty())
                            .orElseThrow(() -> ApiException.notFound("NOT_FOUND", "There is no such gateway"));
                    // Secrets are never returned again (contracts/gateways.md §5): placeholders stand in their place.
                    return Reply.ok(new SetupView(gateway.gatewayId(), gateway.type(), gateways.setup().forGateway(gateway, null, null),
                            gateway.type() == GatewayType.MIKROTIK ? gateways.setup().loginHtml(gateway) : null));
                })),
                Map.entry("POST /api/admin/sessions/{deviceKey}/terminate", authorizer.requireRole(Role.ADMIN, (request, admin) -> {
                    String reason = request.body().isBlank() ? null : request.json(TerminateRequest.class).reason();
                    Session ended = termination.terminate(DeviceKey.parse(request.pathParameter("deviceKey")), reason);
                    return Reply.ok(Map.of("deviceKey", ended.deviceKey().value(), "status", ended.status(), "endedAt", ended.endedAt()));
                })),
                Map.entry("POST /api/admin/vouchers/generate", authorizer.requireRole(Role.ADMIN, (request, admin) -> {
                    VoucherBatch batch = batches.order(request.json(GenerateRequest.class).order(), admin.subject());
                    return Reply.status(batch.status() == VoucherBatch.Status.RUNNING ? 202 : 201, batch);
                })),
                Map.entry("POST /api/admin/vouchers/batches/{batchId}/void", authorizer.requireRole(Role.ADMIN, (request, admin) -> {
                    String cursor = request.body().isBlank() ? null : request.json(VoidRequest.class).cursor();
                    return Reply.ok(voiding.voidBatch(request.pathParameter("batchId"), cursor));
                })),
                Map.entry("GET /api/admin/vouchers/batches/{batchId}", authorizer.requireRole(Role.ADMIN,
                        (request, admin) -> Reply.ok(batches.find(request.pathParameter("batchId"))))),
                Map.entry("POST /api/admin/vouchers/send", authorizer.requireRole(Role.ADMIN, (request, admin) ->
                        Reply.status(202, actions.sending().send(request.json(VoucherSending.Request.class), admin.subject())))),
                Map.entry("GET /api/admin/vouchers", authorizer.requireRole(Role.ADMIN, (request, admin) -> Reply.ok(list(request, vouchers))))));
        return new Router(routes);
    }

    /** A batch's vouchers in code order, or all sold vouchers in one status, newest first: {@code ?batchId=} or {@code ?status=}. */
    private static Page<VoucherView> list(Request request, VoucherStore vouchers) {
        int limit = request.query("limit").map(AdminRoutes::limit).orElse(DEFAULT_LIMIT);
        String cursor = request.query("cursor").orElse(null);
        var batchId = request.query("batchId");
        if (batchId.isPresent()) {
            Page<Voucher> page = vouchers.byBatch(batchId.get(), limit, cursor);
            return new Page<>(page.items().stream().map(VoucherView::of).toList(), page.nextCursor());
        }
        String status = request.query("status").orElseThrow(() -> ApiException.invalidField("batchId", "batchId or status is required"));
        VoucherStatus wanted;
        try {
            wanted = WireName.parse(VoucherStatus.class, status);
        } catch (IllegalArgumentException unknown) {
            throw ApiException.invalidField("status", "status is unused, used or void");
        }
        Page<Voucher> page = vouchers.byStatus(VoucherKind.VOUCHER, wanted, limit, cursor);
        return new Page<>(page.items().stream().map(VoucherView::of).toList(), page.nextCursor());
    }

    /** The path's gateway id; one no gateway can have is simply not found. */
    private static String gatewayId(Request request) {
        String id = request.pathParameter("gatewayId");
        if (id == null || !id.matches("[a-z0-9-]{1,40}")) throw ApiException.notFound("NOT_FOUND", "There is no such gateway");
        return id;
    }

    private static int limit(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("limit", "limit must be a whole number");
        }
    }

    /** A gateway as the admin lists it: its settings and when it was last heard from; never its key hash. */
    record GatewayView(String gatewayId, String name, GatewayStatus status, GatewayType type, ControlMode controlMode,
                       String radiusClientAddress, String coaAddress, int coaPort, boolean coaSupported, List<String> loginUrlHosts,
                       String defaultLoginUrl, Integer idleTimeoutSeconds, int acctInterimSeconds, Instant lastSeenAt, Instant createdAt,
                       long version) {
        static GatewayView of(Gateway g) {
            return new GatewayView(g.gatewayId(), g.name(), g.status(), g.type(), g.controlMode(), g.radiusClientAddress(), g.coaAddress(),
                    g.coaPort(), g.coaSupported(), g.loginUrlHosts(), g.defaultLoginUrl(), g.idleTimeoutSeconds(), g.acctInterimSeconds(),
                    g.lastSeenAt(), g.createdAt(), g.version());
        }
    }

    /** A gateway just created or rotated, with the secrets made now (null for one not renewed) and its setup filled in. */
    record IssuedView(GatewayView gateway, String apiKey, String radiusSecret, String radiusSecretRef, SetupView setup, String note) {
        @Override
        public String toString() {
            return "IssuedView[" + gateway.gatewayId() + ", secrets hidden]";
        }
    }

    /** The optional body of {@code POST …/rotate}: which secrets to renew; both when absent. */
    record RotateRequest(Boolean apiKey, Boolean radiusSecret) {
        boolean apiKeyOrDefault() {
            return apiKey == null && radiusSecret == null || Boolean.TRUE.equals(apiKey);
        }

        boolean radiusSecretOrDefault() {
            return apiKey == null && radiusSecret == null || Boolean.TRUE.equals(radiusSecret);
        }
    }

    /** The setup material of a gateway with placeholders for its secrets. */
    record SetupView(String gatewayId, GatewayType type, String script, String loginHtml) {}

    /** The optional body of {@code POST …/batches/{batchId}/void}: the {@code nextCursor} of the previous call, to go on. */
    record VoidRequest(String cursor) {}

    /** The optional body of {@code POST /api/admin/sessions/{deviceKey}/terminate}: why, for the session's record. */
    record TerminateRequest(String reason) {}

    /** The body of {@code POST /api/admin/vouchers/generate}; {@link VoucherOrder} checks every field. */
    record GenerateRequest(String packageId, Integer count, String prefix, Integer length, Integer validDays) {
        VoucherOrder order() {
            if (count == null) throw ApiException.invalidField("count", "count is required");
            return new VoucherOrder(packageId, count, prefix, length, validDays);
        }
    }

    /** A voucher as the admin lists and prints it: the code grouped for reading, never a session's credentials. */
    record VoucherView(String code, String batchId, String packageId, long grantSeconds, VoucherStatus status, Instant validUntil,
                       Instant usedAt, String deviceKey, Instant createdAt) {
        static VoucherView of(Voucher v) {
            return new VoucherView(CodeFormat.display(v.code()), v.batchId(), v.packageId(), v.grantSeconds(), v.status(), v.validUntil(),
                    v.usedAt(), v.deviceKey() == null ? null : v.deviceKey().value(), v.createdAt());
        }
    }
}
