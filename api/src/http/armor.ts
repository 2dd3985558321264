// Query limits (graphql-armor) with error codes a client can branch on. A Relay query three
// hops deep (connection → edges → node, three times) is depth 8; reading a proof's anchor on
// the last node adds two, so the depth limit is 10. Cost: armor multiplies a list's cost by a
// literal `first`/`last`; a full page of 100 members with proofs costs about 16 000, so 50 000
// admits it and refuses pages nested in pages (100 × 100). Page sizes are capped at 100 anyway.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import { ErrorCode } from '../shared/errors.js';

export const LIMITS = {
  maxDepth: 10,
  maxCost: 50_000,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 3000,
} as const;

type Reject = (ctx: ValidationContext | null, error: GraphQLError) => void;

/** Reports the limit as a validation error carrying our code (Apollo keeps it in `limitCode`). */
function reject(code: ErrorCode, messageZh: string): Reject[] {
  return [
    (ctx, error) => {
      ctx?.reportError(
        new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
          extensions: { limitCode: code, messageZh },
        }),
      );
    },
  ];
}

export function armor() {
  return new ApolloArmor({
    maxDepth: {
      n: LIMITS.maxDepth,
      propagateOnRejection: false,
      onReject: reject(ErrorCode.QUERY_TOO_DEEP, `查询嵌套过深（最多 ${LIMITS.maxDepth} 层），请拆分为多个查询。`),
    },
    costLimit: {
      maxCost: LIMITS.maxCost,
      propagateOnRejection: false,
      onReject: reject(ErrorCode.QUERY_TOO_COSTLY, `查询过于复杂（成本上限 ${LIMITS.maxCost}），请减少字段或拆分查询。`),
    },
    maxAliases: {
      n: LIMITS.maxAliases,
      // armor exempts `__typename` by default, so `a1: __typename … a1000: __typename` passed:
      // each alias is a field the server resolves and serialises, whatever it names.
      allowList: [],
      propagateOnRejection: false,
      onReject: reject(ErrorCode.TOO_MANY_ALIASES, `别名过多（最多 ${LIMITS.maxAliases} 个）。`),
    },
    maxDirectives: {
      n: LIMITS.maxDirectives,
      propagateOnRejection: false,
      onReject: reject(ErrorCode.TOO_MANY_DIRECTIVES, `指令过多（最多 ${LIMITS.maxDirectives} 个）。`),
    },
    // Token counting happens in graphql-js's parser (ApolloServer parseOptions.maxTokens), which
    // Apollo reports as a parse error with status 400; armor's Apollo token plugin would throw
    // from a hook and surface as a 500.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
