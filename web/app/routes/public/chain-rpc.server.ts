// Server side of chain-rpc.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/chain-rpc';
import { proxy } from '../../lib/chain-proxy.server';

export function action({ request }: Route.ActionArgs) {
  return proxy(request);
}

export function loader({ request }: Route.LoaderArgs) {
  return proxy(request);
}
