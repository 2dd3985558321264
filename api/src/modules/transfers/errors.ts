// The transfers module's own error codes (its other refusals use the common ones).
import { defineCodes } from '../../shared/errors.js';

export const TransferCode = defineCodes('transfers', {
  TRANSFER_EXPIRED: {
    en: 'The transfer letter is past its validity (3 months within a province, 6 across); issue a new letter.',
    zh: '组织关系介绍信已超过有效期（省内 3 个月，跨省 6 个月），请重新开具。',
  },
  TRANSFER_NOT_ENDORSED: {
    en: 'The letter crosses grassroots committees: their lowest common level countersigns it (endorseTransfer) before the receiving unit can receive it.',
    zh: '该介绍信跨基层党委转接：须经双方共同的上级党组织签署意见（endorseTransfer）后，接收单位方可接收。',
  },
  TRANSFER_NOT_THE_COMMON_LEVEL: {
    en: 'Only an account of the letter’s lowest common level (or above it), or an ADMIN, countersigns a letter between committees. Reaches clients as FORBIDDEN with `extensions.rule`.',
    zh: '只有介绍信双方共同的上级党组织（或更上级）的账号或管理员才能签署跨基层党委的介绍信。以 FORBIDDEN 返回，`extensions.rule` 说明规则。',
  },
  TRANSFER_ENDORSEMENT_NOT_NEEDED: {
    en: 'The letter needs no countersignature: it stays within one grassroots committee, goes outside the system, or was already countersigned.',
    zh: '该介绍信无需签署意见：在同一基层党委内转接、转往系统外，或已签署。',
  },
});
