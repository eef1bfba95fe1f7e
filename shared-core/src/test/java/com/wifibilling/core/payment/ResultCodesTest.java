package com.wifibilling.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.wifibilling.core.daraja.StkResultCode;
import com.wifibilling.core.payment.ResultCodes.Origin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** contracts/daraja.md §6, row by row: status by origin, and the English and Kiswahili messages verbatim. */
class ResultCodesTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "0          | COMPLETED | Payment received. You will be online in a moment. | Malipo yamepokelewa. Utaunganishwa baada ya muda mfupi.",
            "1          | FAILED    | Not enough M-Pesa balance. Top up and try again. | Salio la M-Pesa halitoshi. Ongeza salio kisha ujaribu tena.",
            "2          | FAILED    | The amount is below the M-Pesa minimum. | Kiasi ni chini ya kiwango cha chini cha M-Pesa.",
            "3          | FAILED    | The amount is above the M-Pesa limit. | Kiasi kimezidi kikomo cha M-Pesa.",
            "4          | FAILED    | This would exceed your daily M-Pesa limit. | Malipo haya yanazidi kikomo chako cha siku cha M-Pesa.",
            "8          | FAILED    | The hotspot cannot receive payments right now. Try later. | Hotspot haiwezi kupokea malipo sasa. Jaribu baadaye.",
            "17         | FAILED    | A similar payment was just made. Wait 2 minutes and try again. | Malipo kama haya yamefanyika sasa hivi. Subiri dakika 2 ujaribu tena.",
            "26         | FAILED    | M-Pesa is busy. Please try again shortly. | M-Pesa ina shughuli nyingi. Tafadhali jaribu tena baadaye kidogo.",
            "1001       | FAILED    | Another M-Pesa request is open on your phone. Wait a minute and try again. | Kuna ombi lingine la M-Pesa kwenye simu yako. Subiri dakika moja ujaribu tena.",
            "1019       | EXPIRED   | The payment request expired. Please try again. | Muda wa ombi la malipo umeisha. Tafadhali jaribu tena.",
            "1025       | FAILED    | We could not send the M-Pesa prompt. Please try again. | Hatukuweza kutuma ombi la M-Pesa. Tafadhali jaribu tena.",
            "1031       | CANCELLED | You cancelled the payment. | Umesitisha malipo.",
            "1032       | CANCELLED | You cancelled the payment. | Umesitisha malipo.",
            "1036       | EXPIRED   | Your phone did not respond in time. Please try again. | Simu yako haikujibu kwa wakati. Tafadhali jaribu tena.",
            "1037       | EXPIRED   | No response from your phone in time. Please try again. | Simu yako haikujibu kwa wakati. Tafadhali jaribu tena.",
            "2001       | FAILED    | Wrong M-Pesa PIN. Please try again. | PIN ya M-Pesa si sahihi. Tafadhali jaribu tena.",
            "2028       | FAILED    | Payment could not be processed. Please contact the hotspot operator. | Malipo hayakuweza kufanyika. Tafadhali wasiliana na mhudumu wa hotspot.",
            "8006       | FAILED    | Your M-Pesa PIN is locked. Call Safaricom on 100 or 200. | PIN yako ya M-Pesa imefungwa. Piga 100 au 200 upate msaada.",
            "SFC_IC0003 | FAILED    | Payment could not be processed. Please contact the hotspot operator. | Malipo hayakuweza kufanyika. Tafadhali wasiliana na mhudumu wa hotspot.",
            "9999       | FAILED    | M-Pesa could not process the request. Please try again. | M-Pesa haikuweza kushughulikia ombi. Tafadhali jaribu tena.",
            "E3008      | FAILED    | M-Pesa declined this payment. Please contact Safaricom. | M-Pesa imekataa malipo haya. Tafadhali wasiliana na Safaricom.",
            "4999       | PENDING   | Waiting for M-Pesa confirmation… | Inasubiri uthibitisho wa M-Pesa…"})
    void listedCodeHasTheSameStatusAndMessageFromEitherOrigin(String code, TransactionStatus status, String en, String sw) {
        for (Origin origin : Origin.values()) {
            assertEquals(status, ResultCodes.status(code, origin));
            assertEquals(new UserMessage(en, sw), ResultCodes.message(code, origin));
        }
    }

    @Test
    void unlistedCodeFailsFromACallbackButStaysPendingFromAQuery() {
        assertEquals(TransactionStatus.FAILED, ResultCodes.status("7777", Origin.CALLBACK));
        assertEquals(new UserMessage("The payment did not go through. Please try again.", "Malipo hayakufanikiwa. Tafadhali jaribu tena."),
                ResultCodes.message("7777", Origin.CALLBACK));
        assertEquals(TransactionStatus.PENDING, ResultCodes.status("7777", Origin.QUERY));
        assertEquals(new UserMessage("Waiting for M-Pesa confirmation…", "Inasubiri uthibitisho wa M-Pesa…"),
                ResultCodes.message("7777", Origin.QUERY));
    }

    @ParameterizedTest
    @EnumSource(StkResultCode.class)
    void everyListedCodeHasARowHere(StkResultCode code) {
        // A code added to the daraja list without a row here would fail to compile (exhaustive switch); this keeps
        // the two lists the same size in the other direction too.
        assertEquals(code, StkResultCode.of(code.code()).orElseThrow());
        ResultCodes.message(code.code(), Origin.CALLBACK);
    }

    @Test
    void statusScreenMessagesForPurchasesWithoutAFinalCode() {
        assertEquals(new UserMessage("Check your phone and enter your M-Pesa PIN.", "Angalia simu yako na uweke PIN yako ya M-Pesa."),
                ResultCodes.messageFor(TransactionStatus.PENDING, null));
        assertEquals(new UserMessage(
                        "We got no confirmation from M-Pesa. If money was deducted, your time will be added automatically.",
                        "Hatukupata uthibitisho kutoka M-Pesa. Ikiwa pesa imekatwa, muda wako utaongezwa moja kwa moja."),
                ResultCodes.messageFor(TransactionStatus.EXPIRED, null));
        var providerDown = new UserMessage("M-Pesa is not available right now. Please try again in a minute.",
                "M-Pesa haipatikani kwa sasa. Tafadhali jaribu tena baada ya dakika moja.");
        assertEquals(providerDown, ResultCodes.messageFor(TransactionStatus.FAILED, null));
        assertEquals(providerDown, ResultCodes.messageFor(TransactionStatus.FAILED, "500.003.02"));
    }

    @Test
    void statusScreenMessagesForFinalCodes() {
        assertEquals(ResultCodes.message("0", Origin.CALLBACK), ResultCodes.messageFor(TransactionStatus.COMPLETED, null));
        assertEquals(ResultCodes.message("1032", Origin.CALLBACK), ResultCodes.messageFor(TransactionStatus.CANCELLED, "1032"));
        assertEquals(ResultCodes.message("1037", Origin.CALLBACK), ResultCodes.messageFor(TransactionStatus.EXPIRED, "1037"));
        assertEquals(ResultCodes.message("2001", Origin.CALLBACK), ResultCodes.messageFor(TransactionStatus.FAILED, "2001"));
        assertEquals(ResultCodes.DID_NOT_GO_THROUGH, ResultCodes.messageFor(TransactionStatus.FAILED, "7777"));
    }
}
