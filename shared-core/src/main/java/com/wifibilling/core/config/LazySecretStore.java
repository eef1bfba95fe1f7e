package com.wifibilling.core.config;

import java.util.function.Supplier;

/** A secret store built on first use, so a function that seldom needs one does not pay for its client at cold start. */
public final class LazySecretStore implements SecretStore {
    private final Supplier<SecretStore> factory;
    private volatile SecretStore built;

    public LazySecretStore(Supplier<SecretStore> factory) {
        this.factory = factory;
    }

    @Override
    public String read(String id) {
        return store().read(id);
    }

    @Override
    public void put(String name, String value) {
        store().put(name, value);
    }

    private SecretStore store() {
        SecretStore current = built;
        if (current == null) {
            synchronized (this) {
                if (built == null) built = factory.get();
                current = built;
            }
        }
        return current;
    }
}
