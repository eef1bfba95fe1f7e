package com.wifibilling.core.config;

/**
 * Where secrets made at run time live (contracts/gateways.md §1: a gateway's {@code radiusSecretRef}): AWS Secrets
 * Manager in AWS, the local runtime's emulator of it locally. Values are never logged.
 */
public interface SecretStore {
    /** Returns the current value of the secret named (or ARN'd) {@code id}; a {@link ConfigException} naming it when absent. */
    String read(String id);

    /** Makes {@code value} the current value of the secret {@code name}, creating the secret when it does not exist yet. */
    void put(String name, String value);
}
