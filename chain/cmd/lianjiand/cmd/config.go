package cmd

import (
	cmtcfg "github.com/cometbft/cometbft/config"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/lianjian/chain/app"
)

// initAppConfig sets a minimum gas price, which the SDK requires a node to have; the localnet
// scripts override it in app.toml.
func initAppConfig() (string, interface{}) {
	cfg := serverconfig.DefaultConfig()
	cfg.MinGasPrices = "0" + app.BondDenom
	return serverconfig.DefaultConfigTemplate, cfg
}

func initCometConfig() *cmtcfg.Config {
	return cmtcfg.DefaultConfig()
}
