package app

import (
	"sync"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

const (
	AppName = "lianjian"

	// AccountAddressPrefix gives addresses such as lianjian1…; cosmjs clients need the same prefix.
	AccountAddressPrefix = "lianjian"

	// BondDenom is the staking and fee denomination of the localnets.
	BondDenom = "stake"
)

var (
	ValidatorAddressPrefix = AccountAddressPrefix + sdk.PrefixValidator + sdk.PrefixOperator
	ConsensusAddressPrefix = AccountAddressPrefix + sdk.PrefixValidator + sdk.PrefixConsensus
)

// SetAddressPrefixes configures the SDK's global bech32 prefixes; call it once, before any
// address is parsed or printed. Safe to call more than once.
func SetAddressPrefixes() { setPrefixesOnce.Do(setPrefixes) }

var setPrefixesOnce sync.Once

func setPrefixes() {
	cfg := sdk.GetConfig()
	cfg.SetBech32PrefixForAccount(AccountAddressPrefix, AccountAddressPrefix+sdk.PrefixPublic)
	cfg.SetBech32PrefixForValidator(ValidatorAddressPrefix, ValidatorAddressPrefix+sdk.PrefixPublic)
	cfg.SetBech32PrefixForConsensusNode(ConsensusAddressPrefix, ConsensusAddressPrefix+sdk.PrefixPublic)
	cfg.Seal()
}
