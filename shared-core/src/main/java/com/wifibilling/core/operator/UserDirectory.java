package com.wifibilling.core.operator;

import com.wifibilling.core.Page;
import com.wifibilling.core.Phone;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.http.ListLimit;
import com.wifibilling.core.payment.Transaction;
import com.wifibilling.core.payment.TransactionStore;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionStore;
import com.wifibilling.core.user.User;
import com.wifibilling.core.user.UserKind;
import com.wifibilling.core.user.UserStore;
import java.util.List;
import java.util.Optional;

/**
 * The admin's users: portal users (or admins, {@code kind=admin}) newest first through kind-index, one by phone through
 * phone-index, and one user with the first page of their sessions and purchases (phone-index of Sessions and Transactions;
 * the next pages come from {@code /api/admin/sessions?phone=} and {@code /api/admin/transactions?phone=} with the cursors).
 */
public final class UserDirectory {
    /** How many sessions and purchases a user's detail shows before its cursors. */
    public static final int DETAIL_PAGE = 20;

    private final UserStore users;
    private final SessionStore sessions;
    private final TransactionStore transactions;

    public UserDirectory(UserStore users, SessionStore sessions, TransactionStore transactions) {
        this.users = users;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    /** A user with the first page of their sessions and purchases (empty pages for a user without a phone). */
    public record Detail(User user, Page<Session> sessions, Page<Transaction> transactions) {}

    public Page<User> search(Optional<String> phone, Optional<String> kind, Optional<String> limit, Optional<String> cursor) {
        int size = ListLimit.parse(limit);
        if (phone.isPresent()) {
            if (cursor.isPresent()) throw ApiException.invalidField("cursor", "a phone matches at most one user: there is no next page");
            return Page.all(users.findByPhone(Phone.parseFilter(phone.get())).stream().toList());
        }
        UserKind wanted = switch (kind.orElse("portal")) {
            case "portal" -> UserKind.PORTAL;
            case "admin" -> UserKind.ADMIN;
            default -> throw ApiException.invalidField("kind", "kind is portal or admin");
        };
        return users.list(wanted, size, cursor.orElse(null));
    }

    public Detail find(String userId) {
        if (userId == null || !userId.matches("[A-Za-z0-9-]{1,64}")) throw notFound();
        User user = users.find(userId).orElseThrow(UserDirectory::notFound);
        if (user.phone() == null) return new Detail(user, Page.all(List.of()), Page.all(List.of()));
        return new Detail(user, sessions.byPhone(user.phone(), DETAIL_PAGE, null), transactions.byPhone(user.phone(), DETAIL_PAGE, null));
    }

    private static ApiException notFound() {
        return ApiException.notFound("NOT_FOUND", "There is no such user");
    }
}
