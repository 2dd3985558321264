package app_test

import (
	"bytes"
	"math/rand"
	"testing"
	"time"

	"cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/lianjian/chain/app"
)

// msgBlock finalizes and commits one block with one signed tx of the test chain's funded account.
func (c *testChain) msgBlock(at time.Time, msgs ...sdk.Msg) *abci.ResponseFinalizeBlock {
	c.t.Helper()
	tx, err := simtestutil.GenSignedMockTx(rand.New(rand.NewSource(1)), c.app.TxConfig(), msgs,
		sdk.NewCoins(), 400_000, chainID, []uint64{0}, []uint64{c.seq}, c.priv)
	require.NoError(c.t, err)
	bz, err := c.app.TxConfig().TxEncoder()(tx)
	require.NoError(c.t, err)
	c.seq++
	c.height++
	res, err := c.app.FinalizeBlock(&abci.RequestFinalizeBlock{Height: c.height, Time: at, Txs: [][]byte{bz}})
	require.NoError(c.t, err)
	for i, r := range res.TxResults {
		require.Equalf(c.t, uint32(0), r.Code, "tx %d: %s", i, r.Log)
	}
	_, err = c.app.Commit()
	require.NoError(c.t, err)
	return res
}

func powerOf(updates []abci.ValidatorUpdate, key []byte) (int64, bool) {
	for _, u := range updates {
		if bytes.Equal(u.PubKey.GetEd25519(), key) {
			return u.Power, true
		}
	}
	return 0, false
}

// TestValidatorJoinsAndLeaves is how a level's validator joins and leaves with the staking module
// (chain/README.md, "Changing the validator set"): an account funded in genesis bonds with a new
// consensus key, and CometBFT is told to add it; unbonding its whole self-delegation tells
// CometBFT to remove it. Verifiers follow these changes through headers (verify/test/trust-root.int.test.ts).
func TestValidatorJoinsAndLeaves(t *testing.T) {
	c := startChain(t)
	at := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	consKey := ed25519.GenPrivKey().PubKey()
	valAddr := sdk.ValAddress(c.addr).String()
	bond := sdk.NewInt64Coin(app.BondDenom, 300_000_000) // voting power 300 (power reduction 10^6)

	create, err := stakingtypes.NewMsgCreateValidator(valAddr, consKey, bond,
		stakingtypes.NewDescription("level-2", "", "", "", ""),
		stakingtypes.NewCommissionRates(math.LegacyNewDecWithPrec(1, 1), math.LegacyNewDecWithPrec(2, 1), math.LegacyNewDecWithPrec(1, 2)),
		math.OneInt())
	require.NoError(t, err)
	res := c.msgBlock(at, create)
	power, ok := powerOf(res.ValidatorUpdates, consKey.Bytes())
	require.True(t, ok, "the new validator is handed to CometBFT in the block that bonds it")
	require.Equal(t, int64(300), power)

	res = c.msgBlock(at.Add(time.Second), stakingtypes.NewMsgUndelegate(c.addr.String(), valAddr, bond))
	power, ok = powerOf(res.ValidatorUpdates, consKey.Bytes())
	require.True(t, ok, "unbonding the whole self-delegation removes the validator")
	require.Equal(t, int64(0), power)
}
