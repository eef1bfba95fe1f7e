/** auth-function: AuthApi's handler (admin login, token validation; vouchers and RADIUS later) with its wiring. */
package com.wifibilling.auth;
