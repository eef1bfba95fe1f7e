package com.wifibilling.core.gateway;

/** The GatewayOutbox table (DESIGN §4): per-gateway commands for polling gateways, in {@code seq} order. */
public interface GatewayOutboxStore {
    /**
     * Returns false, writing nothing, when the gateway's outbox already has an entry with that seq (seqs come
     * from {@link GatewayStore#nextOutboxSeq}, so this only happens when the same entry is written twice).
     */
    boolean append(OutboxEntry entry);

    /** Returns up to {@code limit} (1..100) entries with seq greater than {@code afterSeq}, ascending, strongly consistent. */
    OutboxPage since(String gatewayId, long afterSeq, int limit);
}
