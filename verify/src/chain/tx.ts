/**
 * Checks that a bundle's anchor transaction is in the block it names and carries the batch:
 * tx hash = SHA-256(tx bytes), tx hashes → data_hash of the checked header of that block, and
 * the transaction holds a MsgCommitBatch with this seq and root. Uses the block itself, not the
 * node's tx index (which a node may switch off).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesEqual, toHex } from '../hex.js';
import { fromBase64, toUpperHex } from './bytes.js';
import { ChainProofError } from './errors.js';
import { MsgCommitBatch } from './gen/lianjian/anchor/v1/tx.js';
import { headerHash, merkleHash } from './light.js';
import { expectWire, readMessage, WireType } from './proto.js';
import type { AnchorReader } from './anchor.js';

export const MSG_COMMIT_BATCH_TYPE_URL = '/lianjian.anchor.v1.MsgCommitBatch';

/** The messages (type URL and bytes) of a Cosmos TxRaw. */
export function txMessages(tx: Uint8Array): { typeUrl: string; value: Uint8Array }[] {
  let body: Uint8Array | undefined;
  readMessage(tx, 'TxRaw', (field, wire, r) => {
    if (field === 1) {
      expectWire(wire, WireType.LengthDelimited, 'TxRaw.body_bytes');
      body = r.bytes();
    }
  });
  if (body === undefined) throw new ChainProofError('the transaction has no body');
  const messages: { typeUrl: string; value: Uint8Array }[] = [];
  readMessage(body, 'TxBody', (field, wire, r) => {
    if (field !== 1) return;
    expectWire(wire, WireType.LengthDelimited, 'TxBody.messages');
    const any: { typeUrl: string; value: Uint8Array } = { typeUrl: '', value: new Uint8Array(0) };
    readMessage(r.bytes(), 'Any', (f, w, rr) => {
      if (f === 1) {
        expectWire(w, WireType.LengthDelimited, 'Any.type_url');
        any.typeUrl = rr.string();
      } else if (f === 2) {
        expectWire(w, WireType.LengthDelimited, 'Any.value');
        any.value = rr.bytes();
      }
    });
    messages.push(any);
  });
  return messages;
}

/** Throws ChainProofError unless tx `txHash` in block `height` commits batch seq with root. */
export async function verifyAnchorTx(reader: AnchorReader, height: number, txHash: string, seq: bigint, root: Uint8Array): Promise<void> {
  const { header } = await reader.checkedHeader(height);
  const block = await reader.rpc.block(height);
  // The block's header must be the very header whose signatures were checked.
  if (!bytesEqual(headerHash(block.block.header), header.hash)) {
    throw new ChainProofError(`block ${height} as sent does not match its signed header`);
  }
  const txs = (block.block.data.txs ?? []).map((t, i) => fromBase64(t, `tx ${i} of block ${height}`));
  const hashes = txs.map((t) => sha256(t));
  if (!bytesEqual(merkleHash(hashes), header.dataHash)) throw new ChainProofError(`the transactions of block ${height} do not hash to its data_hash`);
  const wanted = txHash.toUpperCase();
  const index = hashes.findIndex((h) => toUpperHex(h) === wanted);
  if (index < 0) throw new ChainProofError(`transaction ${wanted} is not in block ${height}`);
  const found = txMessages(txs[index]!).some((m) => {
    if (m.typeUrl !== MSG_COMMIT_BATCH_TYPE_URL) return false;
    try {
      const msg = MsgCommitBatch.decode(m.value);
      return msg.seq === seq && bytesEqual(msg.root, root);
    } catch {
      return false;
    }
  });
  if (!found) {
    throw new ChainProofError(`transaction ${wanted} in block ${height} does not commit batch ${seq} with root ${toHex(root)}`);
  }
}
