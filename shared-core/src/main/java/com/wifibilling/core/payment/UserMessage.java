package com.wifibilling.core.payment;

import java.util.Objects;

/** A message the portal shows, in English and Kiswahili; it serializes as {@code {"en":"…","sw":"…"}}. */
public record UserMessage(String en, String sw) {
    public UserMessage {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(sw, "sw");
    }
}
