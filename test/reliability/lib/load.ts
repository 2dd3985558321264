// Concurrent GraphQL clients mixing reads and writes (member create, update, reads with proofs),
// for the fault tests and the soak run. Every request's latency and outcome is kept; every write
// the API acknowledged is remembered, so that afterwards nothing acknowledged may be missing.

export interface LoadOptions {
  apiUrl: string;
  token: string;
  unitId: string;
  clients: number;
  /** Share of requests that write (0..1). */
  writeShare: number;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Tag in created members' names, to tell runs apart. */
  tag?: string;
}

export interface Outcome {
  at: number;
  ms: number;
  kind: 'create' | 'update' | 'read' | 'list';
  /** null when the request succeeded; else the error code, "HTTP nnn" or "NETWORK". */
  error: string | null;
}

export interface LoadRun {
  outcomes: Outcome[];
  /** Members whose creation the API acknowledged, with the last version it acknowledged. */
  acknowledged: Map<string, number>;
  stop(): Promise<void>;
}

const CREATE = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $v: Int, $input: UpdateMemberInput!) { updateMember(id: $id, expectedVersion: $v, input: $input) { id version } }`;
const READ = `query($id: ID!) { member(id: $id) { id name version proof { status leaf } } }`;
const LIST = `query($under: ID) { members(first: 20, under: $under) { totalCount edges { node { id name proof { status } } } } }`;

export function startLoad(o: LoadOptions): LoadRun {
  const outcomes: Outcome[] = [];
  const acknowledged = new Map<string, number>();
  let running = true;
  let n = 0;

  async function call(kind: Outcome['kind'], query: string, variables: Record<string, unknown>): Promise<Record<string, unknown> | null> {
    const t0 = performance.now();
    let error: string | null = null;
    let data: Record<string, unknown> | null = null;
    try {
      const res = await fetch(o.apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${o.token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
      });
      const text = await res.text();
      try {
        const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
        if (body.errors?.length) error = body.errors[0]!.extensions?.code ?? `HTTP ${res.status}`;
        else if (!res.ok) error = `HTTP ${res.status}`;
        else data = body.data ?? null;
      } catch {
        error = `HTTP ${res.status} (not JSON)`;
      }
    } catch {
      error = 'NETWORK';
    }
    outcomes.push({ at: Date.now(), ms: performance.now() - t0, kind, error });
    return data;
  }

  async function client(c: number): Promise<void> {
    // `stale`: a write to it failed, so its outcome is unknown (committed before the crash, or
    // not); like any client using expectedVersion, re-read the version before the next update.
    const mine: { id: string; version: number; stale?: boolean }[] = [];
    while (running) {
      const i = n++;
      const write = Math.random() < o.writeShare;
      if (write && (mine.length === 0 || Math.random() < 0.5)) {
        const d = await call('create', CREATE, {
          input: { orgUnitId: o.unitId, name: `负载 ${o.tag ?? ''} ${c}-${i}`, gender: i % 2 ? 'MALE' : 'FEMALE', birthDate: '1994-06-15', ethnicity: '汉族', education: 'BACHELOR', appliedOn: '2025-02-03' },
        });
        const m = d?.createMember as { id: string; version: number } | undefined;
        if (m) {
          mine.push({ ...m });
          acknowledged.set(m.id, m.version);
        }
      } else if (write) {
        const m = mine[i % mine.length]!;
        if (m.stale) {
          const r = (await call('read', READ, { id: m.id }))?.member as { version: number } | undefined;
          if (r) Object.assign(m, { version: r.version, stale: false });
          continue;
        }
        const d = await call('update', UPDATE, { id: m.id, v: m.version, input: { occupation: `职业 ${i}` } });
        const u = d?.updateMember as { id: string; version: number } | undefined;
        if (u) {
          m.version = u.version;
          acknowledged.set(u.id, u.version);
        } else m.stale = true;
      } else if (mine.length > 0 && i % 2 === 0) {
        await call('read', READ, { id: mine[i % mine.length]!.id });
      } else {
        await call('list', LIST, { under: o.unitId });
      }
    }
  }

  const loops = Array.from({ length: o.clients }, (_, c) => client(c));
  return {
    outcomes,
    acknowledged,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Every Member row has exactly one record per version 1..version, and no record lacks its row. */
export const MEMBER_INTEGRITY_SQL = `
  SELECT (SELECT count(*)::int FROM member m
           WHERE (SELECT count(*) FROM outbox_record o WHERE o.entity_type = 'Member' AND o.entity_id = m.id) <> m.version
              OR NOT EXISTS (SELECT 1 FROM outbox_record o WHERE o.entity_type = 'Member' AND o.entity_id = m.id AND o.version = m.version)) AS rows_without_records,
         (SELECT count(*)::int FROM outbox_record o WHERE o.entity_type = 'Member'
           AND NOT EXISTS (SELECT 1 FROM member m WHERE m.id = o.entity_id AND m.version >= o.version)) AS records_without_rows,
         (SELECT count(*)::int FROM member) AS members,
         (SELECT count(*)::int FROM outbox_record) AS records`;
