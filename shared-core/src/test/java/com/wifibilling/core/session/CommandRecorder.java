package com.wifibilling.core.session;

import java.util.List;

/**
 * A {@link GrantPublisher} for tests of paths that publish gateway commands but never an SMS (vouchers without a
 * phone, logout, terminate, relogin): commands go to {@code commands}; an SMS fails the test, naming {@code why}.
 */
public final class CommandRecorder implements GrantPublisher {
    private final List<GatewayCommand> commands;
    private final String noSmsBecause;

    public CommandRecorder(List<GatewayCommand> commands, String noSmsBecause) {
        this.commands = commands;
        this.noSmsBecause = noSmsBecause;
    }

    @Override
    public void publish(GatewayCommand command) {
        commands.add(command);
    }

    @Override
    public void publish(SmsReceipt receipt) {
        throw new AssertionError("no SMS expected: " + noSmsBecause);
    }
}
