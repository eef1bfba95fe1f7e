// Business days are East Africa Time dates (UTC+3 all year, DESIGN §3): what the API's from/to filters take.

const EAT_MS = 3 * 3600 * 1000;

/** Returns today's business day as YYYY-MM-DD, or the one `back` days before it. */
export function businessDay(back = 0, now = Date.now()): string {
  return new Date(now + EAT_MS - back * 86400_000).toISOString().slice(0, 10);
}
