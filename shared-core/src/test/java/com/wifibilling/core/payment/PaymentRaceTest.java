package com.wifibilling.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.daraja.DarajaClient;
import com.wifibilling.core.daraja.DarajaServer;
import com.wifibilling.core.gateway.LoginBuilder;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.session.CommandType;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.stats.DayStats;
import com.wifibilling.core.store.BarrierRace;
import com.wifibilling.core.store.DynaliteExtension;
import com.wifibilling.core.store.DynamoDbGatewayStore;
import com.wifibilling.core.store.TestTables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The race (DESIGN §4, contracts/daraja.md §9): for one fresh transaction, two success callbacks, a manual
 * query and the sweeper fire at once, 200 times over. Every purchase must be granted exactly once — one session
 * holding its time once, one {@code authorize} per session start, Stats counted once — whichever path wins.
 */
@ExtendWith(DynaliteExtension.class)
class PaymentRaceTest {
    private static final int ROUNDS = 200;
    /** Query every pending payment at once, as fast as Daraja answers: the race is the point. */
    private static final SweeperSettings EAGER = new SweeperSettings(Duration.ZERO, Duration.ofSeconds(600), 10_000);

    private final PaymentWorld world;
    private final DarajaServer daraja = new DarajaServer();
    private final CallbackProcessor processor;
    private final PaymentLookup lookup;
    private final PaymentSweeper sweeper;

    PaymentRaceTest(TestTables tables) {
        world = new PaymentWorld(tables);
        daraja.answerEveryRequest(DarajaServer.queryAnswer("\"0\""));
        var client = new DarajaClient(new OkHttpClient(), daraja.payBill(DarajaServer.newConsumerKey()), world.clock);
        processor = new CallbackProcessor(world.transactions, world.guards, client, world.finalizer, world.suspicious, world.metrics,
                world.clock, CallbackProcessor.Verify.ON_MISMATCH);
        var gateways = new DynamoDbGatewayStore(tables.client(), tables.name("GatewaysTable"));
        var credentials = new PurchaseCredentials(world.sessions, gateways, new LoginBuilder("https://portal.example.co.ke"), world.clock);
        lookup = new PaymentLookup(world.transactions, world.finalizer, credentials, world.guards, client, world.metrics, world.clock);
        sweeper = new PaymentSweeper(world.transactions, client, world.finalizer, world.metrics, world.clock, EAGER);
    }

    @AfterEach
    void stop() {
        daraja.close();
    }

    @Test
    void twoCallbacksAManualQueryAndTheSweeperGrantEachPurchaseExactlyOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Transaction tx = world.pushed();
            String callback = success(tx, String.format("RACE%06d", round));

            List<String> outcomes = BarrierRace.race(4, racer -> () -> switch (racer) {
                case 0, 1 -> processor.process(new ReceivedCallback(callback, PaymentWorld.NOW, "196.201.214.200", "req-" + racer), 1).name();
                case 2 -> query(tx);
                default -> "swept " + sweeper.sweep().finalized();
            });

            Transaction after = world.reread(tx);
            assertEquals(List.of(TransactionStatus.COMPLETED, true), List.of(after.status(), after.grantConfirmed()), "round " + round);
            assertTrue(Set.of(PaymentSource.CALLBACK, PaymentSource.MANUAL_QUERY, PaymentSource.SWEEPER).contains(after.source()));
            assertEquals(String.format("RACE%06d", round), after.receipt(), "the callback's receipt is kept whoever won");
            Session session = world.sessions.find(tx.deviceKey()).orElseThrow();
            assertEquals(Map.of(tx.transactionId(), 3600L), session.appliedGrants(), "round " + round + " " + outcomes);
            assertEquals(PaymentWorld.NOW.plusSeconds(3600), session.expiresAt(), "time added once");
            assertEquals(Set.of(CommandType.AUTHORIZE), world.publisher.commands.stream()
                    .filter(c -> c.deviceKey().equals(tx.deviceKey().value())).map(c -> c.type()).collect(java.util.stream.Collectors.toSet()));
            DayStats counted = world.gatewayStats(tx);
            assertEquals(List.of(1L, 20L, 1L, 0L), List.of(counted.paymentsCompleted(), counted.revenueKES(), counted.sessionsStarted(),
                    counted.paymentsFailed()), "Stats counted once in round " + round);
        }
    }

    private String query(Transaction tx) {
        try {
            return lookup.query(tx.transactionId(), Optional.empty()).status().name();
        } catch (ApiException rateLimited) {
            return rateLimited.code();
        }
    }

    private static String success(Transaction tx, String receipt) {
        return """
                {"Body":{"stkCallback":{"MerchantRequestID":"%s","CheckoutRequestID":"%s","ResultCode":0,
                "ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[
                {"Name":"Amount","Value":20},{"Name":"MpesaReceiptNumber","Value":"%s"},{"Name":"Balance"},
                {"Name":"TransactionDate","Value":20261125115958},{"Name":"PhoneNumber","Value":%s}]}}}}"""
                .formatted(tx.merchantRequestId(), tx.checkoutRequestId(), receipt, tx.phone().msisdn());
    }
}
