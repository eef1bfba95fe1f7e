/**
 * Device entitlements (DESIGN §4 Sessions and Logins, contracts/gateways.md §1): {@link com.wifibilling.core.session.DeviceKey}
 * ({@code gatewayId#MAC}), the {@link com.wifibilling.core.session.Session} a device holds, and the ports that store
 * them. A session is written only over the version that was read, and a grant only when it is not yet in
 * {@code appliedGrants}: the apply step of the grant (DESIGN §4, step 2), where two grants racing for one device
 * end as one session with both durations.
 *
 * <p>The grant itself lives here too: {@link com.wifibilling.core.session.GrantService} runs claim → apply → publish →
 * confirm for every way of buying time. Its ports are {@link com.wifibilling.core.session.GrantSource} (claim and
 * confirm one source item; implemented by the payment package now, vouchers and moves later),
 * {@link com.wifibilling.core.session.AccessCodeMint} (a new session's purchase code; implemented by the voucher
 * package, which owns the code format) and {@link com.wifibilling.core.session.GrantPublisher} (the
 * {@link com.wifibilling.core.session.GatewayCommand} and {@link com.wifibilling.core.session.SmsReceipt} messages;
 * implemented on SQS in {@code store}). Those packages depend on this one, never the other way round.
 */
package com.wifibilling.core.session;
