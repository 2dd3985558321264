// mirrorFeed: a level's mirror (lianjian-mirror, mirror/) pulls its subtree's records in log order
// with their proofs, page after page, and resumes from the last position it stored.
import { builder } from '../../../graphql/builder.js';
import { feedRoot, MIRROR_SCOPE } from '../access.js';
import { FEED_DEFAULT_PAGE, FEED_MAX_PAGE, feedArguments, feedPage, snapshotInputs, type FeedEntry, type FeedFormat, type FeedPage, type SnapshotInputEntry } from '../service.js';

const MirrorFeedFormat = builder.enumType('MirrorFeedFormat', {
  description: 'How a mirror feed page carries its proofs (镜像数据流的证明格式)',
  values: {
    BUNDLES: { description: 'A proof bundle v1 per entry (`bundle`)' },
    PROOF_SET: { description: "One proof set v2 for the whole page (`proofSet`): each batch's header and shared nodes once" },
  } as const,
});

const MirrorSnapshotInput = builder.objectRef<SnapshotInputEntry>('MirrorSnapshotInput').implement({
  description: 'One input record version a published analytics snapshot lists, in leaf order (快照所列输入)',
  fields: (t) => ({
    ordinal: t.exposeInt('ordinal'),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeID('entityId'),
    entityVersion: t.exposeInt('entityVersion'),
    leaf: t.exposeString('leaf', { description: 'hex' }),
  }),
});

const MirrorEntry = builder.objectRef<FeedEntry>('MirrorFeedEntry').implement({
  description: 'One record version of the subtree, at its log position, with its proof bundle v1 (镜像数据流中的一条记录)',
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'Log position (global, contiguous from 0)' }),
    type: t.exposeString('type'),
    entityId: t.exposeID('entityId'),
    version: t.exposeInt('version'),
    org: t.exposeID('org', { description: 'Owning org unit of this version' }),
    batchSeq: t.exposeInt('batchSeq'),
    documentText: t.exposeString('documentText', { description: 'The stored canonical (RFC 8785) document text; SHA-256(0x00 ‖ its UTF-8 bytes) is the leaf' }),
    bundle: t.field({ type: 'JSON', nullable: true, description: 'Proof bundle v1 (application/vnd.lianjian.proof+json), anchored; null when the page was asked for with `proofs: false` or `format: PROOF_SET`', resolve: (e) => e.bundle }),
    snapshotInputs: t.field({
      type: [MirrorSnapshotInput],
      nullable: true,
      description: 'For an AnalyticsSnapshot record: the inputs it lists, in leaf order (a mirror checks them against its own copy); null for other records',
      resolve: (e, _args, ctx) => (e.type === 'AnalyticsSnapshot' ? snapshotInputs(ctx.prisma, e.entityId) : null),
    }),
  }),
});

const MirrorFeedPage = builder.objectRef<FeedPage & { unitId: string; unitPath: string }>('MirrorFeedPage').implement({
  description: 'A page of the mirror feed. Pass `endPosition` as the next `after`; only anchored batches are served',
  fields: (t) => ({
    unitId: t.exposeID('unitId', { description: "The subtree's top unit: the key's unit" }),
    after: t.exposeInt('after'),
    entries: t.field({ type: [MirrorEntry], resolve: (p) => p.entries }),
    endPosition: t.exposeInt('endPosition', { description: 'The last position this page covered: resume after it' }),
    hasMore: t.exposeBoolean('hasMore', { description: 'More anchored records may follow right away' }),
    headPosition: t.exposeInt('headPosition', { description: 'Last position of the last anchored batch (-1 before the first)' }),
    headSeq: t.exposeInt('headSeq', { description: 'Seq of the last anchored batch (0 before the first)' }),
    proofSet: t.exposeString('proofSet', {
      nullable: true,
      description:
        "With `format: PROOF_SET`: the page's proof set v2 as JSON text (application/vnd.lianjian.proofset+json), its record k proving entries[k], each `doc` the stored canonical text; null otherwise or for an empty page",
    }),
  }),
});

builder.queryField('mirrorFeed', (t) =>
  t.field({
    type: MirrorFeedPage,
    description: `The records of the key's subtree in log order after \`after\`, with their proofs (scope "${MIRROR_SCOPE}"). Records not yet anchored are left out until their batch is on chain.`,
    authScopes: { partner: MIRROR_SCOPE },
    args: {
      after: t.arg.int({ description: 'A log position; -1 (default) starts at the beginning' }),
      first: t.arg.int({ description: `Records per page, 1–${FEED_MAX_PAGE} (default ${FEED_DEFAULT_PAGE})` }),
      proofs: t.arg.boolean({ description: 'false: documents only, no bundles (cheap; a mirror re-checking what it holds). Default true' }),
      format: t.arg({ type: MirrorFeedFormat, description: 'BUNDLES (default): a v1 bundle per entry; PROOF_SET: one proof set v2 for the page' }),
    },
    resolve: async (_root, args, ctx) => {
      const root = feedRoot(ctx);
      const { after, first } = feedArguments(args.after, args.first);
      const page = await feedPage(ctx.prisma, root.unitPath, after, first, { proofs: args.proofs !== false, format: (args.format ?? 'BUNDLES') as FeedFormat, ...(ctx.config.chainId ? { chainId: ctx.config.chainId } : {}) });
      return { ...page, ...root };
    },
  }),
);
