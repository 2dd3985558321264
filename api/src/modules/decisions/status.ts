// The status flows of decisions and their milestones, and the refusal of a move outside them.
import type { DecisionStatus, MilestoneStatus } from '@lianjian/db';
import type { GraphQLError } from 'graphql';
import { appError, conflict } from '../../shared/errors.js';
import { DecisionCode } from './errors.js';

/** ADOPTED 已通过 → IMPLEMENTING 执行中 → IMPLEMENTED 已落实; SUPERSEDED 已被取代 and REVOKED 已撤销 end it. */
export const DECISION_FLOW: Readonly<Record<DecisionStatus, readonly DecisionStatus[]>> = {
  ADOPTED: ['IMPLEMENTING', 'IMPLEMENTED', 'SUPERSEDED', 'REVOKED'],
  IMPLEMENTING: ['IMPLEMENTED', 'SUPERSEDED', 'REVOKED'],
  IMPLEMENTED: ['SUPERSEDED'],
  SUPERSEDED: [],
  REVOKED: [],
};

/** PLANNED 计划中 → IN_PROGRESS 进行中 → DONE 已完成; CANCELLED 已取消. DONE and CANCELLED are final. */
export const MILESTONE_FLOW: Readonly<Record<MilestoneStatus, readonly MilestoneStatus[]>> = {
  PLANNED: ['IN_PROGRESS', 'DONE', 'CANCELLED'],
  IN_PROGRESS: ['DONE', 'CANCELLED'],
  DONE: [],
  CANCELLED: [],
};

/** A decision that no longer stands takes no new milestones. */
export const DECISION_ENDED: ReadonlySet<DecisionStatus> = new Set(['SUPERSEDED', 'REVOKED']);

export function statusMoveError(what: 'Decision' | 'Milestone', id: string, from: string, to: string, allowed: readonly string[]): GraphQLError {
  const next = allowed.length ? allowed.join(', ') : 'none (it is final)';
  const nextZh = allowed.length ? allowed.join('、') : '无（已是最终状态）';
  return appError(DecisionCode.STATUS_TRANSITION_INVALID, `${what} ${id} cannot go from ${from} to ${to}; from ${from} it can go to: ${next}.`, {
    messageZh: `${what === 'Decision' ? '决议' : '落实节点'} ${id} 不能从 ${from} 变为 ${to}；可变为：${nextZh}。`,
    extensions: { from, to, allowed },
  });
}

const MILESTONE_EN: Record<MilestoneStatus, string> = { PLANNED: 'planned', IN_PROGRESS: 'in progress', DONE: 'done', CANCELLED: 'cancelled' };
const MILESTONE_ZH: Record<MilestoneStatus, string> = { PLANNED: '计划中', IN_PROGRESS: '进行中', DONE: '已完成', CANCELLED: '已取消' };

/**
 * A decision is implemented when its milestones are: each DONE, or CANCELLED with its reason. The
 * message names those still open; `fields` puts it beside the status field of a form.
 */
export function unfinishedMilestonesError(unfinished: readonly { id: string; title: string; status: MilestoneStatus }[]): GraphQLError {
  const message = `cannot be marked implemented while ${unfinished.length === 1 ? 'this milestone is' : `these ${unfinished.length} milestones are`} unfinished: ${unfinished
    .map((m) => `“${m.title}” (${MILESTONE_EN[m.status]})`)
    .join(', ')}. Mark ${unfinished.length === 1 ? 'it' : 'them'} done or cancel ${unfinished.length === 1 ? 'it' : 'them'} first.`;
  const messageZh = `尚有 ${unfinished.length} 个落实节点未完成，不能标记为已落实：${unfinished.map((m) => `「${m.title}」（${MILESTONE_ZH[m.status]}）`).join('、')}。请先将其标记为已完成或取消。`;
  return conflict(`The decision ${message}`, `该决议${messageZh}`, {
    unfinished: unfinished.map(({ id, title, status }) => ({ id, title, status })),
    fields: [{ field: 'status', message: `The decision ${message}`, messageZh }],
  });
}
