package keeper

import (
	"context"

	"github.com/lianjian/chain/x/anchor/types"
)

type msgServer struct {
	k *Keeper
}

var _ types.MsgServer = msgServer{}

func NewMsgServerImpl(k *Keeper) types.MsgServer {
	return msgServer{k: k}
}

func (s msgServer) CommitBatch(ctx context.Context, msg *types.MsgCommitBatch) (*types.MsgCommitBatchResponse, error) {
	batch, err := s.k.CommitBatch(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgCommitBatchResponse{Seq: batch.Seq, Height: batch.Height}, nil
}
