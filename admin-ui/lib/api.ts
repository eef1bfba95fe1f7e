// The one API client: adds the admin's bearer token, reads the {"error":{code,message}} shape into ApiError,
// and sends a 401 back to the login page. The API's address comes from public/config.js at runtime.
import type {
  AdminPackage, AdminSession, AdminUser, AuditEvent, Dashboard, DashboardRange, Gateway, GatewaySetup, GatewayUpdate, IssuedGateway,
  LoginAnswer, NewGateway, PackageInput, Page, SentVouchers, Settings, SettingsUpdate, TerminatedSession, TimePackage, Transaction,
  TransactionFilter, TransactionQuery, UserDetail, VoidProgress, Voucher, VoucherBatch, VoucherOrder,
} from './types';

export const BASE_PATH = '/admin';
const TOKEN_KEY = 'wifibilling.admin.token';

interface RuntimeConfig { apiBase?: string; portalUrl?: string }
declare global { interface Window { WIFI_ADMIN_CONFIG?: RuntimeConfig } }

function config(): RuntimeConfig {
  return (typeof window !== 'undefined' && window.WIFI_ADMIN_CONFIG) || {};
}

/** Returns the API origin from config.js, or '' (same origin). */
export function apiBase(): string {
  return (config().apiBase || '').replace(/\/$/, '');
}

/** Returns the captive portal's address, for the voucher QR codes: config.js, or this origin's /portal/. */
export function portalUrl(): string {
  const configured = config().portalUrl;
  if (configured) return configured;
  return typeof window === 'undefined' ? '/portal/' : `${window.location.origin}/portal/`;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly field?: string,
              readonly retryAfterSeconds?: number) {
    super(message);
  }
}

export const session = {
  token: (): string | null => (typeof window === 'undefined' ? null : window.sessionStorage.getItem(TOKEN_KEY)),
  save: (token: string) => window.sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => window.sessionStorage.removeItem(TOKEN_KEY),
};

/** Sends the browser to the login page, remembering where it was. */
export function toLogin(): void {
  session.clear();
  const here = window.location.pathname + window.location.search;
  const next = here.startsWith(`${BASE_PATH}/login`) ? '' : `?next=${encodeURIComponent(here)}`;
  window.location.assign(`${BASE_PATH}/login/${next}`);
}

async function request<T>(method: string, path: string, body?: unknown, { auth = true } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = session.token();
  if (auth && token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(apiBase() + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The API cannot be reached. Check the connection and try again.');
  }
  const text = await res.text();
  let data: unknown = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (res.ok) return data as T;
  const error = (data as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
  if (res.status === 401 && auth) toLogin();
  const retryAfter = Number(res.headers.get('Retry-After')) || undefined;
  throw new ApiError(res.status, error?.code || 'HTTP_' + res.status, error?.message || `The API answered ${res.status}.`, error?.field,
    retryAfter);
}

const q = (params: Record<string, string | number | undefined | null>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
};
const id = encodeURIComponent;

export const api = {
  login: (email: string, password: string) =>
    request<LoginAnswer>('POST', '/api/auth/login', { email, password }, { auth: false }),

  packages: () => request<Page<TimePackage>>('GET', '/api/payment/packages', undefined, { auth: false }),

  gateways: () => request<Page<Gateway>>('GET', '/api/admin/gateways'),
  addGateway: (gateway: NewGateway) => request<IssuedGateway>('POST', '/api/admin/gateways', gateway),
  rotateGateway: (gatewayId: string) => request<IssuedGateway>('POST', `/api/admin/gateways/${id(gatewayId)}/rotate`),
  gatewaySetup: (gatewayId: string) => request<GatewaySetup>('GET', `/api/admin/gateways/${id(gatewayId)}/setup`),

  generateVouchers: (order: VoucherOrder) => request<VoucherBatch>('POST', '/api/admin/vouchers/generate', order),
  voucherBatch: (batchId: string) => request<VoucherBatch>('GET', `/api/admin/vouchers/batches/${id(batchId)}`),
  vouchers: (filter: { batchId?: string; status?: string }, limit = 50, cursor?: string | null) =>
    request<Page<Voucher>>('GET', `/api/admin/vouchers${q({ ...filter, limit, cursor })}`),
  /** Every voucher of a batch, page after page (for the print sheet). */
  async allVouchers(batchId: string): Promise<Voucher[]> {
    const all: Voucher[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Voucher> = await api.vouchers({ batchId }, 100, cursor);
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  },

  terminateSession: (deviceKey: string, reason?: string) =>
    request<TerminatedSession>('POST', `/api/admin/sessions/${id(deviceKey)}/terminate`, reason ? { reason } : undefined),

  dashboard: (range: DashboardRange) => request<Dashboard>('GET', `/api/admin/dashboard${q({ range })}`),

  adminPackages: () => request<Page<AdminPackage>>('GET', '/api/admin/packages'),
  createPackage: (pkg: PackageInput) => request<AdminPackage>('POST', '/api/admin/packages', pkg),
  updatePackage: (packageId: string, pkg: PackageInput) => request<AdminPackage>('PUT', `/api/admin/packages/${id(packageId)}`, pkg),
  deactivatePackage: (packageId: string) => request<AdminPackage>('POST', `/api/admin/packages/${id(packageId)}/deactivate`),

  transactions: (filter: TransactionFilter, limit = 50, cursor?: string | null) =>
    request<Page<Transaction>>('GET', `/api/admin/transactions${q({ ...filter, limit, cursor })}`),
  transaction: (transactionId: string) => request<Transaction>('GET', `/api/admin/transactions/${id(transactionId)}`),
  /** Asks M-Pesa now about a purchase; 429 with Retry-After within 10 s of the last ask. */
  queryTransaction: (transactionId: string) => request<TransactionQuery>('POST', `/api/admin/transactions/${id(transactionId)}/query`),

  users: (filter: { phone?: string; kind?: 'portal' | 'admin' }, cursor?: string | null) =>
    request<Page<AdminUser>>('GET', `/api/admin/users${q({ ...filter, cursor })}`),
  user: (userId: string) => request<UserDetail>('GET', `/api/admin/users/${id(userId)}`),

  /** A gateway's sessions (latest expiry first) or a phone's (most recent first): one of the two is required. */
  sessions: (filter: { gatewayId?: string; phone?: string }, cursor?: string | null) =>
    request<Page<AdminSession>>('GET', `/api/admin/sessions${q({ ...filter, cursor })}`),
  session: (deviceKey: string) => request<AdminSession>('GET', `/api/admin/sessions/${id(deviceKey)}`),

  /** Voids up to 500 unused codes of the batch per call; call again with nextCursor until it is null. */
  voidBatch: (batchId: string, cursor?: string | null) =>
    request<VoidProgress>('POST', `/api/admin/vouchers/batches/${id(batchId)}/void`, cursor ? { cursor } : undefined),
  sendVouchers: (batchId: string, phones: string[], lang?: 'en' | 'sw') =>
    request<SentVouchers>('POST', '/api/admin/vouchers/send', { batchId, phones, lang }),
  updateGateway: (gatewayId: string, gateway: GatewayUpdate) => request<Gateway>('PUT', `/api/admin/gateways/${id(gatewayId)}`, gateway),

  settings: () => request<Settings>('GET', '/api/admin/settings'),
  updateSettings: (settings: SettingsUpdate) => request<Settings>('PUT', '/api/admin/settings', settings),

  /** The audit log: type audit (admin.*) or anomaly (everything else), or both; day range default the last 7 days. */
  events: (filter: { type?: 'audit' | 'anomaly'; from?: string; to?: string }, cursor?: string | null) =>
    request<Page<AuditEvent>>('GET', `/api/admin/events${q({ ...filter, cursor })}`),
};
