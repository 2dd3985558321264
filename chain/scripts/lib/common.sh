# Shared by localnet.sh and localnet4.sh (sourced, not run).
# shellcheck shell=bash

# Failures inside $(…) must stop the script too.
shopt -s inherit_errexit

CHAIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CHAIN_ID="${LIANJIAN_CHAIN_ID:-lianjian-local}"
DENOM=stake
KEYRING=(--keyring-backend test)
# Every account starts with 1e12 stake; validators bond 1e11 (voting power 100000).
ACCOUNT_FUNDS="1000000000000$DENOM"
SELF_BOND="100000000000$DENOM"

log() { echo "localnet: $*" >&2; }

# begin_scratch TARGET PREFIX — a scratch folder beside TARGET in INIT_TMP, removed on exit. Homes
# are built there and moved into place at the end, so an interrupted init never leaves a half-made
# home that a later run would mistake for a finished one.
begin_scratch() {
  local parent
  parent="$(dirname "$1")"
  mkdir -p "$parent"
  INIT_TMP="$(mktemp -d "$parent/$2-XXXXXX")"
  trap 'rm -rf "$INIT_TMP"' EXIT
}
die() { echo "localnet: error: $*" >&2; exit 1; }

# lianjiand binary: LIANJIAN_BIN if given, else build (or reuse) chain/build/lianjiand.
resolve_bin() {
  if [[ -n "${LIANJIAN_BIN:-}" ]]; then
    [[ -x "$LIANJIAN_BIN" ]] || die "LIANJIAN_BIN=$LIANJIAN_BIN is not executable"
    BIN="$LIANJIAN_BIN"
  else
    BIN="$("$CHAIN_DIR/scripts/build.sh")"
  fi
}

# toml_set FILE SECTION KEY VALUE — replaces `KEY = …` inside [SECTION] ("" is the top level).
# VALUE is raw TOML (quote strings yourself). Fails if the key is not there, so a renamed
# setting is noticed instead of silently ignored.
toml_set() {
  local file=$1 section=$2 key=$3 value=$4
  awk -v sec="$section" -v key="$key" -v val="$value" '
    BEGIN { cur = ""; done = 0 }
    /^\[[^]]*\][ \t]*$/ { cur = $0; sub(/^\[/, "", cur); sub(/\][ \t]*$/, "", cur) }
    {
      line = $0
      if (!done && cur == sec && index(line, key) == 1) {
        rest = substr(line, length(key) + 1)
        if (rest ~ /^[ \t]*=/) { print key " = " val; done = 1; next }
      }
      print
    }
    END { if (!done) { printf "toml_set: %s not found in [%s] of %s\n", key, sec, FILENAME > "/dev/stderr"; exit 1 } }
  ' "$file" >"$file.tmp"
  mv "$file.tmp" "$file"
}

# add_key HOME NAME — creates NAME in the test keyring from a fresh mnemonic, keeps the mnemonic in
# HOME/NAME.mnemonic (mode 600) and prints the address.
add_key() {
  local home=$1 name=$2 mnemonic
  mnemonic="$("$BIN" keys mnemonic)"
  (umask 077 && printf '%s\n' "$mnemonic" >"$home/$name.mnemonic")
  chmod 600 "$home/$name.mnemonic"
  # keys add prompts on stderr even when the mnemonic comes from a pipe: show it only on failure.
  local err
  if ! err="$(printf '%s\n' "$mnemonic" | "$BIN" keys add "$name" --recover "${KEYRING[@]}" --home "$home" 2>&1 >/dev/null)"; then
    die "keys add $name failed: $err"
  fi
  "$BIN" keys show "$name" -a "${KEYRING[@]}" --home "$home"
}

# submitter_names N — submitter, submitter2, … submitterN.
submitter_names() {
  local n=$1 i
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "LIANJIAN_SUBMITTERS must be a positive integer, got '$n'"
  echo submitter
  for ((i = 2; i <= n; i++)); do echo "submitter$i"; done
}

# configure_node HOME — settings every localnet node shares. Ports are not here: they are passed
# as flags at each start, so the same data directory can run on other ports.
configure_node() {
  local home=$1 commit=${LIANJIAN_TIMEOUT_COMMIT:-300ms}
  local cfg="$home/config/config.toml" app="$home/config/app.toml"
  toml_set "$cfg" consensus timeout_commit "\"$commit\""
  toml_set "$cfg" consensus timeout_propose "\"1s\""
  toml_set "$cfg" consensus timeout_prevote "\"500ms\""
  toml_set "$cfg" consensus timeout_precommit "\"500ms\""
  # The browser verifier and dev tools talk to the RPC directly.
  toml_set "$cfg" rpc cors_allowed_origins '["*"]'
  toml_set "$cfg" p2p addr_book_strict false
  toml_set "$cfg" p2p allow_duplicate_ip true
  toml_set "$app" "" minimum-gas-prices "\"0$DENOM\""
  # Keep every version, so a state proof can be asked for at the height a batch was written.
  toml_set "$app" "" pruning '"nothing"'
  toml_set "$app" api enable true
  toml_set "$app" api enabled-unsafe-cors true
}

# configure_client HOME RPC_PORT — so that `lianjiand tx/query --home HOME` reach this node.
configure_client() {
  local home=$1 rpc=$2 client="$1/config/client.toml"
  toml_set "$client" "" chain-id "\"$CHAIN_ID\""
  toml_set "$client" "" keyring-backend '"test"'
  toml_set "$client" "" node "\"tcp://127.0.0.1:$rpc\""
}

# write_submitters_json HOME NAME… — machine-readable list for the TypeScript committer.
write_submitters_json() {
  local home=$1 name addr first=1
  shift
  {
    echo '{'
    echo "  \"chainId\": \"$CHAIN_ID\","
    echo '  "submitters": ['
    for name in "$@"; do
      addr="$("$BIN" keys show "$name" -a "${KEYRING[@]}" --home "$home")"
      [[ $first == 1 ]] || echo ','
      printf '    { "name": "%s", "address": "%s", "mnemonicFile": "%s.mnemonic" }' "$name" "$addr" "$name"
      first=0
    done
    echo
    echo '  ]'
    echo '}'
  } >"$home/submitters.json"
}

# port_flags RPC P2P GRPC API PPROF — fills the array PORT_FLAGS; everything binds to 127.0.0.1
# unless LIANJIAN_LISTEN_HOST says otherwise (a container must listen on its own interface).
# An empty PPROF turns the pprof server off.
port_flags() {
  local pprof="" host="${LIANJIAN_LISTEN_HOST:-127.0.0.1}"
  [[ -n "$5" ]] && pprof="127.0.0.1:$5"
  PORT_FLAGS=(
    --rpc.laddr "tcp://$host:$1" --p2p.laddr "tcp://$host:$2"
    --grpc.address "$host:$3" --api.enable --api.address "tcp://$host:$4"
    --rpc.pprof_laddr "$pprof" --minimum-gas-prices "0$DENOM"
  )
}
