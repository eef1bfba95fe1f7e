/** payment-function: PaymentApi, the callback, callback processor and sweeper handlers, with their wiring. */
package com.wifibilling.payment;
