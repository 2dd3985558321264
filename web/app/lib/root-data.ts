import { useRouteLoaderData } from 'react-router';
import type { Locale } from '../i18n/locale';
import type { Role, UnitKind } from './roles';
import type { SiteTrustMode } from './site-trust-meta';

/** What the signed-in person may see about themselves in every page (no token). */
export interface ViewerSummary {
  username: string;
  displayName: string;
  role: Role;
  hasMember: boolean;
  /** The kind of the account's scope unit (a SECRETARY's level); null when it could not be read. */
  scopeKind?: UnitKind | null;
  /** The CommitteeTitle the account (or its member) holds on the scope unit's committee, if any. */
  position?: string | null;
}

/** The root loader's data, read by every page through useRootData(). */
export interface RootData {
  locale: Locale;
  /** CometBFT RPC the browser verifies against; may be relative (the /chain-rpc proxy). */
  rpcUrl: string;
  viewer: ViewerSummary | null;
  /**
   * Whether this site verifies from a root of trust (lib/site-trust.ts): the layout writes it into
   * a <meta>, so pages on a site without one never request /trust-root.json.
   */
  trust?: SiteTrustMode;
  /** How many of the signed-in person's inbox items are open (the navigation's count); null when unread. */
  inboxOpen?: number | null;
  /** How many notices addressed to the signed-in person they have not opened; null when unread. */
  unreadNotices?: number | null;
}

/** The root loader's data; undefined only when the root loader itself failed. */
export function useRootData(): RootData | undefined {
  return useRouteLoaderData('root') as RootData | undefined;
}
