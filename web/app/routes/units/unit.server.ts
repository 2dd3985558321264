// Server side of unit.tsx: one unit with its current leadership, and the forms that change them —
// rename, move, merge and dissolve (the last two asked first: they cannot be undone), a new term
// (换届), appointments and ending a holding.
import { data } from 'react-router';
import type { Route } from './+types/unit';
import { isConfirmed } from '../../components/Confirm';
import type { ActionAnswer } from '../../lib/action-answer';
import { graphql } from '../../graphql';
import { requireAccount } from '../../lib/auth.server';
import { formFailure, readPostedForm } from '../../lib/form-action.server';
import { unknownIntent } from '../../lib/meetings.server';
import { PAGE_ROLES, WRITER_ROLES } from '../../lib/roles';
import { unitOptions } from '../../lib/units.server';
import { chinaToday } from '../../lib/format';
import { addYearsIso, badForm, COMMITTEE_FORMS, COMMITTEE_TITLES } from './forms.server';

const UUID = /^[0-9a-f-]{36}$/i;

const UNIT = graphql(`query UnitDetail($id: ID!) {
  orgUnit(id: $id) {
    id name code kind level parentId dissolvedOn
    proof { status batchSeq anchor { height } }
    committee {
      id form termStart termEnd daysLeft
      proof { status batchSeq anchor { height } }
      positions(current: true) { id title memberId memberName startedOn accountId proof { status batchSeq anchor { height } } }
    }
  }
  members(under: $id, stage: FULL, status: ACTIVE, first: 100) { edges { node { id name } } }
}`);
const RENAME = graphql(`mutation RenameUnit($id: ID!, $name: String!) { renameOrgUnit(id: $id, name: $name) { id } }`);
const MOVE = graphql(`mutation MoveUnit($id: ID!, $parentId: ID!) { moveOrgUnit(id: $id, parentId: $parentId) { id } }`);
const MERGE = graphql(`mutation MergeUnit($id: ID!, $targetId: ID!) { mergeOrgUnit(id: $id, targetId: $targetId) { membersMoved unitsMoved } }`);
const DISSOLVE = graphql(`mutation DissolveUnit($id: ID!) { dissolveOrgUnit(id: $id) { id } }`);
const SET_UP = graphql(`mutation SetUpCommittee($input: SetUpCommitteeInput!) { setUpCommittee(input: $input) { id } }`);
const APPOINT = graphql(`mutation AppointPosition($input: AppointCommitteePositionInput!) { appointCommitteePosition(input: $input) { position { id } } }`);
const RELIEVE = graphql(`mutation RelievePosition($id: ID!) { relieveCommitteePosition(id: $id) { id } }`);

const notFound = () => data({ code: 'NOT_FOUND', message: 'No such unit.', messageZh: '没有这个组织。' }, { status: 404 });

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.units);
  if (!UUID.test(params.id)) throw notFound();
  const [r, units] = await Promise.all([ctx.query(UNIT, { id: params.id }), unitOptions(ctx)]);
  const unit = r.orgUnit;
  const parentName = units.find((x) => x.id === unit.parentId)?.name ?? null;
  return {
    unit,
    parentName,
    members: r.members.edges.map((e) => e.node),
    // Where it may go: live units other than itself and those under it (the API refuses the rest, saying why).
    units: units.filter((x) => x.id !== unit.id),
    // A secretary's own unit (and its leadership) is changed by the level above: no forms there.
    canChange: ctx.account.role === 'ADMIN' || unit.id !== ctx.account.scopeUnitId,
    today: chinaToday(),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { ctx, form, intent, id, text } = await readPostedForm(request, WRITER_ROLES);
  const failed = intent === 'relieve' ? `relieve:${id}` : intent;
  const unitId = params.id;
  const done = (extra: Record<string, string> = {}) => data<ActionAnswer>({ ok: true, intent, id, done: JSON.stringify(extra) });
  try {
    switch (intent) {
      case 'rename':
        await ctx.call(RENAME, { id: unitId, name: text('name') });
        return done();
      case 'move':
        if (!text('parentId')) return badForm(intent, 'parentId', 'Choose the new parent unit.', '请选择新的上级组织。');
        await ctx.call(MOVE, { id: unitId, parentId: text('parentId') });
        return done();
      case 'merge': {
        if (!text('targetId')) return badForm(intent, 'targetId', 'Choose the unit to merge into.', '请选择目标组织。');
        if (!isConfirmed(form)) return data<ActionAnswer>({ ok: true, intent, id: '', ask: { targetId: text('targetId') } });
        const r = await ctx.call(MERGE, { id: unitId, targetId: text('targetId') });
        return done({ members: String(r.mergeOrgUnit.membersMoved), units: String(r.mergeOrgUnit.unitsMoved) });
      }
      case 'dissolve':
        if (!isConfirmed(form)) return data<ActionAnswer>({ ok: true, intent, id: '', ask: {} });
        await ctx.call(DISSOLVE, { id: unitId });
        return done();
      case 'setUp': {
        const years = Number(text('termYears'));
        if (!/^\d{4}-\d{2}-\d{2}$/.test(text('termStart'))) return badForm(intent, 'termStart', 'must be a date.', '请选择日期。');
        if (![3, 4, 5].includes(years)) return badForm(intent, 'termEnd', 'Choose the length of the term.', '请选择任期年限。');
        const formValue = COMMITTEE_FORMS.find((f) => f === text('form'));
        await ctx.call(SET_UP, { input: { unitId, termStart: text('termStart'), termEnd: addYearsIso(text('termStart'), years), ...(formValue ? { form: formValue } : {}) } });
        return done();
      }
      case 'appoint': {
        const title = COMMITTEE_TITLES.find((x) => x === text('title'));
        if (!title) return badForm(intent, 'title', 'Choose the position.', '请选择职务。');
        if (!text('memberId')) return badForm(intent, 'memberId', 'Choose the member.', '请选择党员。');
        await ctx.call(APPOINT, { input: { committeeId: text('committeeId'), title, memberId: text('memberId') } });
        return done();
      }
      case 'relieve':
        await ctx.call(RELIEVE, { id });
        return done();
      default:
        return unknownIntent();
    }
  } catch (error) {
    return formFailure(error, request, ctx, failed);
  }
}
