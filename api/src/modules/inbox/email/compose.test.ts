import { describe, expect, it } from 'vitest';
import { composeDigest, composeImmediate, DIGEST_MAX_ITEMS } from './compose.js';

const item = (title: string, i = 0) => ({
  kind: 'STEP_DUE' as const,
  subjectType: 'Member',
  subjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  orgUnitId: null,
  title,
  dueAt: new Date('2026-12-31T16:00:00Z'),
});

describe('e-mail text', () => {
  it('keeps the item’s title out of the subject and puts it, with its link and due day in China, in the body', () => {
    const m = composeImmediate(item('张三'), 'https://lianjian.example');
    expect(m.subject).not.toContain('张三');
    expect(m.subject).toBe('链建提醒：发展步骤到期 / Lianjian: a development step due');
    expect(m.body).toContain('张三 · 2027-01-01');
    expect(m.body).toContain('https://lianjian.example/members/00000000-0000-4000-8000-000000000000');
  });

  it('counts a digest in its subject and lists at most DIGEST_MAX_ITEMS, saying how many more', () => {
    const many = Array.from({ length: DIGEST_MAX_ITEMS + 3 }, (_, i) => item(`成员${i}`, i));
    const d = composeDigest(many, 'https://x');
    expect(d.subject).toBe(`链建每日提醒：${DIGEST_MAX_ITEMS + 3} 项待办 / Lianjian daily digest: ${DIGEST_MAX_ITEMS + 3} items to do`);
    expect(d.body.match(/https:\/\/x\/members\//g)).toHaveLength(DIGEST_MAX_ITEMS);
    expect(d.body).toContain('另有 3 项');
    expect(composeDigest([item('李四')], 'https://x').subject).toBe('链建每日提醒：1 项待办 / Lianjian daily digest: 1 item to do');
  });
});
