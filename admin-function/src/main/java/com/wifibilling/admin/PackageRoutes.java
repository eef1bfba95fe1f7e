package com.wifibilling.admin;

import com.wifibilling.core.Page;
import com.wifibilling.core.auth.Authorizer;
import com.wifibilling.core.auth.Role;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Route;
import com.wifibilling.core.pkg.PackageAdmin;
import com.wifibilling.core.pkg.PackageRequest;
import java.util.Map;

/**
 * {@code /api/admin/packages}: thin over {@link PackageAdmin}. The portal's {@code GET /api/payment/packages} keeps its
 * own copy for up to {@code PACKAGES_CACHE_SECONDS} (≤ 60 s) per container, so an edit reaches buyers within a minute.
 */
final class PackageRoutes {
    private PackageRoutes() {}

    static Map<String, Route> routes(Authorizer authorizer, PackageAdmin packages) {
        return Map.of(
                "GET /api/admin/packages", authorizer.requireRole(Role.ADMIN, (request, admin) -> Reply.ok(Page.all(packages.all()))),
                "POST /api/admin/packages", authorizer.requireRole(Role.ADMIN, (request, admin) ->
                        Reply.status(201, packages.create(request.json(PackageRequest.class), admin.subject()))),
                "PUT /api/admin/packages/{packageId}", authorizer.requireRole(Role.ADMIN, (request, admin) ->
                        Reply.ok(packages.update(request.pathParameter("packageId"), request.json(PackageRequest.class), admin.subject()))),
                "POST /api/admin/packages/{packageId}/deactivate", authorizer.requireRole(Role.ADMIN, (request, admin) ->
                        Reply.ok(packages.deactivate(request.pathParameter("packageId"), admin.subject()))));
    }
}
