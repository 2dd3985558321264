package types

import (
	"bytes"
	"encoding/hex"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

var _ sdk.HasValidateBasic = (*MsgCommitBatch)(nil)

func NewMsgCommitBatch(submitter string, seq uint64, root []byte, size uint64, prevRoot []byte) *MsgCommitBatch {
	return &MsgCommitBatch{Submitter: submitter, Seq: seq, Root: root, Size_: size, PrevRoot: prevRoot}
}

// ValidateBasic holds the stateless rules, so CheckTx rejects a malformed batch before it reaches
// a block. The message server applies them again together with the stateful rules.
func (m *MsgCommitBatch) ValidateBasic() error {
	if m.Submitter == "" {
		return errorsmod.Wrap(ErrInvalidSubmitter, "submitter is empty")
	}
	if m.Seq == 0 {
		return errorsmod.Wrap(ErrSeqOutOfOrder, "seq 0 out of order: the first batch is seq 1")
	}
	if err := ValidateRoot(m.Root); err != nil {
		return err
	}
	if err := ValidatePrevRoot(m.PrevRoot); err != nil {
		return err
	}
	if m.Seq == 1 && !bytes.Equal(m.PrevRoot, ZeroRoot()) {
		return errorsmod.Wrapf(ErrPrevRootMismatch, "prev_root of seq 1 must be 32 zero bytes, got %s", hex.EncodeToString(m.PrevRoot))
	}
	return ValidateSize(m.Size_)
}

func ValidateRoot(root []byte) error {
	if len(root) != RootSize {
		return errorsmod.Wrapf(ErrInvalidRoot, "root must be exactly %d bytes, got %d", RootSize, len(root))
	}
	return nil
}

func ValidatePrevRoot(prevRoot []byte) error {
	if len(prevRoot) != RootSize {
		return errorsmod.Wrapf(ErrInvalidPrevRoot, "prev_root must be exactly %d bytes, got %d", RootSize, len(prevRoot))
	}
	return nil
}

func ValidateSize(size uint64) error {
	if size < 1 {
		return errorsmod.Wrap(ErrInvalidSize, "size must be at least 1, got 0")
	}
	return nil
}

var (
	_ sdk.HasValidateBasic = (*MsgApproveOperator)(nil)
	_ sdk.HasValidateBasic = (*MsgRevokeOperator)(nil)
)

func (m *MsgApproveOperator) ValidateBasic() error {
	if m.Admin == "" || m.Operator == "" {
		return errorsmod.Wrap(ErrInvalidOperator, "admin and operator are required")
	}
	return ValidateOperatorName(m.Name)
}

func (m *MsgRevokeOperator) ValidateBasic() error {
	if m.Admin == "" || m.Operator == "" {
		return errorsmod.Wrap(ErrInvalidOperator, "admin and operator are required")
	}
	return nil
}
