package keeper_test

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"time"

	errorsmod "cosmossdk.io/errors"

	"github.com/lianjian/chain/x/anchor/types"
)

func (s *KeeperSuite) TestCommitFirstBatchRecordsBlockHeightAndTime() {
	r := root("first")
	res, err := s.msgServer.CommitBatch(s.ctx, types.NewMsgCommitBatch(s.submitter, 1, r, 1000, types.ZeroRoot()))
	s.Require().NoError(err)
	s.Require().Equal(uint64(1), res.Seq)
	s.Require().Equal(int64(blockHeight), res.Height)

	b, err := s.keeper.Batches.Get(s.ctx, 1)
	s.Require().NoError(err)
	s.Require().Equal(types.Batch{
		Seq: 1, Root: r, Size_: 1000, PrevRoot: types.ZeroRoot(), Submitter: s.submitter,
		Height: blockHeight, Time: blockTime,
	}, b)
	s.Require().Equal(uint64(1), s.latest())
}

func (s *KeeperSuite) TestCommitTimeFollowsTheBlockNotTheWallClock() {
	later := blockTime.Add(90 * time.Minute)
	ctx := s.ctx.WithBlockTime(later).WithBlockHeight(blockHeight + 7)
	_, err := s.msgServer.CommitBatch(ctx, types.NewMsgCommitBatch(s.submitter, 1, root("a"), 1, types.ZeroRoot()))
	s.Require().NoError(err)
	b, err := s.keeper.Batches.Get(ctx, 1)
	s.Require().NoError(err)
	s.Require().True(b.Time.Equal(later), "stored %s, block %s", b.Time, later)
	s.Require().Equal(int64(blockHeight+7), b.Height)
}

func (s *KeeperSuite) TestCommitChainLinksPrevRoots() {
	roots := s.commitChain(5)
	s.Require().Equal(uint64(5), s.latest())
	for i := 2; i <= 5; i++ {
		b, err := s.keeper.Batches.Get(s.ctx, uint64(i))
		s.Require().NoError(err)
		s.Require().Equal(roots[i-2], b.PrevRoot)
		s.Require().Equal(roots[i-1], b.Root)
		s.Require().Equal(uint64(i*10), b.Size_)
	}
}

func (s *KeeperSuite) TestCommitEmitsTypedEvent() {
	r := root("evt")
	_, err := s.msgServer.CommitBatch(s.ctx, types.NewMsgCommitBatch(s.submitter, 1, r, 77, types.ZeroRoot()))
	s.Require().NoError(err)

	events := s.ctx.EventManager().Events()
	var found bool
	for _, ev := range events {
		if ev.Type != "lianjian.anchor.v1.EventBatchCommitted" {
			continue
		}
		found = true
		attrs := map[string]string{}
		for _, a := range ev.Attributes {
			attrs[a.Key] = a.Value
		}
		s.Require().Equal(`"1"`, attrs["seq"])
		s.Require().Equal(`"`+hex.EncodeToString(r)+`"`, attrs["root"])
		s.Require().Equal(`"77"`, attrs["size"])
		s.Require().Equal(`"`+hex.EncodeToString(types.ZeroRoot())+`"`, attrs["prev_root"])
		s.Require().Equal(`"`+s.submitter+`"`, attrs["submitter"])
	}
	s.Require().True(found, "no EventBatchCommitted in %v", events)
}

// TestStoreKeyLayout pins the proof contract: batch seq lives at exactly 0x01 ‖ be64(seq).
func (s *KeeperSuite) TestStoreKeyLayout() {
	roots := s.commitChain(3)
	store := s.ctx.KVStore(s.key)
	for seq := uint64(1); seq <= 3; seq++ {
		want := append([]byte{0x01}, binary.BigEndian.AppendUint64(nil, seq)...)
		s.Require().Equal(want, types.BatchStoreKey(seq))
		raw := store.Get(want)
		s.Require().NotNil(raw, "nothing at key %x", want)
		var b types.Batch
		s.Require().NoError(s.cdc.Unmarshal(raw, &b))
		s.Require().Equal(roots[seq-1], b.Root)
	}
	s.Require().Equal([]byte{1, 0, 0, 0, 0, 0, 0, 1, 2}, types.BatchStoreKey(258))
}

func (s *KeeperSuite) TestRejections() {
	r1 := root("r1")
	cases := []struct {
		name    string
		setup   int // batches committed first
		msg     func() *types.MsgCommitBatch
		err     error
		message string
	}{
		{
			name:    "submitter not allowed",
			msg:     func() *types.MsgCommitBatch { return types.NewMsgCommitBatch(s.other, 1, r1, 1, types.ZeroRoot()) },
			err:     types.ErrSubmitterNotAllowed,
			message: "submitter " + s.other + " is not in allowed_submitters",
		},
		{
			name: "submitter not an address",
			msg: func() *types.MsgCommitBatch {
				return types.NewMsgCommitBatch("lianjian1nope", 1, r1, 1, types.ZeroRoot())
			},
			err:     types.ErrInvalidSubmitter,
			message: `submitter "lianjian1nope"`,
		},
		{
			name: "submitter with another chain's prefix",
			msg: func() *types.MsgCommitBatch {
				return types.NewMsgCommitBatch("cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu", 1, r1, 1, types.ZeroRoot())
			},
			err:     types.ErrInvalidSubmitter,
			message: "submitter",
		},
		{
			name: "root of 31 bytes",
			msg: func() *types.MsgCommitBatch {
				return types.NewMsgCommitBatch(s.submitter, 1, r1[:31], 1, types.ZeroRoot())
			},
			err:     types.ErrInvalidRoot,
			message: "root must be exactly 32 bytes, got 31",
		},
		{
			name: "root of 33 bytes",
			msg: func() *types.MsgCommitBatch {
				return types.NewMsgCommitBatch(s.submitter, 1, append(bytes.Clone(r1), 0), 1, types.ZeroRoot())
			},
			err:     types.ErrInvalidRoot,
			message: "root must be exactly 32 bytes, got 33",
		},
		{
			name:    "empty root",
			msg:     func() *types.MsgCommitBatch { return types.NewMsgCommitBatch(s.submitter, 1, nil, 1, types.ZeroRoot()) },
			err:     types.ErrInvalidRoot,
			message: "got 0",
		},
		{
			name:    "prev_root of wrong length",
			msg:     func() *types.MsgCommitBatch { return types.NewMsgCommitBatch(s.submitter, 1, r1, 1, make([]byte, 20)) },
			err:     types.ErrInvalidPrevRoot,
			message: "prev_root must be exactly 32 bytes, got 20",
		},
		{
			name:    "size zero",
			msg:     func() *types.MsgCommitBatch { return types.NewMsgCommitBatch(s.submitter, 1, r1, 0, types.ZeroRoot()) },
			err:     types.ErrInvalidSize,
			message: "size must be at least 1",
		},
		{
			name:    "seq zero",
			msg:     func() *types.MsgCommitBatch { return types.NewMsgCommitBatch(s.submitter, 0, r1, 1, types.ZeroRoot()) },
			err:     types.ErrSeqOutOfOrder,
			message: "seq 0 out of order: expected 1",
		},
		{
			name:    "first batch is not seq 1",
			msg:     func() *types.MsgCommitBatch { return types.NewMsgCommitBatch(s.submitter, 2, r1, 1, types.ZeroRoot()) },
			err:     types.ErrSeqOutOfOrder,
			message: "seq 2 out of order: expected 1",
		},
		{
			name:    "gap",
			setup:   3,
			msg:     func() *types.MsgCommitBatch { return types.NewMsgCommitBatch(s.submitter, 5, root("x"), 1, root("r3")) },
			err:     types.ErrSeqOutOfOrder,
			message: "seq 5 out of order: expected 4",
		},
		{
			name:  "replay of a committed seq",
			setup: 3,
			msg: func() *types.MsgCommitBatch {
				return types.NewMsgCommitBatch(s.submitter, 2, root("r2"), 20, root("r1"))
			},
			err:     types.ErrSeqOutOfOrder,
			message: "seq 2 out of order: expected 4 (seq 2 is already committed)",
		},
		{
			name:    "seq 1 with a non-zero prev_root",
			msg:     func() *types.MsgCommitBatch { return types.NewMsgCommitBatch(s.submitter, 1, r1, 1, root("r0")) },
			err:     types.ErrPrevRootMismatch,
			message: "prev_root " + hex.EncodeToString(root("r0")) + " does not match root " + hex.EncodeToString(types.ZeroRoot()) + " of batch 0",
		},
		{
			name:  "prev_root is not the previous root",
			setup: 2,
			msg: func() *types.MsgCommitBatch {
				return types.NewMsgCommitBatch(s.submitter, 3, root("r3"), 1, root("r1"))
			},
			err:     types.ErrPrevRootMismatch,
			message: "does not match root " + hex.EncodeToString(root("r2")) + " of batch 2",
		},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			s.SetupTest()
			if tc.setup > 0 {
				s.commitChain(tc.setup)
			}
			before := len(s.ctx.EventManager().Events())

			_, err := s.msgServer.CommitBatch(s.ctx, tc.msg())
			s.Require().ErrorIs(err, tc.err)
			s.Require().Contains(err.Error(), tc.message)

			s.Require().Equal(uint64(tc.setup), s.latest(), "a rejected batch must not move latest")
			s.Require().Len(s.ctx.EventManager().Events(), before, "a rejected batch must not emit events")
			has, err := s.keeper.Batches.Has(s.ctx, uint64(tc.setup)+1)
			s.Require().NoError(err)
			s.Require().False(has)
		})
	}
}

func (s *KeeperSuite) TestEmptyAllowListRejectsEveryone() {
	s.Require().NoError(s.keeper.Params.Set(s.ctx, types.DefaultParams()))
	_, err := s.msgServer.CommitBatch(s.ctx, types.NewMsgCommitBatch(s.submitter, 1, root("a"), 1, types.ZeroRoot()))
	s.Require().ErrorIs(err, types.ErrSubmitterNotAllowed)
}

func (s *KeeperSuite) TestSeveralAllowedSubmittersShareOneSequence() {
	third := s.addr(3)
	s.Require().NoError(s.keeper.Params.Set(s.ctx, types.Params{AllowedSubmitters: []string{s.submitter, third}}))
	_, err := s.msgServer.CommitBatch(s.ctx, types.NewMsgCommitBatch(s.submitter, 1, root("a"), 1, types.ZeroRoot()))
	s.Require().NoError(err)
	_, err = s.msgServer.CommitBatch(s.ctx, types.NewMsgCommitBatch(third, 2, root("b"), 1, root("a")))
	s.Require().NoError(err)
	_, err = s.msgServer.CommitBatch(s.ctx, types.NewMsgCommitBatch(third, 2, root("c"), 1, root("a")))
	s.Require().ErrorIs(err, types.ErrSeqOutOfOrder)
}

func (s *KeeperSuite) TestValidateBasic() {
	ok := types.NewMsgCommitBatch(s.submitter, 1, root("a"), 1, types.ZeroRoot())
	s.Require().NoError(ok.ValidateBasic())
	s.Require().NoError(types.NewMsgCommitBatch(s.submitter, 9, root("a"), 1, root("b")).ValidateBasic())

	cases := map[string]struct {
		msg *types.MsgCommitBatch
		err error
	}{
		"empty submitter":     {types.NewMsgCommitBatch("", 1, root("a"), 1, types.ZeroRoot()), types.ErrInvalidSubmitter},
		"seq zero":            {types.NewMsgCommitBatch(s.submitter, 0, root("a"), 1, types.ZeroRoot()), types.ErrSeqOutOfOrder},
		"short root":          {types.NewMsgCommitBatch(s.submitter, 1, root("a")[:8], 1, types.ZeroRoot()), types.ErrInvalidRoot},
		"short prev_root":     {types.NewMsgCommitBatch(s.submitter, 2, root("a"), 1, root("b")[:31]), types.ErrInvalidPrevRoot},
		"seq 1 non-zero prev": {types.NewMsgCommitBatch(s.submitter, 1, root("a"), 1, root("b")), types.ErrPrevRootMismatch},
		"size zero":           {types.NewMsgCommitBatch(s.submitter, 1, root("a"), 0, types.ZeroRoot()), types.ErrInvalidSize},
	}
	for name, tc := range cases {
		s.Run(name, func() {
			s.Require().ErrorIs(tc.msg.ValidateBasic(), tc.err)
		})
	}
}

// Registered errors carry the anchor codespace and distinct codes, which is what a client sees
// in a failed DeliverTx.
func (s *KeeperSuite) TestErrorsAreRegistered() {
	seen := map[uint32]bool{}
	for _, e := range []*errorsmod.Error{
		types.ErrSubmitterNotAllowed, types.ErrInvalidSubmitter, types.ErrInvalidRoot, types.ErrInvalidPrevRoot,
		types.ErrInvalidSize, types.ErrSeqOutOfOrder, types.ErrPrevRootMismatch, types.ErrBatchNotFound,
		types.ErrInvalidGenesis, types.ErrInvalidParams,
	} {
		s.Require().Equal(types.ModuleName, e.Codespace())
		s.Require().False(seen[e.ABCICode()], "code %d used twice", e.ABCICode())
		seen[e.ABCICode()] = true
	}
}
