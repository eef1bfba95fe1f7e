/** {@code GET /api/health}: version, uptime and each dependency's state, answered 200 while the API can serve. */
package com.wifibilling.core.health;
