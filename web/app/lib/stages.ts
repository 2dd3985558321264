import type { MemberStage, MemberStatus } from '../graphql/graphql';

export const STAGES = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'] as const satisfies readonly MemberStage[];
export type Stage = (typeof STAGES)[number];
export const STATUSES = ['ACTIVE', 'WITHDRAWN', 'EXPELLED', 'DECEASED', 'REVOKED', 'TRANSFERRED_OUT'] as const satisfies readonly MemberStatus[];
export type Status = (typeof STATUSES)[number];

export function isStage(v: unknown): v is Stage {
  return typeof v === 'string' && (STAGES as readonly string[]).includes(v);
}
export function isStatus(v: unknown): v is Status {
  return typeof v === 'string' && (STATUSES as readonly string[]).includes(v);
}

/** One colour per stage, chosen for contrast on white and to stay apart for colour-blind readers. */
export const STAGE_COLOURS: Record<Stage, string> = {
  APPLICANT: '#7a5195',
  ACTIVIST: '#1f6fb2',
  CANDIDATE: '#0e8a6a',
  PROBATIONARY: '#c26a00',
  FULL: '#b3121b',
};
