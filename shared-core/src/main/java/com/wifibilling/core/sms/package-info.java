/**
 * SMS to buyers and voucher recipients (DESIGN §2 Notifications, §4 grant step 3): {@link SmsSender} speaks
 * Africa's Talking's SMS API over OkHttp, {@link SmsTexts} writes the messages in English and Swahili, and
 * {@link SmsNotifications} turns one {@code notifications} queue message into at most one SMS (operator toggles,
 * a Guards claim against repeats, SmsSent/SmsFailed metrics, phones masked in every log line).
 */
package com.wifibilling.core.sms;
