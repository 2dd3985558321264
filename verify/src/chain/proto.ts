// Minimal protobuf reading for the few foreign messages we must decode by hand (ICS23 proofs,
// Cosmos TxRaw/TxBody/Any). Our own x/anchor messages use the ts-proto code in gen/.
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import { ChainProofError } from './errors.js';

export type FieldVisitor = (field: number, wire: WireType, reader: BinaryReader) => void;

/**
 * Calls `visit` once per field; a visitor that does not consume the field leaves it to be
 * skipped. Malformed input becomes a ChainProofError naming `what`.
 */
export function readMessage(bytes: Uint8Array, what: string, visit: FieldVisitor): void {
  const reader = new BinaryReader(bytes);
  try {
    while (reader.pos < reader.len) {
      const [field, wire] = reader.tag();
      const before = reader.pos;
      visit(field, wire, reader);
      if (reader.pos === before) reader.skip(wire, field);
    }
  } catch (error) {
    if (error instanceof ChainProofError) throw error;
    throw new ChainProofError(`${what} is not valid protobuf: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function expectWire(wire: WireType, expected: WireType, what: string): void {
  if (wire !== expected) throw new ChainProofError(`${what} has wire type ${wire}, expected ${expected}`);
}

export { WireType };
