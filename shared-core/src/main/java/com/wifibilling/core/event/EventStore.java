package com.wifibilling.core.event;

import com.wifibilling.core.Page;
import java.time.LocalDate;

/** The Events table (DESIGN §4): key {@code day} / {@code atId}, so each day's events list in time order. */
public interface EventStore {
    /** Returns false, writing nothing, when an event with that time and id is already recorded (a repeat). */
    boolean record(AuditEvent event);

    /** Returns one page of the events of an East Africa Time day, newest first; limit 1..100. */
    Page<AuditEvent> onDay(LocalDate day, int limit, String cursor);
}
