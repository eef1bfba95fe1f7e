package com.wifibilling.core.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The error shape every module shares (DESIGN §3): {@code {"error":{"code","message"[,"field"]}}}. */
public record ErrorBody(Detail error) {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String code, String message, String field) {}

    public static ErrorBody of(String code, String message, String field) {
        return new ErrorBody(new Detail(code, message, field));
    }
}
