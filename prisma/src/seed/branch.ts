// Everything that happens inside one branch: its members and their development histories,
// mentors and sponsors, meetings with registrations, attendance and feedback, learning,
// the annual appraisal, feedback, points, votes and decisions, transfers and an analytics
// snapshot. A branch depends only on (seed, branch index), so branches generate in any order.
import { buildTree, treeRoot } from '@lianjian/verify';
import { createHash } from 'node:crypto';
import { hashNationalId } from '../identity.js';
import type { Catalog, CoursePlan } from './catalog.js';
import { addDays, addMonths, atOfficeHours, BASE_DATE, daysBetween, maxDate } from './dates.js';
import { planTimeline, STAGE_ORDER, type Stage, type Timeline } from './development.js';
import { address, chineseName, ETHNICITIES, nationalId, OCCUPATIONS, phone, PROVINCES } from './names.js';
import type { BranchPlan, OrgPlan, UnitPlan } from './org.js';
import { Prng } from './prng.js';
import type { Density } from './profile.js';
import type { Sink } from './sink.js';
import { seedDues } from './dues.js';
import { seedCommittees } from './committees.js';

export interface BranchContext {
  seed: string | number;
  plan: OrgPlan;
  catalog: Catalog;
  /** How densely each module is populated (profile.ts); its months of meetings end at BASE_DATE. */
  density: Density;
}

interface MemberState {
  id: string;
  name: string;
  unitId: string;
  group: UnitPlan | null;
  t: Timeline;
  status: 'ACTIVE' | 'TRANSFERRED_OUT' | 'REVOKED' | 'DECEASED';
  /** No organisational life after this date (transfer, death, revocation). */
  leftOn: Date | null;
  skill: number;
  leaf: Buffer;
}

const LAST_DAY = addDays(BASE_DATE, -1);
const STAGE_WEIGHTS: ReadonlyArray<readonly [Stage, number]> = [
  ['APPLICANT', 7],
  ['ACTIVIST', 7],
  ['CANDIDATE', 3],
  ['PROBATIONARY', 5],
  ['FULL', 78],
];

function at(rng: Prng, day: Date): Date {
  return atOfficeHours(day, rng.int(0, 480), rng.int(0, 999));
}

function stageIndex(s: Stage): number {
  return STAGE_ORDER.indexOf(s);
}

/** In the organisation (for meetings) on `day`: admitted, and not yet gone. */
function activeOn(m: MemberState, day: Date, minStage: Stage): boolean {
  const since =
    minStage === 'PROBATIONARY' ? m.t.probationarySince : minStage === 'ACTIVIST' ? m.t.activistSince : m.t.appliedOn;
  if (!since || since.getTime() > day.getTime()) return false;
  return !m.leftOn || m.leftOn.getTime() > day.getTime();
}

function hex32(rng: Prng): Buffer {
  return rng.bytes(32);
}

export function generateBranch(ctx: BranchContext, sink: Sink, b: BranchPlan): { demoMemberId: string | null } {
  const rng = new Prng(ctx.seed, `branch:${b.index}`);
  const { plan, catalog } = ctx;
  const province = PROVINCES.find((p) => p[0] === b.province)!;

  // ── members and their histories ──────────────────────────────────────────────────────────────
  const members: MemberState[] = [];
  for (let i = 0; i < b.size; i++) {
    // The first branch (the demo branch) shows every stage, whatever the draw.
    const stage = b.index === 0 && i < 10 ? STAGE_ORDER[i % 5]! : rng.weighted(STAGE_WEIGHTS);
    const probation = stage === 'PROBATIONARY' ? rng.weighted([['NORMAL', 92], ['EXTENDED', 5], ['REVOKED', 3]] as const) : 'NORMAL';
    const t = planTimeline(rng, { stage, probation });
    const gender = rng.chance(stage === 'FULL' ? 0.68 : 0.52) ? 'MALE' : 'FEMALE';
    const group = t.placedOn && t.status === 'ACTIVE' ? rng.pick(b.groups) : null;
    const age = daysBetween(t.birthDate, BASE_DATE) / 365.25;
    let status: MemberState['status'] = t.status;
    let leftOn: Date | null = t.status === 'REVOKED' ? t.statusChangedOn : null;
    let statusChangedOn = t.statusChangedOn;
    if (t.stage === 'FULL' && status === 'ACTIVE') {
      const floor = maxDate(addDays(t.steps[t.steps.length - 1]!.occurredOn, 30), addDays(BASE_DATE, -5 * 365));
      const span = daysBetween(floor, LAST_DAY);
      if (age > 75 && span > 0 && rng.chance(0.04)) {
        status = 'DECEASED';
        statusChangedOn = leftOn = addDays(floor, rng.int(0, span));
      } else if (span > 0 && rng.chance(0.015)) {
        status = 'TRANSFERRED_OUT';
        statusChangedOn = leftOn = addDays(floor, rng.int(0, span));
      }
    }
    const name = chineseName(rng, gender);
    const id = rng.uuid();
    const unitId = group?.id ?? b.id;
    const education = rng.weighted([
      ['POSTGRADUATE', age < 45 ? 18 : 6],
      ['BACHELOR', 40],
      ['JUNIOR_COLLEGE', 22],
      ['SENIOR_SECONDARY', age < 45 ? 10 : 20],
      ['JUNIOR_SECONDARY_OR_BELOW', age < 45 ? 2 : 12],
    ] as const);
    const occupation = age > 62 ? '退休人员' : age < 24 && t.stage !== 'FULL' ? '学生' : rng.weighted(OCCUPATIONS.filter(([o]) => o !== '退休人员'));
    const lastEvent = t.steps[t.steps.length - 1]!.occurredOn;
    const updated = at(rng, statusChangedOn && statusChangedOn.getTime() > lastEvent.getTime() ? statusChangedOn : lastEvent);
    const row = {
      id,
      orgUnitId: unitId,
      name,
      gender,
      birthDate: t.birthDate,
      ethnicity: rng.weighted(ETHNICITIES),
      education,
      occupation,
      nativePlace: rng.chance(0.75) ? province[0] : rng.pick(PROVINCES)[0],
      stage: t.stage,
      status,
      appliedOn: t.appliedOn,
      activistSince: t.activistSince,
      candidateSince: t.candidateSince,
      probationarySince: t.probationarySince,
      probationEndsOn: t.probationEndsOn,
      probationExtended: t.probationExtended,
      fullMemberSince: t.fullMemberSince,
      statusChangedOn,
      nationalIdHash: hashNationalId(nationalId(rng.chance(0.8) ? province[2] : rng.pick(PROVINCES)[2], t.birthDate, gender, b.firstMember + i)),
      phone: phone(rng),
      address: address(rng, province[1]),
      createdAt: at(rng, t.appliedOn),
      updatedAt: updated,
    };
    const leaf = sink.record('Member', row, updated);
    members.push({ id, name, unitId, group, t, status, leftOn, skill: 0.55 + rng.float() * 0.4, leaf });
  }
  sink.members += members.length;

  // A mentor or sponsor must already be a full member, i.e. past the confirmation approval (step 24).
  const confirmedOn = new Map(members.map((m) => [m.id, m.t.steps.find((s) => s.kind === 'CONFIRMATION_APPROVAL')?.occurredOn ?? null]));
  const fullOn = (day: Date) =>
    members.filter((m) => {
      const on = confirmedOn.get(m.id);
      return m.t.fullMemberSince && m.t.fullMemberSince.getTime() < day.getTime() && on && on.getTime() < day.getTime();
    });
  const committeeMembers = rng.sample(
    members.filter((m) => m.status === 'ACTIVE' && m.t.stage === 'FULL'),
    rng.int(3, 5),
  );

  // ── development steps, mentors, sponsors ─────────────────────────────────────────────────────
  const since = ctx.density.historySince;
  // The files of the most recently confirmed members wait on the committee (decision 013): one a
  // branch when confirmed in the last half year, and always two in the demo branch (not the demo
  // member's, whose history other pages show as complete).
  const archivedOn = (m: MemberState) => m.t.steps.find((s) => s.kind === 'FILES_ARCHIVED')?.occurredOn.getTime() ?? null;
  const demoMember = b.index === 0 ? members.find((m) => m.status === 'ACTIVE' && m.t.stage === 'FULL' && m.group) : undefined;
  const archiveWaiting = new Set(
    members
      .filter((m) => m !== demoMember && m.status === 'ACTIVE' && archivedOn(m) !== null && (b.index === 0 || archivedOn(m)! > addDays(LAST_DAY, -183).getTime()))
      .sort((x, y) => archivedOn(y)! - archivedOn(x)! || (x.id < y.id ? -1 : 1))
      .slice(0, b.index === 0 ? 2 : 1)
      .map((m) => m.id),
  );
  for (const m of members) {
    // Scale profile: a full member whose development ended before the records begin came in with
    // the dates on the member row (applied, activist, …, full member since); the steps are in the
    // paper archive. Every member still in development, or admitted since, has the whole history.
    if (since && m.t.stage === 'FULL' && m.t.steps[m.t.steps.length - 1]!.occurredOn.getTime() < since.getTime()) continue;
    const assign = (role: 'MENTOR' | 'SPONSOR', on: Date | null, end: Date | null, want: number): string[] => {
      if (!on) return [];
      const pool = fullOn(on).filter((x) => x.id !== m.id && (!x.leftOn || x.leftOn.getTime() > on.getTime()));
      if (pool.length < want) {
        // The branch's first members were mentored before the seeded population existed (someone
        // must be the first full member). The engine needs 1–2 mentors and exactly 2 sponsors, so
        // name the branch's earliest confirmed full members; no assignment row is dated before
        // they were full members.
        const veterans = members
          .filter((x) => x.id !== m.id && confirmedOn.get(x.id) && x.status === 'ACTIVE')
          .sort((a, b) => confirmedOn.get(a.id)!.getTime() - confirmedOn.get(b.id)!.getTime())
          .slice(0, want);
        return veterans.map((x) => x.id);
      }
      const chosen = rng.sample(pool, want);
      for (const mentor of chosen) {
        sink.record(
          'MentorAssignment',
          { id: rng.uuid(), orgUnitId: m.unitId, memberId: m.id, mentorId: mentor.id, role, assignedOn: on, endedOn: end },
          at(rng, end ?? on),
        );
      }
      return chosen.map((x) => x.id);
    };
    const mentors = assign('MENTOR', m.t.mentorsOn, m.t.mentorsEnd, rng.int(1, 2));
    const sponsors = assign('SPONSOR', m.t.sponsorsOn, m.t.sponsorsEnd, 2);

    let seq = 0;
    m.t.steps.forEach((planned) => {
      const s = planned.kind === 'FILES_ARCHIVED' && archiveWaiting.has(m.id) ? { ...planned, approval: 'PENDING' as const, notes: '报上级党委材料归档' } : planned;
      const approvingUnitId = s.approver === 'COMMITTEE' ? b.committee.id : s.approver === 'GENERAL_BRANCH' ? (b.generalBranch ?? b.committee).id : null;
      const when = at(rng, s.occurredOn);
      if (s.approval === 'PENDING') {
        // Not decided yet: the branch's request waiting on the committee (decision 013), not a step.
        sink.record(
          'LevelRequest',
          {
            id: rng.uuid(),
            orgUnitId: m.unitId,
            memberId: m.id,
            kind: s.kind,
            stepNo: s.stepNo,
            // The nearest committee (基层党委); step 18's filing one further up, as the API's decidingUnitFor.
            decidingUnitId: s.kind === 'DEPARTMENT_FILING' ? b.filingCommittee.id : b.committee.id,
            // Under a general branch it is reviewed first (decision 016): the demo branch's latest
            // and every other branch's still wait on the general branch, the rest were passed on.
            ...(b.generalBranch
              ? (b.index === 0 ? [...archiveWaiting][0] === m.id : b.index % 2 === 0)
                ? { status: 'IN_REVIEW', reviewingUnitId: b.generalBranch.id }
                : { status: 'PENDING', reviewingUnitId: b.generalBranch.id, reviewedAt: new Date(when.getTime() + 3_600_000) }
              : { status: 'PENDING' }),
            input: {},
            notes: s.notes,
            documents: [],
            requestedById: null,
            requestedAt: when,
            decidedById: null,
            decidedAt: null,
            returnReason: null,
            stepId: null,
          },
          when,
        );
        return;
      }
      const approvedAt = s.approval === 'APPROVED' ? new Date((s.approvedOn ? at(rng, s.approvedOn) : when).getTime() + rng.int(1, 6) * 3_600_000) : null;
      let details = s.details;
      // As the engine records them: the people by id.
      if (s.kind === 'MENTORS_ASSIGNED') details = { personIds: mentors };
      if (s.kind === 'SPONSORS_ASSIGNED') details = { personIds: sponsors };
      sink.record(
        'DevelopmentStep',
        {
          id: rng.uuid(),
          orgUnitId: m.unitId,
          memberId: m.id,
          seq: ++seq,
          stepNo: s.stepNo,
          stage: s.stage,
          kind: s.kind,
          occurredOn: s.occurredOn,
          notBefore: s.notBefore,
          dueOn: s.dueOn,
          approval: s.approval,
          approvingUnitId,
          approvedById: null,
          approvedAt,
          actorId: null,
          meetingId: null,
          voteId: null,
          notes: s.notes,
          details,
          documents:
            s.kind === 'APPLICATION' || s.kind === 'APPLICATION_FORM'
              ? [{ name: s.kind === 'APPLICATION' ? '入党申请书.pdf' : '入党志愿书.pdf', sha256: hex32(rng).toString('hex') }]
              : [],
        },
        approvedAt ?? when,
      );
    });
  }

  // ── points ledger (daily caps enforced per member, rule and day) ─────────────────────────────
  const capUsed = new Map<string, number>();
  const entries: Array<{ id: string; memberId: string; unitId: string; ruleId: string; points: number; occurredOn: Date }> = [];
  const award = (m: MemberState, code: string, day: Date, reason: string, sourceType: string, sourceId: string) => {
    if (day.getTime() > LAST_DAY.getTime() || (m.leftOn && m.leftOn.getTime() <= day.getTime())) return;
    const rule = catalog.rule(code, day);
    const key = `${m.id}|${code}|${day.toISOString().slice(0, 10)}`;
    const used = capUsed.get(key) ?? 0;
    const points = rule.dailyCap === null ? rule.points : Math.min(rule.points, rule.dailyCap - used);
    if (points <= 0) return;
    capUsed.set(key, used + points);
    const id = rng.uuid();
    sink.record(
      'PointsEntry',
      { id, orgUnitId: m.unitId, memberId: m.id, ruleId: rule.id, points, occurredOn: day, reason, sourceType, sourceId, correctsId: null, createdById: null },
      at(rng, day),
    );
    entries.push({ id, memberId: m.id, unitId: m.unitId, ruleId: rule.id, points, occurredOn: day });
  };

  // ── meetings ─────────────────────────────────────────────────────────────────────────────────
  const meetingTitles: Record<string, string[]> = {
    BRANCH_GENERAL: ['支部党员大会', '季度支部党员大会'],
    BRANCH_COMMITTEE: ['支部委员会会议'],
    PARTY_GROUP: ['党小组会'],
    PARTY_LECTURE: ['专题党课：学习党章', '专题党课：党的光辉历程', '专题党课：廉洁自律'],
    THEMED_DAY: ['主题党日：志愿服务', '主题党日：重温入党誓词', '主题党日：参观红色教育基地', '主题党日：学习交流'],
    ORG_LIFE: ['2025年度组织生活会暨民主评议党员'],
    HEART_TALK: ['支部书记谈心谈话', '支委谈心谈话'],
  };
  const generalMeetings: Array<{ id: string; at: Date; present: MemberState[] }> = [];

  const meeting = (
    kind: keyof typeof meetingTitles,
    unit: UnitPlan,
    scheduled: Date,
    participants: MemberState[],
    upcoming = false,
    attendance = true,
  ) => {
    const id = rng.uuid();
    const duration = kind === 'PARTY_GROUP' || kind === 'BRANCH_COMMITTEE' ? 60 : kind === 'THEMED_DAY' ? 120 : 90;
    const publishedAt = new Date(scheduled.getTime() - rng.int(5, 14) * 86_400_000 + rng.int(0, 3_600_000));
    const ended = new Date(scheduled.getTime() + duration * 60_000);
    const minutesAt = new Date(ended.getTime() + rng.int(1, 3) * 86_400_000);
    const title = rng.pick(meetingTitles[kind]!);
    sink.record(
      'Meeting',
      {
        id,
        orgUnitId: unit.id,
        kind,
        title,
        agenda: upcoming ? '1. 学习传达上级精神；2. 开展主题活动；3. 交流发言' : '1. 学习；2. 讨论；3. 部署工作',
        location: rng.pick(['党员活动室', '第一会议室', '线上会议', '红色教育基地']),
        scheduledAt: scheduled,
        durationMinutes: duration,
        status: upcoming ? 'PUBLISHED' : 'COMPLETED',
        publishedAt,
        startedAt: upcoming ? null : scheduled,
        endedAt: upcoming ? null : ended,
        checkInCode: String(rng.int(0, 999_999)).padStart(6, '0'),
        checkInExpiresAt: new Date(scheduled.getTime() + 30 * 60_000),
        minutes: upcoming ? null : `${title}：应到${participants.length}人。会议按议程进行，与会同志交流发言。`,
        minutesRecordedAt: upcoming ? null : minutesAt,
        createdById: null,
      },
      upcoming ? publishedAt : minutesAt,
    );
    // Lectures and upcoming themed days take registrations; past themed days only check in.
    const registers = kind === 'PARTY_LECTURE' || (kind === 'THEMED_DAY' && upcoming);
    const present: MemberState[] = [];
    // Scale profile: older meetings are on record (with minutes) but their attendance is not.
    for (const m of attendance ? participants : []) {
      const status = upcoming
        ? null
        : rng.weighted([
            ['PRESENT', 86],
            ['LATE', 4],
            ['EXCUSED', 7],
            ['ABSENT', 3],
          ] as const);
      if (registers && (upcoming ? rng.chance(0.6) : true)) {
        const registeredAt = new Date(publishedAt.getTime() + rng.int(600_000, 3 * 86_400_000));
        sink.record(
          'MeetingRegistration',
          {
            id: rng.uuid(),
            orgUnitId: unit.id,
            meetingId: id,
            memberId: m.id,
            status: status === 'ABSENT' && rng.chance(0.5) ? 'CANCELLED' : 'REGISTERED',
            registeredAt,
          },
          registeredAt,
        );
      }
      if (!status) continue;
      const attended = status === 'PRESENT' || status === 'LATE';
      const checkedInAt = attended
        ? new Date(scheduled.getTime() + (status === 'LATE' ? rng.int(5, 30) : rng.int(-15, 4)) * 60_000 + rng.int(0, 59_999))
        : null;
      sink.record(
        'Attendance',
        {
          id: rng.uuid(),
          orgUnitId: unit.id,
          meetingId: id,
          memberId: m.id,
          status,
          method: attended ? rng.weighted([['CODE', 50], ['QR', 40], ['MANUAL', 10]] as const) : null,
          checkedInAt,
          note: status === 'EXCUSED' ? rng.pick(['出差', '病假', '事假']) : null,
        },
        checkedInAt ?? ended,
      );
      if (!attended) continue;
      present.push(m);
      const code = kind === 'THEMED_DAY' ? 'THEMED_DAY' : kind === 'PARTY_LECTURE' ? 'PARTY_LECTURE' : 'MEETING_ATTENDANCE';
      // Being talked with earns nothing (the API's ATTENDANCE_RULE).
      if (kind !== 'HEART_TALK') award(m, code, scheduled, title, 'Attendance', id);
      if ((kind === 'PARTY_LECTURE' || kind === 'THEMED_DAY') && rng.chance(0.25)) {
        sink.record(
          'MeetingFeedback',
          {
            id: rng.uuid(),
            orgUnitId: unit.id,
            meetingId: id,
            memberId: m.id,
            rating: rng.weighted([[5, 50], [4, 35], [3, 12], [2, 3]] as const),
            comment: rng.chance(0.5) ? rng.pick(['内容充实，很有收获', '形式新颖', '希望多组织此类活动', '时间可以再紧凑些']) : null,
          },
          new Date(ended.getTime() + rng.int(600_000, 86_400_000)),
        );
      }
    }
    if (kind === 'BRANCH_GENERAL') generalMeetings.push({ id, at: scheduled, present });
  };

  const dens = ctx.density;
  for (let k = dens.months; k >= 1; k--) {
    const att = dens.attendanceMonths === null || k <= dens.attendanceMonths;
    const monthStart = addMonths(new Date(Date.UTC(BASE_DATE.getUTCFullYear(), BASE_DATE.getUTCMonth(), 1)), -k);
    const day = (lo: number, hi: number) => addDays(monthStart, rng.int(lo, hi));
    // Afternoon meetings: 14:00–16:00 +08:00 is 06:00–08:00 UTC.
    const time = (d: Date) => new Date(d.getTime() + (6 * 60 + rng.pick([0, 30, 60, 90, 120])) * 60_000);
    const quarterly = monthStart.getUTCMonth() % 3 === 0;
    const from = (d: Date, minStage: Stage) => members.filter((m) => activeOn(m, d, minStage));
    let d = time(day(2, 8));
    meeting('BRANCH_COMMITTEE', b, d, committeeMembers.filter((m) => activeOn(m, d, 'PROBATIONARY')), false, att);
    d = time(day(9, 16));
    meeting('THEMED_DAY', b, d, from(d, 'PROBATIONARY'), false, att);
    for (const g of b.groups) {
      d = time(day(17, 24));
      meeting('PARTY_GROUP', g, d, members.filter((m) => m.group === g && m.t.placedOn && m.t.placedOn.getTime() <= d.getTime() && activeOn(m, d, 'PROBATIONARY')), false, att);
    }
    if (quarterly) {
      d = time(day(10, 20));
      // The general meeting always keeps its attendance: its votes are cast by those present.
      meeting('BRANCH_GENERAL', b, d, from(d, 'PROBATIONARY'));
      d = time(day(20, 26));
      meeting('PARTY_LECTURE', b, d, from(d, 'ACTIVIST'), false, att);
    }
  }
  const next = new Date(addDays(BASE_DATE, rng.int(5, 20)).getTime() + 6 * 3_600_000);
  meeting('THEMED_DAY', b, next, members.filter((m) => activeOn(m, LAST_DAY, 'PROBATIONARY')), true);

  // ── learning: completions and quiz attempts ──────────────────────────────────────────────────
  const learners = members.filter((m) => m.t.activistSince && stageIndex(m.t.stage) >= 1 && m.status === 'ACTIVE');
  for (const m of learners) {
    for (const course of catalog.courses) {
      if (!rng.chance(course.mandatory ? dens.mandatoryCourse : dens.optionalCourse)) continue;
      const earliest = maxDate(maxDate(course.publishedAt, m.t.activistSince!), addDays(BASE_DATE, -365));
      const span = daysBetween(earliest, LAST_DAY) - 6;
      if (span < 1) continue;
      const completedAt = at(rng, addDays(earliest, rng.int(1, span)));
      const best = attempts(rng, sink, m, course, completedAt, dens);
      sink.record(
        'CourseCompletion',
        { id: rng.uuid(), orgUnitId: m.unitId, courseId: course.id, memberId: m.id, completedAt, classHours: course.classHours, score: best?.score ?? null },
        completedAt,
      );
      award(m, 'COURSE_COMPLETION', dayOf(completedAt), `完成课程《${course.title}》`, 'CourseCompletion', course.id);
      if (best?.passed) award(m, 'QUIZ_PASS', dayOf(best.finishedAt), `通过《${course.quiz.title}》`, 'QuizAttempt', best.id);
    }
  }

  // ── democratic appraisal of 2025 (at most one third 优秀) ───────────────────────────────────
  appraisal(rng, sink, b, members, dens.peers);

  // ── feedback from members ────────────────────────────────────────────────────────────────────
  for (const m of members) {
    if (m.status !== 'ACTIVE' || !rng.chance(0.04)) continue;
    const submitted = at(rng, addDays(BASE_DATE, -rng.int(5, 365)));
    if (submitted.getTime() < m.t.appliedOn.getTime()) continue;
    const status = rng.weighted([['SUBMITTED', 20], ['ACKNOWLEDGED', 15], ['IN_PROGRESS', 15], ['RESOLVED', 35], ['CLOSED', 15]] as const);
    const responded = status === 'SUBMITTED' || status === 'ACKNOWLEDGED' ? null : new Date(submitted.getTime() + rng.int(1, 20) * 86_400_000);
    const topic = rng.pick(['组织生活形式', '学习资料更新', '志愿服务安排', '党费缴纳方式', '活动场地', '线上学习平台']);
    const feedbackId = rng.uuid();
    sink.record(
      'MemberFeedback',
      {
        id: feedbackId,
        orgUnitId: m.unitId,
        memberId: m.id,
        category: rng.pick(['SUGGESTION', 'OPINION', 'REQUEST', 'COMPLAINT', 'OTHER'] as const),
        topic,
        content: `关于${topic}的意见和建议。`,
        status,
        submittedAt: submitted,
        response: responded ? '已收到，支部委员会已研究并作出安排。' : null,
        respondedById: null,
        respondedAt: responded && responded.getTime() <= BASE_DATE.getTime() ? responded : null,
      },
      responded && responded.getTime() <= BASE_DATE.getTime() ? responded : submitted,
    );
    award(m, 'FEEDBACK', dayOf(submitted), '建言献策', 'MemberFeedback', feedbackId);
  }

  // Corrections: a few entries were recorded twice and are reversed by a new entry.
  for (const e of entries) {
    if (!rng.chance(0.01)) continue;
    const on = addDays(e.occurredOn, rng.int(1, 20));
    if (on.getTime() > LAST_DAY.getTime()) continue;
    sink.record(
      'PointsEntry',
      {
        id: rng.uuid(),
        orgUnitId: e.unitId,
        memberId: e.memberId,
        ruleId: e.ruleId,
        points: -e.points,
        occurredOn: on,
        reason: '更正：重复登记',
        sourceType: 'PointsEntry',
        sourceId: e.id,
        correctsId: e.id,
        createdById: null,
      },
      at(rng, on),
    );
  }

  // ── votes and decisions at the latest branch general meeting ─────────────────────────────────
  const latest = generalMeetings[generalMeetings.length - 1];
  if (latest && latest.present.length >= 3 && b.index % 3 === 0) motion(rng, sink, b, latest, members);
  if (latest && latest.present.length >= 5 && b.index % 5 === 1) election(rng, sink, b, latest, members);

  // ── transfers ────────────────────────────────────────────────────────────────────────────────
  for (const m of members) {
    if (m.status === 'TRANSFERRED_OUT') {
      const cross = rng.chance(0.4);
      const to = cross ? rng.pick(PROVINCES.filter((p) => p[0] !== b.province)) : province;
      const issuedOn = m.leftOn!;
      const receivedOn = addDays(issuedOn, rng.int(5, 60));
      transfer(rng, sink, b, m, { cross, toProvince: to[0], toOrganisation: `${to[1]}市某单位党委`, toUnitId: null, issuedOn, receivedOn });
    } else if (m.status === 'ACTIVE' && m.t.stage === 'FULL' && rng.chance(0.01) && plan.branches.length > 1) {
      const dest = plan.branches[(b.index + 1 + rng.int(0, plan.branches.length - 2)) % plan.branches.length]!;
      transfer(rng, sink, b, m, {
        cross: dest.province !== b.province,
        toProvince: dest.province,
        toOrganisation: null,
        toUnitId: dest.id,
        issuedOn: addDays(BASE_DATE, -rng.int(2, 60)),
        receivedOn: null,
      });
    }
  }

  // ── a published, verifiable figure: members by stage ─────────────────────────────────────────
  if (b.index % 50 === 0) snapshot(rng, sink, b, members);

  // ── yearly organisational life: drawn last, so the branch's other random rows stay as they were ─
  // The 组织生活会 where 2025's 民主评议 was held (the appraisal runs 5–31 January 2026), and two
  // 谈心谈话 of the committee with a few members each in the last two months. Attendance follows
  // the density as in the monthly loop (k months before BASE_DATE).
  const recorded = (k: number) => dens.attendanceMonths === null || k <= dens.attendanceMonths;
  const orgLife = new Date(Date.UTC(2026, 0, rng.int(12, 23), 6, 0));
  meeting('ORG_LIFE', b, orgLife, members.filter((m) => activeOn(m, orgLife, 'PROBATIONARY')), false, recorded(10));
  for (const k of [2, 1]) {
    const talk = new Date(addDays(addMonths(new Date(Date.UTC(BASE_DATE.getUTCFullYear(), BASE_DATE.getUTCMonth(), 1)), -k), rng.int(3, 25)).getTime() + 7 * 3_600_000);
    const talkedWith = members.filter((m) => activeOn(m, talk, 'PROBATIONARY'));
    meeting('HEART_TALK', b, talk, rng.sample(talkedWith, Math.min(talkedWith.length, rng.int(2, 5))), false, recorded(k));
  }

  // ── dues (党费): its own random stream ───────────────────────────────────────────────────────
  seedDues(ctx.seed, sink, b, members.map((m) => ({ id: m.id, unitId: m.unitId, status: m.status, probationarySince: m.t.probationarySince ?? null })));

  const demo = b.index === 0 ? members.find((m) => m.status === 'ACTIVE' && m.t.stage === 'FULL' && m.group) : undefined;

  // ── leaderships (班子) and their terms: their own random stream ───────────────────────────────
  seedCommittees(ctx.seed, sink, plan, b, members.map((m) => ({ id: m.id, fullMemberSince: m.t.stage === 'FULL' ? m.t.fullMemberSince : null, active: m.status === 'ACTIVE' })), demo?.id ?? null);
  return { demoMemberId: demo?.id ?? null };
}

function dayOf(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** Attempts at a course's quiz after completing it: random distinct questions, a retry draws unseen ones. */
function attempts(rng: Prng, sink: Sink, m: MemberState, course: CoursePlan, completedAt: Date, dens: Density) {
  if (!rng.chance(dens.quiz)) return null;
  const q = course.quiz;
  let best: { id: string; score: number; passed: boolean; finishedAt: Date } | null = null;
  let seen = new Set<string>();
  let start = new Date(completedAt.getTime() + rng.int(600, 3 * 86_400) * 1000);
  for (let n = 1; n <= q.maxAttempts; n++) {
    if (start.getTime() > LAST_DAY.getTime()) break;
    const unseen = course.questions.filter((x) => !seen.has(x.id));
    const drawn = rng.sample(unseen.length >= q.questionCount ? unseen : course.questions, q.questionCount);
    seen = new Set([...seen, ...drawn.map((x) => x.id)]);
    const answers: Record<string, number[]> = {};
    let score = 0;
    for (const question of drawn) {
      if (rng.chance(m.skill)) {
        answers[question.id] = question.correct;
        score += question.points;
      } else {
        const wrong = question.options.map((_, i) => i).filter((i) => !question.correct.includes(i));
        answers[question.id] = [rng.pick(wrong.length ? wrong : [0])];
      }
    }
    const maxScore = drawn.reduce((s, x) => s + x.points, 0);
    const finishedAt = new Date(start.getTime() + rng.int(240, q.timeLimitSeconds - 20) * 1000);
    const passed = score * 100 >= q.passScore * maxScore;
    const id = rng.uuid();
    sink.record(
      'QuizAttempt',
      {
        id,
        orgUnitId: m.unitId,
        quizId: q.id,
        memberId: m.id,
        attemptNo: n,
        status: 'SUBMITTED',
        questionIds: drawn.map((x) => x.id),
        answers,
        score,
        maxScore,
        passed,
        timeLimitSeconds: q.timeLimitSeconds,
        startedAt: start,
        deadlineAt: new Date(start.getTime() + q.timeLimitSeconds * 1000),
        finishedAt,
      },
      finishedAt,
    );
    if (!best || score > best.score) best = { id, score, passed, finishedAt };
    if (passed || !rng.chance(dens.retry)) break;
    start = new Date(finishedAt.getTime() + rng.int(1, 5) * 86_400_000);
  }
  return best;
}

function appraisal(rng: Prng, sink: Sink, b: BranchPlan, members: MemberState[], peers: number): void {
  const yearEnd = new Date(Date.UTC(2025, 11, 31));
  const closes = new Date(Date.UTC(2026, 0, 31));
  const eligible = members.filter(
    (m) => m.t.fullMemberSince && m.t.fullMemberSince.getTime() <= yearEnd.getTime() && (!m.leftOn || m.leftOn.getTime() > closes.getTime()),
  );
  if (eligible.length < 3) return;
  const campaignId = rng.uuid();
  const published = atOfficeHours(new Date(Date.UTC(2026, 1, 10)), 60, rng.int(0, 999));
  sink.record(
    'AppraisalCampaign',
    {
      id: campaignId,
      orgUnitId: b.id,
      year: 2025,
      title: '2025年度民主评议党员',
      status: 'PUBLISHED',
      opensOn: new Date(Date.UTC(2026, 0, 5)),
      closesOn: closes,
      publishedAt: published,
    },
    published,
  );
  const RATINGS = ['EXCELLENT', 'QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED'] as const;
  const tallies = new Map<string, Record<(typeof RATINGS)[number], number>>();
  for (const m of eligible) tallies.set(m.id, { EXCELLENT: 0, QUALIFIED: 0, BASICALLY_QUALIFIED: 0, UNQUALIFIED: 0 });
  for (const m of eligible) {
    const submitted = at(rng, new Date(Date.UTC(2026, 0, rng.int(6, 30))));
    sink.record(
      'SelfAssessment',
      {
        id: rng.uuid(),
        orgUnitId: b.id,
        campaignId,
        memberId: m.id,
        summary: '一年来认真学习，积极参加组织生活，按时缴纳党费，较好完成本职工作。',
        rating: rng.chance(0.3) ? 'EXCELLENT' : 'QUALIFIED',
        submittedAt: submitted,
      },
      submitted,
    );
    for (const other of rng.sample(eligible.filter((x) => x !== m), peers)) {
      const rating = rng.weighted([['EXCELLENT', 30 * (0.5 + other.skill)], ['QUALIFIED', 62], ['BASICALLY_QUALIFIED', 7], ['UNQUALIFIED', 1]] as const);
      tallies.get(other.id)![rating]++;
      sink.record(
        'PeerAssessment',
        { id: rng.uuid(), orgUnitId: b.id, campaignId, assessorId: m.id, subjectId: other.id, rating, comment: null, submittedAt: submitted },
        submitted,
      );
    }
  }
  // At most one third may be rated 优秀: those with the most 优秀 votes, ties broken at random.
  const cap = Math.floor(eligible.length / 3);
  const ranked = eligible
    .map((m) => ({ m, t: tallies.get(m.id)!, r: rng.float() }))
    .sort((x, y) => y.t.EXCELLENT - x.t.EXCELLENT || x.r - y.r);
  ranked.forEach(({ m, t }, i) => {
    const weak = t.BASICALLY_QUALIFIED + t.UNQUALIFIED;
    const strong = t.EXCELLENT + t.QUALIFIED;
    const rating =
      i < cap && t.EXCELLENT > 0 ? 'EXCELLENT' : weak > strong ? (t.UNQUALIFIED > t.BASICALLY_QUALIFIED ? 'UNQUALIFIED' : 'BASICALLY_QUALIFIED') : 'QUALIFIED';
    const decided = atOfficeHours(new Date(Date.UTC(2026, 1, 5)), 120, rng.int(0, 999));
    const notified = atOfficeHours(new Date(Date.UTC(2026, 1, 12)), rng.int(0, 480), rng.int(0, 999));
    sink.record(
      'AppraisalResult',
      { id: rng.uuid(), orgUnitId: b.id, campaignId, memberId: m.id, rating, peerSummary: t, decidedAt: decided, decidedById: null, notifiedAt: notified },
      notified,
    );
  });
}

function ballots(
  rng: Prng,
  sink: Sink,
  b: BranchPlan,
  voteId: string,
  voters: MemberState[],
  opened: Date,
  closed: Date,
  choose: () => string[],
): Buffer[] {
  const leaves: Array<{ id: string; leaf: Buffer }> = [];
  for (const v of voters) {
    const votedAt = new Date(opened.getTime() + rng.int(60, 1800) * 1000);
    sink.record('VoterRollEntry', { id: rng.uuid(), orgUnitId: b.id, voteId, memberId: v.id, votedAt }, votedAt);
  }
  // Ballots are written apart from the roll and all stamped with the closing time, so neither
  // order nor time links a ballot to a voter.
  for (let i = 0; i < voters.length; i++) {
    const id = rng.uuid();
    const receiptHash = createHash('sha256').update(rng.bytes(32)).digest();
    leaves.push({ id, leaf: sink.record('Ballot', { id, orgUnitId: b.id, voteId, receiptHash, choices: choose() }, closed) });
  }
  return leaves.sort((x, y) => (x.id < y.id ? -1 : 1)).map((x) => x.leaf);
}

function openVote(
  rng: Prng,
  sink: Sink,
  b: BranchPlan,
  meetingAt: Date,
  meetingId: string,
  members: MemberState[],
  fields: { kind: 'MOTION' | 'ELECTION'; title: string; majorityRule: string; seats: number },
) {
  const voteId = rng.uuid();
  const opened = new Date(meetingAt.getTime() + 20 * 60_000);
  const closed = new Date(opened.getTime() + 40 * 60_000);
  const eligible = members.filter((m) => activeOn(m, meetingAt, 'PROBATIONARY') && m.t.fullMemberSince && m.t.fullMemberSince.getTime() <= meetingAt.getTime());
  const rollHash = createHash('sha256').update(eligible.map((m) => m.id).sort().join('\n')).digest();
  sink.record(
    'Vote',
    {
      id: voteId,
      orgUnitId: b.id,
      meetingId,
      kind: fields.kind,
      title: fields.title,
      description: null,
      subjectMemberId: null,
      status: 'TALLIED',
      secret: true,
      quorumRule: 'MORE_THAN_HALF',
      majorityRule: fields.majorityRule,
      seats: fields.seats,
      opensAt: opened,
      closesAt: closed,
      openedAt: opened,
      closedAt: closed,
      eligibleCount: eligible.length,
      eligibleRollHash: rollHash,
      createdById: null,
    },
    closed,
  );
  for (const m of eligible) sink.record('VoteEligibleVoter', { id: rng.uuid(), orgUnitId: b.id, voteId, memberId: m.id }, opened);
  return { voteId, opened, closed, eligible };
}

function motion(rng: Prng, sink: Sink, b: BranchPlan, gm: { id: string; at: Date; present: MemberState[] }, members: MemberState[]): void {
  const title = rng.pick(['关于加强党员日常教育管理的决议', '关于开展结对帮扶活动的决议', '关于规范"三会一课"的决议']);
  const v = openVote(rng, sink, b, gm.at, gm.id, members, { kind: 'MOTION', title, majorityRule: 'MORE_THAN_HALF_OF_ENTITLED', seats: 1 });
  const labels = ['赞成', '反对', '弃权'];
  const options = labels.map((label, i) => {
    const id = rng.uuid();
    sink.record('VoteOption', { id, orgUnitId: b.id, voteId: v.voteId, position: i + 1, label, candidateId: null }, v.opened);
    return id;
  });
  const voters = gm.present.filter((m) => v.eligible.includes(m));
  const counts = [0, 0, 0];
  const leaves = ballots(rng, sink, b, v.voteId, voters, v.opened, v.closed, () => {
    const i = rng.weighted([[0, 85], [1, 5], [2, 10]] as const);
    counts[i]!++;
    return [options[i]!];
  });
  const quorumMet = voters.length * 2 > v.eligible.length;
  const passed = quorumMet && counts[0]! * 2 > v.eligible.length;
  const tallied = tally(rng, sink, b, v, { options, counts, leaves, ballotsCast: voters.length, passed });
  if (!passed) return;
  const decisionId = rng.uuid();
  const decidedOn = dayOf(gm.at);
  sink.record(
    'Decision',
    {
      id: decisionId,
      orgUnitId: b.id,
      voteId: v.voteId,
      meetingId: gm.id,
      number: `${b.code}〔2026〕${rng.int(1, 20)}号`,
      title,
      content: `${title}经支部党员大会表决通过，现予公布。`,
      decidedOn,
      yesCount: counts[0],
      noCount: counts[1],
      abstainCount: counts[2],
      status: 'IMPLEMENTING',
    },
    tallied,
  );
  const owners = gm.present.filter((m) => m.status === 'ACTIVE');
  for (let k = 1; k <= rng.int(2, 3); k++) {
    const dueOn = addDays(decidedOn, 30 * k);
    const done = dueOn.getTime() < LAST_DAY.getTime() && rng.chance(0.7);
    const completedOn = done ? addDays(dueOn, -rng.int(0, 10)) : null;
    sink.record(
      'Milestone',
      {
        id: rng.uuid(),
        orgUnitId: b.id,
        decisionId,
        title: `第${k}阶段落实`,
        dueOn,
        completedOn,
        status: done ? 'DONE' : dueOn.getTime() < LAST_DAY.getTime() ? 'IN_PROGRESS' : 'PLANNED',
        ownerId: owners.length ? rng.pick(owners).id : null,
        notes: null,
      },
      at(rng, completedOn ?? decidedOn),
    );
  }
}

function election(rng: Prng, sink: Sink, b: BranchPlan, gm: { id: string; at: Date; present: MemberState[] }, members: MemberState[]): void {
  const v = openVote(rng, sink, b, gm.at, gm.id, members, { kind: 'ELECTION', title: '选举支部委员会委员', majorityRule: 'PLURALITY', seats: 3 });
  if (v.eligible.length < 4) return;
  const candidates = rng.sample(v.eligible, 4);
  const options = candidates.map((c, i) => {
    const id = rng.uuid();
    sink.record('VoteOption', { id, orgUnitId: b.id, voteId: v.voteId, position: i + 1, label: c.name, candidateId: c.id }, v.opened);
    return id;
  });
  const voters = gm.present.filter((m) => v.eligible.includes(m));
  const counts = options.map(() => 0);
  const leaves = ballots(rng, sink, b, v.voteId, voters, v.opened, v.closed, () => {
    const picked = rng.sample([0, 1, 2, 3], rng.int(1, 3)).sort();
    for (const i of picked) counts[i]!++;
    return picked.map((i) => options[i]!);
  });
  tally(rng, sink, b, v, { options, counts, leaves, ballotsCast: voters.length, passed: null });
}

/** The tally of a closed vote, five minutes after it closed; returns when it was tallied. */
function tally(
  rng: Prng,
  sink: Sink,
  b: BranchPlan,
  v: { voteId: string; eligible: readonly unknown[]; closed: Date },
  t: { options: string[]; counts: number[]; leaves: Uint8Array[]; ballotsCast: number; passed: boolean | null },
): Date {
  const tallied = new Date(v.closed.getTime() + 5 * 60_000);
  sink.record(
    'VoteTally',
    {
      id: rng.uuid(),
      orgUnitId: b.id,
      voteId: v.voteId,
      eligibleCount: v.eligible.length,
      ballotsCast: t.ballotsCast,
      quorumMet: t.ballotsCast * 2 > v.eligible.length,
      passed: t.passed,
      results: t.options.map((optionId, i) => ({ optionId, count: t.counts[i] })),
      ballotsRoot: t.leaves.length ? Buffer.from(treeRoot(buildTree(t.leaves))) : null,
      talliedAt: tallied,
    },
    tallied,
  );
  return tallied;
}

function transfer(
  rng: Prng,
  sink: Sink,
  b: BranchPlan,
  m: MemberState,
  o: { cross: boolean; toProvince: string; toOrganisation: string | null; toUnitId: string | null; issuedOn: Date; receivedOn: Date | null },
): void {
  const validUntil = addMonths(o.issuedOn, o.cross ? 6 : 3);
  const received = o.receivedOn && o.receivedOn.getTime() <= LAST_DAY.getTime() && o.receivedOn.getTime() <= validUntil.getTime() ? o.receivedOn : null;
  sink.record(
    'MembershipTransfer',
    {
      id: rng.uuid(),
      orgUnitId: b.id,
      memberId: m.id,
      toUnitId: o.toUnitId,
      toOrganisation: o.toOrganisation,
      fromProvince: b.province,
      toProvince: o.toProvince,
      crossProvince: o.cross,
      letterNo: `${b.code}-${o.issuedOn.getUTCFullYear()}-${rng.uuid().slice(0, 8)}`,
      issuedOn: o.issuedOn,
      validUntil,
      status: received ? 'RECEIVED' : 'ISSUED',
      receivedOn: received,
      receiptNo: received ? `回执${rng.int(100000, 999999)}` : null,
      receivedById: null,
    },
    at(rng, received ?? o.issuedOn),
  );
}

function snapshot(rng: Prng, sink: Sink, b: BranchPlan, members: MemberState[]): void {
  const inputs = members.slice().sort((x, y) => (x.id < y.id ? -1 : 1));
  const byStage: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  for (const m of inputs) {
    byStage[m.t.stage] = (byStage[m.t.stage] ?? 0) + 1;
    byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;
  }
  const id = rng.uuid();
  const published = atOfficeHours(LAST_DAY, 60, rng.int(0, 999));
  sink.record(
    'AnalyticsSnapshot',
    {
      id,
      orgUnitId: b.id,
      metric: 'members_by_stage',
      title: `${b.name}党员发展阶段分布`,
      params: { unitId: b.id, asOf: LAST_DAY.toISOString().slice(0, 10) },
      figures: { byStage, byStatus, total: inputs.length },
      inputRoot: Buffer.from(treeRoot(buildTree(inputs.map((m) => m.leaf)))),
      inputCount: inputs.length,
      asOfPosition: null,
      publishedAt: published,
      publishedById: null,
    },
    published,
  );
  inputs.forEach((m, ordinal) =>
    sink.row('AnalyticsSnapshotInput', { snapshotId: id, ordinal, entityType: 'Member', entityId: m.id, entityVersion: 1, leaf: m.leaf }),
  );
}
