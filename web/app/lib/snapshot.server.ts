// Published snapshots from the API with the viewer's session: the snapshot record with its
// proof, its inputs a page at a time, and the whole file for download.
import { data } from 'react-router';
import type { AccountContext } from './auth.server';
import type { SnapshotFieldsFragment } from '../graphql/graphql';
import { SNAPSHOT_FILE_FORMAT, toSnapshotInput, type InputPage } from './snapshot';
import { graphql } from '../graphql';

export type SnapshotNode = SnapshotFieldsFragment;

/** Inputs per request: the API's largest page. */
export const INPUT_PAGE_SIZE = 100;

export function snapshotId(raw: string | undefined): string {
  if (!raw || !/^[0-9a-fA-F-]{36}$/.test(raw)) {
    throw data({ code: 'BAD_USER_INPUT', message: `"${raw ?? ''}" is not a snapshot id.`, messageZh: `“${raw ?? ''}”不是快照编号。` }, { status: 400 });
  }
  return raw;
}

export async function loadSnapshot(ctx: AccountContext, id: string): Promise<{ snapshot: SnapshotNode; unitName: string }> {
  const r = await ctx.query(graphql(`query Snapshot($id: ID!) { analyticsSnapshot(id: $id) { ...SnapshotFields } }`), { id });
  const u = await ctx.query(graphql(`query SnapshotUnit($id: ID!) { orgUnit(id: $id) { name } }`), { id: r.analyticsSnapshot.orgUnitId });
  return { snapshot: r.analyticsSnapshot, unitName: u.orgUnit.name };
}

const INPUTS = graphql(`query SnapshotInputs($id: ID!, $first: Int!, $after: String) {
  analyticsSnapshot(id: $id) { inputs(first: $first, after: $after) { totalCount hasNextPage endCursor nodes { ordinal entityType entityId entityVersion leaf proof { status bundle } } } }
}`);

export async function inputPage(ctx: AccountContext, id: string, after: string | null): Promise<InputPage> {
  const r = await ctx.query(INPUTS, { id, first: INPUT_PAGE_SIZE, after });
  return r.analyticsSnapshot.inputs;
}

/** The snapshot with all its inputs as one file; 409 while anything is not anchored yet. */
export async function snapshotFile(ctx: AccountContext, id: string) {
  const { snapshot } = await loadSnapshot(ctx, id);
  const pending = () =>
    data(
      {
        code: 'PENDING',
        message: 'The snapshot or some of its inputs are not anchored yet; download it once they are (usually within seconds).',
        messageZh: '快照或其部分输入记录尚未上链；上链后（通常几秒内）即可下载。',
      },
      { status: 409 },
    );
  if (!snapshot.proof.bundle) throw pending();
  const inputs = [];
  let after: string | null = null;
  for (;;) {
    const page: InputPage = await inputPage(ctx, id, after);
    for (const n of page.nodes) {
      const inp = toSnapshotInput(n);
      if (!inp) throw pending();
      inputs.push(inp);
    }
    if (!page.hasNextPage || !page.endCursor) break;
    after = page.endCursor;
  }
  return { format: SNAPSHOT_FILE_FORMAT, snapshot: snapshot.proof.bundle, inputs };
}
