// Response types of the admin API, read from the records admin-function serializes (AdminRoutes, PackageRoutes,
// TransactionRoutes, SessionRoutes, UserRoutes, EventRoutes and the shared-core services behind them). The API's
// JSON mapper leaves nulls out, so every field that can be null is optional here too. Enums are lower case with
// dashes (WireName), times ISO-8601 UTC, days East Africa Time dates (YYYY-MM-DD), money whole shillings.

export interface Page<T> { items: T[]; nextCursor: string | null }

export interface LoginAnswer { token: string; expiresAt: string; roles: string[] }

export type GatewayType = 'mikrotik' | 'pfsense' | 'unifi' | 'generic-radius';
export type GatewayStatus = 'active' | 'disabled';

/** AdminRoutes.GatewayView. */
export interface Gateway {
  gatewayId: string; name: string; status: GatewayStatus; type: GatewayType; controlMode: 'push' | 'poll';
  radiusClientAddress?: string | null; coaAddress?: string | null; coaPort: number; coaSupported: boolean;
  loginUrlHosts?: string[] | null; defaultLoginUrl?: string | null; idleTimeoutSeconds?: number | null; acctInterimSeconds: number;
  lastSeenAt?: string | null; createdAt?: string | null; version: number;
}

export interface GatewaySetup { gatewayId: string; type: GatewayType; script: string; loginHtml?: string | null }

/** What create and rotate answer: the only time the API key and RADIUS secret are shown. */
export interface IssuedGateway {
  gateway: Gateway; apiKey?: string | null; radiusSecret?: string | null; radiusSecretRef?: string | null;
  setup: GatewaySetup; note: string;
}

export interface NewGateway {
  gatewayId: string; name: string; type: GatewayType; radiusClientAddress?: string; loginUrlHosts?: string[];
}

/**
 * The body of PUT /api/admin/gateways/{gatewayId} (GatewayEdit): any subset, an absent or null field keeps its value
 * ("" clears defaultLoginUrl, 0 switches the idle timeout off); `version` makes a stale edit a 409 STALE_GATEWAY.
 */
export interface GatewayUpdate {
  version?: number; name?: string; status?: GatewayStatus; loginUrlHosts?: string[]; defaultLoginUrl?: string;
  radiusClientAddress?: string; coaAddress?: string; coaPort?: number; coaSupported?: boolean; idleTimeoutSeconds?: number;
  acctInterimSeconds?: number;
}

export interface VoucherOrder { packageId: string; count: number; prefix?: string; length?: number; validDays?: number }

export interface VoucherBatch {
  batchId: string; packageId: string; count: number; prefix?: string | null; length: number; validDays?: number | null;
  status: 'running' | 'done' | 'failed'; created: number; createdBy: string; createdAt: string; completedAt?: string | null;
}

export interface Voucher {
  code: string; batchId: string; packageId: string; grantSeconds: number; status: 'unused' | 'used' | 'void';
  validUntil?: string | null; usedAt?: string | null; deviceKey?: string | null; createdAt: string;
}

/** BatchVoiding.Progress: one call voids at most 500 codes; repeat with nextCursor until it is null. */
export interface VoidProgress { batchId: string; voided: number; unchanged: number; nextCursor: string | null }

/** What POST /api/admin/vouchers/send answers (202): which code went to which phone. */
export interface SentVouchers { batchId: string; items: { phone: string; code: string }[] }

/** A package as the portal lists it (GET /api/payment/packages, PublicPackage). */
export interface TimePackage {
  packageId: string; name: string; description?: string; durationMinutes: number; bandwidthMbps?: number; uploadMbps?: number; priceKES: number;
}

/** A package as the admin lists it (PackageVersion): active or not, with the version an update must send back. */
export interface AdminPackage {
  packageId: string; name: string; description: string; durationMinutes: number; bandwidthMbps: number; uploadMbps: number;
  priceKES: number; active: boolean; sortOrder: number; version: string;
}

/** The body of POST /api/admin/packages (packageId required) and PUT …/{packageId} (version required). */
export interface PackageInput {
  packageId?: string; name: string; description?: string; durationMinutes: number; bandwidthMbps: number; uploadMbps?: number;
  priceKES: number; sortOrder?: number; active?: boolean; version?: string;
}

export interface TerminatedSession { deviceKey: string; status: string; endedAt: string }

export type TransactionStatus = 'pending' | 'completed' | 'cancelled' | 'expired' | 'failed';
export type PaymentSource = 'push' | 'callback' | 'inline-poll' | 'manual-query' | 'sweeper' | 'claim';

/** TransactionRoutes.TransactionView. */
export interface Transaction {
  transactionId: string; day: string; phone: string; packageId: string; amountKES: number; grantSeconds: number; deviceKey: string;
  status: TransactionStatus; resultCode?: string | null; resultDesc?: string | null; receipt?: string | null; source?: PaymentSource | null;
  checkoutRequestId?: string | null; merchantRequestId?: string | null; lang?: string | null; createdAt: string;
  completedAt?: string | null; claimedAt?: string | null; grantConfirmed: boolean; accountReference?: string | null;
  /** A late success: closed first (previousStatus), then paid. */
  late?: boolean | null; previousStatus?: TransactionStatus | null;
  /** Detail only: the events about this purchase, oldest first. */
  history?: AuditEvent[] | null;
}

export interface TransactionFilter { status?: string; from?: string; to?: string; phone?: string }

/** What POST /api/admin/transactions/{id}/query answers. */
export interface TransactionQuery { transaction: Transaction; asked: boolean; message: string }

/** SessionRoutes.Usage: the gateway's accounting (bytesIn is what the device uploaded). */
export interface SessionUsage {
  framedIp?: string | null; nasIp?: string | null; nasIdentifier?: string | null; acctStartedAt?: string | null;
  lastAcctAt?: string | null; bytesIn: number; bytesOut: number;
}

/** The last gateway command for the session and how it ended (session.LastCommand). */
export interface LastCommand { commandId: string; type: string; reason?: string | null; result?: string | null; errorCause?: string | null; at: string }

/** SessionRoutes.SessionAdminView. */
export interface AdminSession {
  deviceKey: string; gatewayId: string; mac: string; sessionId: string; phone?: string | null; packageId: string;
  packageName?: string | null; downloadMbps: number; uploadMbps: number; startedAt: string; expiresAt: string; remainingSeconds: number;
  status: 'active' | 'ended' | 'moved'; endedAt?: string | null; endReason?: string | null;
  gatewayState?: 'awaiting-login' | 'online' | 'offline' | 'authorized' | 'failed' | null; loggedOutAt?: string | null;
  usage?: SessionUsage | null; lastCommand?: LastCommand | null;
}

/** UserRoutes.UserView. */
export interface AdminUser {
  userId: string; kind: 'portal' | 'admin'; phone?: string | null; email?: string | null; roles: string[]; status: 'active' | 'disabled';
  createdAt: string; lastSeenAt?: string | null;
}

/** UserRoutes.DetailView: a user with the first page of their sessions and purchases. */
export interface UserDetail { user: AdminUser; sessions: Page<AdminSession>; transactions: Page<Transaction> }

/** event.AuditEvent: admin actions are admin.*, anything else is an anomaly the system flagged. */
export interface AuditEvent {
  at: string; id: string; type: string; actor?: string | null; subject?: string | null; reason?: string | null; details: Record<string, string>;
}

export type DashboardRange = 'today' | '7d' | '30d';

/** dashboard.Dashboard.View and its parts; rates are 0..1 of the payments that ended, absent when none did. */
export interface DashboardPayments {
  initiated: number; pending: number; completed: number; cancelled: number; expired: number; failed: number; successRate?: number | null; cancelRate?: number | null;
  expiryRate?: number | null;
}
/** The hourly audit's money in (paid) against time granted for one day; paidNotGranted should be 0. */
export interface RevenueAudit {
  paid: number; paidKES: number; granted: number; grantedKES: number; grantedSeconds: number; paidNotGranted: number; auditedAt: string;
}
export interface DashboardDay {
  day: string; revenueKES: number; paymentsCompleted: number; paymentsCancelled: number; paymentsExpired: number; paymentsFailed: number;
  vouchersRedeemed: number; revenueAudit?: RevenueAudit | null;
}
export interface DashboardShare { id: string; revenueKES: number; paymentsCompleted: number; sessionsStarted: number; activeSessions?: number | null }
export interface Dashboard {
  range: DashboardRange; from: string; to: string; revenueKES: number; averageKES?: number | null; payments: DashboardPayments;
  vouchersSold: number; vouchersGenerated: number; sessionsStarted: number; activeSessions: number; days: DashboardDay[];
  byPackage: DashboardShare[]; byGateway: DashboardShare[]; notes: string[];
}

/** GET/PUT /api/admin/settings (docs/API.md): updatedBy is the saving admin's userId. */
export interface Branding { portalName: string; primaryColor: string; accentColor: string; supportPhone?: string | null }
export interface Notifications { smsReceipts: boolean; voucherSms: boolean }
export interface Settings {
  environment: {
    darajaEnvironment: string; darajaShortcode: string; darajaTransactionType: string; callbackUrl: string; portalBaseUrl: string;
    radiusServerAddress?: string | null; radiusApiToken: 'configured' | 'missing'; smsSender?: string | null;
  };
  branding: Branding; notifications: Notifications; version: number; updatedAt?: string | null; updatedBy?: string | null;
}
export interface SettingsUpdate { version: number; branding?: Partial<Branding>; notifications?: Partial<Notifications> }
