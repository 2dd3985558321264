// Snapshot verification on a hand-built batch: members and a snapshot record in one RFC 9162 tree,
// bundles from createBundle. Each kind of tampering is refused with a reason naming the input or
// the figure; a chain checker is asked once per batch.
import { describe, expect, it } from 'vitest';
import { createBundle, type ChainChecker, type ProofBundle } from './bundle.js';
import { makeDocument, type RecordDocument } from './document.js';
import { leafHash } from './hash.js';
import { toHex } from './hex.js';
import { buildTree, inclusionPath, treeRoot } from './merkle.js';
import { verifySnapshot, type SnapshotInput } from './snapshot.js';
import { compositionFigures, funnelFigures, medianOfHistogram, type MemberData } from './snapshot-figures.js';

const ORG = '00000000-0000-4000-8000-000000000001';
const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

const members: MemberData[] = [
  { stage: 'FULL', status: 'ACTIVE', gender: 'MALE', education: 'BACHELOR', birthDate: '1990-05-17', appliedOn: '2012-03-01', activistSince: '2012-09-01', candidateSince: '2013-09-10', probationarySince: '2014-07-01', fullMemberSince: '2015-07-01' },
  { stage: 'ACTIVIST', status: 'ACTIVE', gender: 'FEMALE', education: 'POSTGRADUATE', birthDate: '2001-01-02', appliedOn: '2024-01-10', activistSince: '2024-07-20', candidateSince: null, probationarySince: null, fullMemberSince: null },
  { stage: 'FULL', status: 'TRANSFERRED_OUT', gender: 'MALE', education: 'BACHELOR', birthDate: '1960-01-01', appliedOn: null, activistSince: null, candidateSince: null, probationarySince: null, fullMemberSince: '1985-07-01' },
];

function doc(type: string, id: string, version: number, data: Record<string, unknown>): RecordDocument {
  return makeDocument({ type, id, version, org: ORG, at: '2026-01-05T04:00:00.000Z', actor: 'system', data }, () => new Uint8Array(16).fill(version));
}

/** Documents → one batch → bundles (same order). */
function batch(docs: RecordDocument[], seq = 1): ProofBundle[] {
  const layers = buildTree(docs.map((d) => leafHash(d)));
  const root = treeRoot(layers);
  return docs.map((document, index) =>
    createBundle({ document, index, batch: { seq, size: docs.length, root, prevRoot: new Uint8Array(32) }, path: inclusionPath(layers, index), anchor: null }),
  );
}

function publish(metric: 'composition' | 'funnel', memberDocs: RecordDocument[], figures?: Record<string, unknown>) {
  const leaves = memberDocs.map((d) => leafHash(d));
  const data = {
    metric,
    title: 't',
    params: { asOf: '2026-01-05' },
    figures: figures ?? (metric === 'composition' ? { ...compositionFigures(members, 2026) } : { ...funnelFigures(members) }),
    inputRoot: toHex(treeRoot(buildTree(leaves))),
    inputCount: memberDocs.length,
    asOfPosition: null,
    publishedAt: '2026-01-05T04:00:00.000Z',
    publishedById: null,
  };
  const snap = doc('AnalyticsSnapshot', '44444444-4444-4444-8444-444444444444', 1, data);
  const bundles = batch([...memberDocs, snap]);
  const inputs: SnapshotInput[] = memberDocs.map((d, i) => ({ ordinal: i, entityType: 'Member', entityId: d.id, entityVersion: d.version, leaf: toHex(leaves[i]!), bundle: bundles[i]! }));
  return { snapshot: bundles.at(-1)!, inputs };
}

const memberDocs = members.map((m, i) => doc('Member', ids[i]!, 2, { ...m, name: `m${i}` }));

describe('snapshot figures', () => {
  it('compute composition and funnel by hand-checked values', () => {
    expect(compositionFigures(members, 2026)).toEqual({
      total: 2,
      byStage: { APPLICANT: 0, ACTIVIST: 1, CANDIDATE: 0, PROBATIONARY: 0, FULL: 1 },
      byGender: { MALE: 1, FEMALE: 1 },
      byEducation: { POSTGRADUATE: 1, BACHELOR: 1, JUNIOR_COLLEGE: 0, SENIOR_SECONDARY: 0, JUNIOR_SECONDARY_OR_BELOW: 0 },
      byAgeBand: { '<=25': 1, '26-35': 0, '36-45': 1, '46-55': 0, '56-65': 0, '66+': 0 },
    });
    const f = funnelFigures(members);
    expect(f.stages.map((s) => [s.stage, s.current, s.reached, s.converted, s.conversionRate, s.medianDays])).toEqual([
      ['APPLICANT', 0, 2, 2, 1, (184 + 192) / 2],
      ['ACTIVIST', 1, 2, 1, 0.5, 374],
      ['CANDIDATE', 0, 1, 1, 1, 294],
      ['PROBATIONARY', 0, 1, 1, 1, 365],
      ['FULL', 1, 2, 0, null, null],
    ]);
    expect(medianOfHistogram([[3, 1], [1, 2]])).toBe(1);
    expect(medianOfHistogram([])).toBeNull();
  });
});

describe('verifySnapshot', () => {
  it('verifies an honest snapshot offline, and online asking the chain once per batch', async () => {
    const { snapshot, inputs } = publish('composition', memberDocs);
    const offline = await verifySnapshot(snapshot, inputs);
    expect(offline.checks.filter((c) => !c.ok)).toEqual([]);
    expect(offline).toMatchObject({ verified: true, offline: true, metric: 'composition' });

    let asked = 0;
    const chain: ChainChecker = { checkBatchRoot: async () => (asked++, { ok: true, height: 10 }) };
    const online = await verifySnapshot({ ...snapshot, anchor: anchor() }, inputs.map((i) => ({ ...i, bundle: { ...i.bundle, anchor: anchor() } })), { chain });
    expect(online.verified).toBe(true);
    expect(asked).toBe(1);
  });

  it('calls a snapshot whose records are not anchored yet pending, an unreachable node unavailable, and neither failed', async () => {
    const { snapshot, inputs } = publish('composition', memberDocs);
    const chain: ChainChecker = { checkBatchRoot: async () => ({ ok: true, height: 10 }) };
    const anchored = inputs.map((i) => ({ ...i, bundle: { ...i.bundle, anchor: anchor() } }));
    // The snapshot's own batch is not on chain yet (anchor null), its inputs are.
    const pending = await verifySnapshot(snapshot, anchored, { chain });
    expect(pending).toMatchObject({ verified: false, undecided: 'pending' });
    expect(pending.checks.filter((c) => !c.ok).map((c) => [c.name, c.undecided])).toEqual([['snapshot', 'pending']]);
    const down: ChainChecker = { checkBatchRoot: async () => ({ ok: false, unavailable: true, reason: 'connect ECONNREFUSED' }) };
    const unavailable = await verifySnapshot({ ...snapshot, anchor: anchor() }, anchored, { chain: down });
    expect(unavailable).toMatchObject({ verified: false, undecided: 'unavailable' });
    // Pending does not hide a real failure: a changed figure still fails the snapshot.
    const figures = { ...(snapshot.document.data.figures as Record<string, unknown>), total: 999 };
    const changed = { ...snapshot, document: { ...snapshot.document, data: { ...snapshot.document.data, figures } } };
    const failed = await verifySnapshot(changed, anchored, { chain });
    expect(failed.verified).toBe(false);
    expect(failed.undecided).toBeUndefined();
  });

  it('names the input whose record changed after publication', async () => {
    const { snapshot, inputs } = publish('composition', memberDocs);
    const forged = { ...inputs[1]!.bundle, document: { ...inputs[1]!.bundle.document, data: { ...inputs[1]!.bundle.document.data, gender: 'MALE' } } };
    const r = await verifySnapshot(snapshot, inputs.map((i, k) => (k === 1 ? { ...i, bundle: forged } : i)));
    expect(r.verified).toBe(false);
    const bad = r.checks.filter((c) => c.name === 'input' && !c.ok);
    // Its leaf no longer matches the commitment, and its proof no longer holds: both name it.
    expect(bad.map((c) => c.input)).toEqual([`#1 Member ${ids[1]} v2`, `#1 Member ${ids[1]} v2`]);
    expect(bad[0]!.reason).toContain('not the committed leaf');
    expect(bad[1]!.reason).toContain('proof does not verify');
    // The recomputed gender split no longer matches either, and says which figure.
    expect(r.checks.filter((c) => c.name === 'figure' && !c.ok).map((c) => c.figure).sort()).toEqual(['byGender.FEMALE', 'byGender.MALE']);
  });

  it('names a published figure that the inputs do not give', async () => {
    const figures = { ...compositionFigures(members, 2026) };
    figures.byStage = { ...figures.byStage, FULL: 5 };
    const { snapshot, inputs } = publish('composition', memberDocs, figures);
    const r = await verifySnapshot(snapshot, inputs);
    expect(r.verified).toBe(false);
    expect(r.checks.filter((c) => !c.ok)).toEqual([
      { name: 'figure', ok: false, figure: 'byStage.FULL', reason: 'figure byStage.FULL: published 5, recomputed from the inputs 1' },
    ]);
  });

  it('names funnel figures by stage', async () => {
    const figures = funnelFigures(members);
    figures.stages[1] = { ...figures.stages[1]!, medianDays: 1 };
    const { snapshot, inputs } = publish('funnel', memberDocs, { ...figures });
    const r = await verifySnapshot(snapshot, inputs);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.figure)).toEqual(['stages.ACTIVIST.medianDays']);
  });

  it('detects a dropped, an added and a reordered input', async () => {
    const { snapshot, inputs } = publish('composition', memberDocs);
    const dropped = await verifySnapshot(snapshot, inputs.slice(0, 2));
    expect(dropped.verified).toBe(false);
    expect(dropped.checks.find((c) => c.name === 'inputList')!.reason).toContain('commits to 3 inputs but 2 were given');
    expect(dropped.checks.some((c) => c.name === 'inputRoot' && !c.ok)).toBe(true);

    const extraDoc = doc('Member', '55555555-5555-4555-8555-555555555555', 1, { ...members[0]!, name: 'x' });
    const extraBundle = batch([extraDoc], 2)[0]!;
    const added = await verifySnapshot(snapshot, [...inputs, { ordinal: 3, entityType: 'Member', entityId: extraDoc.id, entityVersion: 1, leaf: extraBundle.leaf, bundle: extraBundle }]);
    expect(added.verified).toBe(false);
    expect(added.checks.find((c) => c.name === 'inputList')!.input).toBe(`#3 Member ${extraDoc.id} v1`);

    const swapped = await verifySnapshot(snapshot, [inputs[1]!, inputs[0]!, inputs[2]!].map((i, k) => ({ ...i, ordinal: k })));
    expect(swapped.verified).toBe(false);
    expect(swapped.checks.find((c) => c.name === 'inputList')!.input).toBe(`#1 Member ${ids[0]} v2`);
  });

  it('refuses a changed snapshot record and figures shown differently from it', async () => {
    const { snapshot, inputs } = publish('composition', memberDocs);
    const changed = { ...snapshot, document: { ...snapshot.document, data: { ...snapshot.document.data, inputCount: 2 } } };
    const r = await verifySnapshot(changed, inputs);
    expect(r.verified).toBe(false);
    expect(r.checks.find((c) => c.name === 'snapshot')!.reason).toContain('does not verify');

    const shown = await verifySnapshot(snapshot, inputs, { shownFigures: { ...compositionFigures(members, 2026), total: 3 } });
    expect(shown.checks.filter((c) => !c.ok).map((c) => [c.name, c.figure])).toEqual([['shown', 'total']]);
  });
});

function anchor() {
  return { chainId: 'lianjian-test', height: 10, txHash: 'AB'.repeat(32), time: '2026-01-05T04:00:01.000Z' };
}
