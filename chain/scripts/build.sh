#!/usr/bin/env bash
# Builds chain/build/lianjiand only when it is missing or its inputs changed.
# Inputs: the Go toolchain version, go.mod, go.sum, every non-test .go file and every .proto file;
# their combined SHA-256 is kept in build/lianjiand.inputs next to the binary.
# LIANJIAN_BUILD_FORCE=1 rebuilds regardless. Prints what it did on stderr, the binary path on stdout.
set -euo pipefail

CHAIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$CHAIN_DIR/build/lianjiand"
STAMP="$OUT.inputs"
cd "$CHAIN_DIR"

command -v go >/dev/null 2>&1 || { echo "build: go is not on PATH" >&2; exit 1; }

inputs_hash() {
  {
    go env GOVERSION GOOS GOARCH
    find . \( -path ./build -o -path ./.localnet \) -prune -o -type f \
      \( -name go.mod -o -name go.sum -o -name '*.proto' -o \( -name '*.go' ! -name '*_test.go' \) \) -print0 |
      LC_ALL=C sort -z | xargs -0 sha256sum
  } | sha256sum | cut -d' ' -f1
}

hash="$(inputs_hash)"
if [[ "${LIANJIAN_BUILD_FORCE:-}" != 1 && -x "$OUT" && -f "$STAMP" && "$(cat "$STAMP")" == "$hash" ]]; then
  echo "build: up to date, nothing to do ($OUT, inputs ${hash:0:12})" >&2
  echo "$OUT"
  exit 0
fi

if [[ ! -x "$OUT" ]]; then reason="binary missing"
elif [[ "${LIANJIAN_BUILD_FORCE:-}" == 1 ]]; then reason="forced"
else reason="inputs changed"; fi
echo "build: building lianjiand ($reason); the first build takes several minutes" >&2

start=$(date +%s)
go mod download
mkdir -p build
ldflags=(
  -X "github.com/cosmos/cosmos-sdk/version.Name=lianjian"
  -X "github.com/cosmos/cosmos-sdk/version.AppName=lianjiand"
  -X "github.com/cosmos/cosmos-sdk/version.Version=0.1.0+${hash:0:12}"
)
go build -ldflags "${ldflags[*]}" -o "$OUT.tmp" ./cmd/lianjiand
mv "$OUT.tmp" "$OUT"
echo "$hash" > "$STAMP"
echo "build: built $OUT in $(( $(date +%s) - start ))s (inputs ${hash:0:12})" >&2
echo "$OUT"
