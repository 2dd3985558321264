package types

import (
	"bytes"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
)

// DefaultParams allow nobody to commit: a network names its submitters in genesis.
func DefaultParams() Params {
	return Params{AllowedSubmitters: []string{}}
}

func (p Params) Validate(ac address.Codec) error {
	seen := make([][]byte, 0, len(p.AllowedSubmitters))
	for i, s := range p.AllowedSubmitters {
		addr, err := ac.StringToBytes(s)
		if err != nil {
			return errorsmod.Wrapf(ErrInvalidParams, "allowed_submitters[%d] %q is not a valid address: %v", i, s, err)
		}
		for _, prev := range seen {
			if bytes.Equal(prev, addr) {
				return errorsmod.Wrapf(ErrInvalidParams, "allowed_submitters[%d] %q is listed twice", i, s)
			}
		}
		seen = append(seen, addr)
	}
	return nil
}

// IsAllowed compares decoded addresses, so the bech32 spelling in params does not matter.
func (p Params) IsAllowed(ac address.Codec, submitter []byte) bool {
	for _, s := range p.AllowedSubmitters {
		addr, err := ac.StringToBytes(s)
		if err == nil && bytes.Equal(addr, submitter) {
			return true
		}
	}
	return false
}
