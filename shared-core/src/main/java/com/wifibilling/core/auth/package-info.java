/**
 * Who may call what (DESIGN §3, §6): admin passwords ({@link com.wifibilling.core.auth.PasswordHasher}, Argon2id),
 * the HS256 JWTs admins and portal users carry ({@link com.wifibilling.core.auth.TokenService}, java-jwt), the
 * bearer-token guard routes put in front of themselves ({@link com.wifibilling.core.auth.Authorizer}), and admin
 * login with its lockout ({@link com.wifibilling.core.auth.AdminLogin}). A domain package: JDK, BouncyCastle's
 * lightweight crypto API, java-jwt, {@code http}'s request/reply types, {@code user}, {@code guard} and
 * {@code metrics}; never AWS types. No home-made cryptography.
 */
package com.wifibilling.core.auth;
