package com.wifibilling.core.auth;

import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.user.User;

/**
 * The body of {@code POST /api/auth/login}: {@code {"email","password"}}. The email is canonicalised (trimmed,
 * lower-cased) so the lockout and the lookup name one account however it is typed. Strength rules apply when a
 * password is set, never here; only an absurd length is refused before Argon2 sees it.
 */
public record LoginRequest(String email, String password) {
    static final int MAX_PASSWORD_CHARS = 1024;

    public LoginRequest {
        if (email == null) throw ApiException.invalidField("email", "email is required");
        email = User.canonicalEmail(email);
        if (password == null || password.isEmpty()) throw ApiException.invalidField("password", "password is required");
        if (password.length() > MAX_PASSWORD_CHARS)
            throw ApiException.invalidField("password", "password must be at most " + MAX_PASSWORD_CHARS + " characters");
    }

    /** Never prints the password (records print every field). */
    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
