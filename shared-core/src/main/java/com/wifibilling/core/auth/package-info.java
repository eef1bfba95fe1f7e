/**
 * Who may call what: admin passwords ({@link com.wifibilling.core.auth.PasswordHasher}, Argon2id), and later
 * the JWTs of DESIGN §3 ({@code TokenService}), lockouts and roles. A domain package: JDK, BouncyCastle's
 * lightweight crypto API and {@code http.ApiException} only, never AWS types. No home-made cryptography.
 */
package com.wifibilling.core.auth;
