package com.wifibilling.local.daraja;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One simulator (time scale 0.01) and one callback receiver per test class, reset through
 * {@code POST /simulator/reset} before every test, which then has a fresh access token. Register it as a static
 * {@code @RegisterExtension} field.
 */
final class SimulatorFixture implements BeforeEachCallback, AfterAllCallback {
    final DarajaSimulator simulator = DarajaSimulator.start(SimulatorClient.KEY, SimulatorClient.SECRET, 0.01);
    final SimulatorClient daraja = new SimulatorClient(simulator.baseUri());
    final CallbackReceiver receiver = new CallbackReceiver();
    private volatile String token;

    @Override
    public void beforeEach(ExtensionContext context) {
        daraja.control("POST", "/simulator/reset", null);
        receiver.clear();
        token = daraja.token();
    }

    /** Returns this test's access token. */
    String token() {
        return token;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        simulator.close();
        receiver.close();
    }
}
