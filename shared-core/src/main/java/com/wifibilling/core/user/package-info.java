/**
 * People who sign in (DESIGN §4, the Users table): portal users, known by phone once time is granted to them,
 * and admins, known by a unique email with a password hash and roles. The {@link
 * com.wifibilling.core.user.UserStore} port says how they are found and changed; hashing passwords lives in
 * {@code auth}. A domain package: JDK, the shared value records and {@code http.ApiException} only.
 */
package com.wifibilling.core.user;
