package com.wifibilling.local.sms;

import java.time.Instant;

/** One message the simulator accepted: to whom ({@code 2547…}), from which sender id (null: AT's default), the text and when. */
public record SentSms(String to, String from, String message, Instant at, String messageId) {}
