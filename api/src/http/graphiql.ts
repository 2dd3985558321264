// A self-contained query page for /graphql in a browser: no CDN, no bundle, nothing external.
// It sends queries with an optional session token or API key and lists the schema's root
// fields from introspection.
export const GRAPHIQL_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lianjian GraphQL · 链建 GraphQL</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; display: grid; grid-template-rows: auto 1fr; height: 100vh; }
  header { padding: 8px 12px; background: #8b0000; color: #fff; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 16px; margin: 0 12px 0 0; }
  header input { width: 320px; }
  main { display: grid; grid-template-columns: 1fr 1fr 220px; gap: 8px; padding: 8px; min-height: 0; }
  section { display: flex; flex-direction: column; min-height: 0; }
  textarea, pre { flex: 1; font: 13px/1.4 ui-monospace, monospace; border: 1px solid #ccc; padding: 6px; margin: 0; overflow: auto; }
  #vars { flex: 0 0 120px; }
  button { font-weight: bold; }
  #fields { overflow: auto; font: 12px ui-monospace, monospace; }
  #fields li { cursor: pointer; }
</style>
</head>
<body>
<header>
  <h1>链建 Lianjian GraphQL</h1>
  <label>Session token / 会话令牌 <input id="token" placeholder="ljs_…" autocomplete="off"></label>
  <label>API key / 密钥 <input id="apikey" placeholder="ljk_…" autocomplete="off"></label>
  <button id="run">Run ▶ 执行 (Ctrl+Enter)</button>
</header>
<main>
  <section><label for="query">Query / 查询</label>
    <textarea id="query" spellcheck="false">query Me {\\n  me { kind account { username role } }\\n}</textarea>
    <label for="vars">Variables (JSON) / 变量</label><textarea id="vars" spellcheck="false">{}</textarea></section>
  <section><label>Result / 结果</label><pre id="out"></pre></section>
  <section><label>Root fields / 根字段</label><ul id="fields"></ul></section>
</main>
<script>
const $ = (id) => document.getElementById(id);
for (const k of ['token', 'apikey', 'query', 'vars']) {
  const v = localStorage.getItem('lj.' + k); if (v !== null) $(k).value = v;
  $(k).addEventListener('input', () => localStorage.setItem('lj.' + k, $(k).value));
}
async function send(query, variables) {
  const headers = { 'content-type': 'application/json' };
  if ($('token').value.trim()) headers.authorization = 'Bearer ' + $('token').value.trim();
  if ($('apikey').value.trim()) headers['x-api-key'] = $('apikey').value.trim();
  const res = await fetch(location.pathname, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return res.json();
}
async function run() {
  let variables;
  try { variables = JSON.parse($('vars').value || '{}'); } catch (e) { $('out').textContent = 'Variables are not valid JSON / 变量不是合法 JSON: ' + e.message; return; }
  $('out').textContent = '…';
  const t0 = performance.now();
  try {
    const body = await send($('query').value, variables);
    $('out').textContent = JSON.stringify(body, null, 2) + '\\n\\n// ' + Math.round(performance.now() - t0) + ' ms';
    const token = body?.data?.signIn?.token || body?.data?.verifyTotp?.token;
    if (token) { $('token').value = token; localStorage.setItem('lj.token', token); }
  } catch (e) { $('out').textContent = String(e); }
}
$('run').onclick = run;
document.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run(); });
send('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }', {}).then((b) => {
  const s = b?.data?.__schema; if (!s) return;
  const items = [...s.queryType.fields.map((f) => 'query ' + f.name), ...(s.mutationType?.fields ?? []).map((f) => 'mutation ' + f.name)];
  $('fields').innerHTML = items.map((i) => '<li>' + i + '</li>').join('');
});
</script>
</body>
</html>
`;
