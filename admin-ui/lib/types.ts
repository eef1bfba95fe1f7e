// Response types of the admin API, with DESIGN.md's field names (admin-function AdminRoutes is the source).

export interface Page<T> { items: T[]; nextCursor: string | null }

export interface LoginAnswer { token: string; expiresAt: string; roles: string[] }

export type GatewayType = 'mikrotik' | 'pfsense' | 'unifi' | 'generic-radius';

export interface Gateway {
  gatewayId: string; name: string; status: string; type: GatewayType; controlMode: string;
  radiusClientAddress: string | null; coaAddress: string | null; coaPort: number; coaSupported: boolean;
  loginUrlHosts: string[] | null; defaultLoginUrl: string | null; acctInterimSeconds: number;
  lastSeenAt?: string | null; createdAt?: string | null;
}

export interface GatewaySetup { gatewayId: string; type: GatewayType; script: string; loginHtml: string | null }

/** What create and rotate answer: the only time the API key and RADIUS secret are shown. */
export interface IssuedGateway {
  gateway: Gateway; apiKey: string | null; radiusSecret: string | null; radiusSecretRef: string | null;
  setup: GatewaySetup; note: string;
}

export interface NewGateway {
  gatewayId: string; name: string; type: GatewayType; radiusClientAddress?: string; loginUrlHosts?: string[];
}

export interface VoucherOrder { packageId: string; count: number; prefix?: string; length?: number; validDays?: number }

export interface VoucherBatch {
  batchId: string; packageId: string; count: number; prefix: string | null; length: number; validDays: number | null;
  status: 'running' | 'done' | 'failed'; created: number; createdBy: string; createdAt: string; completedAt: string | null;
}

export interface Voucher {
  code: string; batchId: string; packageId: string; grantSeconds: number; status: 'unused' | 'used' | 'void';
  validUntil: string | null; usedAt: string | null; deviceKey: string | null; createdAt: string;
}

export interface TimePackage { packageId: string; name: string; description?: string; durationMinutes: number; priceKES: number }

export interface TerminatedSession { deviceKey: string; status: string; endedAt: string }

// Routes of issue 8 that admin-function does not serve yet: field names from DESIGN.md §4; check them against
// AdminRoutes when the routes land (no page uses them until then).

export interface PackageInput {
  packageId?: string; name: string; description?: string; durationMinutes: number; bandwidthMbps: number; uploadMbps?: number;
  priceKES: number; active?: boolean; sortOrder?: number;
}

export interface Transaction {
  transactionId: string; phone: string; packageId: string; amount: number; deviceKey: string | null; status: string;
  resultCode: string | null; receipt: string | null; source: string; lang: string; createdAt: string; completedAt: string | null;
}

export interface SessionSummary {
  deviceKey: string; sessionId: string; phone?: string | null; packageId: string; status: 'active' | 'ended' | 'moved';
  startedAt: string; expiresAt: string; lastCommand?: unknown;
}

export interface AdminUserSummary { userId: string; phone?: string | null; email?: string | null; status: string; createdAt: string; lastSeenAt?: string | null }

export type DashboardRange = 'today' | '7d' | '30d';
export type Json = Record<string, unknown>;
