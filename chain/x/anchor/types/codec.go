package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/legacy"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the amino name used by SIGN_MODE_LEGACY_AMINO_JSON.
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	legacy.RegisterAminoMsg(cdc, &MsgCommitBatch{}, "lianjian/anchor/MsgCommitBatch")
	legacy.RegisterAminoMsg(cdc, &MsgApproveOperator{}, "lianjian/anchor/MsgApproveOperator")
	legacy.RegisterAminoMsg(cdc, &MsgRevokeOperator{}, "lianjian/anchor/MsgRevokeOperator")
	cdc.RegisterConcrete(&Params{}, "lianjian/x/anchor/Params", nil)
}

func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil), &MsgCommitBatch{}, &MsgApproveOperator{}, &MsgRevokeOperator{})
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
