package com.wifibilling.core.payment;

import com.wifibilling.core.gateway.Login;
import com.wifibilling.core.session.SessionView;
import java.time.Instant;

/**
 * What the portal gets for a purchase from initiate, status and query (contracts/daraja.md §9): its status with
 * the EN/SW message of §6, and — only on the paths DESIGN §6 lists — the {@code clientToken} (initiate) or the
 * session's credentials and {@code login} (a status poll with the purchase's {@code X-Client-Token}). Null fields
 * are left out of the JSON.
 */
public record PaymentAnswer(String transactionId, String checkoutRequestId, TransactionStatus status, String resultCode,
                            UserMessage message, String packageId, long amount, Instant createdAt, Instant completedAt,
                            String clientToken, SessionView session, Login login) {

    /** Returns the answer without credentials. */
    public static PaymentAnswer of(Transaction transaction) {
        return new PaymentAnswer(transaction.transactionId(), transaction.checkoutRequestId(), transaction.status(),
                transaction.resultCode(), ResultCodes.messageFor(transaction.status(), transaction.resultCode()),
                transaction.packageId(), transaction.amount().shillings(), transaction.createdAt(), transaction.completedAt(),
                null, null, null);
    }

    public PaymentAnswer withClientToken(String token) {
        return new PaymentAnswer(transactionId, checkoutRequestId, status, resultCode, message, packageId, amount, createdAt,
                completedAt, token, session, login);
    }

    public PaymentAnswer withSession(SessionView view, Login deviceLogin) {
        return new PaymentAnswer(transactionId, checkoutRequestId, status, resultCode, message, packageId, amount, createdAt,
                completedAt, clientToken, view, deviceLogin);
    }

    /** Never print credentials. */
    @Override
    public String toString() {
        return "PaymentAnswer[" + transactionId + " " + status + ", credentials=" + (session != null) + "]";
    }
}
