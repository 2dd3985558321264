// The operations folder (ops/): Prometheus rules checked and unit-tested with promtool against
// recorded series, the Prometheus and Alertmanager configurations accepted by their own tools,
// every metric a rule or the dashboard names exported by the code, the Grafana dashboard's shape,
// and the monitoring compose file accepted by docker-compose. promtool and amtool come from
// Debian's prometheus and prometheus-alertmanager packages (.ci/run installs them).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const ops = path.join(root, 'ops');
const rules = path.join(ops, 'prometheus/rules.yml');

function run(cmd: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
  if (r.error) throw new Error(`${cmd} could not run (${r.error.message}): install Debian's prometheus package (.ci/run does)`);
  return { code: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
}

/** Every file under dir (recursively) whose name ends with .ts. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(p).isDirectory() ? tsFiles(p) : name.endsWith('.ts') && !name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Metric names the API, the indexer and the mirror export: quoted 'lianjian_…' names in their sources. */
function exportedMetrics(): Set<string> {
  const names = new Set<string>();
  for (const file of [...tsFiles(path.join(root, 'api/src')), ...tsFiles(path.join(root, 'indexer/src')), ...tsFiles(path.join(root, 'mirror/src'))]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/['"`](lianjian_[a-z0-9_]+)['"`]/g)) names.add(m[1]!);
  }
  // A histogram's series.
  for (const n of [...names]) for (const suffix of ['_bucket', '_sum', '_count']) names.add(n + suffix);
  return names;
}

/** Metric names used in PromQL text: identifiers starting lianjian_. */
function usedMetrics(promql: string): string[] {
  return [...new Set([...promql.matchAll(/\b(lianjian_[a-z0-9_]+)/g)].map((m) => m[1]!))];
}

describe('Prometheus rules (ops/prometheus)', () => {
  it('pass promtool check rules', () => {
    const r = run('promtool', ['check', 'rules', rules]);
    expect(r.out).toMatch(/SUCCESS: \d+ rules found/);
    expect(r.code, r.out).toBe(0);
  });

  it('pass their promtool unit tests against recorded series', () => {
    const tests = readdirSync(path.join(ops, 'prometheus/tests'))
      .filter((f) => f.endsWith('.yml'))
      .map((f) => path.join(ops, 'prometheus/tests', f));
    expect(tests.length).toBeGreaterThanOrEqual(3);
    const r = run('promtool', ['test', 'rules', ...tests]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).not.toMatch(/FAILED/);
    expect(r.out.match(/SUCCESS/g)?.length).toBe(tests.length);
  });

  it('has an alert for each situation of the runbook, and every alert is exercised by a test', () => {
    const text = readFileSync(rules, 'utf8');
    const alerts = [...text.matchAll(/- alert: (\w+)/g)].map((m) => m[1]!);
    for (const a of ['AnchoringStalled', 'IndexerBacklogGrowing', 'ChainHeightNotAdvancing', 'ValidatorMissingSignatures', 'TamperAlert', 'ApiErrorRate', 'ApiLatencyHigh', 'DatabaseDown', 'MirrorBehind']) {
      expect(alerts).toContain(a);
    }
    const tested = readdirSync(path.join(ops, 'prometheus/tests'))
      .map((f) => readFileSync(path.join(ops, 'prometheus/tests', f), 'utf8'))
      .join('\n');
    for (const a of alerts) expect(tested, `no promtool test fires or checks ${a}`).toMatch(new RegExp(`alertname: ${a}\\b`));
    // Each alert says where its procedure is, and that section exists.
    const runbook = readFileSync(path.join(root, 'docs/operations.md'), 'utf8');
    for (const [, anchor] of text.matchAll(/runbook: docs\/operations\.md#([a-z-]+)/g)) {
      expect(runbook, `docs/operations.md has no <a id="${anchor}">`).toContain(`id="${anchor}"`);
    }
  });

  it('name only metrics the code exports', () => {
    const exported = exportedMetrics();
    expect(exported.has('lianjian_indexer_anchoring_lag_seconds')).toBe(true);
    expect(exported.has('lianjian_http_requests_total')).toBe(true);
    const withoutComments = readFileSync(rules, 'utf8').split('\n').filter((l) => !l.trim().startsWith('#')).join('\n');
    const used = usedMetrics(withoutComments);
    expect(used.length).toBeGreaterThan(15);
    const missing = used.filter((m) => !exported.has(m));
    expect(used).toContain('lianjian_mirror_lag_seconds');
    expect(missing).toEqual([]);
  });

  it('Prometheus accepts its configuration, Alertmanager its own', () => {
    // prometheus.yml names the rules where the container mounts them; check it against the repo's copy.
    const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-prom-'));
    const cfg = readFileSync(path.join(ops, 'prometheus/prometheus.yml'), 'utf8').replace('/etc/prometheus/rules.yml', rules);
    writeFileSync(path.join(dir, 'prometheus.yml'), cfg);
    const p = run('promtool', ['check', 'config', path.join(dir, 'prometheus.yml')]);
    expect(p.code, p.out).toBe(0);
    const a = run('amtool', ['check-config', path.join(ops, 'alertmanager/alertmanager.yml')]);
    expect(a.code, a.out).toBe(0);
    expect(a.out).toMatch(/SUCCESS/);
  });
});

describe('Grafana dashboard (ops/grafana)', () => {
  const dashboard = JSON.parse(readFileSync(path.join(ops, 'grafana/dashboards/lianjian.json'), 'utf8')) as {
    uid: string;
    title: string;
    schemaVersion: number;
    panels: { id: number; type: string; title: string; gridPos: { x: number; y: number; w: number; h: number }; targets?: { expr: string; refId: string }[] }[];
  };

  it('is a dashboard Grafana can provision: uid, title, unique panel ids, grid positions, the provisioned datasource', () => {
    expect(dashboard.uid).toBe('lianjian-ops');
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(30);
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of dashboard.panels) {
      expect(p.gridPos.x + p.gridPos.w, p.title).toBeLessThanOrEqual(24);
      if (p.type !== 'row') expect(p.targets?.length, p.title).toBeGreaterThan(0);
    }
    const ds = readFileSync(path.join(ops, 'grafana/provisioning/datasources/prometheus.yml'), 'utf8');
    expect(ds).toContain('uid: lianjian-prometheus');
    expect(JSON.stringify(dashboard)).toContain('"uid":"lianjian-prometheus"');
  });

  it('queries only exported metrics, in PromQL Prometheus accepts', () => {
    const exported = exportedMetrics();
    const exprs = dashboard.panels.flatMap((p) => p.targets ?? []).map((t) => t.expr);
    const missing = [...new Set(exprs.flatMap(usedMetrics))].filter((m) => !exported.has(m));
    expect(missing).toEqual([]);
    // promtool parses PromQL in rule files: wrap each panel query as a recording rule.
    const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-dash-'));
    const file = path.join(dir, 'panels.yml');
    writeFileSync(file, `groups:\n  - name: panels\n    rules:\n${exprs.map((e, i) => `      - record: panel:${i}\n        expr: ${JSON.stringify(e)}\n`).join('')}`);
    const r = run('promtool', ['check', 'rules', file]);
    expect(r.code, r.out).toBe(0);
  });
});

describe('monitoring services (ops/docker-compose.ops.yml)', () => {
  it('docker-compose accepts the stack with the ops profile and wires Prometheus, Alertmanager and Grafana to ops/', () => {
    const env = { ...process.env, LIANJIAN_SESSION_SECRET: 'x'.repeat(32), LIANJIAN_ID_SALT: 'salt', LIANJIAN_FORWARD_SECRET: 'f'.repeat(32) };
    const args = ['-f', path.join(root, 'docker-compose.yml'), '-f', path.join(ops, 'docker-compose.ops.yml'), '--profile', 'ops', 'config'];
    const config = execFileSync('docker-compose', args, { cwd: root, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
    const services = execFileSync('docker-compose', [...args, '--services'], { cwd: root, encoding: 'utf8', env }).trim().split('\n').sort();
    expect(services).toEqual(expect.arrayContaining(['alertmanager', 'api', 'chain', 'grafana', 'indexer', 'migrate', 'postgres', 'prometheus', 'web']));
    expect(config).toContain(`${ops}/prometheus/rules.yml:/etc/prometheus/rules.yml:ro`);
    expect(config).toContain(`${ops}/alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro`);
    expect(config).toContain(`${ops}/grafana/dashboards:/var/lib/grafana/dashboards:ro`);
    // Prometheus reaches the indexer's /metrics on the compose network.
    expect(config).toMatch(/LIANJIAN_HTTP_HOST: 0\.0\.0\.0/);
    const prom = readFileSync(path.join(ops, 'prometheus/prometheus.yml'), 'utf8');
    expect(prom).toContain('indexer:9464');
    expect(prom).toContain('api:4000');
    expect(prom).toContain('alertmanager:9093');
  });
});
