// Bounds every argument obeys, whatever its field (http/text-guard.ts enforces them on each request;
// modules use them in their own messages).

/** The longest text any field takes (meeting minutes, decision text); fields' own limits are lower. */
export const MAX_TEXT = 20_000;
export const MAX_SEARCH = 100;
export const MAX_NAME = 200;
/** Dates outside these years are refused: Postgres' date type and month loops need a bound. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
