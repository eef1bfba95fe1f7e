package com.wifibilling.local.cli;

/** The command line is wrong; the message says how, and the tool prints its usage after it and exits 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
