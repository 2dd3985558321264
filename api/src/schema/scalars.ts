// Scalars: DateTime (RFC 3339, UTC, milliseconds), Date (calendar date, YYYY-MM-DD — the form
// record documents use, so shown fields compare equal to proven data) and JSON.
import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDate(value: unknown): Date {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}.`, {
      extensions: { code: 'BAD_USER_INPUT', messageZh: `日期格式应为 YYYY-MM-DD，收到 ${JSON.stringify(value)}。` },
    });
  }
  return d;
}

export function formatDate(value: Date | string): string {
  return typeof value === 'string' ? value : value.toISOString().slice(0, 10);
}

builder.scalarType('Date', {
  description: 'A calendar date, YYYY-MM-DD (日期)',
  serialize: (v) => formatDate(v),
  parseValue: (v) => parseDate(v),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDateTime(value: unknown): Date {
  const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime())) {
    throw new GraphQLError(`DateTime must be an RFC 3339 time such as 2026-11-22T09:42:21.998Z, got ${JSON.stringify(value)}.`, {
      extensions: { code: 'BAD_USER_INPUT', messageZh: `时间格式应为 RFC 3339（如 2026-11-22T09:42:21.998Z），收到 ${JSON.stringify(value)}。` },
    });
  }
  return d;
}

builder.scalarType('DateTime', {
  description: 'A point in time, RFC 3339 in UTC with milliseconds (时间)',
  serialize: (v) => (typeof v === 'string' ? v : v.toISOString()),
  parseValue: (v) => parseDateTime(v),
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType('JSON', {
  description: 'Any JSON value',
  serialize: (v) => v,
  parseValue: (v) => v,
});
