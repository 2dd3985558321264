package keeper_test

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"testing"
	"time"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/suite"

	storetypes "cosmossdk.io/store/types"

	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"

	"github.com/lianjian/chain/x/anchor"
	"github.com/lianjian/chain/x/anchor/keeper"
	"github.com/lianjian/chain/x/anchor/types"
)

// blockTime is deliberately far from the wall clock: a stored time equal to it proves the keeper
// reads the block header, not time.Now().
var blockTime = time.Date(2031, 3, 4, 5, 6, 7, 123456789, time.UTC)

const blockHeight = 42

type KeeperSuite struct {
	suite.Suite

	ctx       sdk.Context
	key       *storetypes.KVStoreKey
	cdc       codec.Codec
	ac        address.Bech32Codec
	keeper    *keeper.Keeper
	msgServer types.MsgServer
	query     types.QueryServer

	submitter string // allowed
	other     string // valid address, not allowed
}

func TestKeeperSuite(t *testing.T) {
	suite.Run(t, new(KeeperSuite))
}

func (s *KeeperSuite) SetupTest() {
	s.key = storetypes.NewKVStoreKey(types.StoreKey)
	testCtx := testutil.DefaultContextWithDB(s.T(), s.key, storetypes.NewTransientStoreKey("transient_test"))
	s.ctx = testCtx.Ctx.WithBlockHeader(cmtproto.Header{Height: blockHeight, Time: blockTime})
	s.cdc = moduletestutil.MakeTestEncodingConfig(anchor.AppModuleBasic{}).Codec
	s.ac = address.Bech32Codec{Bech32Prefix: "lianjian"}
	s.keeper = keeper.NewKeeper(runtime.NewKVStoreService(s.key), s.cdc, s.ac)
	s.msgServer = keeper.NewMsgServerImpl(s.keeper)
	s.query = keeper.NewQueryServer(s.keeper)

	s.submitter = s.addr(1)
	s.other = s.addr(2)
	s.Require().NoError(s.keeper.InitGenesis(s.ctx, &types.GenesisState{
		Params: types.Params{AllowedSubmitters: []string{s.submitter}},
	}))
}

func (s *KeeperSuite) addr(fill byte) string {
	a, err := s.ac.BytesToString(bytes.Repeat([]byte{fill}, 20))
	s.Require().NoError(err)
	return a
}

// root gives a distinct, deterministic 32-byte root per label.
func root(label string) []byte {
	h := sha256.Sum256([]byte(label))
	return h[:]
}

// commitChain commits batches 1..n with roots root("r1")…, linked correctly.
func (s *KeeperSuite) commitChain(n int) [][]byte {
	roots := make([][]byte, 0, n)
	prev := types.ZeroRoot()
	for i := 1; i <= n; i++ {
		r := root(fmt.Sprintf("r%d", i))
		_, err := s.msgServer.CommitBatch(s.ctx, types.NewMsgCommitBatch(s.submitter, uint64(i), r, uint64(i*10), prev))
		s.Require().NoError(err, "commit %d", i)
		roots = append(roots, r)
		prev = r
	}
	return roots
}

func (s *KeeperSuite) latest() uint64 {
	seq, err := s.keeper.GetLatestSeq(s.ctx)
	s.Require().NoError(err)
	return seq
}
