// Field groups many object types share, in the order the schema lists them. Each takes the type's
// field builder (`t`); the builder's own types check that the columns and relations exist.
interface UnitFieldBuilder<Id, Relation> {
  exposeID(name: 'orgUnitId', options?: { description?: string }): Id;
  relation(name: 'orgUnit'): Relation;
}

/** The unit a row belongs to: its id and the OrgUnit. */
export function unitFields<Id, Relation>(t: UnitFieldBuilder<Id, Relation>, description?: string) {
  return { orgUnitId: t.exposeID('orgUnitId', description === undefined ? undefined : { description }), orgUnit: t.relation('orgUnit') };
}

interface MemberFieldBuilder<Id, Relation> {
  exposeID(name: 'memberId'): Id;
  relation(name: 'member'): Relation;
}

/** The member a row is about: their id and the Member. */
export function memberFields<Id, Relation>(t: MemberFieldBuilder<Id, Relation>) {
  return { memberId: t.exposeID('memberId'), member: t.relation('member') };
}

interface TimestampFieldBuilder<Time> {
  expose(name: 'createdAt' | 'updatedAt', options: { type: 'DateTime' }): Time;
}

/** When a row was created and last changed. */
export function timestamps<Time>(t: TimestampFieldBuilder<Time>) {
  return { createdAt: t.expose('createdAt', { type: 'DateTime' }), updatedAt: t.expose('updatedAt', { type: 'DateTime' }) };
}
