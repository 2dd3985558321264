// The HTML shell of the GraphiQL page and its Content-Security-Policy. Every URL in it is a
// path on this server; the policy makes the browser refuse any other origin as well.
import type { GraphiqlBundle } from './build.js';
import type { GraphiqlConfig } from './client.js';

export const ASSET_PREFIX = '/graphql/assets/';

// Monaco and React set inline styles, and GraphiQL's stylesheet carries its fonts as data: URLs;
// scripts, workers and requests stay on this origin.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const DEFAULT_QUERY = `# 链建 Lianjian GraphQL — GraphiQL
#
# 运行 / Run: Ctrl+Enter (⌘+Enter). 文档 / Schema docs: the book icon on the left.
# 无需登录的查询 / A query that needs no sign-in:
{
  __typename
}

# 登录 / Sign in, then put the token in the Headers tab below as
# "Authorization": "Bearer ljs_…" (privileged roles also call verifyTotp):
#
# mutation SignIn {
#   signIn(username: "member", password: "…") {
#     ... on SignedIn { token }
#   }
# }
#
# query Me {
#   me { kind account { username role } }
# }
`;

// GraphiQL parses the headers editor as JSON with comments.
const DEFAULT_HEADERS = `{
  // 会话令牌（signIn / verifyTotp 返回）/ Session token from signIn or verifyTotp:
  // "Authorization": "Bearer ljs_…",
  // 或合作方 API 密钥 / or a partner API key:
  // "X-API-Key": "ljk_…"
}
`;

/** JSON inside <script type="application/json">: `<` escaped so no text can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function renderPage(bundle: GraphiqlBundle): string {
  const config: GraphiqlConfig = {
    endpoint: '/graphql',
    workers: {
      editor: ASSET_PREFIX + bundle.workers.editor,
      json: ASSET_PREFIX + bundle.workers.json,
      graphql: ASSET_PREFIX + bundle.workers.graphql,
    },
    defaultQuery: DEFAULT_QUERY,
    defaultHeaders: DEFAULT_HEADERS,
  };
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>链建 Lianjian GraphQL · GraphiQL 调试台 / Explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSET_PREFIX}${bundle.style}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
<script type="application/json" id="graphiql-config">${scriptJson(config)}</script>
<script type="module" src="${ASSET_PREFIX}${bundle.script}"></script>
</head>
<body>
<div id="graphiql">加载中… / Loading…</div>
<noscript>GraphiQL 需要 JavaScript / GraphiQL needs JavaScript.</noscript>
</body>
</html>
`;
}
