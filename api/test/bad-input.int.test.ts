// Bad input against the real HTTP server: the corpus in test/corpus (broken bodies, broken and
// abusive documents, wrong types, invalid ids and cursors, hostile strings in every text field
// of createMember and updateMember). Every request gets an error with a code; nothing refused
// writes anything (every table's row count is unchanged); the server stays up. Valid text that
// only looks dangerous is stored as data, byte for byte, and its record says the same.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlCases, RAW_CASES } from './corpus/hostile-requests.js';
import { INERT_STRINGS, REFUSED_STRINGS } from './corpus/hostile-strings.js';
import { createFixture, sessionFor, type Fixture } from './fixtures.js';
import { startHarness, type Caller, type GqlResponse, type Harness } from './harness.js';

let h: Harness;
let fx: Fixture;
let secretary: Caller;

beforeAll(async () => {
  h = await startHarness();
  fx = await createFixture(h.prisma);
  secretary = { token: await sessionFor(h.prisma, fx.accounts.secretary.id) };
});
afterAll(() => h?.close());

/** Exact row counts of every table: "nothing written" means none of them moved. */
async function tableCounts(): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: h.dbUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    // One round trip for every table.
    const counts = await c.query<{ t: string; n: number }>(rows.map(({ t }) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(' UNION ALL '));
    return Object.fromEntries(counts.rows.map((r) => [r.t, r.n]));
  } finally {
    await c.end();
  }
}

/** Counts of the tables a request may touch without writing data (sessions are touched on use). */
function dataCounts(all: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(all).filter(([t]) => t !== '_lianjian_migrations'));
}

async function healthy(): Promise<void> {
  const res = await fetch(`${h.url}/health`);
  expect(res.status).toBe(200);
  const ok = await h.gql<{ me: { kind: string } }>(`{ me { kind } }`, {}, secretary);
  expect(ok.errors).toBeUndefined();
}

function codes(res: GqlResponse): string[] {
  return (res.errors ?? []).map((e) => String((e.extensions as { limitCode?: string }).limitCode ?? e.extensions.code));
}

const MEMBER_TEXT_FIELDS = ['name', 'ethnicity', 'occupation', 'nativePlace', 'nationalId', 'phone', 'address'] as const;
/** Longest value each free-text field accepts (api/src/members/validate.ts). */
const MAX: Partial<Record<(typeof MEMBER_TEXT_FIELDS)[number], number>> = { name: 50, ethnicity: 20, occupation: 100, nativePlace: 100, address: 200 };

const CREATE = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id name ethnicity occupation nativePlace address version } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id version } }`;
const validInput = () => ({ orgUnitId: fx.units.b1.id, name: '合法姓名', gender: 'MALE', birthDate: '1990-05-17', ethnicity: '汉族', education: 'BACHELOR', appliedOn: '2025-01-06' });

describe('malformed HTTP bodies', () => {
  it('each gets its status and an error code; nothing is written', async () => {
    const before = dataCounts(await tableCounts());
    for (const c of RAW_CASES) {
      const res = await fetch(`${h.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': c.contentType ?? 'application/json', authorization: `Bearer ${secretary.token}` },
        body: typeof c.body === 'string' ? c.body : new Uint8Array(c.body),
      });
      const text = await res.text();
      expect(res.status, `${c.name}: ${text.slice(0, 300)}`).toBe(c.status);
      const body = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[] };
      expect(body.errors?.[0]?.extensions?.code, `${c.name}: ${text.slice(0, 300)}`).toBe(c.code);
      expect(body.errors![0]!.message.length).toBeGreaterThan(0);
    }
    expect(dataCounts(await tableCounts())).toEqual(before);
    await healthy();
  });
});

describe('malformed and hostile GraphQL requests', () => {
  it('each gets a clear error with the expected code; nothing is written; the server stays up', async () => {
    const before = dataCounts(await tableCounts());
    const cases = gqlCases({ unit: fx.units.b1.id, member: fx.members.m1.id });
    expect(cases.length).toBeGreaterThanOrEqual(45);
    for (const c of cases) {
      const res = await fetch(`${h.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(c.signedIn ? { authorization: `Bearer ${secretary.token}` } : {}) },
        body: JSON.stringify({ query: c.query, variables: c.variables ?? {}, ...(c.operationName ? { operationName: c.operationName } : {}) }),
      });
      const text = await res.text();
      const body = JSON.parse(text) as GqlResponse;
      expect(body.errors?.length, `${c.name}: ${text.slice(0, 300)}`).toBeGreaterThan(0);
      // A document can break several limits at once; each error has a code, the expected one among them.
      const got = codes(body as GqlResponse);
      expect(got, `${c.name}: ${text.slice(0, 600)}`).toContain(c.code);
      for (const [i, e] of body.errors!.entries()) {
        expect(got[i], c.name).toMatch(/^[A-Z_]+$/);
        expect(e.message.length, c.name).toBeGreaterThan(0);
      }
      expect(res.status, c.name).toBeLessThan(500);
    }
    expect(dataCounts(await tableCounts())).toEqual(before);
    await healthy();
  });
});

describe('hostile strings in every text field of createMember and updateMember', () => {
  it('refuses control characters, NUL, unpaired surrogates and oversized text, naming the field; writes nothing', async () => {
    const before = dataCounts(await tableCounts());
    let requests = 0;
    for (const s of REFUSED_STRINGS) {
      for (const field of MEMBER_TEXT_FIELDS) {
        const created = await h.gql(CREATE, { input: { ...validInput(), [field]: s.value } }, secretary);
        const updated = await h.gql(UPDATE, { id: fx.members.m1.id, input: { [field]: s.value } }, secretary);
        requests += 2;
        for (const [what, res] of [['create', created], ['update', updated]] as const) {
          const label = `${what} ${field} = ${s.name}: ${JSON.stringify(res.errors)?.slice(0, 300)}`;
          expect(codes(res), label).toEqual(['BAD_USER_INPUT']);
          const fields = (res.errors![0]!.extensions.fields ?? []) as { field: string }[];
          expect(fields.map((f) => f.field), label).toContain(`input.${field}`);
          expect(res.errors![0]!.extensions.messageZh, label).toBeTruthy();
        }
      }
    }
    expect(requests).toBe(REFUSED_STRINGS.length * MEMBER_TEXT_FIELDS.length * 2);
    expect(dataCounts(await tableCounts())).toEqual(before);
    await healthy();
  });

  it('stores valid text that only looks dangerous as data: the row and its record hold exactly what was sent', async () => {
    const free = ['name', 'ethnicity', 'occupation', 'nativePlace', 'address'] as const;
    for (const s of INERT_STRINGS) {
      for (const field of free) {
        const before = await tableCounts();
        const res = await h.gql<{ createMember: Record<string, string> & { id: string } }>(CREATE, { input: { ...validInput(), [field]: s.value } }, secretary);
        const label = `${field} = ${s.name}`;
        const expected = s.value.trim();
        if ([...expected].length > MAX[field]! && expected.length > MAX[field]!) {
          expect(codes(res), label).toEqual(['BAD_USER_INPUT']);
          expect(await tableCounts(), label).toEqual(before);
          continue;
        }
        expect(res.errors, `${label}: ${JSON.stringify(res.errors)}`).toBeUndefined();
        const id = res.data!.createMember.id;
        const row = await h.prisma.member.findUniqueOrThrow({ where: { id } });
        expect(row[field], label).toBe(expected);
        if (field !== 'address') {
          expect(res.data!.createMember[field], label).toBe(expected);
          const rec = await h.prisma.outboxRecord.findFirstOrThrow({ where: { entityType: 'Member', entityId: id } });
          expect((JSON.parse(rec.document) as { data: Record<string, unknown> }).data[field], label).toBe(expected);
        }
        // One row and its record, nothing else but derived analytics (the "DROP TABLE" stayed a string).
        const after = await tableCounts();
        const moved = Object.keys(after).filter((t) => after[t] !== before[t] && !t.startsWith('analytics_'));
        expect(moved.sort(), label).toEqual(['member', 'outbox_record']);
        expect(after.member! - before.member!).toBe(1);
        expect(after.outbox_record! - before.outbox_record!).toBe(1);
      }
    }
    await healthy();
  });

  it('updates with hostile text are versioned like any other change and read back unchanged', async () => {
    const sql = INERT_STRINGS.find((s) => s.name === 'SQL injection')!.value;
    const m = await h.prisma.member.findUniqueOrThrow({ where: { id: fx.members.m2.id } });
    const res = await h.gql<{ updateMember: { version: number } }>(UPDATE, { id: m.id, input: { occupation: sql } }, secretary);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateMember.version).toBe(m.version + 1);
    const read = await h.gql<{ member: { occupation: string } }>(`query($id: ID!) { member(id: $id) { occupation } }`, { id: m.id }, secretary);
    expect(read.data!.member.occupation).toBe(sql);
    expect(await h.prisma.member.count()).toBeGreaterThan(4);
  });
});
