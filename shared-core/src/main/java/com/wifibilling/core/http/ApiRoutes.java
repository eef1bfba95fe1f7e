package com.wifibilling.core.http;

import java.util.Set;

/**
 * Returns every route key of the whole API, across all functions, as template.yaml declares them. The
 * {@code $default} route uses it to tell a wrong method (405 with {@code Allow}) from an unknown path (404);
 * a test keeps it identical to the template.
 */
public final class ApiRoutes {
    public static final Set<String> ALL = Set.of(
            "GET /api/payment/packages",
            "POST /api/payment/initiate",
            "GET /api/payment/status",
            "POST /api/payment/query",
            "POST /api/payment/claim",
            "POST /api/payment/callback/{callbackToken}",
            "GET /api/health",
            "POST /api/auth/login",
            "POST /api/auth/validate",
            "POST /api/auth/voucher",
            "GET /api/auth/status",
            "POST /api/auth/logout",
            "POST /api/auth/relogin",
            "POST /api/radius/authorize",
            "POST /api/radius/accounting",
            "POST /api/admin/vouchers/generate",
            "GET /api/admin/vouchers/batches/{batchId}",
            "POST /api/admin/vouchers/batches/{batchId}/void",
            "GET /api/admin/vouchers",
            "POST /api/admin/sessions/{deviceKey}/terminate",
            "GET /api/admin/gateways",
            "GET /api/admin/gateways/{gatewayId}/setup",
            "POST /api/admin/gateways",
            "POST /api/admin/gateways/{gatewayId}/rotate",
            "GET /api/admin/packages",
            "POST /api/admin/packages",
            "PUT /api/admin/packages/{packageId}",
            "POST /api/admin/packages/{packageId}/deactivate",
            "GET /api/admin/transactions",
            "GET /api/admin/dashboard",
            "GET /api/admin/sessions",
            "GET /api/admin/users",
            "GET /api/admin/events",
            "GET /api/admin/users/{userId}",
            "GET /api/admin/sessions/{deviceKey}",
            "GET /api/admin/transactions/{transactionId}",
            "POST /api/admin/transactions/{transactionId}/query",
            "PUT /api/admin/gateways/{gatewayId}",
            "GET /api/admin/settings",
            "PUT /api/admin/settings",
            "POST /api/admin/vouchers/send",
            "GET /api/gateway/sessions",
            "POST /api/gateway/usage",
            "POST /api/gateway/heartbeat");

    private ApiRoutes() {}
}
