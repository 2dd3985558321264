// Server side of tree.tsx: the viewer's part of the tree (three levels down, from `?under=` or
// the viewer's unit) with each unit's
// current term end, the terms ending soon, and creating a unit.
import { data } from 'react-router';
import type { Route } from './+types/tree';
import type { ActionAnswer } from '../../lib/action-answer';
import { graphql } from '../../graphql';
import { requireAccount } from '../../lib/auth.server';
import { formFailure, readPostedForm } from '../../lib/form-action.server';
import { unknownIntent } from '../../lib/meetings.server';
import { PAGE_ROLES, WRITER_ROLES } from '../../lib/roles';
import { pageUrl } from '../../lib/session.server';
import { withDepth } from '../../lib/units.server';
import { badForm, UNIT_KINDS } from './forms.server';

const TREE = graphql(`query UnitsTree($under: ID) {
  orgUnits(under: $under, first: 100, maxDepth: 3) {
    totalCount
    edges { node { id name code kind level parentId dissolvedOn committee { id form termEnd daysLeft } } }
  }
  committeeTermsDue(under: $under, withinDays: 90) { id termEnd daysLeft unit { id name } }
}`);
const UUID = /^[0-9a-f-]{36}$/i;

const CREATE = graphql(`mutation CreateUnit($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.units);
  // A large tree is read a part at a time: three levels under the unit chosen (default: the viewer's).
  const under = pageUrl(request).searchParams.get('under') ?? '';
  const r = await ctx.query(TREE, UUID.test(under) ? { under } : {});
  const units = withDepth(r.orgUnits.edges.map((e) => e.node));
  return { units, total: r.orgUnits.totalCount, due: r.committeeTermsDue };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, intent, text } = await readPostedForm(request, WRITER_ROLES);
  try {
    if (intent === 'create') {
      const kind = UNIT_KINDS.find((k) => k === text('kind'));
      if (!text('parentId')) return badForm(intent, 'parentId', 'Choose the parent unit.', '请选择上级组织。');
      if (!kind) return badForm(intent, 'kind', 'Choose the kind of unit.', '请选择组织类别。');
      const r = await ctx.call(CREATE, { input: { parentId: text('parentId'), kind, name: text('name'), code: text('code') } });
      return data<ActionAnswer>({ ok: true, intent, id: r.createOrgUnit.id, done: '' });
    }
    return unknownIntent();
  } catch (error) {
    return formFailure(error, request, ctx, intent);
  }
}
