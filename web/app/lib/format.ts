// Dates as the organisation reads them: China time (UTC+8, no daylight saving), formatted by hand
// so that the server's and the browser's rendering are identical (no hydration mismatch).
const CHINA_OFFSET_MS = 8 * 3600_000;

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const d = new Date(ms + CHINA_OFFSET_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

export function formatNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Today's date in China (YYYY-MM-DD), the calendar the procedure's dates follow. */
export function chinaToday(now: number = Date.now()): string {
  return new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
