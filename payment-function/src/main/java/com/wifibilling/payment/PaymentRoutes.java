package com.wifibilling.payment;

import com.wifibilling.core.Page;
import com.wifibilling.core.health.HealthCheck;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Router;
import com.wifibilling.core.pkg.PackageCatalog;
import com.wifibilling.core.pkg.PublicPackage;
import java.util.Map;

/** PaymentApi's routes, keyed exactly as template.yaml declares them (a test keeps the two identical). */
final class PaymentRoutes {
    private PaymentRoutes() {}

    static Router router(PackageCatalog catalog, HealthCheck health) {
        return new Router(Map.of(
                "GET /api/payment/packages", request -> Reply.ok(Page.all(catalog.active().stream().map(PublicPackage::of).toList())),
                "GET /api/health", request -> {
                    HealthCheck.Report report = health.check();
                    return Reply.status(report.healthy() ? 200 : 503, report);
                }));
    }
}
