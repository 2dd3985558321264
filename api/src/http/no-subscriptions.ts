// The schema has no subscription type. graphql-js only notices that at execution, where Apollo
// reports it as an internal error; this rule refuses such a document at validation instead
// (GRAPHQL_VALIDATION_FAILED, HTTP 400), like any other operation the schema cannot run.
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

export function noUnsupportedOperations(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      const schema = context.getSchema();
      const root = node.operation === 'subscription' ? schema.getSubscriptionType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
      if (!root) {
        context.reportError(
          new GraphQLError(`This API has no ${node.operation}s; use a query or a mutation.`, {
            nodes: [node],
            extensions: { messageZh: `本接口不支持 ${node.operation} 操作，请使用 query 或 mutation。` },
          }),
        );
      }
    },
  };
}
