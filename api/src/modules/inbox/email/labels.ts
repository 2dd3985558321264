// What each kind of reminder is called in an e-mail, in both languages (the web has its own
// words in web/app/i18n/areas/inbox.ts). No personal data: these are also the subjects.
import type { InboxKind } from '@lianjian/db';

export const KIND_LABEL: Record<InboxKind, { zh: string; en: string }> = {
  NOTICE_REMINDER: { zh: '通知待确认', en: 'a notice to acknowledge' },
  STEP_DUE: { zh: '发展步骤到期', en: 'a development step due' },
  LEVEL_REQUEST_WAITING: { zh: '上级审批待办', en: 'a request waiting for your decision' },
  LEVEL_REQUEST_DECIDED: { zh: '上级审批结果', en: 'a request decided' },
  MEETING_SOON: { zh: '会议即将开始', en: 'a meeting starting soon' },
  VOTE_OPEN: { zh: '表决进行中', en: 'a vote open' },
  VOTE_CLOSING: { zh: '表决即将截止', en: 'a vote closing soon' },
  APPRAISAL_PHASE: { zh: '民主评议待办', en: 'an appraisal step' },
  TRANSFER_EXPIRING: { zh: '介绍信即将到期', en: 'a transfer letter expiring' },
  QUIZ_DUE: { zh: '测验即将截止', en: 'a quiz closing soon' },
  TERM_ENDING: { zh: '委员会任期将满', en: 'a committee term ending' },
  TAMPER_ALERT: { zh: '篡改告警', en: 'a tamper alert' },
  MENTION: { zh: '评论中提到了您', en: 'a mention in a discussion' },
};
