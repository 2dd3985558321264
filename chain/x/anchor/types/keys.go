package types

import (
	"encoding/binary"

	"cosmossdk.io/collections"
)

const (
	ModuleName = "anchor"

	// StoreKey is also the store name in ABCI queries: /store/anchor/key.
	StoreKey = ModuleName

	// RootSize is the length of an RFC 9162 SHA-256 Merkle root.
	RootSize = 32
)

// Collection prefixes. The batches prefix is part of the public proof contract: a verifier asks for
// the state proof of key 0x01 ‖ big-endian(seq).
var (
	ParamsPrefix    = collections.NewPrefix(0)
	BatchesPrefix   = collections.NewPrefix(1)
	LatestSeqPrefix = collections.NewPrefix(2)
	// Validator operators (not part of the proof contract).
	AdminsPrefix    = collections.NewPrefix(3)
	OperatorsPrefix = collections.NewPrefix(4)
)

// GenesisApprover is Operator.approved_by for the validators created by genesis transactions.
const GenesisApprover = "genesis"

// BatchStoreKey is the raw KV key of batch seq in the anchor store.
func BatchStoreKey(seq uint64) []byte {
	key := make([]byte, 0, len(BatchesPrefix)+8)
	key = append(key, BatchesPrefix.Bytes()...)
	return binary.BigEndian.AppendUint64(key, seq)
}

// ZeroRoot is the prev_root of batch 1.
func ZeroRoot() []byte { return make([]byte, RootSize) }
