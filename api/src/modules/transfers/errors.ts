// The transfers module's own error codes (its other refusals use the common ones).
import { defineCodes } from '../../shared/errors.js';

export const TransferCode = defineCodes('transfers', {
  TRANSFER_EXPIRED: {
    en: 'The transfer letter is past its validity (3 months within a province, 6 across); issue a new letter.',
    zh: '组织关系介绍信已超过有效期（省内 3 个月，跨省 6 个月），请重新开具。',
  },
});
