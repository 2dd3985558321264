package app

import (
	"encoding/json"
	"fmt"

	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// ExportAppStateAndValidators exports the state for a new genesis (`lianjiand export`).
// The anchor batches are exported with their original heights and times.
func (app *App) ExportAppStateAndValidators(forZeroHeight bool, _, modulesToExport []string) (servertypes.ExportedApp, error) {
	ctx := app.NewContext(true)
	height := app.LastBlockHeight() + 1
	if forZeroHeight {
		height = 0
		if err := app.prepForZeroHeightGenesis(ctx); err != nil {
			return servertypes.ExportedApp{}, err
		}
	}
	genState, err := app.ModuleManager.ExportGenesisForModules(ctx, app.appCodec, modulesToExport)
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	appState, err := json.MarshalIndent(genState, "", "  ")
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	validators, err := staking.WriteValidators(ctx, app.StakingKeeper)
	if err != nil {
		return servertypes.ExportedApp{}, err
	}
	return servertypes.ExportedApp{
		AppState:        appState,
		Validators:      validators,
		Height:          height,
		ConsensusParams: app.GetConsensusParams(ctx),
	}, nil
}

// prepForZeroHeightGenesis resets the staking heights that would otherwise point into the old
// chain. Without distribution and slashing there are no rewards or signing infos to settle.
func (app *App) prepForZeroHeightGenesis(ctx sdk.Context) error {
	sk := app.StakingKeeper
	var iterErr error
	if err := sk.IterateRedelegations(ctx, func(_ int64, red stakingtypes.Redelegation) bool {
		for i := range red.Entries {
			red.Entries[i].CreationHeight = 0
		}
		iterErr = sk.SetRedelegation(ctx, red)
		return iterErr != nil
	}); err != nil {
		return err
	}
	if iterErr != nil {
		return iterErr
	}
	if err := sk.IterateUnbondingDelegations(ctx, func(_ int64, ubd stakingtypes.UnbondingDelegation) bool {
		for i := range ubd.Entries {
			ubd.Entries[i].CreationHeight = 0
		}
		iterErr = sk.SetUnbondingDelegation(ctx, ubd)
		return iterErr != nil
	}); err != nil {
		return err
	}
	if iterErr != nil {
		return iterErr
	}
	if err := sk.IterateValidators(ctx, func(_ int64, v stakingtypes.ValidatorI) bool {
		val, ok := v.(stakingtypes.Validator)
		if !ok {
			iterErr = fmt.Errorf("unexpected validator type %T", v)
			return true
		}
		val.UnbondingHeight = 0
		iterErr = sk.SetValidator(ctx, val)
		return iterErr != nil
	}); err != nil {
		return err
	}
	if iterErr != nil {
		return iterErr
	}
	_, err := sk.ApplyAndReturnValidatorSetUpdates(ctx)
	return err
}
