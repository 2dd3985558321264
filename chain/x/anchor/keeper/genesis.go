package keeper

import (
	"context"

	"github.com/lianjian/chain/x/anchor/types"
)

// InitGenesis validates before writing, so a broken chain of roots never reaches the store.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(k.addressCodec); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, a := range gs.Admins {
		bz, _ := k.addressCodec.StringToBytes(a) // validated above
		if err := k.Admins.Set(ctx, bz, AdminMarker); err != nil {
			return err
		}
	}
	for _, o := range gs.Operators {
		bz, _ := k.addressCodec.StringToBytes(o.Address)
		if err := k.Operators.Set(ctx, bz, o); err != nil {
			return err
		}
	}
	for _, b := range gs.Batches {
		if err := k.Batches.Set(ctx, b.Seq, b); err != nil {
			return err
		}
	}
	if n := len(gs.Batches); n > 0 {
		return k.LatestSeq.Set(ctx, gs.Batches[n-1].Seq)
	}
	return nil
}

func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params, Batches: []types.Batch{}, Admins: []string{}, Operators: []types.Operator{}}
	err = k.Admins.Walk(ctx, nil, func(bz []byte, _ []byte) (bool, error) {
		a, err := k.addressCodec.BytesToString(bz)
		gs.Admins = append(gs.Admins, a)
		return false, err
	})
	if err != nil {
		return nil, err
	}
	err = k.Operators.Walk(ctx, nil, func(_ []byte, o types.Operator) (bool, error) {
		gs.Operators = append(gs.Operators, o)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	// Uint64Key iterates in ascending seq order, which is the order Validate expects.
	err = k.Batches.Walk(ctx, nil, func(_ uint64, b types.Batch) (bool, error) {
		gs.Batches = append(gs.Batches, b)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	return gs, nil
}
