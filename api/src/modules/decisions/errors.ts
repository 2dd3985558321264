// The decisions module's own error codes (its other refusals use the common ones).
import { defineCodes } from '../../shared/errors.js';

export const DecisionCode = defineCodes('decisions', {
  STATUS_TRANSITION_INVALID: {
    en: 'A decision or milestone cannot move from its status to the one asked; `extensions.allowed` lists where it can go.',
    zh: '决议或落实节点不能从当前状态变为所请求的状态；`extensions.allowed` 列出可变为的状态。',
  },
});
