package types

import (
	errorsmod "cosmossdk.io/errors"
	"google.golang.org/grpc/codes"
)

// Registered errors of x/anchor (codespace "anchor"). Callers wrap them with the specifics, so a
// rejected transaction's log reads e.g. "seq 5 out of order: expected 4: batch seq out of order".
var (
	ErrSubmitterNotAllowed = errorsmod.RegisterWithGRPCCode(ModuleName, 2, codes.PermissionDenied, "submitter not allowed")
	ErrInvalidSubmitter    = errorsmod.RegisterWithGRPCCode(ModuleName, 3, codes.InvalidArgument, "invalid submitter address")
	ErrInvalidRoot         = errorsmod.RegisterWithGRPCCode(ModuleName, 4, codes.InvalidArgument, "invalid root")
	ErrInvalidPrevRoot     = errorsmod.RegisterWithGRPCCode(ModuleName, 5, codes.InvalidArgument, "invalid prev_root")
	ErrInvalidSize         = errorsmod.RegisterWithGRPCCode(ModuleName, 6, codes.InvalidArgument, "invalid batch size")
	ErrSeqOutOfOrder       = errorsmod.RegisterWithGRPCCode(ModuleName, 7, codes.FailedPrecondition, "batch seq out of order")
	ErrPrevRootMismatch    = errorsmod.RegisterWithGRPCCode(ModuleName, 8, codes.FailedPrecondition, "prev_root does not match the previous batch")
	ErrBatchNotFound       = errorsmod.RegisterWithGRPCCode(ModuleName, 9, codes.NotFound, "batch not found")
	ErrInvalidGenesis      = errorsmod.RegisterWithGRPCCode(ModuleName, 10, codes.InvalidArgument, "invalid anchor genesis")
	ErrInvalidParams       = errorsmod.RegisterWithGRPCCode(ModuleName, 11, codes.InvalidArgument, "invalid anchor params")
	ErrOperatorNotApproved = errorsmod.RegisterWithGRPCCode(ModuleName, 12, codes.PermissionDenied, "validator operator not approved")
	ErrNotAdmin            = errorsmod.RegisterWithGRPCCode(ModuleName, 13, codes.PermissionDenied, "not an operator admin")
	ErrInvalidOperator     = errorsmod.RegisterWithGRPCCode(ModuleName, 14, codes.InvalidArgument, "invalid operator")
	ErrLastValidator       = errorsmod.RegisterWithGRPCCode(ModuleName, 15, codes.FailedPrecondition, "cannot remove the last validator")
)
