// Server side of download.tsx: the API's answer passed through with the person's session.
import type { Route } from './+types/download';
import { proxyFile } from '../../lib/attachments.server';

export function loader({ request, params }: Route.LoaderArgs) {
  return proxyFile(request, params.sha256, false);
}
