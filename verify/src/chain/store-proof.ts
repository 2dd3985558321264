/**
 * A Cosmos SDK multistore proof, as abci_query returns it with prove=true: two proof ops.
 *   op 0 "ics23:iavl"   key → value (or key absent) in the module's IAVL store ⇒ store root
 *   op 1 "ics23:simple" store name → store root in the multistore's simple tree ⇒ app hash
 * The app hash of the state after block H is in the header of block H+1.
 */
import { bytesEqual, toHex } from '../hex.js';
import { utf8 } from './bytes.js';
import { ChainProofError } from './errors.js';
import {
  calculateRoot,
  decodeCommitmentProof,
  IAVL_SPEC,
  TENDERMINT_SPEC,
  verifyMembership,
  verifyNonMembership,
} from './ics23.js';

export interface ProofOp {
  type: string;
  key: Uint8Array;
  data: Uint8Array;
}

export interface StoreProofInput {
  ops: ProofOp[];
  storeName: string;
  key: Uint8Array;
  /** The value to prove; undefined to prove that the key is absent. */
  value: Uint8Array | undefined;
  /** App hash from the header of block height+1 (which the caller has verified). */
  appHash: Uint8Array;
}

/** Throws ChainProofError with the first rule the proof breaks; returns the module store root. */
export function verifyStoreProof(input: StoreProofInput): Uint8Array {
  const { ops, storeName, key, value, appHash } = input;
  if (ops.length !== 2) throw new ChainProofError(`expected 2 proof ops (IAVL, simple), got ${ops.length}`);
  const [iavlOp, simpleOp] = ops as [ProofOp, ProofOp];

  if (iavlOp.type !== 'ics23:iavl') throw new ChainProofError(`first proof op must be ics23:iavl, got ${iavlOp.type}`);
  if (!bytesEqual(iavlOp.key, key)) {
    throw new ChainProofError(`the IAVL proof op is for key ${toHex(iavlOp.key)}, not the requested key ${toHex(key)}`);
  }
  const iavlProof = decodeCommitmentProof(iavlOp.data);
  const storeRoot = calculateRoot(iavlProof);
  try {
    if (value === undefined) verifyNonMembership(IAVL_SPEC, storeRoot, iavlProof, key);
    else verifyMembership(IAVL_SPEC, storeRoot, iavlProof, key, value);
  } catch (error) {
    throw new ChainProofError(`IAVL proof of key ${toHex(key)} in store "${storeName}" fails: ${(error as Error).message}`);
  }

  if (simpleOp.type !== 'ics23:simple') throw new ChainProofError(`second proof op must be ics23:simple, got ${simpleOp.type}`);
  if (!bytesEqual(simpleOp.key, utf8.encode(storeName))) {
    throw new ChainProofError(`the store proof op is for store "${safeText(simpleOp.key)}", not "${storeName}"`);
  }
  const simpleProof = decodeCommitmentProof(simpleOp.data);
  const computedAppHash = calculateRoot(simpleProof);
  if ('exist' in simpleProof && !bytesEqual(simpleProof.exist.value, storeRoot)) {
    throw new ChainProofError(
      `the IAVL proof leads to store root ${toHex(storeRoot)}, but the multistore proof commits to store root ${toHex(simpleProof.exist.value)} for "${storeName}"`,
    );
  }
  try {
    verifyMembership(TENDERMINT_SPEC, computedAppHash, simpleProof, utf8.encode(storeName), storeRoot);
  } catch (error) {
    throw new ChainProofError(`multistore proof of store "${storeName}" fails: ${(error as Error).message}`);
  }
  if (!bytesEqual(computedAppHash, appHash)) {
    throw new ChainProofError(
      `the state proof leads to app hash ${toHex(computedAppHash)}, but the block header says ${toHex(appHash)}`,
    );
  }
  return storeRoot;
}

function safeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return toHex(bytes);
  }
}
