package keeper_test

import (
	"github.com/cosmos/cosmos-sdk/codec/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"

	"github.com/lianjian/chain/x/anchor"
	anchortypes "github.com/lianjian/chain/x/anchor/types"
)

func moduleRegistry() types.InterfaceRegistry {
	return moduletestutil.MakeTestEncodingConfig(anchor.AppModuleBasic{}).InterfaceRegistry
}

func (s *KeeperSuite) validGenesis(n int) *anchortypes.GenesisState {
	s.commitChain(n)
	gs, err := s.keeper.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	return gs
}

func (s *KeeperSuite) TestDefaultGenesisIsValid() {
	s.Require().NoError(anchortypes.DefaultGenesis().Validate(s.ac))
}

func (s *KeeperSuite) TestGenesisRoundTrip() {
	exported := s.validGenesis(4)
	s.Require().Len(exported.Batches, 4)
	s.Require().NoError(exported.Validate(s.ac))

	// Through JSON, as `lianjiand export` and `init` do.
	bz, err := s.cdc.MarshalJSON(exported)
	s.Require().NoError(err)
	var decoded anchortypes.GenesisState
	s.Require().NoError(s.cdc.UnmarshalJSON(bz, &decoded))

	s.SetupTest()
	s.Require().NoError(s.keeper.InitGenesis(s.ctx, &decoded))
	again, err := s.keeper.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	s.Require().Equal(exported, again)
	s.Require().Equal(uint64(4), s.latest())

	// The imported chain continues where it left off.
	_, err = s.msgServer.CommitBatch(s.ctx, anchortypes.NewMsgCommitBatch(s.submitter, 5, root("r5"), 1, root("r4")))
	s.Require().NoError(err)
}

func (s *KeeperSuite) TestGenesisValidation() {
	cases := []struct {
		name    string
		mutate  func(gs *anchortypes.GenesisState)
		message string
	}{
		{"does not start at 1", func(gs *anchortypes.GenesisState) { gs.Batches = gs.Batches[1:] }, "batches[0] has seq 2, expected 1"},
		{"gap", func(gs *anchortypes.GenesisState) { gs.Batches = append(gs.Batches[:1], gs.Batches[2:]...) }, "batches[1] has seq 3, expected 2"},
		{"duplicate seq", func(gs *anchortypes.GenesisState) { gs.Batches[1].Seq = 1 }, "batches[1] has seq 1, expected 2"},
		{"broken link", func(gs *anchortypes.GenesisState) { gs.Batches[2].PrevRoot = root("elsewhere") }, "batch 3: prev_root"},
		{"first prev_root not zero", func(gs *anchortypes.GenesisState) { gs.Batches[0].PrevRoot = root("r0") }, "batch 1: prev_root"},
		{"root changed under a later link", func(gs *anchortypes.GenesisState) { gs.Batches[0].Root = root("other") }, "batch 2: prev_root"},
		{"short root", func(gs *anchortypes.GenesisState) { gs.Batches[2].Root = gs.Batches[2].Root[:16] }, "root must be exactly 32 bytes, got 16"},
		{"short prev_root", func(gs *anchortypes.GenesisState) { gs.Batches[1].PrevRoot = nil }, "prev_root must be exactly 32 bytes, got 0"},
		{"size zero", func(gs *anchortypes.GenesisState) { gs.Batches[0].Size_ = 0 }, "size must be at least 1"},
		{"bad batch submitter", func(gs *anchortypes.GenesisState) { gs.Batches[0].Submitter = "x" }, `batch 1: submitter "x"`},
		{"negative height", func(gs *anchortypes.GenesisState) { gs.Batches[0].Height = -1 }, "height -1 is negative"},
		{"bad allowed submitter", func(gs *anchortypes.GenesisState) { gs.Params.AllowedSubmitters = []string{"nope"} }, `allowed_submitters[0] "nope" is not a valid address`},
		{"duplicate allowed submitter", func(gs *anchortypes.GenesisState) {
			gs.Params.AllowedSubmitters = []string{s.submitter, s.submitter}
		}, "listed twice"},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			s.SetupTest()
			gs := s.validGenesis(3)
			tc.mutate(gs)
			err := gs.Validate(s.ac)
			s.Require().Error(err)
			s.Require().Contains(err.Error(), tc.message)

			// InitGenesis refuses it and leaves a fresh store untouched.
			s.SetupTest()
			s.Require().Error(s.keeper.InitGenesis(s.ctx, gs))
			s.Require().Equal(uint64(0), s.latest())
		})
	}
}

func (s *KeeperSuite) TestModuleValidateGenesisJSON() {
	cdc := s.cdc
	basic := anchor.NewAppModuleBasic(cdc, s.ac)
	s.Require().NoError(basic.ValidateGenesis(cdc, nil, basic.DefaultGenesis(cdc)))
	s.Require().NoError(basic.ValidateGenesis(cdc, nil, cdc.MustMarshalJSON(s.validGenesis(2))))

	broken := s.validGenesis(0)
	broken.Batches = []anchortypes.Batch{{Seq: 2, Root: root("a"), Size_: 1, PrevRoot: anchortypes.ZeroRoot(), Submitter: s.submitter}}
	s.Require().ErrorIs(basic.ValidateGenesis(cdc, nil, cdc.MustMarshalJSON(broken)), anchortypes.ErrInvalidGenesis)
	s.Require().Error(basic.ValidateGenesis(cdc, nil, []byte(`{"params":`)))
}
