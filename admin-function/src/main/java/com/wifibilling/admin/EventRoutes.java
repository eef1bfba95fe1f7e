package com.wifibilling.admin;

import com.wifibilling.core.auth.Authorizer;
import com.wifibilling.core.auth.Role;
import com.wifibilling.core.event.EventLog;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Route;
import java.util.Map;

/** {@code GET /api/admin/events}: thin over {@link EventLog} (the Events table, day by day). */
final class EventRoutes {
    private EventRoutes() {}

    static Map<String, Route> routes(Authorizer authorizer, EventLog events) {
        return Map.of("GET /api/admin/events", authorizer.requireRole(Role.ADMIN, (request, admin) -> Reply.ok(events.search(
                request.query("type"), request.query("from"), request.query("to"), request.query("limit"), request.query("cursor")))));
    }
}
