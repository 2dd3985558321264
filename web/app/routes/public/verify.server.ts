// Server side of verify.tsx: the root of trust this site verifies from (given at deploy time), so
// the page can say whose root it uses before any check runs, and start the checks without a
// second request.
import { siteTrust } from '../../lib/site-trust.server';
import type { SiteTrust } from '../../lib/site-trust';
import type { Route } from './+types/verify';
import { checkLetterCode, type LetterLookup } from '../transfers/letter-check.server';
import { pageUrl } from '../../lib/session.server';

export async function loader({ request }: Route.LoaderArgs): Promise<{ trust: SiteTrust; letter: LetterLookup | null }> {
  // A transfer letter's verification code (typed in, or from its QR code: /verify?code=…).
  return { trust: siteTrust(), letter: await checkLetterCode(request, pageUrl(request).searchParams.get('code')) };
}
