// Which operation documents the compiled executor understands, and what they ask for (a Plan).
// Everything here is a whitelist: a document is compiled only when every node of it is one this
// file names — one query operation, one `$var: ID!`, the hot partner reads' roots, fields without
// aliases, arguments or directives, each at most once. Anything else (fragments, aliases,
// directives, `__typename`, introspection, other fields or arguments, several operations, a
// subscription, a default value…) yields null, and the request goes to Apollo unchanged.
import { Kind, parse, type FieldNode, type SelectionSetNode } from 'graphql';
import { LIMITS } from '../http/armor.js';

export type ProofField = 'status' | 'bundle' | 'ref';
export type Field<Scalar extends string, Extra = never> = { name: Scalar } | { name: 'proof'; proof: ProofField[] } | Extra;

export const MEMBER_SCALARS = ['id', 'version', 'name', 'gender', 'birthDate', 'stage', 'status', 'orgUnitId'] as const;
export const UNIT_SCALARS = ['id', 'version', 'name', 'path'] as const;
export const STEP_SCALARS = ['id', 'version', 'memberId', 'orgUnitId', 'seq', 'stepNo', 'stage', 'kind', 'occurredOn', 'approval'] as const;

export type UnitField = Field<(typeof UNIT_SCALARS)[number]>;
export type StepField = Field<(typeof STEP_SCALARS)[number]>;
export type MemberField = Field<(typeof MEMBER_SCALARS)[number], { name: 'orgUnit'; unit: UnitField[] } | { name: 'developmentHistory'; steps: StepField[] }>;

/** One hot read: `member(id: $v)` or `members(under: $v, first: N) { edges { node } }`. */
/** Whether the plan asks for any `proof { ref }` (then the response carries a proof set). */
export function asksRef(plan: Plan): boolean {
  const walk = (fields: readonly { name: string; proof?: ProofField[]; unit?: UnitField[]; steps?: StepField[] }[]): boolean =>
    fields.some((f) => (f.proof?.includes('ref') ?? false) || walk(f.unit ?? []) || walk(f.steps ?? []));
  return walk(plan.member as never);
}

export type Plan =
  | { root: 'member'; operationName: string | null; variable: string; member: MemberField[] }
  | { root: 'members'; operationName: string | null; variable: string; first: number; member: MemberField[] };

/** The fields of a selection set: plain fields only (no alias, argument or directive), each named once. */
function plainFields(set: SelectionSetNode | undefined): FieldNode[] | null {
  if (!set || set.selections.length === 0) return null;
  const seen = new Set<string>();
  const out: FieldNode[] = [];
  for (const s of set.selections) {
    if (s.kind !== Kind.FIELD || s.alias || s.arguments?.length || s.directives?.length) return null;
    if (seen.has(s.name.value)) return null;
    seen.add(s.name.value);
    out.push(s);
  }
  return out;
}

const isScalar = (f: FieldNode) => !f.selectionSet;

function proofFields(set: SelectionSetNode | undefined): ProofField[] | null {
  const fields = plainFields(set);
  if (!fields) return null;
  const out: ProofField[] = [];
  for (const f of fields) {
    // The other Proof fields stay with Apollo.
    if (!isScalar(f) || (f.name.value !== 'status' && f.name.value !== 'bundle' && f.name.value !== 'ref')) return null;
    out.push(f.name.value);
  }
  return out;
}

function objectFields<S extends string>(set: SelectionSetNode | undefined, scalars: readonly S[], nested?: (f: FieldNode) => unknown): Field<S, never>[] | null {
  const fields = plainFields(set);
  if (!fields) return null;
  const out: unknown[] = [];
  for (const f of fields) {
    const name = f.name.value;
    if ((scalars as readonly string[]).includes(name)) {
      if (!isScalar(f)) return null;
      out.push({ name });
    } else if (name === 'proof') {
      const proof = proofFields(f.selectionSet);
      if (!proof) return null;
      out.push({ name, proof });
    } else {
      const n = nested?.(f);
      if (!n) return null;
      out.push(n);
    }
  }
  return out as Field<S, never>[];
}

function memberFields(set: SelectionSetNode | undefined, withHistory: boolean): MemberField[] | null {
  return objectFields(set, MEMBER_SCALARS, (f) => {
    if (f.name.value === 'orgUnit') {
      const unit = objectFields(f.selectionSet, UNIT_SCALARS);
      return unit && { name: 'orgUnit', unit };
    }
    if (f.name.value === 'developmentHistory' && withHistory) {
      const steps = objectFields(f.selectionSet, STEP_SCALARS);
      return steps && { name: 'developmentHistory', steps };
    }
    return null;
  }) as MemberField[] | null;
}

/** The plan of a query text, or null when any part of it is outside what this executor compiles. */
export function planOf(query: string): Plan | null {
  let doc;
  try {
    // The same token limit as Apollo's parser: a longer document is Apollo's to refuse.
    doc = parse(query, { noLocation: true, maxTokens: LIMITS.maxTokens });
  } catch {
    return null;
  }
  if (doc.definitions.length !== 1) return null;
  const op = doc.definitions[0]!;
  if (op.kind !== Kind.OPERATION_DEFINITION || op.operation !== 'query' || op.directives?.length) return null;
  const vars = op.variableDefinitions ?? [];
  if (vars.length !== 1) return null;
  const v = vars[0]!;
  if (v.defaultValue || v.directives?.length || v.type.kind !== Kind.NON_NULL_TYPE || v.type.type.kind !== Kind.NAMED_TYPE || v.type.type.name.value !== 'ID') return null;
  const variable = v.variable.name.value;
  const roots = op.selectionSet.selections;
  if (roots.length !== 1) return null;
  const root = roots[0]!;
  if (root.kind !== Kind.FIELD || root.alias || root.directives?.length) return null;
  const args = root.arguments ?? [];
  const operationName = op.name?.value ?? null;
  const isVar = (name: string) => {
    const a = args.find((x) => x.name.value === name);
    return a !== undefined && a.value.kind === Kind.VARIABLE && a.value.name.value === variable;
  };

  if (root.name.value === 'member') {
    if (args.length !== 1 || !isVar('id')) return null;
    const member = memberFields(root.selectionSet, true);
    return member && { root: 'member', operationName, variable, member };
  }
  if (root.name.value === 'members') {
    if (args.length !== 2 || !isVar('under')) return null;
    const first = args.find((x) => x.name.value === 'first');
    if (!first || first.value.kind !== Kind.INT) return null;
    const n = Number(first.value.value);
    // 0 and anything past the page limit are Apollo's (an empty page, or its BAD_USER_INPUT).
    if (!Number.isSafeInteger(n) || n < 1) return null;
    const edges = plainFields(root.selectionSet);
    if (!edges || edges.length !== 1 || edges[0]!.name.value !== 'edges') return null;
    const node = plainFields(edges[0]!.selectionSet);
    if (!node || node.length !== 1 || node[0]!.name.value !== 'node') return null;
    const member = memberFields(node[0]!.selectionSet, false);
    return member && { root: 'members', operationName, variable, first: n, member };
  }
  return null;
}
