// Small display helpers shared by the pages.

/** Returns how the gateway's last contact reads, and whether that is healthy (heard from within 15 minutes). */
export function health(lastSeenAt: string | null | undefined, now = Date.now()): { label: string; ok: boolean } {
  if (!lastSeenAt) return { label: 'Never seen', ok: false };
  const minutes = Math.round((now - Date.parse(lastSeenAt)) / 60000);
  const ago = minutes < 1 ? 'just now' : minutes < 120 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
  return { label: `Seen ${ago}`, ok: minutes <= 15 };
}

/** Returns a duration in seconds as '1 h', '30 min', '1 d 2 h'. */
export function duration(seconds: number): string {
  const d = Math.floor(seconds / 86400), h = Math.floor((seconds % 86400) / 3600), m = Math.round((seconds % 3600) / 60);
  return [d ? `${d} d` : '', h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || `${seconds} s`;
}

/** Returns an ISO time as a short local date and time, or a dash. */
export function when(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString('en-KE', { dateStyle: 'medium', timeStyle: 'short' }) : '–';
}

/** Returns whole shillings as 'KES 1,234'. */
export function kes(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? '–' : `KES ${amount.toLocaleString('en-KE')}`;
}

/** Returns a 0..1 rate as '87.5%', or a dash when there is none. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '–' : `${(rate * 100).toLocaleString('en-KE', { maximumFractionDigits: 1 })}%`;
}

/** Returns a byte count as '1.2 MB'. */
export function bytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '–';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n, i = 0;
  while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
  return `${v.toLocaleString('en-KE', { maximumFractionDigits: i ? 1 : 0 })} ${units[i]}`;
}
