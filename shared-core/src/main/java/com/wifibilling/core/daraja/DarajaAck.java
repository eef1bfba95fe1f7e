package com.wifibilling.core.daraja;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Returns the acknowledgement our callback endpoint gives Daraja (contracts/daraja.md §4.1): exactly
 * {@code {"ResultCode":0,"ResultDesc":"Accepted"}}, the documented C2B acknowledgement, in Daraja's own spelling.
 */
public record DarajaAck(@JsonProperty("ResultCode") int resultCode, @JsonProperty("ResultDesc") String resultDesc) {
    public static final DarajaAck ACCEPTED = new DarajaAck(0, "Accepted");
}
