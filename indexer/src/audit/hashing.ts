// The auditor's hot path: the same leaf, tree and canonical-form rules as @lianjian/verify (the
// reference, DESIGN.md §proof format), computed with Node's native SHA-256 and without building
// intermediate objects. verify hashes with @noble/hashes in JavaScript so that browsers and Node
// agree byte for byte; the auditor, which re-derives every record of the ledger, runs only on
// Node. test/audit-hashing.test.ts holds these to the reference on random and edge-case inputs.
import { hash } from 'node:crypto';
import { canonicalize } from '@lianjian/verify';

/** leaf = SHA-256(0x00 ‖ UTF-8 of the stored text). */
export function leafOf(text: string): Buffer {
  return hash('sha256', `\u0000${text}`, 'buffer');
}

const NODE_PREFIX = Buffer.from([0x01]);

/**
 * The levels of the RFC 9162 tree over `leaves` (verify's buildTree: pairs left to right, an odd
 * last node carried up unchanged), each level as the concatenation of its nodes — the form
 * batch_level stores. A leaf of the wrong length is hashed as it is: its level then differs
 * from the stored one instead of the whole audit stopping.
 */
export function treeLevels(leaves: Buffer[]): Buffer[] {
  if (leaves.length === 0) return [];
  const levels: Buffer[] = [Buffer.concat(leaves)];
  let nodes = leaves;
  while (nodes.length > 1) {
    const up: Buffer[] = new Array<Buffer>((nodes.length + 1) >> 1);
    for (let i = 0; i + 1 < nodes.length; i += 2) up[i >> 1] = hash('sha256', Buffer.concat([NODE_PREFIX, nodes[i]!, nodes[i + 1]!]), 'buffer');
    if (nodes.length % 2 === 1) up[up.length - 1] = nodes[nodes.length - 1]!;
    levels.push(Buffer.concat(up));
    nodes = up;
  }
  return levels;
}

/** True when every object in `value` has its keys in RFC 8785 order (UTF-16 code units). */
function keysSorted(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) {
    for (const v of value) if (!keysSorted(v)) return false;
    return true;
  }
  let prev: string | undefined;
  for (const k in value) {
    if (prev !== undefined && !(prev < k)) return false;
    prev = k;
    if (!keysSorted((value as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * Whether `text` is the canonical (JCS) form of `parsed` (= JSON.parse(text)), i.e.
 * canonicalize(parsed) === text. The fast answer: JSON.stringify writes numbers and strings as
 * JCS does, and objects in their key order, so with every object's keys already sorted and no
 * escaped surrogate (JCS refuses lone ones; JSON.stringify would escape them) the two agree. Any
 * other text — integer-like keys that JavaScript reorders, -0, an escaped surrogate — goes to
 * the reference.
 */
export function isCanonicalText(text: string, parsed: unknown): boolean {
  if (!/\\u[dD][89a-fA-F]/.test(text) && keysSorted(parsed) && JSON.stringify(parsed) === text) return true;
  // May throw (a value JCS refuses): the caller reports that as an invalid document.
  return canonicalize(parsed) === text;
}
