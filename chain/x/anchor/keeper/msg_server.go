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

func (s msgServer) ApproveOperator(ctx context.Context, msg *types.MsgApproveOperator) (*types.MsgApproveOperatorResponse, error) {
	if err := s.k.ApproveOperator(ctx, msg); err != nil {
		return nil, err
	}
	return &types.MsgApproveOperatorResponse{}, nil
}

func (s msgServer) RevokeOperator(ctx context.Context, msg *types.MsgRevokeOperator) (*types.MsgRevokeOperatorResponse, error) {
	jailed, err := s.k.RevokeOperator(ctx, msg)
	if err != nil {
		return nil, err
	}
	return &types.MsgRevokeOperatorResponse{Jailed: jailed}, nil
}
