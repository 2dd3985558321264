// Property tests: random sequences of actions — legal ones with valid input, arbitrary ones with
// broken input, at random dates — never yield a member whose stage or history the rules do not
// justify. The checks below restate the rules directly on the history, without the engine's fold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWorkingDays } from './calendar.js';
import { addDays, addMonths, addYears, type IsoDate } from '../dates.js';
import { applyStep, nextLegalActions } from './engine.js';
import { STEP_KINDS, type Stage, type StepKind } from './steps.js';
import type { MemberFacts, PersonRef, StepEvent, StepInput } from './types.js';

const full = (id: string): PersonRef => ({ id, stage: 'FULL', status: 'ACTIVE' });
const VOTE = { entitled: 9, present: 6, yes: 5, no: 1, abstain: 0 };
const ALL_VIEWS = ['PARTY_GROUP', 'MENTORS', 'MEMBERS', 'PUBLIC'] as const;

const lastDate = (h: readonly StepEvent[], k: StepKind) => h.filter((e) => e.kind === k).map((e) => e.occurredOn).sort().at(-1);

/** An input that satisfies every input rule of `kind` on `date`, given the history. */
function validInput(kind: StepKind, h: readonly StepEvent[], date: IsoDate, tweak: number): StepInput {
  switch (kind) {
    case 'NOMINATION':
      return { recommendedBy: tweak % 2 ? 'PARTY_MEMBERS' : 'MASS_ORGANISATION' };
    case 'MENTORS_ASSIGNED':
      return { people: tweak % 2 ? [full('a')] : [full('a'), full('b')] };
    case 'SPONSORS_ASSIGNED':
      return { people: [full('a'), full('c')] };
    case 'ACTIVIST_ASSESSMENT':
    case 'PROBATION_ASSESSMENT':
      return { conclusion: '表现良好' };
    case 'CANDIDATE_DECISION':
      return { viewsHeard: { on: date, sources: [...ALL_VIEWS] } };
    case 'POLITICAL_REVIEW':
      return { passed: tweak % 4 !== 0, conclusion: '审查结论' };
    case 'INTENSIVE_TRAINING':
      return { training: { startedOn: date, classHours: 24 } };
    case 'HIGHER_PRE_REVIEW':
      return { publicNotice: { from: lastDate(h, 'COMMITTEE_REVIEW') ?? date, to: date } };
    case 'ADMISSION_MEETING':
      return { vote: VOTE };
    case 'ADMISSION_APPROVAL':
      return { lateReason: '特殊情况' };
    case 'CONFIRMATION_MEETING':
      return { vote: VOTE, groupOpinion: { on: date, text: '同意' } };
    case 'PROBATION_EXTENDED':
      return { months: 6 + (tweak % 7), vote: VOTE, approvedOn: date, reason: '继续考察' };
    case 'MEMBERSHIP_REVOKED':
      return { vote: VOTE, approvedOn: date, reason: '不具备党员条件' };
    default:
      return {};
  }
}

/** A valid input with one thing broken (or, sometimes, nothing); `n` picks the value near an edge. */
function brokenInput(kind: StepKind, h: readonly StepEvent[], date: IsoDate, tweak: number, breakCase: number, n: number): StepInput {
  const v = validInput(kind, h, date, tweak);
  switch (breakCase) {
    case 0:
      return {};
    case 1: {
      // Around the quorum and majority edges of a roll of 10, written opinions included.
      const present = 4 + (n % 4);
      const written = Math.floor(n / 4) % 3;
      return { ...v, vote: { entitled: 10, present, yes: present + written - (Math.floor(n / 12) % 2), no: 0, abstain: 0, written } };
    }
    case 2:
      return { ...v, months: 4 + (n % 11) };
    case 3:
      return { ...v, people: [full('a'), full('b'), full('c')].slice(0, n % 4) };
    case 4:
      return { ...v, training: { startedOn: addDays(date, -(n % 3)), classHours: 20 + (n % 6) } };
    case 5:
      return { ...v, publicNotice: { from: addDays(date, -(n % 9)), to: date } };
    case 6:
      return { ...v, viewsHeard: { on: date, sources: ALL_VIEWS.slice(0, n % 5) } };
    case 7:
      return { ...v, lateReason: '', approvedOn: addDays(date, (n % 5) - 2) };
    default:
      return v;
  }
}

const STAGE_OF_STEP: [StepKind, Stage][] = [
  ['CONFIRMATION_APPROVAL', 'FULL'],
  ['ADMISSION_APPROVAL', 'PROBATIONARY'],
  ['CANDIDATE_DECISION', 'CANDIDATE'],
  ['NOMINATION', 'ACTIVIST'],
];

/** The backbone of the procedure: each step needs every earlier one before it, dated no later. */
const BACKBONE: StepKind[] = [
  'APPLICATION',
  'TALK',
  'NOMINATION',
  'CANDIDATE_DECISION',
  'COMMITTEE_REVIEW',
  'HIGHER_PRE_REVIEW',
  'APPLICATION_FORM',
  'ADMISSION_MEETING',
  'COMMITTEE_TALK',
  'ADMISSION_APPROVAL',
  'CONFIRMATION_MEETING',
  'CONFIRMATION_APPROVAL',
  'FILES_ARCHIVED',
];

function must(ok: boolean, what: string): asserts ok {
  if (!ok) throw new Error(`rule broken: ${what}`);
}

/** Restates the rules on a history and throws on the first one it breaks. */
function checkJustified(birthDate: IsoDate, member: MemberFacts, h: readonly StepEvent[]): void {
  const first = (k: StepKind) => h.findIndex((e) => e.kind === k);
  const on = (k: StepKind) => h[first(k)]?.occurredOn;
  const count = (k: StepKind, before = h.length) => h.slice(0, before).filter((e) => e.kind === k).length;

  const justified = STAGE_OF_STEP.find(([k]) => first(k) >= 0)?.[1] ?? 'APPLICANT';
  must(member.stage === justified, `stage ${member.stage}, justified ${justified}`);

  BACKBONE.forEach((k, i) => {
    const at = first(k);
    if (at < 0) return;
    for (const earlier of BACKBONE.slice(0, i)) {
      const e = first(earlier);
      must(e >= 0 && e < at, `${earlier} before ${k}`);
      must(h[e]!.occurredOn <= h[at]!.occurredOn, `${earlier} dated by ${k}`);
    }
  });

  const applied = on('APPLICATION');
  must(!applied || applied >= addYears(birthDate, 18), 'adult at application');

  const decided = first('CANDIDATE_DECISION');
  if (decided >= 0) {
    must(h[decided]!.occurredOn >= addYears(on('NOMINATION')!, 1), 'a year as activist');
    must(count('ACTIVIST_ASSESSMENT', decided) >= 2, 'two assessments');
    must(count('MENTORS_ASSIGNED', decided) >= 1, 'mentors');
    must(h[decided]!.details.viewsHeard?.sources.length === 4, 'views heard');
  }

  const reviewed = first('COMMITTEE_REVIEW');
  if (reviewed >= 0) {
    const before = h.slice(0, reviewed);
    must(before.filter((e) => e.kind === 'POLITICAL_REVIEW').at(-1)?.details.passed === true, 'political review passed');
    must(before.some((e) => e.kind === 'SPONSORS_ASSIGNED' && e.details.personIds?.length === 2), 'two sponsors');
    const t = before.find((e) => e.kind === 'INTENSIVE_TRAINING')?.details.training;
    must(!!t && (t.days >= 3 || t.classHours >= 24), 'training long enough');
  }

  const pre = h[first('HIGHER_PRE_REVIEW')];
  if (pre) {
    const n = pre.details.publicNotice!;
    must(countWorkingDays(n.from, n.to) >= 5, 'notice of 5 working days');
    must(n.from >= on('COMMITTEE_REVIEW')! && n.to <= pre.occurredOn, 'notice between review and pre-review');
  }

  for (const e of h) {
    const v = e.details.vote;
    if (e.kind === 'ADMISSION_MEETING' || e.kind === 'CONFIRMATION_MEETING' || e.kind === 'PROBATION_EXTENDED' || e.kind === 'MEMBERSHIP_REVOKED') {
      must(!!v && 2 * v.present > v.entitled && 2 * v.yes > v.entitled, `${e.kind} vote`);
    }
  }

  const meeting = on('ADMISSION_MEETING');
  const approval = on('ADMISSION_APPROVAL');
  must(!approval || approval <= addMonths(meeting!, 6), 'approval within six months');

  const extensions = h.filter((e) => e.kind === 'PROBATION_EXTENDED');
  must(extensions.length <= 1, 'one extension');
  let end = meeting ? addYears(meeting, 1) : undefined;
  if (extensions[0]) {
    const m = extensions[0].details.months!;
    must(m >= 6 && m <= 12 && Number.isInteger(m), 'extension of 6–12 months');
    must(extensions[0].occurredOn >= end!, 'extension at the end of probation');
    must(first('CONFIRMATION_MEETING') < 0 || first('CONFIRMATION_MEETING') > first('PROBATION_EXTENDED'), 'no extension after confirmation');
    end = addMonths(end!, m);
  }
  for (const e of h) if (e.kind === 'CONFIRMATION_MEETING') must(e.occurredOn >= end!, 'confirmation after probation');
  must(count('CONFIRMATION_MEETING') <= 1, 'one confirmation meeting');

  const revoked = first('MEMBERSHIP_REVOKED');
  if (revoked >= 0) {
    must(revoked === h.length - 1, 'nothing after revocation');
    must(member.status === 'REVOKED', 'revoked status');
    must(first('ADMISSION_APPROVAL') >= 0 && first('ADMISSION_APPROVAL') < revoked, 'revoked while probationary');
    must(first('CONFIRMATION_APPROVAL') === -1, 'never confirmed');
  } else {
    must(member.status === 'ACTIVE', 'active');
  }

  for (const k of BACKBONE) must(count(k) <= 1, `${k} once`);
}

const command = fc.record({
  advance: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 200 })),
  // legal: any listed action (checks agreement); progress: the earliest one-off step legal today,
  // so that walks get deep; any: any step kind, with broken input and back-dated.
  mode: fc.constantFrom('legal', 'legal', 'progress', 'progress', 'progress', 'any', 'any'),
  pick: fc.nat(),
  backdate: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 })),
  tweak: fc.nat(),
  breakCase: fc.nat(8),
  fromLegal: fc.boolean(),
  n: fc.nat(1000),
});

describe('random action sequences', () => {
  it('never produce a stage or a history that the rules do not justify, and agree with nextLegalActions', () => {
    const reached: Record<string, number> = {};
    fc.assert(
      fc.property(fc.integer({ min: 1960, max: 2010 }), fc.array(command, { minLength: 1, maxLength: 150, size: 'max' }), (birthYear, commands) => {
        const birthDate = `${birthYear}-06-15`;
        let member: MemberFacts = { id: 'me', birthDate, stage: 'APPLICANT', status: 'ACTIVE' };
        const history: StepEvent[] = [];
        let today: IsoDate = '2020-01-06';
        for (const c of commands) {
          today = addDays(today, c.advance);
          const legal = nextLegalActions(member, history, today);
          let kind: StepKind;
          let occurredOn = today;
          let input: StepInput;
          const legalNow = legal.filter((a) => a.legalToday);
          const oneOff = legalNow.filter((a) => a.kind !== 'MEMBERSHIP_REVOKED' && !['MENTORS_ASSIGNED', 'ACTIVIST_ASSESSMENT', 'SPONSORS_ASSIGNED', 'PROBATION_ASSESSMENT', 'PROBATION_EXTENDED'].includes(a.kind));
          const chosen =
            c.mode === 'progress'
              ? (oneOff.sort((a, b) => a.no - b.no)[0] ?? legalNow[c.pick % Math.max(legalNow.length, 1)])
              : legal[c.pick % Math.max(legal.length, 1)];
          if (c.mode !== 'any' && chosen) {
            kind = chosen.kind;
            input = validInput(kind, history, today, c.tweak);
          } else {
            // Half the time a step the order allows (so input rules are reached), else any kind.
            kind = c.fromLegal && legal.length > 0 ? legal[c.pick % legal.length]!.kind : STEP_KINDS[c.pick % STEP_KINDS.length]!;
            occurredOn = addDays(today, -c.backdate);
            input = brokenInput(kind, history, occurredOn, c.tweak, c.breakCase, c.n);
          }
          const r = applyStep(member, history, { kind, occurredOn }, input, today);
          if (c.mode !== 'any' && chosen) {
            // What nextLegalActions calls legal today is accepted with valid input, and only that.
            must(r.ok === chosen.legalToday, `${kind} on ${today}: ${r.ok ? 'accepted' : r.code}, legalToday ${chosen.legalToday}`);
            must(r.ok || r.code === chosen.blockedBy?.code, `${kind} blocked by ${chosen.blockedBy?.code}`);
          }
          if (!r.ok) continue;
          must(legal.some((a) => a.kind === kind), `${kind} accepted but not listed as legal`);
          must(r.step.occurredOn <= today, 'not in the future');
          history.push({ kind: r.step.kind, occurredOn: r.step.occurredOn, details: r.step.details });
          for (const e of r.effects) {
            if (e.type !== 'SET_MEMBER') continue;
            member = { ...member, ...(e.fields.stage ? { stage: e.fields.stage } : {}), ...(e.fields.status ? { status: e.fields.status } : {}) };
          }
          must((r.newStage ?? member.stage) === member.stage, 'newStage applied');
          checkJustified(birthDate, member, history);
        }
        const key = member.status === 'REVOKED' ? 'REVOKED' : member.stage;
        reached[key] = (reached[key] ?? 0) + 1;
      }),
      // A failure shrinks over long sequences; the time limit keeps a failing run short (and still failing).
      { numRuns: 300, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true },
    );
    // The generator must actually explore the whole procedure, or the property proves little.
    expect(reached.FULL ?? 0).toBeGreaterThan(0);
    expect(reached.REVOKED ?? 0).toBeGreaterThan(0);
    expect(reached.PROBATIONARY ?? 0).toBeGreaterThan(0);
  });
});
