package keeper

import (
	"bytes"
	"context"
	"encoding/hex"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/lianjian/chain/x/anchor/types"
)

// CommitBatch applies every rule of MsgCommitBatch and stores the batch. Height and time come from
// the block context, never from the wall clock, so every validator writes the same bytes.
func (k *Keeper) CommitBatch(ctx context.Context, msg *types.MsgCommitBatch) (*types.Batch, error) {
	submitter, err := k.addressCodec.StringToBytes(msg.Submitter)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidSubmitter, "submitter %q: %v", msg.Submitter, err)
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if !params.IsAllowed(k.addressCodec, submitter) {
		return nil, errorsmod.Wrapf(types.ErrSubmitterNotAllowed, "submitter %s is not in allowed_submitters", msg.Submitter)
	}
	if err := types.ValidateRoot(msg.Root); err != nil {
		return nil, err
	}
	if err := types.ValidatePrevRoot(msg.PrevRoot); err != nil {
		return nil, err
	}
	if err := types.ValidateSize(msg.Size_); err != nil {
		return nil, err
	}

	latest, err := k.GetLatestSeq(ctx)
	if err != nil {
		return nil, err
	}
	if msg.Seq != latest+1 {
		if msg.Seq != 0 && msg.Seq <= latest {
			return nil, errorsmod.Wrapf(types.ErrSeqOutOfOrder, "seq %d out of order: expected %d (seq %d is already committed)", msg.Seq, latest+1, msg.Seq)
		}
		return nil, errorsmod.Wrapf(types.ErrSeqOutOfOrder, "seq %d out of order: expected %d", msg.Seq, latest+1)
	}

	wantPrev := types.ZeroRoot()
	if latest > 0 {
		prev, err := k.Batches.Get(ctx, latest)
		if err != nil {
			return nil, errorsmod.Wrapf(err, "loading batch %d", latest)
		}
		wantPrev = prev.Root
	}
	if !bytes.Equal(msg.PrevRoot, wantPrev) {
		return nil, errorsmod.Wrapf(types.ErrPrevRootMismatch, "prev_root %s does not match root %s of batch %d",
			hex.EncodeToString(msg.PrevRoot), hex.EncodeToString(wantPrev), latest)
	}

	sdkCtx := sdk.UnwrapSDKContext(ctx)
	batch := types.Batch{
		Seq:       msg.Seq,
		Root:      bytes.Clone(msg.Root),
		Size_:     msg.Size_,
		PrevRoot:  bytes.Clone(msg.PrevRoot),
		Submitter: msg.Submitter,
		Height:    sdkCtx.BlockHeight(),
		Time:      sdkCtx.BlockTime().UTC(),
	}
	if err := k.Batches.Set(ctx, batch.Seq, batch); err != nil {
		return nil, err
	}
	if err := k.LatestSeq.Set(ctx, batch.Seq); err != nil {
		return nil, err
	}
	if err := sdkCtx.EventManager().EmitTypedEvent(&types.EventBatchCommitted{
		Seq:       batch.Seq,
		Root:      hex.EncodeToString(batch.Root),
		Size_:     batch.Size_,
		PrevRoot:  hex.EncodeToString(batch.PrevRoot),
		Submitter: batch.Submitter,
	}); err != nil {
		return nil, err
	}
	return &batch, nil
}
