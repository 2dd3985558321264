package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/lianjian/chain/x/anchor/types"
)

// Joining the validator set is permissioned: staking's MsgCreateValidator is refused unless its
// operator was approved by an admin named in genesis (MsgApproveOperator), and an admin can take
// the approval back (MsgRevokeOperator), which also jails the operator's validator. Both acts are
// state (Operators) and typed events, so who let which level in is on chain.

func (k *Keeper) IsAdmin(ctx context.Context, addr []byte) (bool, error) {
	return k.Admins.Has(ctx, addr)
}

func (k *Keeper) IsApproved(ctx context.Context, operator []byte) (bool, error) {
	return k.Operators.Has(ctx, operator)
}

func (k *Keeper) requireAdmin(ctx context.Context, admin string) ([]byte, error) {
	bz, err := k.addressCodec.StringToBytes(admin)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidOperator, "admin %q: %v", admin, err)
	}
	ok, err := k.IsAdmin(ctx, bz)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errorsmod.Wrapf(types.ErrNotAdmin, "%s is not an operator admin", admin)
	}
	return bz, nil
}

// ApproveOperator records that operator may create a validator.
func (k *Keeper) ApproveOperator(ctx context.Context, msg *types.MsgApproveOperator) error {
	if err := msg.ValidateBasic(); err != nil {
		return err
	}
	if _, err := k.requireAdmin(ctx, msg.Admin); err != nil {
		return err
	}
	op, err := k.addressCodec.StringToBytes(msg.Operator)
	if err != nil {
		return errorsmod.Wrapf(types.ErrInvalidOperator, "operator %q: %v", msg.Operator, err)
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	if err := k.Operators.Set(ctx, op, types.Operator{Address: msg.Operator, Name: msg.Name, ApprovedBy: msg.Admin, Height: sdkCtx.BlockHeight()}); err != nil {
		return err
	}
	return sdkCtx.EventManager().EmitTypedEvent(&types.EventOperatorApproved{Operator: msg.Operator, Name: msg.Name, Admin: msg.Admin})
}

// RevokeOperator removes the approval and jails the operator's validator if it is in the set.
// It refuses to remove the last validator that is not jailed (the chain would stop).
func (k *Keeper) RevokeOperator(ctx context.Context, msg *types.MsgRevokeOperator) (bool, error) {
	if err := msg.ValidateBasic(); err != nil {
		return false, err
	}
	if _, err := k.requireAdmin(ctx, msg.Admin); err != nil {
		return false, err
	}
	op, err := k.addressCodec.StringToBytes(msg.Operator)
	if err != nil {
		return false, errorsmod.Wrapf(types.ErrInvalidOperator, "operator %q: %v", msg.Operator, err)
	}
	approved, err := k.IsApproved(ctx, op)
	if err != nil {
		return false, err
	}
	if !approved {
		return false, errorsmod.Wrapf(types.ErrOperatorNotApproved, "%s is not an approved operator", msg.Operator)
	}
	jailed := false
	if k.staking != nil {
		val, err := k.staking.GetValidator(ctx, sdk.ValAddress(op))
		if err == nil && !val.IsJailed() {
			if val.IsBonded() {
				bonded, err := k.staking.GetBondedValidatorsByPower(ctx)
				if err != nil {
					return false, err
				}
				others := 0
				for _, v := range bonded {
					if !v.IsJailed() && v.OperatorAddress != val.OperatorAddress {
						others++
					}
				}
				if others == 0 {
					return false, errorsmod.Wrapf(types.ErrLastValidator, "%s runs the only validator", msg.Operator)
				}
			}
			cons, err := val.GetConsAddr()
			if err != nil {
				return false, err
			}
			if err := k.staking.Jail(ctx, cons); err != nil {
				return false, err
			}
			jailed = true
		}
	}
	if err := k.Operators.Remove(ctx, op); err != nil {
		return false, err
	}
	return jailed, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventOperatorRevoked{Operator: msg.Operator, Admin: msg.Admin, Jailed: jailed})
}

// ListOperators returns the admins and the approved operators.
func (k *Keeper) ListOperators(ctx context.Context) (*types.QueryOperatorsResponse, error) {
	gs := &types.QueryOperatorsResponse{Admins: []string{}, Operators: []types.Operator{}}
	if err := k.Admins.Walk(ctx, nil, func(bz []byte, _ []byte) (bool, error) {
		a, err := k.addressCodec.BytesToString(bz)
		gs.Admins = append(gs.Admins, a)
		return false, err
	}); err != nil {
		return nil, err
	}
	if err := k.Operators.Walk(ctx, nil, func(_ []byte, o types.Operator) (bool, error) {
		gs.Operators = append(gs.Operators, o)
		return false, nil
	}); err != nil {
		return nil, err
	}
	return gs, nil
}

// OperatorGate is the ante decorator that makes joining the validator set permissioned: a
// transaction with a staking MsgCreateValidator whose operator is not approved is refused, in
// CheckTx and in the block. Genesis transactions (block height 0, outside CheckTx: the gentxs of the
// genesis validators) are allowed, and their operators are recorded as approved by "genesis".
type OperatorGate struct {
	k *Keeper
}

func NewOperatorGate(k *Keeper) OperatorGate { return OperatorGate{k: k} }

func (g OperatorGate) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	for _, m := range tx.GetMsgs() {
		op, moniker, ok := createValidatorOperator(m)
		if !ok {
			continue
		}
		bz, err := sdk.ValAddressFromBech32(op)
		if err != nil {
			return ctx, errorsmod.Wrapf(types.ErrInvalidOperator, "validator address %q: %v", op, err)
		}
		approved, err := g.k.IsApproved(ctx, bz)
		if err != nil {
			return ctx, err
		}
		if approved {
			continue
		}
		// InitChain runs the gentxs at height 0 in the finalize state (not CheckTx, not simulate).
		if ctx.BlockHeight() == 0 && !ctx.IsCheckTx() && !simulate {
			addr, err := g.k.addressCodec.BytesToString(bz)
			if err != nil {
				return ctx, err
			}
			if err := g.k.Operators.Set(ctx, bz, types.Operator{Address: addr, Name: moniker, ApprovedBy: types.GenesisApprover}); err != nil {
				return ctx, err
			}
			continue
		}
		addr, _ := g.k.addressCodec.BytesToString(bz)
		return ctx, errorsmod.Wrapf(types.ErrOperatorNotApproved,
			"%s (%s) may not create a validator: an operator admin must approve it first (tx anchor approve-operator)", addr, op)
	}
	return next(ctx, tx, simulate)
}

func createValidatorOperator(m sdk.Msg) (operator, moniker string, ok bool) {
	cv, ok := m.(*stakingtypes.MsgCreateValidator)
	if !ok {
		return "", "", false
	}
	return cv.ValidatorAddress, cv.Description.Moniker, true
}

// AdminMarker is the value stored for an admin: any non-empty bytes (see Keeper.Admins).
var AdminMarker = []byte{1}
