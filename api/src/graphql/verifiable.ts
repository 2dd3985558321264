// Proofs on every result. Any object type with `id` and `version` whose GraphQL name is its
// record type implements Verifiable (a prisma type: verifiableObject, below): the `proof` field
// resolves through the request's proof DataLoader, so a page of N rows costs one proof query.
import type { FieldMap } from '@pothos/core';
import type { PrismaObjectRef, prismaModelName, ShapeFromSelection } from '@pothos/plugin-prisma';
import { builder, type Types } from './builder.js';
import { assertCanSeeRecordIn } from '../shared/access.js';
import type { Context } from '../shared/context.js';
import { appError, badArgument, forbidden, notFound } from '../shared/errors.js';
import type { LoadedProof } from '../shared/loaders.js';
import { leafHash, toHex } from '@lianjian/verify';
import { isVerifiableType, VERIFIABLE_TYPES } from '../shared/records/types.js';
import { decodeIntCursor, encodeIntCursor, checkPageSize } from './pagination.js';
import { proofSetRef } from './proof-set.js';

export const ProofStatusEnum = builder.enumType('ProofStatus', {
  description: 'PENDING: recorded, not yet committed on chain (待上链); ANCHORED: its batch root is on chain (已上链)',
  values: { PENDING: {}, ANCHORED: {} } as const,
});

interface AnchorShape {
  chainId: string;
  height: number;
  txHash: string;
  time: string;
}

export const Anchor = builder.objectRef<AnchorShape>('Anchor').implement({
  description: 'Where and when a batch root was committed on the app chain',
  fields: (t) => ({
    chainId: t.exposeString('chainId'),
    height: t.exposeInt('height'),
    txHash: t.exposeString('txHash', { description: 'Uppercase hex, as CometBFT prints it' }),
    time: t.field({ type: 'DateTime', resolve: (a) => a.time }),
  }),
});

export const Proof = builder.objectRef<LoadedProof>('Proof').implement({
  description: 'The inclusion proof of one record version: `bundle` (proof format v1) for one record, or `ref` into the response’s proof set v2 for a page of them. Check either offline or against the chain with @lianjian/verify or `lianjian-verify`.',
  fields: (t) => ({
    status: t.field({ type: ProofStatusEnum, resolve: (p) => p.status }),
    ref: t.int({
      description:
        'This record’s index in the response’s proof set v2 (application/vnd.lianjian.proofset+json), carried once per response in `extensions.proofSet`: each batch’s header and shared nodes once, then the records (verify with @lianjian/verify verifyProofSet, one chain query per batch). Only records whose `ref` the response resolved are in the set.',
      resolve: (p, _args, ctx, info) => proofSetRef(ctx, p, info.path),
    }),
    type: t.string({ resolve: (p) => p.key.type }),
    entityId: t.id({ resolve: (p) => p.key.id }),
    version: t.int({ resolve: (p) => p.key.version }),
    leaf: t.string({
      description: 'SHA-256(0x00 ‖ canonical document), hex',
      resolve: (p) => p.bundle?.leaf ?? toHex(leafHash(new TextEncoder().encode(p.documentText))),
    }),
    position: t.int({ nullable: true, description: 'Log position; null until the record is in a batch', resolve: (p) => p.position }),
    batchSeq: t.int({ nullable: true, resolve: (p) => p.bundle?.batch.seq ?? null }),
    batchSize: t.int({ nullable: true, resolve: (p) => p.bundle?.batch.size ?? null }),
    root: t.string({ nullable: true, description: 'The batch root, hex', resolve: (p) => p.bundle?.batch.root ?? null }),
    index: t.int({ nullable: true, description: 'Leaf index in the batch', resolve: (p) => p.bundle?.index ?? null }),
    path: t.stringList({ nullable: true, description: 'RFC 9162 audit path, hex, nearest the leaf first', resolve: (p) => p.bundle?.path ?? null }),
    anchor: t.field({ type: Anchor, nullable: true, resolve: (p) => p.bundle?.anchor ?? null }),
    document: t.field({ type: 'JSON', description: 'The record document (what the leaf hashes)', resolve: (p) => p.document }),
    bundle: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Proof bundle v1 (application/vnd.lianjian.proof+json); null until the record is in a batch',
      resolve: (p) => p.bundle,
    }),
  }),
});

export interface VerifiableShape {
  id: string;
  version: number;
}

async function proofOf(parent: VerifiableShape | LoadedProof, type: string, ctx: Context): Promise<LoadedProof> {
  if ('documentText' in parent) return parent;
  const proof = await ctx.loaders.proof.load({ type, id: parent.id, version: parent.version });
  if (!proof) {
    throw appError('RECORD_MISSING', `${type} ${parent.id} version ${parent.version} has no record document: its change was written without an outbox record. Report this to an administrator.`, {
      messageZh: `${type} ${parent.id} 第 ${parent.version} 版没有记录文档（写入时缺少 outbox 记录），请报告管理员。`,
    });
  }
  return proof;
}

export const Verifiable = builder.interfaceRef<VerifiableShape | LoadedProof>('Verifiable').implement({
  description: 'A result whose current version is a record anchored (or about to be) on the app chain',
  fields: (t) => ({
    proof: t.field({
      type: Proof,
      resolve: (parent, _args, ctx, info) => proofOf(parent, info.parentType.name, ctx),
    }),
  }),
});

export const RecordVersion = builder.objectRef<LoadedProof>('RecordVersion').implement({
  description: 'One version of a verifiable entity, as its record document states it',
  interfaces: [Verifiable],
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'documentText' in v,
  fields: (t) => ({
    type: t.string({ resolve: (r) => r.document.type }),
    id: t.id({ resolve: (r) => r.document.id }),
    version: t.int({ resolve: (r) => r.document.version }),
    org: t.id({ description: 'Owning org unit', resolve: (r) => r.document.org }),
    at: t.field({ type: 'DateTime', resolve: (r) => r.document.at }),
    actor: t.string({ description: 'Account id that made the change, or "system"', resolve: (r) => r.document.actor }),
    data: t.field({ type: 'JSON', resolve: (r) => r.document.data }),
  }),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The arguments naming one verifiable entity: its record type and id. */
function entityArgs(t: PothosSchemaTypes.QueryFieldBuilder<Types, {}>) {
  return { type: t.arg.string({ required: true }), id: t.arg.id({ required: true }) };
}

/** Who may ask for an entity's records: whoever may read its type. */
const readOfType = (_parent: unknown, args: { type: string }) => ({ read: args.type });

/** The entity's id, once `type` is known to be a verifiable type and `id` a UUID. */
function entityId(args: { type: string; id: string | number }): string {
  const id = String(args.id);
  if (!isVerifiableType(args.type)) {
    throw badArgument('type', `"${args.type}" is not a verifiable type; use one of ${VERIFIABLE_TYPES.join(', ')}.`, `"${args.type}" 不是可验证的类型，可用类型：${VERIFIABLE_TYPES.join('、')}。`);
  }
  if (!UUID.test(id)) throw badArgument('id', 'must be a UUID.', '应为 UUID。');
  return id;
}

async function visibleRecord(ctx: Context, proof: LoadedProof): Promise<void> {
  await assertCanSeeRecordIn(ctx, { type: proof.key.type, id: proof.key.id, orgUnitId: proof.orgUnitId, data: proof.document.data });
}

/**
 * A cast ballot's first version is written in the same transaction as the voter's roll entry, so
 * its log position would tie a choice to a voter; only the version re-recorded, shuffled, at the
 * tally (version 2) is ever served (api/src/modules/votes).
 */
function assertServableVersion(type: string, version: number, all: readonly number[]): void {
  if (type === 'Ballot' && (version !== all[all.length - 1] || version < 2)) {
    throw forbidden(
      'Ballot records are served only in the version recorded at the tally: earlier versions could tie a ballot to its voter.',
      '选票记录只提供计票时记录的版本：更早的版本可能将选票与投票人关联。',
    );
  }
}

async function versionsOf(ctx: Context, type: string, id: string): Promise<number[]> {
  const rows = await ctx.prisma.outboxRecord.findMany({
    where: { entityType: type, entityId: id },
    select: { version: true },
    orderBy: { version: 'asc' },
  });
  return rows.map((r) => r.version);
}

builder.queryFields((t) => ({
  record: t.field({
    type: RecordVersion,
    description: 'One version of any verifiable entity with its proof (the latest when `version` is omitted)',
    args: { ...entityArgs(t), version: t.arg.int() },
    authScopes: readOfType,
    resolve: async (_root, args, ctx) => {
      const id = entityId(args);
      const all = await versionsOf(ctx, args.type, id);
      const version = args.version ?? all[all.length - 1] ?? null;
      if (version != null && all.includes(version)) assertServableVersion(args.type, version, all);
      const proof = version == null ? null : await ctx.loaders.proof.load({ type: args.type, id, version });
      if (!proof) throw notFound(`${args.type} record`, `${args.type} 记录`, version == null ? id : `${id} v${version}`);
      await visibleRecord(ctx, proof);
      return proof;
    },
  }),
  history: t.connection({
    type: RecordVersion,
    description: 'Every version of a verifiable entity, oldest first, each with its proof',
    args: entityArgs(t),
    authScopes: readOfType,
    resolve: async (_root, args, ctx) => {
      const id = entityId(args);
      checkPageSize(args, ctx);
      const after = decodeIntCursor('v', 'after', args.after);
      const before = decodeIntCursor('v', 'before', args.before);
      const all = await versionsOf(ctx, args.type, id);
      if (all.length === 0) throw notFound(args.type, args.type, id);
      // Whoever may see the entity now sees its whole history.
      const latest = await ctx.loaders.proof.load({ type: args.type, id, version: all[all.length - 1]! });
      await visibleRecord(ctx, latest!);
      const servable = args.type === 'Ballot' ? all.slice(-1).filter((v) => v >= 2) : all;
      const window = servable.filter((v) => (after === null || v > after) && (before === null || v < before));
      const size = args.first ?? args.last ?? ctx.config.defaultPageSize;
      const fromEnd = args.first == null && args.last != null;
      const page = fromEnd ? window.slice(Math.max(0, window.length - size)) : window.slice(0, size);
      const proofs = await Promise.all(page.map((version) => ctx.loaders.proof.load({ type: args.type, id, version })));
      return {
        edges: proofs.map((node, i) => ({ cursor: encodeIntCursor('v', page[i]!), node: node! })),
        pageInfo: {
          hasNextPage: fromEnd ? false : window.length > page.length,
          hasPreviousPage: fromEnd ? window.length > page.length : after !== null && servable[0]! <= after,
          startCursor: page.length ? encodeIntCursor('v', page[0]!) : null,
          endCursor: page.length ? encodeIntCursor('v', page[page.length - 1]!) : null,
        },
      };
    },
  }),
}));

/**
 * The options every verifiable prisma object shares: the interface, and the row rule that runs on
 * each object of the type, however it was reached, before the `read: <type>` scope is checked.
 */
export function verifiableRow<Row>(type: string, rowRule: (ctx: Context, row: Row) => Promise<void> | void) {
  return {
    interfaces: [Verifiable],
    authScopes: async (row: Row, ctx: Context) => {
      await rowRule(ctx, row);
      return { read: type };
    },
  };
}

interface RecordKeyFields<Id, Version> {
  exposeID(name: 'id'): Id;
  exposeInt(name: 'version', options?: { description?: string }): Version;
}

/** The first fields of every verifiable object: the key its proof is looked up by. */
export function verifiableFields<Id, Version>(t: RecordKeyFields<Id, Version>, versionDescription?: string) {
  return { id: t.exposeID('id'), version: t.exposeInt('version', versionDescription === undefined ? undefined : { description: versionDescription }) };
}

type PT = Types['PrismaTypes'];
/** The columns every verifiable row is read with: its record key and the unit its rules look at. */
const KEY_COLUMNS = { id: true, version: true, orgUnitId: true } as const;
type RowShape<N extends keyof PT, Select> = [Select] extends [undefined] ? PT[N]['Shape'] : ShapeFromSelection<Types, PT[N], { select: typeof KEY_COLUMNS & Select; include: unknown }>;

export interface VerifiableObjectOptions<N extends keyof PT, Select> {
  description: string;
  /**
   * Read only the requested columns, plus the record key, `orgUnitId` and these (what the row
   * rule and custom fields need); without it, whole rows.
   */
  select?: Select;
  /** Said of `version` where the type's versions mean something particular. */
  versionDescription?: string;
  /** The fields after `id` and `version`. */
  fields: (t: PothosSchemaTypes.PrismaObjectFieldBuilder<Types, PT[N], RowShape<N, Select> & { [prismaModelName]?: N }>) => FieldMap;
}

/**
 * A prisma object type that is a verifiable record: it implements Verifiable, `rowRule` decides
 * who may see each row (verifiableRow), and its fields start with the record key.
 */
export function verifiableObject<N extends keyof PT & string, const Select extends PT[N]['Select'] | undefined = undefined>(
  name: N,
  rowRule: (ctx: Context, row: RowShape<N, Select>) => Promise<void> | void,
  options: VerifiableObjectOptions<N, Select>,
): PrismaObjectRef<Types, PT[N], RowShape<N, Select>> {
  type Builder = Parameters<VerifiableObjectOptions<N, Select>['fields']>[0];
  return builder.prismaObject(name, {
    description: options.description,
    ...verifiableRow(name, rowRule),
    ...(options.select === undefined ? {} : { select: { ...KEY_COLUMNS, ...options.select } }),
    fields: (t: Builder) => ({ ...verifiableFields(t as unknown as RecordKeyFields<never, never>, options.versionDescription), ...options.fields(t) }),
  } as never) as unknown as PrismaObjectRef<Types, PT[N], RowShape<N, Select>>;
}
