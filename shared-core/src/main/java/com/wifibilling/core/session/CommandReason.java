package com.wifibilling.core.session;

/** Why a gateway command was sent (contracts/gateways.md §4.3 {@code reason}); logged and kept in {@code lastCommand}. */
public enum CommandReason {
    PAYMENT, VOUCHER, CLAIM, MOVE, RELOGIN, LOGOUT, TERMINATE, EXPIRY
}
