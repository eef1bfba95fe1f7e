package com.wifibilling.core.auth;

import com.wifibilling.core.guard.AttemptLimit;
import com.wifibilling.core.guard.AttemptLimiter;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.user.User;
import com.wifibilling.core.user.UserKind;
import com.wifibilling.core.user.UserStatus;
import com.wifibilling.core.user.UserStore;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs admins in (DESIGN §3, §6): email and password in, an admin token out. An unknown email, a wrong password and
 * a disabled account get the same 401 after the same Argon2id work, so neither the answer nor its timing says which
 * emails exist. Five failures aimed at one account (known or not) within 15 minutes lock it for 15 minutes
 * ({@link AttemptLimit#LOGIN_ACCOUNT}); a success resets its count, moves {@code lastSeenAt} and, when the stored hash
 * is cheaper than today's cost, stores a new one.
 */
public final class AdminLogin {
    static final String KIND = AttemptLimit.LOGIN_ACCOUNT.kind();
    static final String MESSAGE = "Email or password is wrong";
    private static final Logger log = LoggerFactory.getLogger(AdminLogin.class);

    private final UserStore users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final AttemptLimiter limiter;
    private final Metrics metrics;
    private final Clock clock;

    public AdminLogin(UserStore users, PasswordHasher hasher, TokenService tokens, AttemptLimiter limiter, Metrics metrics, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.limiter = limiter;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Returns an admin token; 401 {@code UNAUTHORIZED} for bad credentials, 429 {@code RATE_LIMITED} while locked out. */
    public IssuedToken login(LoginRequest request) {
        String account = request.email();
        try {
            limiter.check(KIND, account);
        } catch (ApiException locked) {
            metrics.count("LoginFailed", "reason", "locked");
            throw locked;
        }
        Optional<User> admin = users.findByEmail(account).filter(user -> user.kind() == UserKind.ADMIN);
        char[] password = request.password().toCharArray();
        try {
            boolean matches = admin.isPresent() ? hasher.verify(password, admin.get().passwordHash())
                    : hasher.verifyUnknownAccount(password); // the same work as a real check
            if (!matches || admin.get().status() != UserStatus.ACTIVE) throw failed(account);
            User user = admin.get();
            limiter.reset(KIND, account);
            users.touch(user.userId(), clock.instant());
            if (hasher.needsRehash(user.passwordHash())) users.updatePasswordHash(user.userId(), hasher.hash(password));
            log.atInfo().addKeyValue("userId", user.userId()).log("login.admin");
            return tokens.issueAdmin(user.userId(), user.roles());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private ApiException failed(String account) {
        metrics.count("LoginFailed", "reason", "bad-credentials");
        limiter.recordFailure(KIND, account);
        return ApiException.unauthorized(MESSAGE);
    }
}
