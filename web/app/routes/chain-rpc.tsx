// POST /chain-rpc: the read-only chain RPC proxy (lib/chain-proxy.server.ts).
import type { Route } from './+types/chain-rpc';
import { proxy } from '../lib/chain-proxy.server';

export function action({ request }: Route.ActionArgs) {
  return proxy(request);
}

export function loader({ request }: Route.LoaderArgs) {
  return proxy(request);
}
