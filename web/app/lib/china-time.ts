// Form values in China time (UTC+8): meetings and votes both take their times from `datetime-local` inputs.
const CHINA_OFFSET_MS = 8 * 3600_000;

/** A `datetime-local` value read as China time (UTC+8), as an ISO instant; null when malformed. */
export function chinaLocalToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}:00+08:00`);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** An instant as a `datetime-local` value in China time. */
export function isoToChinaLocal(iso: string | number): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16);
}
