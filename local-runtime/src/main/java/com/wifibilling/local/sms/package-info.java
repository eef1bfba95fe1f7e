/**
 * The local Africa's Talking (DESIGN §9): {@link com.wifibilling.local.sms.SmsSimulator} answers the SMS API as
 * Africa's Talking does and keeps every message it was asked to send, for tests and demos.
 */
package com.wifibilling.local.sms;
