// The authorisation matrix over every module, driven by introspection: every Query and Mutation
// field of the schema is called by every kind of caller (anonymous, MEMBER, LEADER, SECRETARY,
// ADMIN, a partner key) with well-typed placeholder arguments, and the gate's answer is compared
// with the rules below. "passes" means the caller got past authorisation (to data, or to the
// resolver's own NOT_FOUND / BAD_USER_INPUT / CONFLICT on the placeholder ids); "denied" means
// FORBIDDEN; "unauthenticated" UNAUTHENTICATED. A field added later falls under the defaults:
// closed to anonymous callers, and writes closed to members, leaders and partners unless listed.
import {
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema.js';
import { apiKeyFor, createFixture, sessionFor, type Fixture } from './fixtures.js';
import { startHarness, type Caller, type Harness } from './harness.js';

type Role = 'anonymous' | 'member' | 'leader' | 'secretary' | 'admin' | 'partner';
type Outcome = 'passes' | 'denied' | 'unauthenticated';
const ROLES: Role[] = ['anonymous', 'member', 'leader', 'secretary', 'admin', 'partner'];

/** Callable without credentials. */
const PUBLIC = new Set(['signIn', 'verifyTotp', 'transferLetterCheck']);
/** Writes any signed-in account may make about itself. */
const SELF_WRITES = new Set(['signOut', 'revokeSession', 'changePassword', 'markInboxRead', 'setEmailPreference', 'setMyEmail', 'markNoticeRead', 'acknowledgeNotice']);
/** Writes a person makes as a member (own feedback, quizzes, assessments, ballots): only accounts linked to a member record. */
const MEMBER_WRITES = new Set([
  'submitFeedback', 'registerForMeeting', 'checkIn', 'submitMeetingFeedback', 'startQuizAttempt', 'submitQuizAttempt',
  'submitSelfAssessment', 'submitPeerAssessment', 'castBallot', 'completeCourse',
]);
/** Queries for staff (ADMIN, LEADER, SECRETARY) only: subtree lists, reports, administration. */
const STAFF_READS = new Set([
  'members', 'orgUnits', 'pipelineDue', 'analytics', 'analyticsSnapshot', 'analyticsSnapshots', 'meetingCompliance', 'transfers',
  'pointsRanking', 'memberFeedback', 'quizQuestions', 'identityHolds', 'duesSummary', 'duesReportCsv', 'duesRemittances',
  'committeeTermsDue',
  'approvalQueue', 'levelRequests',
  'oversight',
  'notices',
]);
// Not `decisions`: a member lists their own branch's (党务公开; decisions.int.test.ts).
/** What the test's partner key (scopes Member:read, OrgUnit:read) may read. */
const PARTNER_READS = new Set(['me', 'member', 'members', 'orgUnit', 'orgUnits']);
/** Decided by the level covering both units: ADMIN, or LEADER or SECRETARY scoped at or above it. */
const COVERING_LEVEL_WRITES = new Set(['resolveIdentityHold']);
/** Publishing figures is leadership's: ADMIN or LEADER. */
const LEADER_WRITES = new Set(['publishAnalyticsSnapshot']);
/** Member accounts are managed by ADMIN and by SECRETARY (members of their subtree). */
const ACCOUNT_ADMIN = new Set(['accounts', 'createAccount', 'changeAccountAccess', 'disableAccount', 'enableAccount', 'resetPassword']);
/**
 * Decided by the resolver on real rows, which placeholders cannot show: who may check in, vote or
 * record a completion depends on the meeting, vote or member named. For accounts these only have
 * to answer with passes or denied (never unauthenticated, never an internal error); their row
 * rules are tested in their modules' own files (meetings, votes, learning, dues: a member declares
 * their own base, a secretary for the members of their subtree).
 */
const ROW_DECIDED = new Set(['castBallot', 'checkIn', 'completeCourse', 'declareDuesBase']);
/** Writes any signed-in person makes in a thread they can see: a comment (its row rules: discussion.int.test.ts). */
const THREAD_WRITES = new Set(['postComment']);
/** Queries for accounts that write (ADMIN, SECRETARY): the directory of units a transfer letter can go to. */
const WRITER_READS = new Set(['transferDestinations']);
/** Read only with a level's mirror key (scope Mirror:read), which no session and not the matrix's partner key holds (mirror-feed.int.test.ts). */
const MIRROR_KEY_ONLY = new Set(['mirrorFeed', 'reportMirrorState']);
/** ADMIN only. */
const ADMIN_ONLY = new Set(['apiKeys', 'createApiKey', 'revokeApiKey', 'tamperAlerts', 'partnerScopes', 'mirrors']);
/** A partner key's own webhooks: API keys only, reads and writes alike; accounts are refused. */
const PARTNER_OWN = new Set(['webhookEndpoints', 'webhookDeliveries', 'registerWebhook', 'rotateWebhookSecret', 'enableWebhook', 'disableWebhook', 'deleteWebhook']);

function expected(kind: 'query' | 'mutation', name: string, role: Role): Outcome {
  if (PUBLIC.has(name)) return 'passes';
  if (role === 'anonymous') return 'unauthenticated';
  if (MIRROR_KEY_ONLY.has(name)) return 'denied';
  if (PARTNER_OWN.has(name)) return role === 'partner' ? 'passes' : 'denied';
  if (role === 'partner') return kind === 'query' && PARTNER_READS.has(name) ? 'passes' : 'denied';
  if (ADMIN_ONLY.has(name)) return role === 'admin' ? 'passes' : 'denied';
  if (ACCOUNT_ADMIN.has(name)) return role === 'admin' || role === 'secretary' ? 'passes' : 'denied';
  if (WRITER_READS.has(name)) return role === 'admin' || role === 'secretary' ? 'passes' : 'denied';
  if (kind === 'query') return STAFF_READS.has(name) && role === 'member' ? 'denied' : 'passes';
  if (SELF_WRITES.has(name)) return 'passes';
  if (THREAD_WRITES.has(name)) return 'passes';
  // The fixture's staff accounts have no member record of their own.
  if (MEMBER_WRITES.has(name)) return role === 'member' ? 'passes' : 'denied';
  if (COVERING_LEVEL_WRITES.has(name)) return role === 'member' ? 'denied' : 'passes';
  if (LEADER_WRITES.has(name)) return role === 'admin' || role === 'leader' ? 'passes' : 'denied';
  return role === 'admin' || role === 'secretary' ? 'passes' : 'denied';
}

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

function placeholder(type: GraphQLInputType, depth = 0): unknown {
  if (type instanceof GraphQLNonNull) return placeholder(type.ofType, depth);
  if (type instanceof GraphQLList) return [placeholder(type.ofType, depth)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0]!.value;
  if (type instanceof GraphQLInputObjectType) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (f.type instanceof GraphQLNonNull && f.defaultValue === undefined && depth < 5) out[f.name] = placeholder(f.type, depth + 1);
    return out;
  }
  const scalar = type as GraphQLScalarType;
  switch (scalar.name) {
    case 'ID':
      return PLACEHOLDER_ID;
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return '2025-01-06';
    case 'DateTime':
      return '2025-01-06T00:00:00.000Z';
    case 'JSON':
      return {};
    default:
      return 'x';
  }
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  // Required arguments, and optional ids (so that a resolver reaches its row checks rather than stopping at a missing id).
  const required = field.args.filter(
    (a: GraphQLArgument) => (a.type instanceof GraphQLNonNull && a.defaultValue === undefined) || (kind === 'mutation' && a.type.toString() === 'ID'),
  );
  const variables: Record<string, unknown> = {};
  const decl = required.map((a, i) => `$a${i}: ${a.type.toString()}`);
  const args = required.map((a, i) => `${a.name}: $a${i}`);
  required.forEach((a, i) => (variables[`a${i}`] = placeholder(a.type)));
  const named = getNamedType(field.type);
  const selection = named instanceof GraphQLScalarType || named instanceof GraphQLEnumType ? '' : ' { __typename }';
  return { query: `${kind}${decl.length ? `(${decl.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`, variables };
}

let h: Harness;
let fx: Fixture;
const callers = {} as Record<Role, Caller>;

beforeAll(async () => {
  h = await startHarness();
  fx = await createFixture(h.prisma);
  await freshCallers();
});

/** New sessions and key: a field like signOut or revokeApiKey must not spoil the next field's calls. */
async function freshCallers(): Promise<void> {
  callers.anonymous = {};
  callers.member = { token: await sessionFor(h.prisma, fx.accounts.member.id) };
  callers.leader = { token: await sessionFor(h.prisma, fx.accounts.leader.id) };
  callers.secretary = { token: await sessionFor(h.prisma, fx.accounts.secretary.id) };
  callers.admin = { token: await sessionFor(h.prisma, fx.accounts.admin.id) };
  callers.partner = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read', 'OrgUnit:read'])).key };
}
afterAll(() => h?.close());

function outcome(errors: { message: string; extensions: { code: string } }[] | undefined): Outcome | string {
  const code = errors?.[0]?.extensions.code;
  if (code === 'FORBIDDEN') return 'denied';
  // The gate's refusal asks for credentials; "wrong password" from signIn is its resolver speaking.
  if (code === 'UNAUTHENTICATED') return /^(Sign in first|This session)/.test(errors![0]!.message) ? 'unauthenticated' : 'passes';
  if (code === 'INTERNAL_SERVER_ERROR' || code === 'GRAPHQL_VALIDATION_FAILED') return `error ${code}`;
  return 'passes';
}

describe('authorisation matrix over every query and mutation (introspection)', () => {
  const fields = [
    ...Object.values(schema.getQueryType()!.getFields()).map((f) => ({ kind: 'query' as const, f })),
    ...Object.values((schema.getMutationType() as GraphQLObjectType).getFields()).map((f) => ({ kind: 'mutation' as const, f })),
  ];

  it('covers every module', () => {
    const names = new Set(fields.map((x) => x.f.name));
    for (const n of ['meetings', 'courses', 'appraisalCampaigns', 'myFeedback', 'pointsLedger', 'votes', 'decisions', 'transfers', 'analytics', 'comments', 'postComment', 'hideComment']) expect(names.has(n), n).toBe(true);
    expect(fields.length).toBeGreaterThan(100);
  });

  it('every caller gets exactly the access the rules give, field by field', async () => {
    const wrong: string[] = [];
    const table: string[] = [];
    let calls = 0;
    for (const { kind, f } of fields) {
      const op = operation(kind, f);
      if (kind === 'mutation') await freshCallers();
      const row: string[] = [];
      for (const role of ROLES) {
        const res = await h.gql(op.query, op.variables, callers[role]);
        calls++;
        const got = outcome(res.errors);
        const want = expected(kind, f.name, role);
        const ok = got === want || (ROW_DECIDED.has(f.name) && role !== 'anonymous' && role !== 'partner' && (got === 'passes' || got === 'denied'));
        row.push(`${role}:${ok ? got : `${got}≠${want}`}`);
        if (!ok) wrong.push(`${kind} ${f.name} as ${role}: got ${got} (${res.errors?.[0]?.message ?? 'data'}), rule says ${want}`);
      }
      table.push(`${f.name.padEnd(30)} ${row.join(' ')}`);
    }
    if (wrong.length) console.log(table.join('\n'));
    expect(calls).toBe(fields.length * ROLES.length);
    expect(wrong).toEqual([]);
  }, 240_000);
});
