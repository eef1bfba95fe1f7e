package com.wifibilling.core.config;

/** Start-up configuration is missing or malformed; the message names the variable (never its value). */
public final class ConfigException extends IllegalStateException {
    public ConfigException(String message) {
        super(message);
    }
}
