package keeper_test

import (
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/lianjian/chain/x/anchor/types"
)

func (s *KeeperSuite) TestQueryParams() {
	res, err := s.query.Params(s.ctx, &types.QueryParamsRequest{})
	s.Require().NoError(err)
	s.Require().Equal([]string{s.submitter}, res.Params.AllowedSubmitters)
}

func (s *KeeperSuite) TestQueryBatch() {
	roots := s.commitChain(3)
	res, err := s.query.Batch(s.ctx, &types.QueryBatchRequest{Seq: 2})
	s.Require().NoError(err)
	s.Require().Equal(uint64(2), res.Batch.Seq)
	s.Require().Equal(roots[1], res.Batch.Root)
	s.Require().Equal(roots[0], res.Batch.PrevRoot)

	_, err = s.query.Batch(s.ctx, &types.QueryBatchRequest{Seq: 4})
	s.Require().ErrorIs(err, types.ErrBatchNotFound)
	s.Require().Contains(err.Error(), "batch 4 is not committed")

	_, err = s.query.Batch(s.ctx, &types.QueryBatchRequest{Seq: 0})
	s.Require().Equal(codes.InvalidArgument, status.Code(err))
}

func (s *KeeperSuite) TestQueryLatestBatch() {
	res, err := s.query.LatestBatch(s.ctx, &types.QueryLatestBatchRequest{})
	s.Require().NoError(err)
	s.Require().Equal(uint64(0), res.LatestSeq)
	s.Require().Nil(res.Batch)

	roots := s.commitChain(4)
	res, err = s.query.LatestBatch(s.ctx, &types.QueryLatestBatchRequest{})
	s.Require().NoError(err)
	s.Require().Equal(uint64(4), res.LatestSeq)
	s.Require().Equal(roots[3], res.Batch.Root)
}

func (s *KeeperSuite) TestQueryBatchesPaginates() {
	s.commitChain(7)

	// Page through with next_key: 3 + 3 + 1, in ascending seq order.
	var seqs []uint64
	var next []byte
	pages := 0
	for {
		res, err := s.query.Batches(s.ctx, &types.QueryBatchesRequest{
			Pagination: &query.PageRequest{Key: next, Limit: 3, CountTotal: pages == 0},
		})
		s.Require().NoError(err)
		if pages == 0 {
			s.Require().Equal(uint64(7), res.Pagination.Total)
		}
		for _, b := range res.Batches {
			seqs = append(seqs, b.Seq)
		}
		pages++
		next = res.Pagination.NextKey
		if next == nil {
			break
		}
		s.Require().Less(pages, 5, "pagination does not end")
	}
	s.Require().Equal(3, pages)
	s.Require().Equal([]uint64{1, 2, 3, 4, 5, 6, 7}, seqs)

	res, err := s.query.Batches(s.ctx, &types.QueryBatchesRequest{Pagination: &query.PageRequest{Offset: 5, Limit: 10}})
	s.Require().NoError(err)
	s.Require().Len(res.Batches, 2)
	s.Require().Equal(uint64(6), res.Batches[0].Seq)

	res, err = s.query.Batches(s.ctx, &types.QueryBatchesRequest{Pagination: &query.PageRequest{Limit: 2, Reverse: true}})
	s.Require().NoError(err)
	s.Require().Equal([]uint64{7, 6}, []uint64{res.Batches[0].Seq, res.Batches[1].Seq})

	res, err = s.query.Batches(s.ctx, &types.QueryBatchesRequest{})
	s.Require().NoError(err)
	s.Require().Len(res.Batches, 7)

	_, err = s.query.Batches(s.ctx, &types.QueryBatchesRequest{Pagination: &query.PageRequest{Key: []byte{1}, Offset: 1}})
	s.Require().Error(err, "key and offset together are invalid")
}

// The services are reachable through the gRPC router the app uses, with the registered codec.
func (s *KeeperSuite) TestQueryThroughGRPCRouter() {
	s.commitChain(2)
	helper := baseapp.NewQueryServerTestHelper(s.ctx, moduleRegistry())
	types.RegisterQueryServer(helper, s.query)
	client := types.NewQueryClient(helper)

	res, err := client.LatestBatch(s.ctx, &types.QueryLatestBatchRequest{})
	s.Require().NoError(err)
	s.Require().Equal(uint64(2), res.LatestSeq)

	_, err = client.Batch(s.ctx, &types.QueryBatchRequest{Seq: 9})
	s.Require().Error(err)
	s.Require().Contains(err.Error(), "batch 9 is not committed")
}
