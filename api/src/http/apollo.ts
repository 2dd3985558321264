// The Apollo Server: schema, armor limits, error formatting, metrics and the per-response
// `extensions.lianjian` (the latest anchored batch, so a client knows how fresh proofs are).
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { PothosValidationError } from '@pothos/core';
import type { PrismaClient } from '@lianjian/db';
import { randomUUID } from 'node:crypto';
import { GraphQLError, Kind, visit, BREAK, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { armor, LIMITS } from './armor.js';
import type { Context } from '../shared/context.js';
import { ErrorCode, isCatalogued } from '../shared/errors.js';
import { noUnsupportedOperations } from './no-subscriptions.js';
import type { Metrics } from './metrics.js';
import { hostileArguments } from './text-guard.js';
import { proofSetPlugin } from '../graphql/proof-set.js';

export interface LatestBatch {
  seq: number;
  root: string;
  chainHeight: number | null;
  txHash: string | null;
  anchoredAt: string | null;
}

/** The latest anchored batch, cached briefly: every response carries it, so it must be cheap. */
export function latestBatchSource(prisma: PrismaClient, ttlMs = 1000): () => Promise<LatestBatch | null> {
  let cached: { at: number; value: Promise<LatestBatch | null> } | null = null;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at > ttlMs) {
      const value = prisma.batch
        .findFirst({ where: { status: 'ANCHORED' }, orderBy: { seq: 'desc' }, select: { seq: true, root: true, chainHeight: true, txHash: true, anchoredAt: true } })
        .then((b) =>
          b
            ? {
                seq: b.seq,
                root: Buffer.from(b.root).toString('hex'),
                chainHeight: b.chainHeight === null ? null : Number(b.chainHeight),
                txHash: b.txHash,
                anchoredAt: b.anchoredAt?.toISOString() ?? null,
              }
            : null,
        );
      value.catch(() => {
        cached = null;
      });
      cached = { at: now, value };
    }
    return cached.value;
  };
}

function extensionsPlugin(latest: () => Promise<LatestBatch | null>): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const batch = await latest().catch(() => null);
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, lianjian: { latestAnchoredBatch: batch } };
        },
      };
    },
  };
}

function metricsPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operation }) {
          metrics.graphqlRequests.inc({ operation: operation?.operation ?? 'unknown' });
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const e of errors ?? []) metrics.graphqlErrors.inc({ code: String(e.extensions?.code ?? 'UNKNOWN') });
        },
      };
    },
  };
}

/**
 * Refuses `__schema`/`__type` unless the server's config allows introspection. A plugin rather
 * than Apollo's `introspection` option because ApiConfig (what the GraphiQL page reads too) is
 * known per request, not when the server is built. `__typename` stays: clients need it.
 */
function introspectionPlugin(): ApolloServerPlugin<Context> {
  // Apollo reuses the parsed document of a query it has seen, so each is walked once.
  const asks = new WeakMap<DocumentNode, boolean>();
  const asksForSchema = (doc: DocumentNode): boolean => {
    let found = asks.get(doc);
    if (found === undefined) {
      found = false;
      visit(doc, {
        [Kind.FIELD](node) {
          if (node.name.value !== '__schema' && node.name.value !== '__type') return undefined;
          found = true;
          return BREAK;
        },
      });
      asks.set(doc, found);
    }
    return found;
  };
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.config.introspection) return;
      return {
        async didResolveOperation({ document }) {
          if (!asksForSchema(document)) return;
          throw new GraphQLError('Introspection is off on this server (the default in production; LIANJIAN_INTROSPECTION=1 turns it on).', {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', messageZh: '此服务器已关闭内省查询（生产环境默认关闭；设置 LIANJIAN_INTROSPECTION=1 可开启）。', http: { status: 400 } },
          });
        },
      };
    },
  };
}

/** Refuses hostile arguments (http/text-guard.ts) after validation, before any resolver runs. */
function argumentGuardPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          const refused = operation && hostileArguments(schema, document, operation, request.variables);
          if (refused) throw refused;
        },
      };
    },
  };
}

// graphql-js words it "more that N tokens" (sic); accept either spelling.
const TOKEN_LIMIT = /Document contains more tha[nt] \d+ tokens/;

/** Gives every error a code from the catalogue and a Chinese message; hides internals. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const ext = { ...formatted.extensions };
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (typeof ext.limitCode === 'string') {
    ext.code = ext.limitCode;
    delete ext.limitCode;
    return { ...formatted, extensions: ext };
  }
  if (ext.code === 'GRAPHQL_PARSE_FAILED' && TOKEN_LIMIT.test(formatted.message)) {
    return {
      message: `The query is too long (more than ${LIMITS.maxTokens} tokens); split it into smaller queries.`,
      extensions: { code: ErrorCode.TOO_MANY_TOKENS, messageZh: `查询过长（超过 ${LIMITS.maxTokens} 个词法单元），请拆分为较小的查询。` },
    };
  }
  if (original instanceof PothosValidationError) {
    return {
      ...formatted,
      extensions: { code: ErrorCode.BAD_USER_INPUT, messageZh: `参数无效：${formatted.message}`, fields: [] },
    };
  }
  if (ext.code === 'GRAPHQL_VALIDATION_FAILED' || ext.code === 'GRAPHQL_PARSE_FAILED' || ext.code === 'BAD_USER_INPUT') {
    ext.messageZh ??= `请求无效：${formatted.message}`;
    return { ...formatted, extensions: ext };
  }
  if (ext.code === 'INTERNAL_SERVER_ERROR' || ext.code === undefined || !isCatalogued(ext.code)) {
    const id = randomUUID();
    // A code outside the catalogue is a bug here, not something a partner could switch on.
    if (ext.code !== undefined && !isCatalogued(ext.code)) console.error(`[api] error code ${String(ext.code)} is not in the error catalogue (${id})`);
    console.error(`[api] internal error ${id}:`, original ?? error);
    return {
      message: `Something went wrong on the server. Try again; if it persists, report error id ${id}.`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, messageZh: `服务器内部错误，请重试；如持续出现请报告错误编号 ${id}。`, errorId: id },
    };
  }
  return { ...formatted, extensions: ext };
}

export function createApollo(opts: { schema: GraphQLSchema; prisma: PrismaClient; metrics: Metrics }): ApolloServer<Context> {
  const { schema } = opts;
  const limits = armor();
  return new ApolloServer<Context>({
    schema,
    // Decided per server by ApiConfig.introspection, in introspectionPlugin.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: [...limits.validationRules, noUnsupportedOperations],
    formatError,
    plugins: [
      // armor's types come from @apollo/server's CJS build; the objects are the same.
      ...(limits.plugins as unknown as ApolloServerPlugin<Context>[]),
      // The landing page would load Apollo Sandbox from a CDN; http/graphiql.ts serves a local page.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used; the plugin's per-field hook cost ~10% of a 100-member page.
      ApolloServerPluginCacheControlDisabled(),
      introspectionPlugin(),
      argumentGuardPlugin(),
      metricsPlugin(opts.metrics),
      extensionsPlugin(latestBatchSource(opts.prisma)),
      // `extensions.proofSet`: the proof set v2 of every `proof { ref }` the response resolved.
      proofSetPlugin(),
    ],
  });
}
