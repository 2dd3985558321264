#!/usr/bin/env bash
# Single-validator Lianjian localnet for development and tests.
#
#   scripts/localnet.sh         initialise on the first run, then run the node in the foreground
#   scripts/localnet.sh init    initialise only (no-op when already initialised)
#
# The node is exec'd, so the caller's SIGTERM/SIGINT reaches it directly.
# Environment (all optional):
#   LIANJIAN_CHAIN_HOME    data directory (default chain/.localnet/single)
#   LIANJIAN_CHAIN_ID      chain id at init (default lianjian-local)
#   LIANJIAN_RPC_PORT      CometBFT RPC (default 26657)
#   LIANJIAN_P2P_PORT      CometBFT P2P (default 26656)
#   LIANJIAN_GRPC_PORT     Cosmos gRPC (default 9090)
#   LIANJIAN_API_PORT      Cosmos REST API (default 1317)
#   LIANJIAN_PPROF_PORT    pprof (default: off)
#   LIANJIAN_SUBMITTERS    number of funded, allowed submitter keys created at init (default 1)
#   LIANJIAN_TIMEOUT_COMMIT  CometBFT timeout_commit at init (default 300ms)
#   LIANJIAN_LOG_LEVEL     node log level (default info)
#   LIANJIAN_BIN           use this lianjiand instead of building chain/build/lianjiand
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

HOME_DIR="${LIANJIAN_CHAIN_HOME:-$CHAIN_DIR/.localnet/single}"
RPC_PORT="${LIANJIAN_RPC_PORT:-26657}"
P2P_PORT="${LIANJIAN_P2P_PORT:-26656}"
GRPC_PORT="${LIANJIAN_GRPC_PORT:-9090}"
API_PORT="${LIANJIAN_API_PORT:-1317}"
PPROF_PORT="${LIANJIAN_PPROF_PORT:-}"
SUBMITTERS="${LIANJIAN_SUBMITTERS:-1}"

init_single() {
  begin_scratch "$HOME_DIR" .init
  local tmp="$INIT_TMP"

  log "initialising $HOME_DIR (chain-id $CHAIN_ID, $SUBMITTERS submitter key(s))"
  "$BIN" init single --chain-id "$CHAIN_ID" --default-denom "$DENOM" --home "$tmp" >/dev/null 2>&1
  local val_addr names=() addrs=() name
  val_addr="$(add_key "$tmp" validator)"
  "$BIN" genesis add-genesis-account "$val_addr" "$ACCOUNT_FUNDS" --home "$tmp"
  mapfile -t names < <(submitter_names "$SUBMITTERS")
  for name in "${names[@]}"; do
    addrs+=("$(add_key "$tmp" "$name")")
    "$BIN" genesis add-genesis-account "${addrs[-1]}" "$ACCOUNT_FUNDS" --home "$tmp"
  done
  "$BIN" genesis allow-submitter "${addrs[@]}" --home "$tmp"
  # The validator's account is the operator admin: only it can approve a new validator operator.
  "$BIN" genesis operator-admin "$val_addr" --home "$tmp"
  "$BIN" genesis gentx validator "$SELF_BOND" --chain-id "$CHAIN_ID" "${KEYRING[@]}" --home "$tmp" >/dev/null 2>&1
  "$BIN" genesis collect-gentxs --home "$tmp" >/dev/null 2>&1
  "$BIN" genesis validate "$tmp/config/genesis.json" --home "$tmp" >/dev/null
  configure_node "$tmp"
  write_submitters_json "$tmp" "${names[@]}"
  touch "$tmp/.initialised"

  mv "$tmp" "$HOME_DIR"
  trap - EXIT
  log "submitters: ${addrs[*]} (mnemonics in $HOME_DIR/<name>.mnemonic, list in submitters.json)"
}

main() {
  resolve_bin
  if [[ ! -f "$HOME_DIR/.initialised" ]]; then
    if [[ -e "$HOME_DIR" ]] && [[ -n "$(ls -A "$HOME_DIR" 2>/dev/null)" ]]; then
      die "$HOME_DIR exists but was not initialised by this script; remove it or pick another LIANJIAN_CHAIN_HOME"
    fi
    rmdir "$HOME_DIR" 2>/dev/null || true
    init_single
  else
    local have
    have="$(grep -c '"name"' "$HOME_DIR/submitters.json" || true)"
    if ((SUBMITTERS > have)); then
      log "warning: LIANJIAN_SUBMITTERS=$SUBMITTERS but this chain was created with $have; submitters are fixed at genesis (delete $HOME_DIR to re-create)"
    fi
  fi
  [[ "${1:-}" == init ]] && exit 0

  configure_client "$HOME_DIR" "$RPC_PORT"
  port_flags "$RPC_PORT" "$P2P_PORT" "$GRPC_PORT" "$API_PORT" "$PPROF_PORT"
  log "starting: rpc 127.0.0.1:$RPC_PORT grpc 127.0.0.1:$GRPC_PORT api 127.0.0.1:$API_PORT p2p 127.0.0.1:$P2P_PORT"
  exec "$BIN" start --home "$HOME_DIR" "${PORT_FLAGS[@]}" --log_level "${LIANJIAN_LOG_LEVEL:-info}"
}

case "${1:-}" in
  "" | init) main "$@" ;;
  -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' ;;
  *) die "unknown command '$1' (use: localnet.sh [init])" ;;
esac
