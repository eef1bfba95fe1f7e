package com.wifibilling.core.health;

/** One dependency the health check asks: returns normally when it answers, throws when it does not. */
public interface DependencyProbe {
    String name();

    void check();
}
