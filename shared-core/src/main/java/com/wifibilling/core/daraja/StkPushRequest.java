package com.wifibilling.core.daraja;

import com.wifibilling.core.Money;
import com.wifibilling.core.Phone;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One STK Push as we ask for it (contracts/daraja.md §3): who pays ({@code PartyA} = {@code PhoneNumber}), how
 * much (whole KES, at least 1), the {@code AccountReference} shown in the prompt (1 to 12 letters and digits),
 * the {@code TransactionDesc} (1 to 13 printable ASCII characters: Daraja fails a push without one), and the
 * {@code CallBackURL} ({@link DarajaConfig#callbackUrl()}). Breaking a rule is our bug, so it throws
 * {@link IllegalArgumentException}.
 */
public record StkPushRequest(Phone phone, Money amount, String accountReference, String transactionDesc, URI callbackUrl) {
    /** The longest {@code AccountReference} Daraja documents. */
    public static final int MAX_ACCOUNT_REFERENCE = 12;
    /** The longest {@code TransactionDesc} Daraja documents. */
    public static final int MAX_TRANSACTION_DESC = 13;

    private static final Pattern ACCOUNT_REFERENCE = Pattern.compile("[A-Za-z0-9]{1," + MAX_ACCOUNT_REFERENCE + "}");
    private static final Pattern TRANSACTION_DESC = Pattern.compile("[\\x20-\\x7E]{1," + MAX_TRANSACTION_DESC + "}");

    public StkPushRequest {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(amount, "amount");
        if (amount.shillings() < 1) throw new IllegalArgumentException("An STK Push is for at least KES 1");
        if (accountReference == null || !ACCOUNT_REFERENCE.matcher(accountReference).matches())
            throw new IllegalArgumentException("AccountReference must be 1 to 12 letters and digits");
        if (transactionDesc == null || transactionDesc.isBlank() || !TRANSACTION_DESC.matcher(transactionDesc).matches())
            throw new IllegalArgumentException("TransactionDesc must be 1 to 13 printable ASCII characters");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        if (!callbackUrl.isAbsolute() || callbackUrl.getHost() == null
                || !("https".equals(callbackUrl.getScheme()) || "http".equals(callbackUrl.getScheme())))
            throw new IllegalArgumentException("CallBackURL must be an absolute http(s) URL");
    }

    /**
     * Returns our {@code TransactionDesc} for a package (contracts/daraja.md §3): {@code "WiFi " + label}, with
     * anything but printable ASCII dropped, cut to 13 characters, never empty ({@code "1 hour"} → {@code "WiFi 1 hour"}).
     */
    public static String transactionDescFor(String packageLabel) {
        String label = packageLabel == null ? "" : packageLabel.replaceAll("[^\\x20-\\x7E]", "");
        String desc = ("WiFi " + label.strip()).strip();
        return desc.length() <= MAX_TRANSACTION_DESC ? desc : desc.substring(0, MAX_TRANSACTION_DESC).strip();
    }
}
