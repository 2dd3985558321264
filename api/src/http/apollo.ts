// The Apollo Server: schema, armor limits, error formatting, metrics and the per-response
// `extensions.lianjian` (the latest anchored batch, so a client knows how fresh proofs are) and
// `extensions.proofSet`.
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
import { attachProofSet } from '../graphql/proof-set.js';

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
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const batch = await latest().catch(() => null);
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, lianjian: { latestAnchoredBatch: batch } };
          // `extensions.proofSet` of every `proof { ref }` the response holds, after it (graphql/proof-set.ts).
          attachProofSet(contextValue, result);
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

/**
 * Apollo answers a persisted query it does not support with status 200 (so that its own client
 * retries with the text); here it is a bad request like the others: 400.
 */
function refusalStatusPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          if (response.body.singleResult.errors?.some((e) => e.extensions?.code === ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED)) response.http.status = 400;
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

const PERSISTED_QUERY_REFUSED = {
  message: 'Persisted queries (extensions.persistedQuery) are not supported: send the full query text in `query`, without the extension.',
  messageZh: '不支持持久化查询（extensions.persistedQuery）：请在 `query` 中发送完整的查询文本，并去掉该扩展。',
};

/**
 * Apollo's own refusals of a request's shape (BAD_REQUEST, worded in English only), each with its
 * Chinese; `$1` is the part of the English a pattern captured (a parameter or operation name).
 */
const BAD_REQUEST_ZH: [RegExp, string][] = [
  [/^Operation batching disabled/, '不支持批量请求：每个请求只发送一个操作（一个 JSON 对象，而非数组）。'],
  [/^No operations found in request/, '请求中没有操作：请发送一个包含 `query` 的 JSON 对象。'],
  [/^GraphQL operations must contain a non-empty `query`/, '请求缺少查询：请在 `query` 中发送非空的查询文本。'],
  [/^GraphQL queries must be strings/, '`query` 必须是字符串（查询文本）。'],
  [/^POST body missing, invalid Content-Type, or JSON object has no keys/, 'POST 请求体缺失、Content-Type 不对，或 JSON 对象为空：请以 application/json 发送 {"query": …}。'],
  [/^`(variables|extensions)` in a POST body should be provided as an object, not a recursively JSON-encoded string/, '请求体中的 `$1` 必须是 JSON 对象，而不是再次编码成字符串的 JSON。'],
  [/^`(variables|extensions)` in a POST body must be an object/, '请求体中的 `$1` 必须是 JSON 对象。'],
  [/^`operationName` in a POST body must be a string/, '请求体中的 `operationName` 必须是字符串。'],
  [/^The '(\w+)' search parameter may only be specified once/, '查询参数 $1 只能出现一次。'],
  [/^The (\w+) search parameter contains invalid JSON/, '查询参数 $1 不是合法的 JSON。'],
  [/^The (\w+) search parameter should contain a JSON-encoded object/, '查询参数 $1 必须是 JSON 编码的对象。'],
  [/^GET requests only support query operations, not (\w+) operations/, 'GET 请求只能执行查询，$1 操作请用 POST 发送。'],
  [/^GET requests may not have a content-type header other than application\/json/, 'GET 请求的 Content-Type 只能是 application/json（或不设置）。'],
  [/^Apollo Server supports only GET\/POST requests/, '只支持 GET 和 POST 请求。'],
  [/^An 'accept' header was provided for this request which does not accept/, '请求的 Accept 头不接受 application/json 或 application/graphql-response+json 响应。'],
  [/Cross-Site Request Forgery/, '此请求疑为跨站请求伪造（CSRF）已被拒绝：请以 Content-Type: application/json 发送请求。'],
  [/incremental delivery/, '不支持增量交付（@defer、@stream）：请去掉这些指令。'],
];

function badRequestZh(message: string): string {
  for (const [pattern, zh] of BAD_REQUEST_ZH) {
    const m = pattern.exec(message);
    if (m) return zh.replace('$1', m[1] ?? '');
  }
  return `请求格式有误：${message}`;
}

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
  // Persisted queries are off (createApollo): one catalogued refusal whatever the extension holds —
  // a wrong hash or an unknown one was INTERNAL_SERVER_ERROR or an English-only word before.
  if (ext.code === ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED) {
    return { message: PERSISTED_QUERY_REFUSED.message, extensions: { code: ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED, messageZh: PERSISTED_QUERY_REFUSED.messageZh } };
  }
  if (ext.code === ErrorCode.BAD_REQUEST) {
    const message = /^GraphQL operations must contain a non-empty `query`/.test(formatted.message) ? 'The request has no query: send the operation\'s text in `query`.' : formatted.message;
    ext.messageZh ??= badRequestZh(formatted.message);
    return { ...formatted, message, extensions: ext };
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
    // No client of this API sends persisted queries (the web app and partners send the text), and
    // Apollo's default would keep any query anyone registers in memory: refused, one catalogued
    // error (formatError), with a 400 (refusalStatusPlugin) like every other bad request.
    persistedQueries: false,
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
      refusalStatusPlugin(),
      metricsPlugin(opts.metrics),
      // `extensions.lianjian`, then `extensions.proofSet` of the response's `proof { ref }`s.
      extensionsPlugin(latestBatchSource(opts.prisma)),
    ],
  });
}
