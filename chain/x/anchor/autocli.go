package anchor

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// AutoCLIOptions builds `lianjiand tx anchor …` and `lianjiand query anchor …` from the proto
// services. Byte arguments accept hex (or base64, or a file path). The submitter is --from.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "lianjian.anchor.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the anchor params (allowed submitters)"},
				{
					RpcMethod:      "Batch",
					Use:            "batch [seq]",
					Short:          "Show the committed batch with this seq",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "seq"}},
				},
				{RpcMethod: "LatestBatch", Use: "latest-batch", Short: "Show the latest committed batch"},
				{RpcMethod: "Batches", Use: "batches", Short: "List committed batches in seq order (paginated)"},
				{RpcMethod: "Operators", Use: "operators", Short: "List the operator admins and the operators approved to run a validator"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "lianjian.anchor.v1.Msg",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "CommitBatch",
					Use:       "commit-batch [seq] [root-hex] [size] [prev-root-hex]",
					Short:     "Commit the next batch root (signed by an allowed submitter, --from)",
					Example:   "lianjiand tx anchor commit-batch 1 <64 hex chars> 1000 0000000000000000000000000000000000000000000000000000000000000000 --from submitter",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "seq"}, {ProtoField: "root"}, {ProtoField: "size"}, {ProtoField: "prev_root"},
					},
				},
				{
					RpcMethod: "ApproveOperator",
					Use:       "approve-operator [operator] [name]",
					Short:     "Let an account create a validator (signed by an operator admin, --from)",
					Example:   "lianjiand tx anchor approve-operator lianjian1… '县 county' --from validator",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "operator"}, {ProtoField: "name", Optional: true},
					},
				},
				{
					RpcMethod:      "RevokeOperator",
					Use:            "revoke-operator [operator]",
					Short:          "Withdraw an approval and jail the operator's validator (signed by an operator admin, --from)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "operator"}},
				},
			},
		},
	}
}
