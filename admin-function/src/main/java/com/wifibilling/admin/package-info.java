/** AdminApi and the voucher batch worker: handlers and their wiring only (DESIGN §2); the rules live in shared-core. */
package com.wifibilling.admin;
