// Server side of verify.tsx: the root of trust this site verifies from (given at deploy time), so
// the page can say whose root it uses before any check runs, and start the checks without a
// second request.
import { siteTrust } from '../../lib/site-trust.server';
import type { SiteTrust } from '../../lib/site-trust';

export function loader(): { trust: SiteTrust } {
  return { trust: siteTrust() };
}
