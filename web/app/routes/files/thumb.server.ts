// Server side of thumb.tsx: the API's answer passed through with the person's session.
import type { Route } from './+types/thumb';
import { proxyFile } from '../../lib/attachments.server';

export function loader({ request, params }: Route.LoaderArgs) {
  return proxyFile(request, params.sha256, true);
}
