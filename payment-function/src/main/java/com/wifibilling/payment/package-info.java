/** payment-function: PaymentApi and (later) the callback, callback processor and sweeper handlers, with their wiring. */
package com.wifibilling.payment;
