// Bounds on what a rule or a secretary may grant: large enough for any real rule, small enough
// that a typo (an extra zero or two) is refused rather than recorded forever in an append-only log.
export const MAX_RULE_POINTS = 100;
export const MAX_DAILY_CAP = 1000;
export const MAX_GRANT_POINTS = 1000;
export const MAX_REASON_LENGTH = 200;
export const MAX_RULE_NAME_LENGTH = 60;
export const MAX_RULE_DESCRIPTION_LENGTH = 500;
/** Upper-case letters, digits and underscores, starting with a letter: how codes appear in code. */
export const RULE_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
export const MAX_RANKING_SIZE = 100;
