#!/usr/bin/env bash
# Regenerates the Go (gogoproto + grpc-gateway) and TypeScript (ts-proto) code of x/anchor
# from chain/proto. The output is committed, so a fresh clone builds without running this.
#
# Tools: protoc from Debian (protobuf-compiler, installed if missing), protoc-gen-gocosmos and
# protoc-gen-grpc-gateway through `go install`, ts-proto from the root node_modules.
# Imported protos come from the Go module cache (no buf registry: it is unreachable here).
set -euo pipefail

CHAIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$CHAIN_DIR/.." && pwd)"
TS_OUT="$REPO_DIR/verify/src/chain/gen"
cd "$CHAIN_DIR"

if ! command -v protoc >/dev/null 2>&1; then
  echo "protogen: installing protoc (Debian protobuf-compiler)"
  apt-get install -y -qq protobuf-compiler >/dev/null || { apt-get update -qq && apt-get install -y -qq protobuf-compiler >/dev/null; }
fi
PROTOC_INCLUDE=/usr/include
[ -f "$PROTOC_INCLUDE/google/protobuf/timestamp.proto" ] || { echo "protogen: google/protobuf/timestamp.proto not found under $PROTOC_INCLUDE" >&2; exit 1; }

go mod download
modver() { go list -m -f '{{.Version}}' "$1"; }
moddir() { go list -m -f '{{.Dir}}' "$1"; }

GOGO_VER="$(modver github.com/cosmos/gogoproto)"
GOBIN_DIR="$(go env GOPATH)/bin"
export PATH="$GOBIN_DIR:$PATH"
# Pinned to the versions in go.mod so that regenerated code matches the runtime libraries.
go install "github.com/cosmos/gogoproto/protoc-gen-gocosmos@$GOGO_VER"
go install github.com/grpc-ecosystem/grpc-gateway/protoc-gen-grpc-gateway@v1.16.0

SDK_DIR="$(moddir github.com/cosmos/cosmos-sdk)"
GOGO_DIR="$(moddir github.com/cosmos/gogoproto)"
COSMOS_PROTO_DIR="$(moddir github.com/cosmos/cosmos-proto)"
GATEWAY_DIR="$(moddir github.com/grpc-ecosystem/grpc-gateway)"
INCLUDES=(
  -I "$CHAIN_DIR/proto"
  -I "$SDK_DIR/proto"
  -I "$GOGO_DIR"
  -I "$COSMOS_PROTO_DIR/proto"
  -I "$GATEWAY_DIR/third_party/googleapis"
  -I "$PROTOC_INCLUDE"
)
PROTOS=(proto/lianjian/anchor/v1/*.proto)
REL_PROTOS=("${PROTOS[@]#proto/}")

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

echo "protogen: Go"
protoc "${INCLUDES[@]}" \
  --gocosmos_out="plugins=grpc,Mgoogle/protobuf/any.proto=github.com/cosmos/gogoproto/types/any:$TMP" \
  --grpc-gateway_out="logtostderr=true,allow_colon_final_segments=true:$TMP" \
  "${REL_PROTOS[@]}"
rm -f x/anchor/types/*.pb.go x/anchor/types/*.pb.gw.go
cp "$TMP"/github.com/lianjian/chain/x/anchor/types/*.go x/anchor/types/

echo "protogen: TypeScript"
TS_PLUGIN="$REPO_DIR/node_modules/.bin/protoc-gen-ts_proto"
[ -x "$TS_PLUGIN" ] || { echo "protogen: $TS_PLUGIN missing; run npm install at the repo root" >&2; exit 1; }
rm -rf "$TS_OUT"
mkdir -p "$TS_OUT"
# The dependencies that the generated TS imports are generated alongside our files.
protoc "${INCLUDES[@]}" \
  --plugin="protoc-gen-ts_proto=$TS_PLUGIN" \
  --ts_proto_out="$TS_OUT" \
  --ts_proto_opt=esModuleInterop=true,importSuffix=.js,forceLong=bigint,env=both,useDate=false,outputServices=default,emitImportedFiles=false \
  "${REL_PROTOS[@]}" \
  cosmos/base/query/v1beta1/pagination.proto \
  google/protobuf/timestamp.proto

gofmt -l x/anchor/types >/dev/null
echo "protogen: done (Go in x/anchor/types, TypeScript in ${TS_OUT#$REPO_DIR/})"
