// The one API client: adds the admin's bearer token, reads the {"error":{code,message}} shape into ApiError,
// and sends a 401 back to the login page. The API's address comes from public/config.js at runtime.
import type {
  AdminUserSummary, DashboardRange, Gateway, GatewaySetup, IssuedGateway, Json, LoginAnswer, NewGateway, PackageInput, Page,
  SessionSummary, TerminatedSession, TimePackage, Transaction, Voucher, VoucherBatch, VoucherOrder,
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
  constructor(readonly status: number, readonly code: string, message: string, readonly field?: string) {
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
  throw new ApiError(res.status, error?.code || 'HTTP_' + res.status, error?.message || `The API answered ${res.status}.`, error?.field);
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

  // Issue 8's routes that admin-function does not serve yet (template.yaml has none of them): no page calls these
  // until the routes land; their shapes follow DESIGN.md and are to be checked against AdminRoutes then.
  dashboard: (range: DashboardRange) => request<Json>('GET', `/api/admin/dashboard${q({ range })}`),
  adminPackages: (cursor?: string | null) => request<Page<TimePackage>>('GET', `/api/admin/packages${q({ cursor })}`),
  createPackage: (pkg: PackageInput) => request<TimePackage>('POST', '/api/admin/packages', pkg),
  updatePackage: (packageId: string, pkg: PackageInput) => request<TimePackage>('PUT', `/api/admin/packages/${id(packageId)}`, pkg),
  deactivatePackage: (packageId: string) => request<TimePackage>('POST', `/api/admin/packages/${id(packageId)}/deactivate`),
  users: (phone?: string, cursor?: string | null) => request<Page<AdminUserSummary>>('GET', `/api/admin/users${q({ phone, cursor })}`),
  user: (userId: string) => request<Json>('GET', `/api/admin/users/${id(userId)}`),
  sessions: (filter: { gatewayId?: string; phone?: string }, cursor?: string | null) =>
    request<Page<SessionSummary>>('GET', `/api/admin/sessions${q({ ...filter, cursor })}`),
  sessionDetail: (deviceKey: string) => request<Json>('GET', `/api/admin/sessions/${id(deviceKey)}`),
  transactions: (filter: { status?: string; from?: string; to?: string; phone?: string }, limit = 50, cursor?: string | null) =>
    request<Page<Transaction>>('GET', `/api/admin/transactions${q({ ...filter, limit, cursor })}`),
  transaction: (transactionId: string) => request<Json>('GET', `/api/admin/transactions/${id(transactionId)}`),
  queryTransaction: (transactionId: string) => request<Json>('POST', `/api/admin/transactions/${id(transactionId)}/query`),
  voidBatch: (batchId: string) => request<Json>('POST', `/api/admin/vouchers/batches/${id(batchId)}/void`),
  sendVouchers: (body: Json) => request<Json>('POST', '/api/admin/vouchers/send', body),
  updateGateway: (gatewayId: string, gateway: Partial<NewGateway>) => request<Gateway>('PUT', `/api/admin/gateways/${id(gatewayId)}`, gateway),
  settings: () => request<Json>('GET', '/api/admin/settings'),
  updateSettings: (settings: Json) => request<Json>('PUT', '/api/admin/settings', settings),
  events: (filter: { type?: 'audit' | 'anomaly'; from?: string; to?: string }, cursor?: string | null) =>
    request<Page<Json>>('GET', `/api/admin/events${q({ ...filter, cursor })}`),
};
