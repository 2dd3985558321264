// Malformed and hostile requests to POST /graphql: broken HTTP bodies, broken and abusive
// GraphQL documents, wrong variable types, invalid ids and cursors. Each names the error code the
// API must answer with; none may change anything or take the server down.
import { createHash } from 'node:crypto';

export interface RawCase {
  name: string;
  /** Sent as the request body, byte for byte. */
  body: string | Buffer;
  contentType?: string;
  status: number;
  code: string;
}

export interface GqlCase {
  name: string;
  query: string;
  variables?: unknown;
  operationName?: string;
  /** Sign in as the secretary (writes) rather than anonymously. */
  signedIn?: boolean;
  /** extensions.code of every error (armor limits report theirs in limitCode). */
  code: string;
}

export interface CorpusIds {
  unit: string;
  member: string;
}

const deep = (levels: number) => `{ me { account { ${'scopeUnit { parent { '.repeat(levels)}name${' } }'.repeat(levels)} } } }`;

export const RAW_CASES: RawCase[] = [
  { name: 'not JSON', body: 'this is not json', status: 400, code: 'BAD_REQUEST' },
  { name: 'truncated JSON', body: '{"query": "{ me { kind } }"', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON with a raw NUL byte', body: Buffer.from('{"query": "{ me\u0000 }"}'), status: 400, code: 'BAD_REQUEST' },
  { name: 'invalid UTF-8', body: Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), status: 400, code: 'BAD_REQUEST' },
  { name: 'empty body', body: '', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON null', body: 'null', status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON number', body: '42', status: 400, code: 'BAD_REQUEST' },
  { name: 'batched array', body: JSON.stringify([{ query: '{ me { kind } }' }, { query: '{ me { kind } }' }]), status: 400, code: 'BAD_REQUEST' },
  { name: 'query is a number', body: JSON.stringify({ query: 5 }), status: 400, code: 'BAD_REQUEST' },
  { name: 'no query', body: JSON.stringify({ variables: {} }), status: 400, code: 'BAD_REQUEST' },
  { name: 'variables is a string', body: JSON.stringify({ query: '{ me { kind } }', variables: 'x' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'body over 1 MB', body: JSON.stringify({ query: '{ me { kind } }', variables: { x: 'y'.repeat(1 << 21) } }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'text/plain (CSRF guard)', body: JSON.stringify({ query: 'mutation { signOut }' }), contentType: 'text/plain', status: 400, code: 'BAD_REQUEST' },
  { name: 'extensions is a string', body: JSON.stringify({ query: '{ me { kind } }', extensions: '{}' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'extensions is a list', body: JSON.stringify({ query: '{ me { kind } }', extensions: [1] }), status: 400, code: 'BAD_REQUEST' },
  { name: 'variables is a list', body: JSON.stringify({ query: '{ me { kind } }', variables: [1] }), status: 400, code: 'BAD_REQUEST' },
  { name: 'operationName is a number', body: JSON.stringify({ query: '{ me { kind } }', operationName: 1 }), status: 400, code: 'BAD_REQUEST' },
  { name: 'empty batch', body: '[]', status: 400, code: 'BAD_REQUEST' },
  // Persisted queries are not supported: one refusal, whatever the extension holds (a wrong hash was
  // INTERNAL_SERVER_ERROR, an unknown one an English-only PERSISTED_QUERY_NOT_FOUND).
  ...persistedQueryBodies().map(([name, body]) => ({ name, body: JSON.stringify(body), status: 400, code: 'PERSISTED_QUERY_NOT_SUPPORTED' })),
];

/** Requests carrying `extensions.persistedQuery` in every way a client might (POST bodies; GET sends the same as parameters). */
export function persistedQueryBodies(): [string, Record<string, unknown>][] {
  const query = '{ me { kind } }';
  const right = createHash('sha256').update(query).digest('hex');
  return [
    ['persisted query with a wrong hash', { query, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }],
    ['persisted query, unknown hash, no query', { extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }],
    ['persisted query with the right hash', { query, extensions: { persistedQuery: { version: 1, sha256Hash: right } } }],
    ['persisted query of another version', { query, extensions: { persistedQuery: { version: 2, sha256Hash: right } } }],
    ['persisted query, hash not a string', { query, extensions: { persistedQuery: { version: 1, sha256Hash: 7 } } }],
  ];
}

export interface GetCase {
  name: string;
  /** The search part of GET /graphql (without "?"). */
  search: string;
  status: number;
  code: string;
}

/** GET /graphql requests Apollo refuses by their shape (sent with Content-Type: application/json, past the CSRF guard). */
export function getCases(): GetCase[] {
  const q = encodeURIComponent('{ me { kind } }');
  const pq = persistedQueryBodies().map(([name, body]): GetCase => {
    const params = new URLSearchParams();
    if (typeof body.query === 'string') params.set('query', body.query);
    params.set('extensions', JSON.stringify(body.extensions));
    return { name: `GET ${name}`, search: params.toString(), status: 400, code: 'PERSISTED_QUERY_NOT_SUPPORTED' };
  });
  return [
    { name: 'GET extensions not JSON', search: `query=${q}&extensions=${encodeURIComponent('{persistedQuery')}`, status: 400, code: 'BAD_REQUEST' },
    { name: 'GET variables not JSON', search: `query=${q}&variables=${encodeURIComponent('{"a":')}`, status: 400, code: 'BAD_REQUEST' },
    { name: 'GET variables a list', search: `query=${q}&variables=${encodeURIComponent('[1]')}`, status: 400, code: 'BAD_REQUEST' },
    { name: 'GET extensions a string', search: `query=${q}&extensions=${encodeURIComponent('"x"')}`, status: 400, code: 'BAD_REQUEST' },
    { name: 'GET query twice', search: `query=${q}&query=${q}`, status: 400, code: 'BAD_REQUEST' },
    { name: 'GET no query', search: 'variables=%7B%7D', status: 400, code: 'BAD_REQUEST' },
    { name: 'GET a mutation', search: `query=${encodeURIComponent('mutation { signOut }')}`, status: 405, code: 'BAD_REQUEST' },
    ...pq,
  ];
}

export function gqlCases(ids: CorpusIds): GqlCase[] {
  const member = (fields: string) => `mutation($input: CreateMemberInput!) { createMember(input: $input) { ${fields} } }`;
  const valid = { orgUnitId: ids.unit, name: '合法姓名', gender: 'MALE', birthDate: '1990-01-01', ethnicity: '汉族', education: 'BACHELOR', appliedOn: '2025-01-06' };
  return [
    // Syntax.
    { name: 'unclosed brace', query: '{ me { kind }', code: 'GRAPHQL_PARSE_FAILED' },
    { name: 'empty document', query: '', code: 'BAD_REQUEST' },
    { name: 'only whitespace', query: '   \n\t ', code: 'GRAPHQL_PARSE_FAILED' },
    { name: 'stray closing brace', query: '}{', code: 'GRAPHQL_PARSE_FAILED' },
    { name: 'NUL inside the document', query: '{ me\u0000 { kind } }', code: 'GRAPHQL_PARSE_FAILED' },
    { name: 'unterminated string', query: '{ member(id: "abc) { name } }', code: 'GRAPHQL_PARSE_FAILED' },
    { name: 'SQL as a document', query: "'; DROP TABLE member; --", code: 'GRAPHQL_PARSE_FAILED' },
    // Validation.
    { name: 'unknown field', query: '{ nope }', code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'missing selection set', query: '{ me }', code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'fragment cycle', query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }', code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'two operations, no name', query: 'query A { me { kind } } query B { me { kind } }', code: 'OPERATION_RESOLUTION_FAILURE' },
    { name: 'unknown operationName', query: 'query A { me { kind } }', operationName: 'Z', code: 'OPERATION_RESOLUTION_FAILURE' },
    { name: 'subscription', query: 'subscription { me { kind } }', code: 'GRAPHQL_VALIDATION_FAILED' },
    // Size and shape abuse.
    { name: 'query 40 levels deep', query: deep(40), code: 'QUERY_TOO_DEEP' },
    { name: 'alias bomb (1 000 aliases)', query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: me { kind }`).join(' ')} }`, code: 'TOO_MANY_TOKENS' },
    { name: 'alias bomb (40 aliases)', query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { kind }`).join(' ')} }`, code: 'TOO_MANY_ALIASES' },
    { name: 'directive bomb', query: `{ me ${'@include(if: true) '.repeat(40)}{ kind } }`, code: 'TOO_MANY_DIRECTIVES' },
    { name: 'huge document (20 000 tokens)', query: `{ ${'me { kind } '.repeat(5000)} }`, code: 'TOO_MANY_TOKENS' },
    { name: 'nested pages (cost)', query: '{ members(first: 100) { edges { node { orgUnit { members(first: 100) { edges { node { orgUnit { members(first: 100) { totalCount } } } } } } } } } }', signedIn: true, code: 'QUERY_TOO_COSTLY' },
    // Variables of the wrong type or size.
    { name: 'first is a string', query: 'query($n: Int) { members(first: $n) { totalCount } }', variables: { n: 'ten' }, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'first beyond Int', query: 'query($n: Int) { members(first: $n) { totalCount } }', variables: { n: 1e20 }, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'first negative', query: '{ members(first: -1) { totalCount } }', signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'first above the page cap', query: '{ members(first: 101) { totalCount } }', signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'first of a million (cost)', query: '{ members(first: 1000000) { totalCount } }', signedIn: true, code: 'QUERY_TOO_COSTLY' },
    { name: 'id is an object', query: 'query($id: ID!) { member(id: $id) { name } }', variables: { id: { $ne: null } }, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'required input missing', query: member('id'), variables: {}, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'input is a list', query: member('id'), variables: { input: [valid] }, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'required field null', query: member('id'), variables: { input: { ...valid, name: null } }, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'unknown input field', query: member('id'), variables: { input: { ...valid, isAdmin: true } }, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'enum value not in the enum', query: member('id'), variables: { input: { ...valid, gender: "MALE'; --" } }, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'impossible date', query: member('id'), variables: { input: { ...valid, birthDate: '2025-02-30' } }, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'date as a number', query: member('id'), variables: { input: { ...valid, birthDate: 19900101 } }, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'date far in the future', query: member('id'), variables: { input: { ...valid, birthDate: '9999-12-31' } }, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'name 900 kB', query: member('id'), variables: { input: { ...valid, name: '名'.repeat(300_000) } }, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'national ID with SQL', query: member('id'), variables: { input: { ...valid, nationalId: "11010519900101123X' OR 1=1" } }, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'inline literal of the wrong type', query: `mutation { createMember(input: { orgUnitId: "${ids.unit}", name: 5, gender: MALE, birthDate: "1990-01-01", ethnicity: "汉族", education: BACHELOR }) { id } }`, signedIn: true, code: 'GRAPHQL_VALIDATION_FAILED' },
    // Ids.
    { name: 'member id not a UUID', query: '{ member(id: "not-a-uuid") { name } }', signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'member id SQL', query: `{ member(id: "' OR 1=1 --") { name } }`, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'member id empty', query: '{ member(id: "") { name } }', signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'member id 10 kB', query: 'query($id: ID!) { member(id: $id) { name } }', variables: { id: 'a'.repeat(10_000) }, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'member id unknown', query: '{ member(id: "00000000-0000-4000-8000-000000000000") { name } }', signedIn: true, code: 'NOT_FOUND' },
    { name: 'org unit id not a UUID', query: '{ orgUnit(id: "../../etc") { name } }', signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'record of an unknown type', query: `{ record(type: "Account", id: "${ids.member}") { version } }`, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'record type injection', query: `{ record(type: "Member'; --", id: "${ids.member}") { version } }`, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'updateMember id unknown', query: 'mutation { updateMember(id: "00000000-0000-4000-8000-000000000000", input: { name: "x" }) { id } }', signedIn: true, code: 'NOT_FOUND' },
    { name: 'updateMember stale version', query: `mutation { updateMember(id: "${ids.member}", expectedVersion: 999, input: { name: "x" }) { id } }`, signedIn: true, code: 'CONFLICT' },
    // Cursors.
    { name: 'cursor garbage', query: '{ members(first: 5, after: "garbage!!") { totalCount } }', signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'cursor of another list', query: `{ members(first: 5, after: "${Buffer.from('v:3').toString('base64')}") { totalCount } }`, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'cursor with SQL', query: `{ members(first: 5, after: "${Buffer.from("GPC:S:' OR 1=1 --").toString('base64')}") { totalCount } }`, signedIn: true, code: 'BAD_USER_INPUT' },
    { name: 'history cursor overflow', query: `{ history(type: "Member", id: "${ids.member}", first: 5, after: "${Buffer.from('v:99999999999999').toString('base64')}") { edges { cursor } } }`, signedIn: true, code: 'BAD_USER_INPUT' },
    // Not signed in.
    { name: 'mutation anonymously', query: member('id'), variables: { input: valid }, code: 'UNAUTHENTICATED' },
  ];
}
