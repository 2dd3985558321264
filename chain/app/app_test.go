package app_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"math/rand"
	"testing"
	"time"

	"cosmossdk.io/log"
	"cosmossdk.io/store/rootmulti"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/merkle"
	cmttypes "github.com/cometbft/cometbft/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	"github.com/cosmos/cosmos-sdk/testutil/mock"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/lianjian/chain/app"
	anchortypes "github.com/lianjian/chain/x/anchor/types"
)

const chainID = "lianjian-test"

type testChain struct {
	t      *testing.T
	db     dbm.DB
	app    *app.App
	priv   *secp256k1.PrivKey
	addr   sdk.AccAddress
	seq    uint64 // the submitter's account sequence
	height int64
}

func newTestApp(t *testing.T, db dbm.DB) *app.App {
	return app.New(log.NewNopLogger(), db, nil, true, simtestutil.NewAppOptionsWithFlagHome(t.TempDir()), baseapp.SetChainID(chainID))
}

// startChain runs InitChain with one validator and one funded, allowed submitter.
func startChain(t *testing.T) *testChain {
	app.SetAddressPrefixes()
	c := &testChain{t: t, db: dbm.NewMemDB(), priv: secp256k1.GenPrivKey()}
	c.addr = sdk.AccAddress(c.priv.PubKey().Address())
	c.app = newTestApp(t, c.db)

	pv := mock.NewPV()
	pub, err := pv.GetPubKey()
	require.NoError(t, err)
	valSet := cmttypes.NewValidatorSet([]*cmttypes.Validator{cmttypes.NewValidator(pub, 1)})
	acc := authtypes.NewBaseAccount(c.addr, c.priv.PubKey(), 0, 0)
	balance := banktypes.Balance{Address: c.addr.String(), Coins: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1_000_000_000))}

	cdc := c.app.AppCodec()
	gen, err := simtestutil.GenesisStateWithValSet(cdc, c.app.DefaultGenesis(), valSet, []authtypes.GenesisAccount{acc}, balance)
	require.NoError(t, err)
	gen[anchortypes.ModuleName] = cdc.MustMarshalJSON(&anchortypes.GenesisState{
		Params: anchortypes.Params{AllowedSubmitters: []string{c.addr.String()}},
		Admins: []string{c.addr.String()},
	})
	state, err := json.Marshal(gen)
	require.NoError(t, err)

	_, err = c.app.InitChain(&abci.RequestInitChain{
		ChainId: chainID, InitialHeight: 1, AppStateBytes: state,
		ConsensusParams: simtestutil.DefaultConsensusParams,
	})
	require.NoError(t, err)
	return c
}

func rootOf(label string) []byte {
	h := sha256.Sum256([]byte(label))
	return h[:]
}

// block finalizes and commits one block holding msgs, each in its own signed tx.
func (c *testChain) block(at time.Time, msgs ...*anchortypes.MsgCommitBatch) *abci.ResponseFinalizeBlock {
	c.t.Helper()
	var txs [][]byte
	for _, m := range msgs {
		tx, err := simtestutil.GenSignedMockTx(rand.New(rand.NewSource(1)), c.app.TxConfig(), []sdk.Msg{m},
			sdk.NewCoins(), 300_000, chainID, []uint64{0}, []uint64{c.seq}, c.priv)
		require.NoError(c.t, err)
		bz, err := c.app.TxConfig().TxEncoder()(tx)
		require.NoError(c.t, err)
		txs = append(txs, bz)
		c.seq++
	}
	return c.rawBlock(at, txs...)
}

func (c *testChain) query(path string, data []byte, height int64, prove bool) *abci.ResponseQuery {
	c.t.Helper()
	res, err := c.app.Query(c.t.Context(), &abci.RequestQuery{Path: path, Data: data, Height: height, Prove: prove})
	require.NoError(c.t, err)
	return res
}

// contractKey is the store key a verifier asks for, spelled out rather than taken from the module,
// so that a change to the module's layout breaks this test instead of silently following it.
func contractKey(seq uint64) []byte {
	return append([]byte{0x01}, binary.BigEndian.AppendUint64(nil, seq)...)
}

func batchKeyPath(seq uint64) string {
	return merkle.KeyPath{}.
		AppendKey([]byte("anchor"), merkle.KeyEncodingURL).
		AppendKey(contractKey(seq), merkle.KeyEncodingHex).String()
}

// TestCommitBatchTxAndStateProof runs signed transactions through the whole app and checks the
// state proof a verifier relies on: /store/anchor/key with 0x01‖be64(seq), an IAVL op then a
// simple op, verified against the app hash of the block that wrote the batch.
func TestCommitBatchTxAndStateProof(t *testing.T) {
	c := startChain(t)
	t1 := time.Date(2030, 1, 2, 3, 4, 5, 600000000, time.UTC)
	r1 := rootOf("one")

	// The SDK serves proofs only above height 1, and a live chain's first tx lands later anyway.
	c.block(t1.Add(-time.Second))
	res := c.block(t1, anchortypes.NewMsgCommitBatch(c.addr.String(), 1, r1, 1000, anchortypes.ZeroRoot()))
	require.Len(t, res.TxResults, 1)
	require.Equal(t, uint32(0), res.TxResults[0].Code, res.TxResults[0].Log)
	var sawEvent bool
	for _, ev := range res.TxResults[0].Events {
		sawEvent = sawEvent || ev.Type == "lianjian.anchor.v1.EventBatchCommitted"
	}
	require.True(t, sawEvent, "tx result has no EventBatchCommitted")
	appHash := res.AppHash

	// A rule violation inside a block fails the tx with the module's code and message.
	bad := c.block(t1.Add(time.Second), anchortypes.NewMsgCommitBatch(c.addr.String(), 2, rootOf("two"), 5, rootOf("not-one")))
	require.Equal(t, anchortypes.ModuleName, bad.TxResults[0].Codespace)
	require.Equal(t, anchortypes.ErrPrevRootMismatch.ABCICode(), bad.TxResults[0].Code)
	require.Contains(t, bad.TxResults[0].Log, "does not match root")

	// gRPC query over ABCI, as cosmjs sends it.
	reqBz, err := (&anchortypes.QueryBatchRequest{Seq: 1}).Marshal()
	require.NoError(t, err)
	q := c.query("/lianjian.anchor.v1.Query/Batch", reqBz, 0, false)
	require.Equal(t, uint32(0), q.Code, q.Log)
	var qres anchortypes.QueryBatchResponse
	require.NoError(t, qres.Unmarshal(q.Value))
	require.Equal(t, r1, qres.Batch.Root)
	require.Equal(t, int64(2), qres.Batch.Height)
	require.True(t, qres.Batch.Time.Equal(t1), "time %s", qres.Batch.Time)

	// The state proof at height 2 against the app hash of block 2 (carried by header 3).
	proofQ := c.query("/store/anchor/key", contractKey(1), 2, true)
	require.Equal(t, uint32(0), proofQ.Code, proofQ.Log)
	require.Equal(t, int64(2), proofQ.Height)
	var stored anchortypes.Batch
	require.NoError(t, c.app.AppCodec().Unmarshal(proofQ.Value, &stored))
	require.Equal(t, r1, stored.Root)
	require.NotNil(t, proofQ.ProofOps)
	require.Len(t, proofQ.ProofOps.Ops, 2)
	require.Equal(t, "ics23:iavl", proofQ.ProofOps.Ops[0].Type)
	require.Equal(t, contractKey(1), proofQ.ProofOps.Ops[0].Key)
	require.Equal(t, "ics23:simple", proofQ.ProofOps.Ops[1].Type)
	require.Equal(t, []byte("anchor"), proofQ.ProofOps.Ops[1].Key)

	prt := rootmulti.DefaultProofRuntime()
	require.NoError(t, prt.VerifyValue(proofQ.ProofOps, appHash, batchKeyPath(1), proofQ.Value))
	tampered := bytes.Clone(proofQ.Value)
	tampered[len(tampered)-1] ^= 1
	require.Error(t, prt.VerifyValue(proofQ.ProofOps, appHash, batchKeyPath(1), tampered))
	require.Error(t, prt.VerifyValue(proofQ.ProofOps, res.AppHash[:31], batchKeyPath(1), proofQ.Value))

	// Seq 2 was rejected: the store proves its absence.
	absent := c.query("/store/anchor/key", contractKey(2), 3, true)
	require.Empty(t, absent.Value)
	require.NoError(t, prt.VerifyAbsence(absent.ProofOps, bad.AppHash, batchKeyPath(2)))
}

// TestStateSurvivesRestart reopens the same database with a new app, as a node restart does.
func TestStateSurvivesRestart(t *testing.T) {
	c := startChain(t)
	t1 := time.Date(2030, 5, 6, 7, 8, 9, 0, time.UTC)
	r1, r2 := rootOf("a"), rootOf("b")
	res := c.block(t1,
		anchortypes.NewMsgCommitBatch(c.addr.String(), 1, r1, 3, anchortypes.ZeroRoot()),
		anchortypes.NewMsgCommitBatch(c.addr.String(), 2, r2, 4, r1))
	for _, tr := range res.TxResults {
		require.Equal(t, uint32(0), tr.Code, tr.Log)
	}

	reopened := newTestApp(t, c.db)
	require.Equal(t, int64(1), reopened.LastBlockHeight())
	require.Equal(t, res.AppHash, reopened.LastCommitID().Hash)
	c.app = reopened
	reqBz, err := (&anchortypes.QueryLatestBatchRequest{}).Marshal()
	require.NoError(t, err)
	q := c.query("/lianjian.anchor.v1.Query/LatestBatch", reqBz, 0, false)
	require.Equal(t, uint32(0), q.Code, q.Log)
	var latest anchortypes.QueryLatestBatchResponse
	require.NoError(t, latest.Unmarshal(q.Value))
	require.Equal(t, uint64(2), latest.LatestSeq)
	require.Equal(t, r2, latest.Batch.Root)
	require.Equal(t, r1, latest.Batch.PrevRoot)
}

// TestExportImportsAnchorState checks that `lianjiand export` carries the batches.
func TestExportImportsAnchorState(t *testing.T) {
	c := startChain(t)
	c.block(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC),
		anchortypes.NewMsgCommitBatch(c.addr.String(), 1, rootOf("x"), 1, anchortypes.ZeroRoot()))
	exported, err := c.app.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	var gen map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(exported.AppState, &gen))
	var anchorGen anchortypes.GenesisState
	require.NoError(t, c.app.AppCodec().UnmarshalJSON(gen[anchortypes.ModuleName], &anchorGen))
	require.Len(t, anchorGen.Batches, 1)
	require.Equal(t, rootOf("x"), anchorGen.Batches[0].Root)
	require.Len(t, exported.Validators, 1)

	zero, err := c.app.ExportAppStateAndValidators(true, nil, nil)
	require.NoError(t, err)
	require.Equal(t, int64(0), zero.Height)
}
