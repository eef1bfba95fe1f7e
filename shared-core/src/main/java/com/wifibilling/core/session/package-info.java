/**
 * Device entitlements (DESIGN §4 Sessions and Logins, contracts/gateways.md §1): {@link com.wifibilling.core.session.DeviceKey}
 * ({@code gatewayId#MAC}), the {@link com.wifibilling.core.session.Session} a device holds, and the ports that store
 * them. A session is written only over the version that was read, and a grant only when it is not yet in
 * {@code appliedGrants}: the apply step of the grant (DESIGN §4, step 2), where two grants racing for one device
 * end as one session with both durations.
 */
package com.wifibilling.core.session;
