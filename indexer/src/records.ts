// The verifiable tables as SQL sees them, derived from the one mapping of rows to record data
// (@lianjian/db records.ts, shared with the API and the seed): which table, which columns feed
// `data`, which column is the document's `org`. The auditor reads rows with plain SQL and turns
// them into Prisma-shaped values, so both sides go through the same recordData().
import { dmmf, recordData, recordFields, VERIFIABLE_MODELS, type VerifiableModel } from '@lianjian/db';

export interface VerifiableTable {
  type: VerifiableModel;
  table: string;
  /** The column holding the document's `org` (`id` for an org unit, which owns its own records). */
  orgColumn: string;
  /** Record data fields and their columns, in data key order. */
  fields: { name: string; column: string }[];
  /** Columns that are neither data, envelope (id, version, org) nor anything a record covers. */
  ignoredColumns: string[];
}

let cached: VerifiableTable[] | undefined;

export function verifiableTables(): VerifiableTable[] {
  if (cached) return cached;
  cached = VERIFIABLE_MODELS.map((type) => {
    const model = dmmf.datamodel.models.find((m) => m.name === type);
    if (!model) throw new Error(`schema has no model ${type}`);
    const columnOf = new Map(
      model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum').map((f) => [f.name, f.dbName ?? f.name] as const),
    );
    const fields = recordFields(type).map((f) => {
      const column = columnOf.get(f.name);
      if (!column) throw new Error(`${type}.${f.name} has no column`);
      return { name: f.name, column };
    });
    const orgColumn = type === 'OrgUnit' ? 'id' : (columnOf.get('orgUnitId') ?? '');
    if (!orgColumn) throw new Error(`${type} has no orgUnitId column`);
    const covered = new Set(['id', 'version', orgColumn, ...fields.map((f) => f.column)]);
    return {
      type,
      table: model.dbName ?? model.name,
      orgColumn,
      fields,
      ignoredColumns: [...columnOf.values()].filter((c) => !covered.has(c)),
    };
  });
  return cached;
}

/** Record data of a row read with SQL (column names; DATE parsed as UTC midnight, see db.ts). */
export function dataFromColumns(t: VerifiableTable, row: Record<string, unknown>): Record<string, unknown> {
  const byField: Record<string, unknown> = {};
  for (const f of t.fields) byField[f.name] = row[f.column];
  return recordData(t.type, byField);
}
