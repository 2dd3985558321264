// Package cli holds the anchor commands AutoCLI cannot generate: genesis editing.
package cli

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/lianjian/chain/x/anchor/types"
)

// AllowSubmitterCmd adds addresses to anchor params.allowed_submitters in genesis.json, the only
// place they can be set (there is no governance module).
func AllowSubmitterCmd(defaultNodeHome string) *cobra.Command {
	return addAddressesCmd(defaultNodeHome, "allow-submitter [address]...", "Add addresses to x/anchor allowed_submitters in genesis.json",
		func(gs *types.GenesisState, ac addressCodec, addr string, bz []byte) {
			if !gs.Params.IsAllowed(ac, bz) {
				gs.Params.AllowedSubmitters = append(gs.Params.AllowedSubmitters, addr)
			}
		})
}

// OperatorAdminCmd adds addresses to x/anchor admins in genesis.json: the accounts that may approve
// (and revoke) the operators allowed to create a validator. Admins are set only in genesis.
func OperatorAdminCmd(defaultNodeHome string) *cobra.Command {
	return addAddressesCmd(defaultNodeHome, "operator-admin [address]...", "Add addresses to x/anchor admins (may approve validator operators) in genesis.json",
		func(gs *types.GenesisState, ac addressCodec, addr string, bz []byte) {
			for _, a := range gs.Admins {
				if b, err := ac.StringToBytes(a); err == nil && string(b) == string(bz) {
					return
				}
			}
			gs.Admins = append(gs.Admins, addr)
		})
}

// addAddressesCmd is a genesis command taking addresses, each checked and then handed to add.
func addAddressesCmd(defaultNodeHome, use, short string, add func(gs *types.GenesisState, ac addressCodec, addr string, bz []byte)) *cobra.Command {
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return editAnchorGenesis(cmd, func(gs *types.GenesisState, ac addressCodec) error {
				for _, addr := range args {
					bz, err := ac.StringToBytes(addr)
					if err != nil {
						return fmt.Errorf("%q is not a valid address: %w", addr, err)
					}
					add(gs, ac, addr, bz)
				}
				return nil
			})
		},
	}
	cmd.Flags().String(flags.FlagHome, defaultNodeHome, "The application home directory")
	return cmd
}

type addressCodec interface {
	StringToBytes(string) ([]byte, error)
	BytesToString([]byte) (string, error)
}

func editAnchorGenesis(cmd *cobra.Command, edit func(*types.GenesisState, addressCodec) error) error {
	clientCtx := client.GetClientContextFromCmd(cmd)
	cfg := server.GetServerContextFromCmd(cmd).Config
	cfg.SetRoot(clientCtx.HomeDir)
	genFile := cfg.GenesisFile()
	appState, appGenesis, err := genutiltypes.GenesisStateFromGenFile(genFile)
	if err != nil {
		return fmt.Errorf("reading %s: %w", genFile, err)
	}
	gs := types.DefaultGenesis()
	if raw, ok := appState[types.ModuleName]; ok {
		if err := clientCtx.Codec.UnmarshalJSON(raw, gs); err != nil {
			return fmt.Errorf("decoding %s genesis: %w", types.ModuleName, err)
		}
	}
	ac := clientCtx.InterfaceRegistry.SigningContext().AddressCodec()
	if err := edit(gs, ac); err != nil {
		return err
	}
	if err := gs.Validate(ac); err != nil {
		return err
	}
	appState[types.ModuleName] = clientCtx.Codec.MustMarshalJSON(gs)
	if appGenesis.AppState, err = json.Marshal(appState); err != nil {
		return err
	}
	return genutil.ExportGenesisFile(appGenesis, genFile)
}
