package com.wifibilling.core.daraja;

import com.wifibilling.core.config.ConfigException;

/**
 * Which M-Pesa account the pushes pay into (contracts/daraja.md §3, {@code TransactionType}): a PayBill, where
 * {@code PartyB} is the shortcode, or a Till (Buy Goods), where {@code PartyB} is the till number.
 */
public enum TransactionType {
    PAY_BILL("CustomerPayBillOnline"),
    BUY_GOODS("CustomerBuyGoodsOnline");

    private final String wireName;

    TransactionType(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the value Daraja expects in {@code TransactionType}. */
    public String wireName() {
        return wireName;
    }

    /** Returns the type Daraja spells {@code value} (exactly, as in {@code DARAJA_TRANSACTION_TYPE}). */
    public static TransactionType parse(String value) {
        for (TransactionType type : values()) {
            if (type.wireName.equals(value)) return type;
        }
        throw new ConfigException("expected CustomerPayBillOnline or CustomerBuyGoodsOnline");
    }
}
