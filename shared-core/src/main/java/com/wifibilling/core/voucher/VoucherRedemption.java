package com.wifibilling.core.voucher;

import com.wifibilling.core.Languages;
import com.wifibilling.core.gateway.GatewayContext;
import com.wifibilling.core.gateway.GatewayStore;
import com.wifibilling.core.gateway.LoginBuilder;
import com.wifibilling.core.guard.AttemptLimit;
import com.wifibilling.core.guard.AttemptLimiter;
import com.wifibilling.core.http.ApiException;
import com.wifibilling.core.metrics.Metrics;
import com.wifibilling.core.pkg.PackageStore;
import com.wifibilling.core.session.DeviceKey;
import com.wifibilling.core.session.Grant;
import com.wifibilling.core.session.GrantClaim;
import com.wifibilling.core.session.GrantKind;
import com.wifibilling.core.session.GrantResult;
import com.wifibilling.core.session.GrantService;
import com.wifibilling.core.session.GrantedPackage;
import com.wifibilling.core.session.Session;
import com.wifibilling.core.session.SessionView;
import com.wifibilling.core.session.TimeMoves;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/auth/voucher} (DESIGN §4, §6): a code entered on a device. The check character is verified
 * before any read of the Vouchers table (a typo is 400 {@code INVALID_CODE}); an unused voucher is granted through
 * {@link GrantService} with the voucher as its source, so of many devices racing for one code exactly one gets
 * it. A used voucher — or a purchase's access code — answers the session holding its time when asked from that
 * device, and from another device only with {@code move: true}, which moves the remaining time there
 * ({@link TimeMoves}). Every failed code counts against the device (gateway + MAC), typos included: five in 15
 * minutes lock it out ({@link AttemptLimit#VOUCHER_DEVICE}); a hotspot's shared public IP is never the key.
 */
public final class VoucherRedemption {
    private static final Logger log = LoggerFactory.getLogger(VoucherRedemption.class);

    private final VoucherStore vouchers;
    private final PackageStore packages;
    private final GatewayStore gateways;
    private final GrantService grants;
    private final TimeMoves moves;
    private final AttemptLimiter limiter;
    private final LoginBuilder logins;
    private final String defaultGatewayId;
    private final Metrics metrics;
    private final Clock clock;

    public VoucherRedemption(VoucherStore vouchers, PackageStore packages, GatewayStore gateways, GrantService grants,
                             TimeMoves moves, AttemptLimiter limiter, LoginBuilder logins, String defaultGatewayId,
                             Metrics metrics, Clock clock) {
        this.vouchers = vouchers;
        this.packages = packages;
        this.gateways = gateways;
        this.grants = grants;
        this.moves = moves;
        this.limiter = limiter;
        this.logins = logins;
        this.defaultGatewayId = defaultGatewayId;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Returns the session and login for the asking device. 400 for bad fields ({@code INVALID_CODE} for a failed
     * check character); 429 {@code RATE_LIMITED} while the device is locked out; 404 {@code CODE_NOT_FOUND}; 410
     * {@code VOUCHER_EXPIRED}/{@code VOUCHER_VOID}; 409 {@code VOUCHER_ALREADY_USED} when another device holds its
     * time and {@code move} is not true; 404 {@code NO_ACTIVE_SESSION} when its time has run out; 429
     * {@code MOVE_LIMIT_REACHED} after three moves in 24 h.
     */
    public RedeemAnswer redeem(RedeemRequest request) {
        if (request == null) throw ApiException.badRequest("INVALID_JSON", "The request body must be a JSON object");
        GatewayContext context = GatewayContext.of(request.gateway(), defaultGatewayId, gateways);
        String lang = Languages.requested(request.lang());
        DeviceKey device = new DeviceKey(context.gateway().gatewayId(), context.mac());
        limiter.check(AttemptLimit.VOUCHER_DEVICE.kind(), device.value());
        String code;
        try {
            code = AccessCode.parse(request.code()).value(); // before any read: a typo never reaches the table
        } catch (ApiException typo) {
            throw failed(device, typo, "invalid-code");
        }
        Voucher voucher = vouchers.find(code).orElseThrow(() ->
                failed(device, ApiException.notFound("CODE_NOT_FOUND", "No voucher has this code"), "not-found"));
        if (voucher.kind() == VoucherKind.VOUCHER && voucher.status() != VoucherStatus.USED) {
            Optional<Session> granted = grantUnused(voucher, device, lang);
            if (granted.isPresent()) return answer(granted.get(), context, false);
            voucher = vouchers.find(code).orElseThrow(); // another device won the race: its time now
        } else if (voucher.kind() == VoucherKind.VOUCHER && voucher.deviceKey().equals(device)) {
            grantUnused(voucher, device, lang); // a retry, or a crash after the claim: finishes what is missing
        }
        return fromHolder(voucher, device, context, lang, Boolean.TRUE.equals(request.move()));
    }

    /** Returns the session when this device's claim took the voucher (or it already had it); empty when another won. */
    private Optional<Session> grantUnused(Voucher voucher, DeviceKey device, String lang) {
        var source = new VoucherGrantSource(vouchers, voucher.code(), device, clock);
        GrantedPackage bought = packages.find(voucher.packageId()).map(GrantedPackage::of).orElseThrow(() ->
                new IllegalStateException("Voucher package " + voucher.packageId() + " no longer exists"));
        var grant = new Grant(voucher.code(), GrantKind.VOUCHER, device, voucher.grantSeconds(), bought, null, lang, voucher.code(), null);
        GrantResult result;
        try {
            result = grants.grant(grant, source);
        } catch (ApiException goneOrMissing) {
            throw failed(device, goneOrMissing, goneOrMissing.code().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        if (result.claim() == GrantClaim.CLAIMED) {
            metrics.count("VouchersRedeemed");
            log.atInfo().addKeyValue("voucher", voucher.toString()).addKeyValue("deviceKey", device.value()).log("voucher.redeemed");
        }
        return result.claim() == GrantClaim.REFUSED ? Optional.empty() : result.granted();
    }

    /** A used code: the session that holds its time answers here, or moves here when asked. */
    private RedeemAnswer fromHolder(Voucher voucher, DeviceKey device, GatewayContext context, String lang, boolean move) {
        String code = voucher.code();
        Predicate<Session> holdsIt = voucher.kind() == VoucherKind.VOUCHER
                ? s -> s.appliedGrants().containsKey(code) : s -> s.accessCode().equals(code);
        Optional<Session> found = moves.holder(voucher.deviceKey(), holdsIt, lang);
        if (found.isEmpty()) {
            // Claimed by another device a moment ago, its session not written yet: that device has it, not nobody.
            boolean justTaken = !voucher.deviceKey().equals(device) && voucher.usedAt() != null
                    && voucher.usedAt().plusSeconds(voucher.grantSeconds()).isAfter(clock.instant());
            throw justTaken ? alreadyUsed() : ApiException.notFound("NO_ACTIVE_SESSION", "The time of this code has run out");
        }
        Session holder = found.get();
        if (holder.deviceKey().equals(device)) return answer(holder, context, false);
        if (!move) throw alreadyUsed();
        return answer(moves.move(holder, device, code, lang), context, true);
    }

    private ApiException alreadyUsed() {
        metrics.count("VoucherRedeemFailed", "reason", "already-used");
        return ApiException.conflict("VOUCHER_ALREADY_USED",
                "This code's time is on another device. Ask again with move: true to move it to this device");
    }

    private RedeemAnswer answer(Session session, GatewayContext context, boolean moved) {
        return new RedeemAnswer(SessionView.of(session), logins.build(session, context), moved);
    }

    /** Counts a failed code against the device and returns the error to throw. */
    private ApiException failed(DeviceKey device, ApiException error, String reason) {
        metrics.count("VoucherRedeemFailed", "reason", reason);
        limiter.recordFailure(AttemptLimit.VOUCHER_DEVICE.kind(), device.value());
        return error;
    }
}
