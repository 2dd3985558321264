// Pure generation: the organisation-wide rows, and one chunk of branches, each a deterministic
// function of the seed specification. Runs in worker threads or in-process.
import { randomBytes } from 'node:crypto';
import { planCatalog, type Catalog } from './catalog.js';
import { generateBranch } from './branch.js';
import { addDays } from './dates.js';
import { allUnits, planOrg, type OrgPlan } from './org.js';
import { Prng } from './prng.js';
import type { Density } from './profile.js';
import { Sink, type ChunkData } from './sink.js';

export interface SeedSpec {
  seed: string | number;
  members: number;
  /** Density of each module (profile.ts), including the months of meeting history. */
  density: Density;
  /**
   * Record salts from the system CSPRNG instead of the seed: the rows stay reproducible, but
   * nobody who knows the seed can recompute a record's salt (and so confirm a guessed record).
   */
  randomSalts?: boolean;
}

export function salts(spec: SeedSpec, stream: string): () => Buffer {
  if (spec.randomSalts) return () => randomBytes(16);
  const rng = new Prng(spec.seed, stream);
  return () => rng.bytes(16);
}

export interface GeneratedChunk extends ChunkData {
  index: number;
  demoMemberId: string | null;
}

const plans = new Map<string, { plan: OrgPlan; catalog: Catalog }>();

export function planFor(spec: SeedSpec): { plan: OrgPlan; catalog: Catalog } {
  const key = `${spec.seed}|${spec.members}`;
  let p = plans.get(key);
  if (!p) plans.set(key, (p = { plan: planOrg(spec.seed, spec.members), catalog: planCatalog(spec.seed) }));
  return p;
}

/** Org units, courses, quizzes and points rules (chunk index -1). */
export function generateGlobal(spec: SeedSpec): GeneratedChunk {
  const { plan, catalog } = planFor(spec);
  const sink = new Sink(salts(spec, 'salt:global'));
  const rng = new Prng(spec.seed, 'global');
  const committee = plan.committee.id;
  for (const u of allUnits(plan)) {
    const at = new Date(u.establishedOn.getTime() + 2 * 3_600_000 + rng.int(0, 999));
    sink.record(
      'OrgUnit',
      {
        id: u.id,
        no: u.no,
        parentId: u.parentId,
        path: u.path,
        level: u.level,
        kind: u.kind,
        name: u.name,
        code: u.code,
        province: u.province,
        city: u.city,
        establishedOn: u.establishedOn,
        dissolvedOn: null,
        sortOrder: u.sortOrder,
      },
      at,
    );
  }
  for (const r of catalog.rules) {
    sink.record(
      'PointsRule',
      {
        id: r.id,
        orgUnitId: committee,
        code: r.code,
        revision: r.revision,
        name: r.name,
        description: `${r.name}，每次${r.points}分${r.dailyCap ? `，每日上限${r.dailyCap}分` : ''}`,
        points: r.points,
        dailyCap: r.dailyCap,
        effectiveFrom: r.effectiveFrom,
        effectiveTo: r.effectiveTo,
      },
      new Date(addDays(r.effectiveFrom, -7).getTime() + 2 * 3_600_000),
    );
  }
  for (const c of catalog.courses) {
    sink.record(
      'Course',
      {
        id: c.id,
        orgUnitId: committee,
        title: c.title,
        description: `《${c.title}》在线学习课程`,
        category: c.category,
        classHours: c.classHours,
        mandatory: c.mandatory,
        status: 'PUBLISHED',
        publishedAt: c.publishedAt,
        createdById: null,
      },
      c.publishedAt,
    );
    c.resources.forEach((r, i) =>
      sink.record(
        'CourseResource',
        {
          id: r.id,
          orgUnitId: committee,
          courseId: c.id,
          kind: r.kind,
          title: r.title,
          uri: `/learning/resources/${r.id}`,
          contentHash: rng.bytes(32),
          durationMinutes: r.durationMinutes,
          position: i + 1,
        },
        c.publishedAt,
      ),
    );
    c.questions.forEach((q) =>
      sink.record(
        'QuizQuestion',
        {
          id: q.id,
          orgUnitId: committee,
          courseId: c.id,
          kind: q.kind,
          prompt: q.prompt,
          options: q.options,
          correct: q.correct,
          explanation: q.explanation,
          points: q.points,
          active: true,
        },
        c.publishedAt,
      ),
    );
    sink.record(
      'Quiz',
      {
        id: c.quiz.id,
        orgUnitId: committee,
        courseId: c.id,
        title: c.quiz.title,
        questionCount: c.quiz.questionCount,
        timeLimitSeconds: c.quiz.timeLimitSeconds,
        passScore: c.quiz.passScore,
        maxAttempts: c.quiz.maxAttempts,
        status: 'OPEN',
        opensAt: c.quiz.opensAt,
        closesAt: null,
      },
      c.publishedAt,
    );
  }
  return { ...sink.take(), index: -1, demoMemberId: null };
}

export function generateChunk(spec: SeedSpec, index: number): GeneratedChunk {
  const { plan, catalog } = planFor(spec);
  const branches = plan.chunks[index];
  if (!branches) throw new Error(`no chunk ${index}`);
  const sink = new Sink(salts(spec, `salt:${index}`));
  let demoMemberId: string | null = null;
  for (const i of branches) {
    const out = generateBranch({ seed: spec.seed, plan, catalog, density: spec.density }, sink, plan.branches[i]!);
    demoMemberId ??= out.demoMemberId;
  }
  return { ...sink.take(), index, demoMemberId };
}
