package com.wifibilling.local.gateway;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The DAS's record of what it received, oldest first, the last 1,000 kept. Thread-safe. */
final class ReceivedLog {
    private static final int KEPT = 1000;
    private final Deque<ReceivedRequest> entries = new ArrayDeque<>();

    synchronized void add(ReceivedRequest request) {
        entries.addLast(request);
        while (entries.size() > KEPT) entries.removeFirst();
    }

    synchronized List<ReceivedRequest> all() {
        return List.copyOf(entries);
    }

    synchronized void clear() {
        entries.clear();
    }
}
