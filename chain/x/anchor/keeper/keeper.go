package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/store"

	"github.com/cosmos/cosmos-sdk/codec"

	"github.com/lianjian/chain/x/anchor/types"
)

// Keeper owns the anchor store. Its layout (prefixes in types/keys.go) is part of the proof
// contract, so collections are declared here once and never renamed or re-prefixed.
type Keeper struct {
	addressCodec address.Codec

	Schema    collections.Schema
	Params    collections.Item[types.Params]
	Batches   collections.Map[uint64, types.Batch]
	LatestSeq collections.Item[uint64]
	// Admins may approve and revoke validator operators (set in genesis). A map to a marker byte,
	// not a KeySet: a KeySet stores empty values, and an ICS23 proof whose neighbour leaf has an
	// empty value cannot be checked (the verifier's non-existence proofs in this store need it).
	Admins collections.Map[[]byte, []byte]
	// Operators approved to run a validator, by account address bytes.
	Operators collections.Map[[]byte, types.Operator]

	staking types.StakingKeeper
}

func NewKeeper(storeService store.KVStoreService, cdc codec.BinaryCodec, addressCodec address.Codec) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		addressCodec: addressCodec,
		Params:       collections.NewItem(sb, types.ParamsPrefix, "params", codec.CollValue[types.Params](cdc)),
		// Uint64Key encodes big-endian, so the store key is 0x01 ‖ be64(seq).
		Batches:   collections.NewMap(sb, types.BatchesPrefix, "batches", collections.Uint64Key, codec.CollValue[types.Batch](cdc)),
		LatestSeq: collections.NewItem(sb, types.LatestSeqPrefix, "latest_seq", collections.Uint64Value),
		Admins:    collections.NewMap(sb, types.AdminsPrefix, "admins", collections.BytesKey, collections.BytesValue),
		Operators: collections.NewMap(sb, types.OperatorsPrefix, "operators", collections.BytesKey, codec.CollValue[types.Operator](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

func (k *Keeper) AddressCodec() address.Codec { return k.addressCodec }

// SetStakingKeeper gives the keeper x/staking, needed to jail a revoked operator's validator.
func (k *Keeper) SetStakingKeeper(sk types.StakingKeeper) { k.staking = sk }

// GetLatestSeq returns 0 before the first batch.
func (k *Keeper) GetLatestSeq(ctx context.Context) (uint64, error) {
	seq, err := k.LatestSeq.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return 0, nil
	}
	return seq, err
}

func (k *Keeper) GetParams(ctx context.Context) (types.Params, error) {
	p, err := k.Params.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return types.DefaultParams(), nil
	}
	return p, err
}
