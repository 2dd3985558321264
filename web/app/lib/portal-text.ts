// Interface text of the member portal's tabs that have no area file of their own (meetings
// attended, appraisal results, ballots). Chinese first; English typed by it.
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { useLocale } from '../i18n/use-t';
import type { RootData } from './root-data';

const zh = {
  tabs: {
    label: '我的档案分类',
    profile: '个人档案',
    meetings: '组织生活',
    learning: '学习记录',
    points: '积分',
    appraisal: '民主评议',
    ballots: '我的选票',
    feedback: '意见反馈',
  },
  due: {
    title: '待办',
    none: '目前没有待办事项：没有待投的表决、即将召开的会议或未完成的必修课程。',
    vote: '待投票',
    meeting: '会议',
    course: '必修课',
    castNow: '投票进行中',
    closes: (at: string) => `截止 ${at}`,
    moreCourses: (n: number) => `还有 ${n} 门必修课程未完成`,
  },
  verifiedNote: '每条记录都在您的浏览器中对照链上批次根验证；也可以下载证明文件，用命令行工具独立验证。',
  prev: '上一页',
  next: '下一页',
  page: '分页',
  noMember: '此账号没有关联党员档案，因此没有这些记录。',
  meetings: {
    title: '我参加的组织生活',
    total: (n: number) => `共 ${n} 条出勤记录`,
    none: '还没有出勤记录。',
    status: { PRESENT: '出席', LATE: '迟到', EXCUSED: '请假', ABSENT: '缺席' } as Record<string, string>,
    method: { QR: '扫码签到', CODE: '签到码', MANUAL: '书记登记' } as Record<string, string>,
    checkedIn: '签到时间',
    startsAt: '开始时间',
    unit: '举办组织',
    what: (title: string) => `出勤记录“${title}”`,
  },
  appraisal: {
    title: '我的民主评议结果',
    none: '还没有通报给您的评议结果。',
    rating: '评定等次',
    peers: '互评汇总',
    peerLine: (e: number, q: number, b: number, u: number) => `优秀 ${e} · 合格 ${q} · 基本合格 ${b} · 不合格 ${u}`,
    decidedAt: '评定时间',
    notifiedAt: '通报时间',
    what: (title: string) => `评议结果“${title}”`,
  },
  ballots: {
    title: '我的选票',
    intro: '投票是无记名的：系统只记录您投过票，不记录您投了什么。投票时得到的回执只有您自己保存；在这里输入回执，即可找到您的选票，并在浏览器中验证它已计入链上的计票结果。',
    introNone: '投票是无记名的：系统只记录您投过票，不记录您投了什么。',
    none: '还没有您的选票：您还没有参加过表决。投票后，可在这里用投票回执核对您的选票。',
    receipt: '投票回执',
    check: '核对回执',
    status: { DRAFT: '草稿', OPEN: '投票中', CLOSED: '已结束', TALLIED: '已计票', CANCELLED: '已取消' } as Record<string, string>,
    found: '找到了：这张选票计入了本次表决。',
    notFound: '没有找到带这个回执的选票。请检查回执是否完整。',
    notYet: '回执对应的选票已投出；计票后即可查看选票及其证明。',
    choices: '选票内容',
    what: (title: string) => `“${title}”中的选票`,
  },
};

const en: typeof zh = {
  tabs: {
    label: 'My record sections',
    profile: 'Profile',
    meetings: 'Meetings',
    learning: 'Learning',
    points: 'Points',
    appraisal: 'Appraisal',
    ballots: 'My ballots',
    feedback: 'Feedback',
  },
  due: {
    title: "What's due",
    none: 'Nothing is due: no vote to cast, no upcoming meeting and no required course left to complete.',
    vote: 'Vote',
    meeting: 'Meeting',
    course: 'Required course',
    castNow: 'voting is open',
    closes: (at) => `closes ${at}`,
    moreCourses: (n) => `${n} more required courses to complete`,
  },
  verifiedNote: 'Each record is verified in your browser against the batch root on chain; you can also download its proof and check it independently with the command-line tool.',
  prev: 'Previous',
  next: 'Next',
  page: 'Pages',
  noMember: 'This account is not linked to a member record, so it has none of these records.',
  meetings: {
    title: 'Meetings I attended',
    total: (n) => `${n} attendance records`,
    none: 'No attendance recorded yet.',
    status: { PRESENT: 'Present', LATE: 'Late', EXCUSED: 'Excused', ABSENT: 'Absent' },
    method: { QR: 'QR code', CODE: 'Check-in code', MANUAL: 'Recorded by the secretary' },
    checkedIn: 'Checked in',
    startsAt: 'Starts',
    unit: 'Held by',
    what: (title) => `attendance "${title}"`,
  },
  appraisal: {
    title: 'My appraisal results',
    none: 'No appraisal result has been told to you yet.',
    rating: 'Rating',
    peers: 'Peer ratings',
    peerLine: (e, q, b, u) => `Excellent ${e} · Qualified ${q} · Basically qualified ${b} · Unqualified ${u}`,
    decidedAt: 'Decided',
    notifiedAt: 'Told to you',
    what: (title) => `appraisal result "${title}"`,
  },
  ballots: {
    title: 'My ballots',
    intro: 'Votes are secret: the system records that you voted, never how. Only you keep the receipt you were given when voting; enter it here to find your ballot and verify in your browser that it was counted in the anchored tally.',
    introNone: 'Votes are secret: the system records that you voted, never how.',
    none: 'No ballots yet: you have not voted in any vote. Once you have, you can check your ballot here with its receipt.',
    receipt: 'Ballot receipt',
    check: 'Check receipt',
    status: { DRAFT: 'Draft', OPEN: 'Open', CLOSED: 'Closed', TALLIED: 'Tallied', CANCELLED: 'Cancelled' },
    found: 'Found: this ballot was counted in the vote.',
    notFound: 'No ballot carries this receipt. Check that you entered all of it.',
    notYet: 'The ballot of this receipt was cast; once the vote is tallied you can see it with its proof.',
    choices: 'The ballot',
    what: (title) => `ballot in "${title}"`,
  },
};

export type PortalText = typeof zh;

export function portalText(locale: Locale): PortalText {
  return locale === 'en' ? en : zh;
}

export function usePortalT(): PortalText {
  return portalText(useLocale());
}

type Match = { id: string; loaderData?: unknown } | undefined;

/** A page title from this text (meta functions read the locale from the root match). */
export function portalTitle(matches: readonly Match[], pick: (p: PortalText) => string) {
  const root = matches.find((m) => m?.id === 'root');
  const data = root?.loaderData as RootData | undefined;
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return [{ title: `${pick(portalText(locale))} · ${locale === 'en' ? 'Lianjian' : '链建'}` }];
}
