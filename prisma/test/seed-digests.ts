// Reading seeded databases back in the seed tests: a model's table, a short-lived connection,
// and one digest per table to compare two databases row for row.
import { withClient } from '../../test/pg-client.js';
import { dmmf } from '../src/dmmf.js';

export const tableOf = (model: string) => {
  const m = dmmf.datamodel.models.find((x) => x.name === model)!;
  return m.dbName ?? m.name;
};

export { withClient };

/**
 * Row count and digest of every table but those `skip` names; xid (the cluster's transaction id)
 * is left out of each row.
 */
export function tableDigests(url: string, skip: (table: string) => boolean): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const out: Record<string, string> = {};
    for (const m of dmmf.datamodel.models) {
      const t = m.dbName ?? m.name;
      if (skip(t)) continue;
      const { rows } = await c.query<{ d: string | null; n: string }>(
        `SELECT md5(string_agg(j, '|' ORDER BY j)) AS d, count(*)::text AS n FROM (SELECT (to_jsonb(t) - 'xid')::text AS j FROM "${t}" t) s`,
      );
      out[t] = `${rows[0]!.n}:${rows[0]!.d ?? ''}`;
    }
    return out;
  });
}
