// Bad input against the real HTTP server: the corpus in test/corpus (broken bodies, broken and
// abusive documents, wrong types, invalid ids and cursors, hostile strings in every text field
// of createMember and updateMember). Every request gets an error with a code; nothing refused
// writes anything (every table's row count is unchanged); the server stays up. Valid text that
// only looks dangerous is stored as data, byte for byte, and its record says the same.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { getCases, gqlCases, persistedQueryBodies, RAW_CASES } from './corpus/hostile-requests.js';
import { isCatalogued } from '../src/shared/errors.js';
import { INERT_STRINGS, REFUSED_STRINGS } from './corpus/hostile-strings.js';
import { sessionFor } from './fixtures.js';
import { type GqlResponse } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as: { secretary } } = apiSuite({ sessions: ['secretary'] });

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

const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

const MEMBER_TEXT_FIELDS = ['name', 'ethnicity', 'occupation', 'nativePlace', 'nationalId', 'phone', 'address'] as const;
/** Longest value each free-text field accepts (api/src/modules/members/validate.ts). */
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
      expectRefusal(text, c.code, c.name);
    }
    expect(dataCounts(await tableCounts())).toEqual(before);
    await healthy();
  });
});

const CJK = /[\u4e00-\u9fff]/;

/** One error with the code, a catalogued one, and a message in English and in Chinese. */
function expectRefusal(text: string, code: string, label: string): void {
  const body = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string; messageZh?: string } }[] };
  expect(body.errors?.length, `${label}: ${text.slice(0, 300)}`).toBe(1);
  const e = body.errors![0]!;
  expect(e.extensions?.code, `${label}: ${text.slice(0, 300)}`).toBe(code);
  expect(isCatalogued(code), label).toBe(true);
  expect(e.message, label).toMatch(/[a-z]{3}/);
  expect(e.extensions?.messageZh, `${label}: ${text.slice(0, 300)}`).toMatch(CJK);
}

describe('request shapes Apollo refuses: GET parameters, persisted queries', () => {
  it('each gets its status and a catalogued client error in English and Chinese; nothing is written', async () => {
    const before = dataCounts(await tableCounts());
    const cases = getCases();
    expect(cases.filter((c) => c.code === 'PERSISTED_QUERY_NOT_SUPPORTED').length).toBeGreaterThanOrEqual(5);
    for (const c of cases) {
      const res = await fetch(`${h.url}/graphql?${c.search}`, { headers: { 'content-type': 'application/json', authorization: `Bearer ${secretary.token}` } });
      const text = await res.text();
      expect(res.status, `${c.name}: ${text.slice(0, 300)}`).toBe(c.status);
      expectRefusal(text, c.code, c.name);
    }
    // A persisted query is refused even when its hash is right: the API does not keep queries.
    const pq = persistedQueryBodies().find(([name]) => name.includes('right hash'))![1];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${h.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ extensions: pq.extensions }) });
      expect(res.status).toBe(400);
      expectRefusal(await res.text(), 'PERSISTED_QUERY_NOT_SUPPORTED', `hash alone, try ${i}`);
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
        // A bidi control in a name would make it display as another name (see the names test below).
        if (field === 'name' && BIDI.test(expected)) {
          expect(codes(res), label).toEqual(['BAD_USER_INPUT']);
          expect(await tableCounts(), label).toEqual(before);
          continue;
        }
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

/** The fields a BAD_USER_INPUT error names. */
function fieldsOf(res: GqlResponse): string[] {
  return ((res.errors?.[0]?.extensions.fields ?? []) as { field: string }[]).map((f) => f.field);
}

/** An error naming exactly these fields, each with an English and a Chinese message. */
function expectFieldError(res: GqlResponse, fields: string[], label = ''): void {
  expect(codes(res), `${label} ${JSON.stringify(res.errors)?.slice(0, 400)}`).toEqual(['BAD_USER_INPUT']);
  expect(fieldsOf(res), label).toEqual(fields);
  for (const f of res.errors![0]!.extensions.fields as { message: string; messageZh: string }[]) {
    expect(f.message.length, label).toBeGreaterThan(0);
    expect(f.messageZh.length, label).toBeGreaterThan(0);
  }
}

describe('dates, periods and years far out of range (issue #16, 2)', () => {
  const FIGURES = 'from to meetings { cadence { kind required } } byUnit { unitId }';

  it('refuses analytics(asOf: "9999-12-31") at once, naming asOf, and does not hold up other requests', async () => {
    const t0 = Date.now();
    const [far, other] = await Promise.all([
      h.gql(`{ analytics(asOf: "9999-12-31") { ${FIGURES} } }`, {}, secretary),
      new Promise((r) => setTimeout(r, 20)).then(async () => {
        const t = Date.now();
        const res = await h.gql(`{ me { kind } }`, {}, secretary);
        return { res, ms: Date.now() - t };
      }),
    ]);
    expectFieldError(far, ['asOf']);
    expect(far.status).toBe(400);
    expect(other.res.errors).toBeUndefined();
    // It looped about a million times on the event loop (3–12 s) before.
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('refuses out-of-range from/to as variables and literals, and years outside 1900–2100', async () => {
    const vars = await h.gql(`query($from: Date, $to: Date) { analytics(from: $from, to: $to) { ${FIGURES} } }`, { from: '9999-12-01', to: '9999-12-01' }, secretary);
    expectFieldError(vars, ['from', 'to']);
    expectFieldError(await h.gql(`{ analytics(from: "1899-12-01") { from } }`, {}, secretary), ['from']);
    expectFieldError(await h.gql(`{ pipelineDue(asOf: "2101-01-01") { totalCount } }`, {}, secretary), ['asOf']);
    // Postgres refused the year as a date: INTERNAL_SERVER_ERROR before.
    expectFieldError(await h.gql(`{ analytics { points(year: 2147483647) { total } } }`, {}, secretary), ['year']);
    expectFieldError(await h.gql(`{ analytics { appraisal(year: -1) { total } } }`, {}, secretary), ['year']);
    // The edges of the range are answered.
    const edge = await h.gql<{ analytics: { from: string; to: string } }>(`{ analytics(asOf: "2100-12-31", from: "1900-01-01") { ${FIGURES} } }`, {}, secretary);
    expect(edge.errors).toBeUndefined();
    expect(edge.data!.analytics).toMatchObject({ from: '1900-01', to: '2100-12' });
  });

  it('refuses DateTime and Date values that name no real moment instead of rolling them over', async () => {
    const plan = `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }`;
    const input = (startsAt: string) => ({ unitId: fx.units.b1.id, kind: 'BRANCH_COMMITTEE', title: '支委会', startsAt, endsAt: '2099-03-03T10:00:00.000Z' });
    for (const bad of ['2099-02-30T08:00:00.000Z', '2099-04-31T08:00:00Z', '2099-03-01T24:00:00Z', '2099-03-01T08:60:00Z', '2099-03-01T08:00:00+24:00', '2099-03-01 08:00:00Z']) {
      const res = await h.gql(plan, { input: input(bad) }, secretary);
      expect(codes(res), bad).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0]!.message, bad).toContain('DateTime must be an RFC 3339 time');
    }
    const literal = await h.gql(`{ analytics(asOf: "2026-02-30") { from } }`, {}, secretary);
    expect(literal.errors?.[0]?.message).toContain('Date must be a calendar date');
  });
});

describe('text arguments however they arrive (issue #16, 5)', () => {
  it('refuses NUL in string literals, anonymously too, naming the argument (Postgres 22021 before)', async () => {
    const signIn = await h.gql(`mutation { signIn(username: "adm\\u0000in", password: "x") { __typename } }`);
    expectFieldError(signIn, ['username']);
    expect(signIn.status).toBe(400);
    // A raw NUL inside the literal, not only the escape.
    expectFieldError(await h.gql(`mutation { signIn(username: "adm\u0000in", password: "x") { __typename } }`), ['username']);
    expectFieldError(await h.gql(`{ members(search: "a\\u0000") { totalCount } }`, {}, secretary), ['search']);
    expectFieldError(await h.gql(`mutation { grantPoints(input: { memberId: "${fx.members.m1.id}", points: 1, reason: "x\\u0000" }) { __typename } }`, {}, secretary), ['input.reason']);
    // Nested in a list of input objects, and through a fragment.
    expectFieldError(
      await h.gql(`mutation { importMembers(unitId: "${fx.units.b1.id}", dryRun: true, rows: [{ name: "ok" }, { name: "a\\u0000" }]) { __typename } }`, {}, secretary),
      ['rows[1].name'],
    );
    expectFieldError(await h.gql(`query { ...F } fragment F on Query { orgUnits(search: "\\u0000") { totalCount } }`, {}, secretary), ['search']);
  });

  it('limits the length of text: searches to 100 characters, anything to 20 000, at once', async () => {
    const t0 = Date.now();
    expectFieldError(await h.gql(`{ members(search: "${'x'.repeat(900_000)}") { totalCount } }`, {}, secretary), ['search']);
    expectFieldError(await h.gql(`query($s: String) { members(search: $s) { totalCount } }`, { s: 'x'.repeat(900_000) }, secretary), ['search']);
    expect(Date.now() - t0).toBeLessThan(2000);
    expectFieldError(await h.gql(`{ members(search: "${'长'.repeat(101)}") { totalCount } }`, {}, secretary), ['search']);
    expect((await h.gql(`{ members(search: "${'长'.repeat(100)}") { totalCount } }`, {}, secretary)).errors).toBeUndefined();
    const minutes = await h.gql(`mutation($m: String!) { recordMinutes(id: "${fx.members.m1.id}", minutes: $m) { id } }`, { m: 'x'.repeat(20_001) }, secretary);
    expectFieldError(minutes, ['minutes']);
  });

  it('matches % and _ in searches literally, in every search', async () => {
    const created = await h.gql<{ createMember: { id: string } }>(CREATE, { input: { ...validInput(), name: 'Under_score' } }, secretary);
    expect(created.errors).toBeUndefined();
    const admin = { token: await sessionFor(h.prisma, fx.accounts.admin.id) };
    const count = async (field: string, search: string) => {
      const res = await h.gql<Record<string, { totalCount: number }>>(`query($s: String) { ${field}(search: $s) { totalCount } }`, { s: search }, admin);
      expect(res.errors, `${field} ${search}`).toBeUndefined();
      return res.data![field]!.totalCount;
    };
    const course = await h.gql(`mutation { createCourse(input: { orgUnitId: "${fx.units.b1.id}", title: "党章学习" }) { id } }`, {}, secretary);
    expect(course.errors).toBeUndefined();
    // The names holding the term as typed (earlier tests stored some hostile ones).
    const names = (await h.prisma.member.findMany({ select: { name: true } })).map((m) => m.name);
    const holding = (term: string) => names.filter((n) => n.toLowerCase().includes(term.toLowerCase())).length;
    for (const term of ['_', 'r_s', '%', 'der%', 'Under\\', '\\_']) expect(await count('members', term), term).toBe(holding(term));
    expect(await count('members', 'r_s')).toBe(1);
    // "_" and "%" listed everyone in scope before.
    expect(holding('_')).toBeLessThan(names.length);
    for (const field of ['accounts', 'orgUnits', 'courses']) {
      expect(await count(field, '_'), field).toBe(0);
      expect(await count(field, '%'), field).toBe(0);
    }
  });

  it('refuses bidirectional controls in names and titles, and keeps them as data elsewhere', async () => {
    const rlo = '张\u202egnp.exe';
    expectFieldError(await h.gql(CREATE, { input: { ...validInput(), name: rlo } }, secretary), ['input.name']);
    expectFieldError(await h.gql(`mutation { createMember(input: { orgUnitId: "${fx.units.b1.id}", name: "a\u2067b", gender: MALE, birthDate: "1990-05-17", ethnicity: "汉族", education: BACHELOR, appliedOn: "2025-01-06" }) { id } }`, {}, secretary), ['input.name']);
    const titled: [string, string, Record<string, unknown>][] = [
      ['planMeeting', 'PlanMeetingInput', { unitId: fx.units.b1.id, kind: 'BRANCH_COMMITTEE', startsAt: '2099-03-03T08:00:00.000Z', endsAt: '2099-03-03T10:00:00.000Z' }],
      ['createVote', 'CreateVoteInput', { orgUnitId: fx.units.b1.id, kind: 'MOTION' }],
      ['createDecision', 'CreateDecisionInput', { orgUnitId: fx.units.b1.id, content: '内容', decidedOn: '2026-01-05' }],
      ['createCourse', 'CreateCourseInput', { orgUnitId: fx.units.b1.id }],
    ];
    for (const [field, type, rest] of titled) {
      for (const mark of ['\u202a', '\u200f', '\u061c']) {
        const res = await h.gql(`mutation($input: ${type}!) { ${field}(input: $input) { __typename } }`, { input: { ...rest, title: `标题${mark}` } }, secretary);
        expectFieldError(res, ['input.title'], field);
      }
    }
    const before = dataCounts(await tableCounts());
    expectFieldError(await h.gql(`mutation { signIn(username: "admin\u202e", password: "x") { __typename } }`), ['username']);
    expect(dataCounts(await tableCounts())).toEqual(before);
    // Not a name: stored as sent.
    const ok = await h.gql<{ createMember: { occupation: string } }>(CREATE, { input: { ...validInput(), occupation: rlo } }, secretary);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createMember.occupation).toBe(rlo);
  });
});
