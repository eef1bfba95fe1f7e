package com.wifibilling.local.gateway;

import com.wifibilling.core.Mac;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NAS half of one simulated MikroTik hotspot (contracts/gateways.md §2.2, §8): turns a login into an
 * Access-Request, and on Accept marks the device online, sends Accounting Start, Interim-Updates every
 * Acct-Interim-Interval × timeScale, and ends the login with Accounting Stop when its Session-Timeout (counted from
 * login) or Idle-Timeout runs out, or when the DAS disconnects it. One login per device, as RouterOS keeps one
 * active entry per MAC.
 */
final class Hotspot {
    /** What a login submission came to: the login when accepted, else the message to show as {@code $(error)}. */
    record LoginResult(boolean accepted, String message, Optional<HotspotLogin> login) {}

    private static final Logger log = LoggerFactory.getLogger(Hotspot.class);

    private final String gatewayId;
    private final Supplier<RadiusBackend> backend;
    private final Devices devices;
    private final Supplier<NasSettings> settings;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final Map<Mac, HotspotLogin> byDevice = new ConcurrentHashMap<>();
    /** Logins that ended, newest last, so the control endpoints still show them (bounded). */
    private final List<HotspotLogin> ended = new CopyOnWriteArrayList<>();
    /** RouterOS numbers its logins with 8 hex digits; a random start keeps restarts from reusing ids. */
    private final AtomicInteger acctSessionIds = new AtomicInteger(0x81000000 | new SecureRandom().nextInt(0x00ffffff));

    Hotspot(String gatewayId, Supplier<RadiusBackend> backend, Devices devices, Supplier<NasSettings> settings,
            ScheduledExecutorService timers, Clock clock) {
        this.gatewayId = gatewayId;
        this.backend = backend;
        this.devices = devices;
        this.settings = settings;
        this.timers = timers;
        this.clock = clock;
    }

    String gatewayId() {
        return gatewayId;
    }

    String mode() {
        return backend.get().mode();
    }

    /** Logs {@code device} in as {@code userName} with what its login form carried. */
    LoginResult login(Devices.Device device, String userName, AccessAttempt.Credentials credentials) {
        HotspotLogin current = byDevice.get(device.mac);
        if (current != null && current.online()) {
            if (current.userName.equals(userName)) return new LoginResult(true, "already logged in", Optional.of(current));
            end(current, AccountingRecord.USER_REQUEST); // another user on this device: RouterOS logs the old one out
        }
        String acctSessionId = String.format("%08X", acctSessionIds.getAndIncrement());
        var attempt = new AccessAttempt(userName, credentials, device.mac, device.ip, acctSessionId);
        AccessAnswer answer = backend.get().authenticate(attempt);
        if (!answer.accepted()) {
            log.atInfo().addKeyValue("gatewayId", gatewayId).addKeyValue("mac", device.mac.value()).log("gateway.sim.login.rejected");
            return new LoginResult(false, answer.replyMessage(), Optional.empty());
        }
        NasSettings now = settings.get();
        long interim = now.acctInterimSeconds() != null ? now.acctInterimSeconds()
                : answer.acctInterimInterval().isPresent() ? answer.acctInterimInterval().getAsLong() : 0;
        var login = new HotspotLogin(gatewayId, attempt, answer, interim, clock.instant());
        byDevice.put(device.mac, login);
        device.lastActivity = clock.instant();
        if (backend.get().account(record(login, AccountingRecord.START, 0))) login.accountingStarted();
        login.schedule(scheduleExpiry(login), scheduleTicks(login, device));
        log.atInfo().addKeyValue("gatewayId", gatewayId).addKeyValue("mac", device.mac.value()).addKeyValue("acctSessionId", acctSessionId)
                .log("gateway.sim.login.accepted");
        return new LoginResult(true, null, Optional.of(login));
    }

    /** Ends {@code login} (once) and sends its Accounting Stop with {@code cause}. */
    void end(HotspotLogin login, int cause) {
        pendingTraffic(login);
        if (!login.end(cause, clock.instant())) return;
        ended.add(login);
        while (ended.size() > 1000) ended.removeFirst();
        backend.get().account(record(login, AccountingRecord.STOP, cause));
        log.atInfo().addKeyValue("gatewayId", gatewayId).addKeyValue("mac", login.mac.value())
                .addKeyValue("cause", AccountingRecord.causeName(cause)).log("gateway.sim.login.ended");
    }

    /** A CoA's new limits; the Session-Timeout is counted from login (contracts/gateways.md §4.2), so expiry moves. */
    void apply(HotspotLogin login, Optional<Long> sessionTimeout, Optional<RateLimit> rate) {
        login.apply(sessionTimeout, rate);
        login.schedule(scheduleExpiry(login), null);
    }

    /** The DAS's lookup (contracts/gateways.md §8): by Acct-Session-Id, then Framed-IP-Address, then User-Name; online logins only. */
    Optional<HotspotLogin> find(Optional<String> acctSessionId, Optional<String> framedIp, Optional<String> userName) {
        Collection<HotspotLogin> online = byDevice.values().stream().filter(HotspotLogin::online).toList();
        if (acctSessionId.isPresent()) return online.stream().filter(l -> l.acctSessionId.equals(acctSessionId.get())).findFirst();
        if (framedIp.isPresent()) return online.stream().filter(l -> l.ip.equals(framedIp.get())).findFirst();
        return userName.flatMap(name -> online.stream().filter(l -> l.userName.equals(name)).findFirst());
    }

    /** Every login this hotspot holds or held, ended ones first. */
    List<HotspotLogin> logins() {
        List<HotspotLogin> all = new ArrayList<>(ended);
        byDevice.values().stream().filter(HotspotLogin::online).forEach(all::add);
        return all;
    }

    Optional<HotspotLogin> online(Mac mac) {
        return Optional.ofNullable(byDevice.get(mac)).filter(HotspotLogin::online);
    }

    /** Forgets every login without accounting (a simulator reset, not a NAS reboot). */
    void reset() {
        byDevice.values().forEach(login -> login.end(0, clock.instant()));
        byDevice.clear();
        ended.clear();
    }

    private ScheduledFuture<?> scheduleExpiry(HotspotLogin login) {
        Optional<Long> timeout = login.sessionTimeout();
        if (timeout.isEmpty()) return null;
        long dueMillis = settings.get().scaledMillis(timeout.get()) - Duration.between(login.startedAt, clock.instant()).toMillis();
        return timers.schedule(() -> end(login, AccountingRecord.SESSION_TIMEOUT), Math.max(0, dueMillis), TimeUnit.MILLISECONDS);
    }

    /** One periodic task per login: Interim-Updates when due, and the Idle-Timeout check. */
    private ScheduledFuture<?> scheduleTicks(HotspotLogin login, Devices.Device device) {
        NasSettings now = settings.get();
        long interimMillis = login.interimSeconds > 0 ? now.scaledMillis(login.interimSeconds) : Long.MAX_VALUE;
        long idleMillis = login.idleTimeout().map(now::scaledMillis).orElse(Long.MAX_VALUE);
        long period = Math.min(interimMillis, idleMillis == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, idleMillis / 4));
        if (period == Long.MAX_VALUE) return null;
        AtomicLong nextInterim = new AtomicLong(System.nanoTime() + interimMillis * 1_000_000);
        return timers.scheduleAtFixedRate(() -> {
            if (!login.online()) return;
            if (idleMillis != Long.MAX_VALUE && Duration.between(device.lastActivity, clock.instant()).toMillis() >= idleMillis) {
                end(login, AccountingRecord.IDLE_TIMEOUT);
                return;
            }
            if (interimMillis != Long.MAX_VALUE && System.nanoTime() - nextInterim.get() >= 0) {
                nextInterim.addAndGet(interimMillis * 1_000_000);
                pendingTraffic(login);
                if (backend.get().account(record(login, AccountingRecord.INTERIM_UPDATE, 0))) login.interimSent();
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** Moves the device's traffic since the last report into the login's counters. */
    private void pendingTraffic(HotspotLogin login) {
        devices.find(login.mac).ifPresent(device -> {
            synchronized (device) {
                login.count(device.pendingBytesIn, device.pendingBytesOut);
                device.pendingBytesIn = 0;
                device.pendingBytesOut = 0;
            }
        });
    }

    private AccountingRecord record(HotspotLogin login, int statusType, int cause) {
        long seconds = Math.round(login.sessionSeconds(clock.instant()) / settings.get().timeScale()); // NAS time
        return new AccountingRecord(statusType, login.userName, login.acctSessionId, login.mac, login.ip, login.classValue, seconds,
                login.bytesIn(), login.bytesOut(), cause);
    }
}
