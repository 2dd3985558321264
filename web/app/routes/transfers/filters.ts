// The transfer list's filters, in the order the page offers them (typed by the API's enums; ANY: both directions).
import type { TransferDirection, TransferStatus } from '../../graphql/graphql';

export const STATUSES = ['ISSUED', 'RECEIVED', 'EXPIRED', 'CANCELLED'] as const satisfies readonly TransferStatus[];
export const DIRECTIONS = ['ANY', 'OUTGOING', 'INCOMING'] as const satisfies readonly TransferDirection[];
/** The views of the list: a direction, or the letters between committees waiting on a common level in our subtree. */
export const VIEWS = [...DIRECTIONS, 'ENDORSE'] as const;
export type View = (typeof VIEWS)[number];
