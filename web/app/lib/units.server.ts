// The units a page offers in a picker: the viewer's subtree three levels down, each with its depth
// below the topmost one so that a flat <select> can indent them as a tree.
import type { AccountContext } from './auth.server';
import { graphql } from '../graphql';

export interface UnitOption {
  id: string;
  name: string;
  level: number;
  kind: string;
  depth: number;
}

const UNITS = graphql(`query Units { orgUnits(first: 100, maxDepth: 3) { edges { node { id name level kind } } } }`);

export async function unitOptions(ctx: AccountContext): Promise<UnitOption[]> {
  const r = await ctx.query(UNITS);
  return withDepth(r.orgUnits.edges.map((e) => e.node));
}

/** Each unit's depth below the topmost of them. */
export function withDepth<T extends { level: number }>(units: T[]): Array<T & { depth: number }> {
  const minLevel = Math.min(...units.map((u) => u.level));
  return units.map((u) => ({ ...u, depth: u.level - minLevel }));
}
