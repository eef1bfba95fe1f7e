package com.wifibilling.core.voucher;

import com.wifibilling.core.Page;
import com.wifibilling.core.session.DeviceKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Passes every call to the real store; tests override what they observe or break. */
class ForwardingVouchers implements VoucherStore {
    private final VoucherStore store;

    ForwardingVouchers(VoucherStore store) {
        this.store = store;
    }

    @Override
    public boolean create(Voucher voucher) {
        return store.create(voucher);
    }

    @Override
    public List<String> createAll(List<Voucher> all) {
        return store.createAll(all);
    }

    @Override
    public Optional<Voucher> find(String code) {
        return store.find(code);
    }

    @Override
    public Redemption redeem(String code, DeviceKey deviceKey, String sessionId, Instant now) {
        return store.redeem(code, deviceKey, sessionId, now);
    }

    @Override
    public boolean confirmGrant(String code, Instant at) {
        return store.confirmGrant(code, at);
    }

    @Override
    public boolean voidUnused(String code) {
        return store.voidUnused(code);
    }

    @Override
    public Page<Voucher> byBatch(String batchId, int limit, String cursor) {
        return store.byBatch(batchId, limit, cursor);
    }

    @Override
    public Page<Voucher> byStatus(VoucherKind kind, VoucherStatus status, int limit, String cursor) {
        return store.byStatus(kind, status, limit, cursor);
    }
}
