// The member-development rules engine (pure: no database, no clock). ../../RULES.md lists every
// rule, the decisions taken where the regulations leave room, and the tests that prove each rule.
export * from './calendar.js';
export * from '../dates.js';
export * from './engine.js';
export { dueAndOverdue } from './due.js';
export { RULES, rule, type Rule, type RuleCode, type RuleSeverity, type RuleText } from './rules.js';
export { foldHistory, type PipelineState } from './state.js';
export * from './steps.js';
export * from './types.js';
export { evaluateBranchVote, type BranchVote, type VoteOutcome } from './vote.js';
export * from './walk.js';
