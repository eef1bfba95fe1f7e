package com.wifibilling.admin;

import com.wifibilling.admin.SessionRoutes.SessionAdminView;
import com.wifibilling.admin.TransactionRoutes.TransactionView;
import com.wifibilling.core.Page;
import com.wifibilling.core.auth.Authorizer;
import com.wifibilling.core.auth.Role;
import com.wifibilling.core.http.Reply;
import com.wifibilling.core.http.Route;
import com.wifibilling.core.operator.UserDirectory;
import com.wifibilling.core.user.User;
import com.wifibilling.core.user.UserKind;
import com.wifibilling.core.user.UserStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** {@code GET /api/admin/users[/{userId}]}: thin over {@link UserDirectory} (kind-index, phone-index). */
final class UserRoutes {
    private UserRoutes() {}

    static Map<String, Route> routes(Authorizer authorizer, UserDirectory users, Clock clock) {
        return Map.of(
                "GET /api/admin/users", authorizer.requireRole(Role.ADMIN, (request, admin) -> Reply.ok(users.search(request.query("phone"),
                        request.query("kind"), request.query("limit"), request.query("cursor")).map(UserView::of))),
                "GET /api/admin/users/{userId}", authorizer.requireRole(Role.ADMIN, (request, admin) -> {
                    UserDirectory.Detail detail = users.find(request.pathParameter("userId"));
                    Instant now = clock.instant();
                    return Reply.ok(new DetailView(UserView.of(detail.user()), detail.sessions().map(s -> SessionAdminView.of(s, now)),
                            detail.transactions().map(TransactionView::of)));
                }));
    }

    /** A user as the admin sees them: never a password hash. */
    record UserView(String userId, UserKind kind, String phone, String email, Set<String> roles, UserStatus status, Instant createdAt,
                    Instant lastSeenAt) {
        static UserView of(User u) {
            return new UserView(u.userId(), u.kind(), u.phone() == null ? null : u.phone().msisdn(), u.email(), u.roles(), u.status(),
                    u.createdAt(), u.lastSeenAt());
        }
    }

    /** A user with the first page of their sessions and purchases. */
    record DetailView(UserView user, Page<SessionAdminView> sessions, Page<TransactionView> transactions) {}
}
