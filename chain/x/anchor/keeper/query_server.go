package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/lianjian/chain/x/anchor/types"
)

type queryServer struct {
	k *Keeper
}

var _ types.QueryServer = queryServer{}

func NewQueryServer(k *Keeper) types.QueryServer {
	return queryServer{k: k}
}

func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

func (q queryServer) Batch(ctx context.Context, req *types.QueryBatchRequest) (*types.QueryBatchResponse, error) {
	if req == nil || req.Seq == 0 {
		return nil, status.Error(codes.InvalidArgument, "seq must be at least 1")
	}
	b, err := q.k.Batches.Get(ctx, req.Seq)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, errorsmod.Wrapf(types.ErrBatchNotFound, "batch %d is not committed", req.Seq)
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryBatchResponse{Batch: b}, nil
}

func (q queryServer) LatestBatch(ctx context.Context, _ *types.QueryLatestBatchRequest) (*types.QueryLatestBatchResponse, error) {
	seq, err := q.k.GetLatestSeq(ctx)
	if err != nil {
		return nil, err
	}
	if seq == 0 {
		return &types.QueryLatestBatchResponse{}, nil
	}
	b, err := q.k.Batches.Get(ctx, seq)
	if err != nil {
		return nil, errorsmod.Wrapf(err, "loading latest batch %d", seq)
	}
	return &types.QueryLatestBatchResponse{LatestSeq: seq, Batch: &b}, nil
}

func (q queryServer) Batches(ctx context.Context, req *types.QueryBatchesRequest) (*types.QueryBatchesResponse, error) {
	var pagination *query.PageRequest
	if req != nil {
		pagination = req.Pagination
	}
	batches, page, err := query.CollectionPaginate(ctx, q.k.Batches, pagination,
		func(_ uint64, b types.Batch) (types.Batch, error) { return b, nil })
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryBatchesResponse{Batches: batches, Pagination: page}, nil
}

func (q queryServer) Operators(ctx context.Context, _ *types.QueryOperatorsRequest) (*types.QueryOperatorsResponse, error) {
	return q.k.ListOperators(ctx)
}
