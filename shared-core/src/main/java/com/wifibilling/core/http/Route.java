package com.wifibilling.core.http;

/** One route's handler: a request in, a reply out; an {@link ApiException} for the caller's mistakes. */
@FunctionalInterface
public interface Route {
    Reply handle(Request request);
}
