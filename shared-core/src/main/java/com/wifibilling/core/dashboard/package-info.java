/** The admin dashboard: totals over 1, 7 or 30 business days from the Stats counters and index counts, never a Scan. */
package com.wifibilling.core.dashboard;
