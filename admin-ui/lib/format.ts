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
