import type { Locale } from '../i18n/locale';
import type { Role } from './roles';

/** What the signed-in person may see about themselves in every page (no token). */
export interface ViewerSummary {
  username: string;
  displayName: string;
  role: Role;
  hasMember: boolean;
}

/** The root loader's data, read by every page through useRootData(). */
export interface RootData {
  locale: Locale;
  /** CometBFT RPC the browser verifies against; may be relative (the /chain-rpc proxy). */
  rpcUrl: string;
  viewer: ViewerSummary | null;
}
