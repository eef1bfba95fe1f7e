package com.wifibilling.core.voucher;

/** Where voucher SMS requests go: the {@code notifications} queue (DESIGN §2; the SMS sender consumes it). */
public interface VoucherSmsQueue {
    void send(VoucherSms sms);
}
