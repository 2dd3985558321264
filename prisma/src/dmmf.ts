// The full DMMF datamodel of schema.prisma, written by tools/dmmf-generator.mjs at generation
// time. Pass `dmmf` to Pothos' prisma plugin (`prisma: { client, dmmf }`); the drift test
// compares it with the migrated database.
import { dmmfJson } from '../generated/dmmf.js';

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  nativeType?: [string, string[]] | null;
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  isReadOnly: boolean;
  isGenerated?: boolean;
  isUpdatedAt?: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
  documentation?: string;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  schema?: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
  uniqueFields: string[][];
  uniqueIndexes: Array<{ name: string | null; fields: string[] }>;
  documentation?: string;
  isGenerated?: boolean;
}

export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: Array<{ name: string; dbName: string | null }>;
  documentation?: string;
}

export interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  isDefinedOnField: boolean;
  name?: string;
  dbName?: string;
  algorithm?: string;
  clustered?: boolean;
  fields: Array<{ name: string; sortOrder?: 'asc' | 'desc'; length?: number; operatorClass?: string }>;
}

export interface DmmfDocument {
  datamodel: {
    models: DmmfModel[];
    enums: DmmfEnum[];
    types: DmmfModel[];
    indexes: DmmfIndex[];
  };
}

export const dmmf: DmmfDocument = JSON.parse(dmmfJson) as DmmfDocument;
