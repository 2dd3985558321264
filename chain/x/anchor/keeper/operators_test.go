package keeper_test

import (
	errorsmod "cosmossdk.io/errors"

	"github.com/lianjian/chain/x/anchor/types"
)

// withAdmin re-initialises the module with addr(9) as the operator admin.
func (s *KeeperSuite) withAdmin() string {
	admin := s.addr(9)
	s.Require().NoError(s.keeper.InitGenesis(s.ctx, &types.GenesisState{
		Params: types.Params{AllowedSubmitters: []string{s.submitter}},
		Admins: []string{admin},
	}))
	return admin
}

func (s *KeeperSuite) TestApproveOperatorByAdminIsRecordedWithEvent() {
	admin := s.withAdmin()
	op := s.addr(5)
	_, err := s.msgServer.ApproveOperator(s.ctx, &types.MsgApproveOperator{Admin: admin, Operator: op, Name: "县 county"})
	s.Require().NoError(err)

	got, err := s.keeper.Operators.Get(s.ctx, []byte(mustBytes(s, op)))
	s.Require().NoError(err)
	s.Require().Equal(types.Operator{Address: op, Name: "县 county", ApprovedBy: admin, Height: blockHeight}, got)

	var found bool
	for _, ev := range s.ctx.EventManager().Events() {
		if ev.Type == "lianjian.anchor.v1.EventOperatorApproved" {
			found = true
			attrs := map[string]string{}
			for _, a := range ev.Attributes {
				attrs[a.Key] = a.Value
			}
			s.Require().Equal(`"`+op+`"`, attrs["operator"])
			s.Require().Equal(`"`+admin+`"`, attrs["admin"])
		}
	}
	s.Require().True(found, "no EventOperatorApproved")

	res, err := s.query.Operators(s.ctx, &types.QueryOperatorsRequest{})
	s.Require().NoError(err)
	s.Require().Equal([]string{admin}, res.Admins)
	s.Require().Len(res.Operators, 1)
}

func (s *KeeperSuite) TestApproveOperatorRefusesNonAdmins() {
	s.withAdmin()
	// Neither a submitter nor any other funded account may approve.
	for _, who := range []string{s.submitter, s.other} {
		_, err := s.msgServer.ApproveOperator(s.ctx, &types.MsgApproveOperator{Admin: who, Operator: who})
		s.Require().ErrorIs(err, types.ErrNotAdmin)
		s.Require().True(errorsmod.IsOf(err, types.ErrNotAdmin))
	}
	ok, err := s.keeper.IsApproved(s.ctx, mustBytes(s, s.submitter))
	s.Require().NoError(err)
	s.Require().False(ok)
}

func (s *KeeperSuite) TestWithoutAdminsNobodyCanApprove() {
	_, err := s.msgServer.ApproveOperator(s.ctx, &types.MsgApproveOperator{Admin: s.submitter, Operator: s.other})
	s.Require().ErrorIs(err, types.ErrNotAdmin)
}

func (s *KeeperSuite) TestRevokeOperator() {
	admin := s.withAdmin()
	op := s.addr(6)
	_, err := s.msgServer.ApproveOperator(s.ctx, &types.MsgApproveOperator{Admin: admin, Operator: op})
	s.Require().NoError(err)

	_, err = s.msgServer.RevokeOperator(s.ctx, &types.MsgRevokeOperator{Admin: s.other, Operator: op})
	s.Require().ErrorIs(err, types.ErrNotAdmin)

	res, err := s.msgServer.RevokeOperator(s.ctx, &types.MsgRevokeOperator{Admin: admin, Operator: op})
	s.Require().NoError(err)
	s.Require().False(res.Jailed) // no staking keeper here: nothing to jail
	ok, err := s.keeper.IsApproved(s.ctx, mustBytes(s, op))
	s.Require().NoError(err)
	s.Require().False(ok)

	_, err = s.msgServer.RevokeOperator(s.ctx, &types.MsgRevokeOperator{Admin: admin, Operator: op})
	s.Require().ErrorIs(err, types.ErrOperatorNotApproved)
}

func (s *KeeperSuite) TestOperatorsGenesisRoundTrip() {
	admin := s.addr(9)
	gs := &types.GenesisState{
		Params:    types.Params{AllowedSubmitters: []string{s.submitter}},
		Batches:   []types.Batch{},
		Admins:    []string{admin},
		Operators: []types.Operator{{Address: s.addr(7), Name: "中央 centre", ApprovedBy: types.GenesisApprover}},
	}
	s.Require().NoError(s.keeper.InitGenesis(s.ctx, gs))
	out, err := s.keeper.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	s.Require().Equal(gs.Admins, out.Admins)
	s.Require().Equal(gs.Operators, out.Operators)
}

func (s *KeeperSuite) TestOperatorsGenesisValidation() {
	dup := s.addr(9)
	for name, gs := range map[string]types.GenesisState{
		"bad admin":      {Admins: []string{"nope"}},
		"admin twice":    {Admins: []string{dup, dup}},
		"bad operator":   {Operators: []types.Operator{{Address: "nope"}}},
		"operator twice": {Operators: []types.Operator{{Address: dup}, {Address: dup}}},
		"name too long":  {Operators: []types.Operator{{Address: dup, Name: string(make([]byte, 65))}}},
	} {
		s.Require().ErrorIs(gs.Validate(s.ac), types.ErrInvalidGenesis, name)
	}
}

func mustBytes(s *KeeperSuite, addr string) []byte {
	bz, err := s.ac.StringToBytes(addr)
	s.Require().NoError(err)
	return bz
}
