// Malformed and forged proof bundles, each made from a good one by one edit. `kind` says how the
// verifier must end: 'malformed' — parseBundle refuses it (the CLI exits 2, bad input);
// 'unverified' — it parses, and verification fails (the CLI exits 1). Never exit 0.
import type { ProofBundle } from '@lianjian/verify';

export interface BadBundle {
  name: string;
  kind: 'malformed' | 'unverified';
  /** The file's text. */
  text: (good: ProofBundle) => string;
}

type Json = Record<string, unknown>;
const edit = (f: (b: Json) => void) => (good: ProofBundle) => {
  const b = JSON.parse(JSON.stringify(good)) as Json;
  f(b);
  return JSON.stringify(b);
};
const doc = (b: Json) => b.document as Json;
const batch = (b: Json) => b.batch as Json;
const flipHex = (h: string, at = 0) => h.slice(0, at) + (h[at] === '0' ? '1' : '0') + h.slice(at + 1);

export const BAD_BUNDLES: BadBundle[] = [
  // Not a bundle at all.
  { name: 'empty file', kind: 'malformed', text: () => '' },
  { name: 'whitespace', kind: 'malformed', text: () => ' \n\t ' },
  { name: 'binary garbage', kind: 'malformed', text: () => '\u0000\u0001\u00ff\ufffd\u0007' },
  { name: 'truncated JSON', kind: 'malformed', text: (g) => JSON.stringify(g).slice(0, 80) },
  { name: 'JSON array', kind: 'malformed', text: (g) => JSON.stringify([g]) },
  { name: 'JSON string', kind: 'malformed', text: () => '"bundle"' },
  { name: 'JSON null', kind: 'malformed', text: () => 'null' },
  { name: 'nested 100 000 deep', kind: 'malformed', text: () => '['.repeat(100_000) + ']'.repeat(100_000) },
  { name: 'duplicate key', kind: 'malformed', text: (g) => JSON.stringify(g).replace('{"v":1,', '{"v":1,"v":1,') },
  { name: 'trailing comma', kind: 'malformed', text: (g) => JSON.stringify(g).replace(/}$/, ',}') },
  { name: 'NaN index', kind: 'malformed', text: (g) => JSON.stringify(g).replace(/"index":\d+/, '"index":NaN') },
  // Envelope.
  { name: 'v 2', kind: 'malformed', text: edit((b) => (b.v = 2)) },
  { name: 'v as a string', kind: 'malformed', text: edit((b) => (b.v = '1')) },
  { name: 'extra top-level key', kind: 'malformed', text: edit((b) => (b.verified = true)) },
  { name: 'missing path', kind: 'malformed', text: edit((b) => delete b.path) },
  { name: 'missing anchor key', kind: 'malformed', text: edit((b) => delete b.anchor) },
  { name: '__proto__ key', kind: 'malformed', text: (g) => JSON.stringify(g).replace('{"v":1,', '{"__proto__":{"verified":true},"v":1,') },
  // Hashes and numbers.
  { name: 'leaf uppercase', kind: 'malformed', text: edit((b) => (b.leaf = String(b.leaf).toUpperCase())) },
  { name: 'leaf 31 bytes', kind: 'malformed', text: edit((b) => (b.leaf = String(b.leaf).slice(2))) },
  { name: 'leaf not hex', kind: 'malformed', text: edit((b) => (b.leaf = 'zz' + String(b.leaf).slice(2))) },
  { name: 'root 33 bytes', kind: 'malformed', text: edit((b) => (batch(b).root = String(batch(b).root) + '00')) },
  { name: 'path is a string', kind: 'malformed', text: edit((b) => (b.path = (b.path as string[]).join(''))) },
  { name: 'path item a number', kind: 'malformed', text: edit((b) => ((b.path as unknown[])[0] = 7)) },
  { name: 'negative index', kind: 'malformed', text: edit((b) => (b.index = -1)) },
  { name: 'fractional index', kind: 'malformed', text: edit((b) => (b.index = 1.5)) },
  { name: 'index 2^53', kind: 'malformed', text: edit((b) => (b.index = 2 ** 53)) },
  { name: 'size 0', kind: 'malformed', text: edit((b) => (batch(b).size = 0)) },
  { name: 'seq 0', kind: 'malformed', text: edit((b) => (batch(b).seq = 0)) },
  { name: 'anchor txHash lowercase', kind: 'malformed', text: edit((b) => ((b.anchor as Json).txHash = String((b.anchor as Json).txHash).toLowerCase())) },
  { name: 'anchor time not RFC 3339', kind: 'malformed', text: edit((b) => ((b.anchor as Json).time = 'yesterday')) },
  { name: 'anchor height 0', kind: 'malformed', text: edit((b) => ((b.anchor as Json).height = 0)) },
  // Document.
  { name: 'document without salt', kind: 'malformed', text: edit((b) => delete doc(b).salt) },
  { name: 'document with an extra key', kind: 'malformed', text: edit((b) => (doc(b).extra = 1)) },
  { name: 'document time without Z', kind: 'malformed', text: edit((b) => (doc(b).at = String(doc(b).at).replace('Z', ''))) },
  { name: 'document version 0', kind: 'malformed', text: edit((b) => (doc(b).version = 0)) },
  { name: 'document data a string', kind: 'malformed', text: edit((b) => (doc(b).data = 'x')) },
  { name: 'lone surrogate in data', kind: 'malformed', text: (g) => JSON.stringify(g).replace('"data":{', '"data":{"x":"\\ud800",') },
  // Well formed, but not proven.
  { name: 'data edited', kind: 'unverified', text: edit((b) => ((doc(b).data as Json).name = '改过的名字')) },
  { name: 'salt edited', kind: 'unverified', text: edit((b) => (doc(b).salt = 'AAAAAAAAAAAAAAAAAAAAAA')) },
  { name: 'leaf bit flipped', kind: 'unverified', text: edit((b) => (b.leaf = flipHex(String(b.leaf), 63))) },
  { name: 'path element flipped', kind: 'unverified', text: edit((b) => ((b.path as string[])[0] = flipHex((b.path as string[])[0]!))) },
  { name: 'path element dropped', kind: 'unverified', text: edit((b) => (b.path as string[]).pop()) },
  { name: 'path element added', kind: 'unverified', text: edit((b) => (b.path as string[]).push('00'.repeat(32))) },
  { name: 'path reversed', kind: 'unverified', text: edit((b) => (b.path as string[]).reverse()) },
  { name: 'root flipped', kind: 'unverified', text: edit((b) => (batch(b).root = flipHex(String(batch(b).root), 10))) },
  { name: 'index moved', kind: 'unverified', text: edit((b) => (b.index = (b.index as number) ^ 1)) },
  { name: 'index past size', kind: 'unverified', text: edit((b) => (b.index = batch(b).size as number)) },
  { name: 'size shrunk to 1', kind: 'unverified', text: edit((b) => (batch(b).size = 1)) },
];
