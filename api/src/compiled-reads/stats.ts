// How many GraphQL requests the compiled executor answered and how many it handed to Apollo, per
// server (keyed by its ApiConfig object): the equivalence test reads it to prove which path ran.
import type { ApiConfig } from '../shared/config.js';

export interface CompiledReadStats {
  /** Answered by a compiled statement. */
  served: number;
  /** Looked at and handed to Apollo (the switch on, the request not one it answers). */
  fellBack: number;
}

const byConfig = new WeakMap<ApiConfig, CompiledReadStats>();

export function statsFor(config: ApiConfig): CompiledReadStats {
  let s = byConfig.get(config);
  if (!s) byConfig.set(config, (s = { served: 0, fellBack: 0 }));
  return s;
}
