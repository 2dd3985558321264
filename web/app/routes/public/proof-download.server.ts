// Server side of proof-download.tsx: its loader and actions and the GraphQL documents they send.
import { PROOF_MEDIA_TYPE } from '@lianjian/verify';
import { data } from 'react-router';
import type { Route } from './+types/proof-download';
import { requireAccount } from '../../lib/auth.server';
import { graphql } from '../../graphql';

const RECORD = graphql(`query ProofBundle($type: String!, $id: ID!, $version: Int) {
  record(type: $type, id: $id, version: $version) { type id version proof { status bundle } }
}`);

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request);
  const version = Number(params.version);
  if (!/^[A-Za-z]{1,40}$/.test(params.type) || !Number.isSafeInteger(version) || version < 1) {
    throw data({ code: 'BAD_USER_INPUT', message: 'The proof address names no record version.', messageZh: '证明地址没有指向有效的记录版本。' }, { status: 400 });
  }
  const r = await ctx.query(RECORD, {
    type: params.type,
    id: params.id,
    version,
  });
  if (r.record.proof.bundle === null) {
    throw data(
      {
        code: 'PENDING',
        message: 'This record version is not in a batch yet; download its proof once it is anchored (usually within seconds).',
        messageZh: '此版本记录尚未进入批次；上链后（通常几秒内）即可下载证明。',
      },
      { status: 409 },
    );
  }
  const name = `lianjian-${r.record.type}-${r.record.id}-v${r.record.version}.proof.json`.replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(`${JSON.stringify(r.record.proof.bundle, null, 2)}\n`, {
    headers: {
      'content-type': `${PROOF_MEDIA_TYPE}; charset=utf-8`,
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
