package com.wifibilling.core.http;

/** A reply body sent as it is, {@code text/plain; charset=utf-8}: for clients with no JSON parser (RouterOS scripts). */
public record PlainText(String text) {}
