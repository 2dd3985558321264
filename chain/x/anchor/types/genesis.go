package types

import (
	"bytes"
	"encoding/hex"

	"cosmossdk.io/core/address"
	errorsmod "cosmossdk.io/errors"
)

func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), Batches: []Batch{}, Admins: []string{}, Operators: []Operator{}}
}

// validateOperators: admins and operators are valid addresses, each listed once; names are short.
func validateOperators(ac address.Codec, admins []string, operators []Operator) error {
	seen := map[string]bool{}
	for i, a := range admins {
		bz, err := ac.StringToBytes(a)
		if err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "admins[%d] %q is not a valid address: %v", i, a, err)
		}
		if seen[string(bz)] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "admins[%d] %q is listed twice", i, a)
		}
		seen[string(bz)] = true
	}
	seen = map[string]bool{}
	for i, o := range operators {
		bz, err := ac.StringToBytes(o.Address)
		if err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "operators[%d] %q is not a valid address: %v", i, o.Address, err)
		}
		if seen[string(bz)] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "operators[%d] %q is listed twice", i, o.Address)
		}
		if err := ValidateOperatorName(o.Name); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "operators[%d]: %v", i, err)
		}
		seen[string(bz)] = true
	}
	return nil
}

// ValidateOperatorName: a level's name is at most 64 bytes of UTF-8.
func ValidateOperatorName(name string) error {
	if len(name) > 64 {
		return errorsmod.Wrapf(ErrInvalidOperator, "name is %d bytes, at most 64", len(name))
	}
	return nil
}

// Validate checks params and that the batches form one unbroken chain of roots: seq 1, 2, 3, …
// each with prev_root equal to the root before it (32 zero bytes for seq 1).
func (gs GenesisState) Validate(ac address.Codec) error {
	if err := gs.Params.Validate(ac); err != nil {
		return err
	}
	if err := validateOperators(ac, gs.Admins, gs.Operators); err != nil {
		return err
	}
	prevRoot := ZeroRoot()
	for i, b := range gs.Batches {
		want := uint64(i) + 1
		if b.Seq != want {
			return errorsmod.Wrapf(ErrInvalidGenesis, "batches[%d] has seq %d, expected %d: batches must be contiguous from 1", i, b.Seq, want)
		}
		if err := ValidateRoot(b.Root); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "batch %d: %v", b.Seq, err)
		}
		if err := ValidatePrevRoot(b.PrevRoot); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "batch %d: %v", b.Seq, err)
		}
		if !bytes.Equal(b.PrevRoot, prevRoot) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "batch %d: prev_root %s does not match root %s of the batch before it",
				b.Seq, hex.EncodeToString(b.PrevRoot), hex.EncodeToString(prevRoot))
		}
		if err := ValidateSize(b.Size_); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "batch %d: %v", b.Seq, err)
		}
		if _, err := ac.StringToBytes(b.Submitter); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "batch %d: submitter %q is not a valid address: %v", b.Seq, b.Submitter, err)
		}
		if b.Height < 0 {
			return errorsmod.Wrapf(ErrInvalidGenesis, "batch %d: height %d is negative", b.Seq, b.Height)
		}
		prevRoot = b.Root
	}
	return nil
}
