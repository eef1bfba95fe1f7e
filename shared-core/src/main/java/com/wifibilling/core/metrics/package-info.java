/** Business metrics as CloudWatch Embedded Metric Format lines (DESIGN §8): counted in memory, flushed per invocation. */
package com.wifibilling.core.metrics;
