#!/usr/bin/env bash
# Four-validator Lianjian network on loopback, for fault tests: with equal voting power, any three
# validators keep committing blocks; with two down the chain pauses until one comes back.
#
#   scripts/localnet4.sh init          create the network (no-op when it exists)
#   scripts/localnet4.sh start <i>     run validator i (0-3) in the foreground (exec; SIGTERM stops it)
#   scripts/localnet4.sh up [i…]       start validators in the background (default: all four);
#                                      logs in <root>/node<i>.log, pid in <root>/node<i>.pid
#   scripts/localnet4.sh stop <i>…     stop background validators (SIGTERM to the recorded pid)
#   scripts/localnet4.sh down          stop every background validator
#   scripts/localnet4.sh status        height and peers of each validator
#   scripts/localnet4.sh ports <i>     print validator i's ports (rpc p2p grpc api)
#   scripts/localnet4.sh wipe          stop all and delete the network's data
#
# Environment (all optional):
#   LIANJIAN_LOCALNET4_HOME       network root (default chain/.localnet/four); node<i>/ inside
#   LIANJIAN_LOCALNET4_BASE_PORT  validator i uses base+10i+0 p2p, +1 rpc, +2 grpc, +3 api (default 27000)
#   LIANJIAN_LOCALNET4_PEER_HOSTS host of each validator, comma-separated (default 127.0.0.1 for all;
#                                 docker-compose's profile "network" runs one container per validator)
#   LIANJIAN_LOCALNET4_MONIKERS   validator names at init, comma-separated (default validator0,…,validator3);
#                                 validator 0's account is the operator admin (approves new validators)
#   LIANJIAN_CHAIN_ID, LIANJIAN_SUBMITTERS, LIANJIAN_TIMEOUT_COMMIT, LIANJIAN_LOG_LEVEL, LIANJIAN_BIN
#                                 as for localnet.sh; submitter keys live in node0's keyring and
#                                 their mnemonics and submitters.json in the network root.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

ROOT="${LIANJIAN_LOCALNET4_HOME:-$CHAIN_DIR/.localnet/four}"
BASE_PORT="${LIANJIAN_LOCALNET4_BASE_PORT:-27000}"
SUBMITTERS="${LIANJIAN_SUBMITTERS:-1}"
N=4

node_home() { echo "$ROOT/node$1"; }
p2p_port() { echo $((BASE_PORT + 10 * $1)); }
rpc_port() { echo $((BASE_PORT + 10 * $1 + 1)); }
grpc_port() { echo $((BASE_PORT + 10 * $1 + 2)); }
api_port() { echo $((BASE_PORT + 10 * $1 + 3)); }

check_index() {
  [[ "${1:-}" =~ ^[0-3]$ ]] || die "validator index must be 0, 1, 2 or 3, got '${1:-}'"
}

init_network() {
  if [[ -f "$ROOT/.initialised" ]]; then
    log "network already initialised at $ROOT"
    return
  fi
  [[ -e "$ROOT" && -n "$(ls -A "$ROOT" 2>/dev/null)" ]] &&
    die "$ROOT exists but was not initialised by this script; run '$0 wipe' or pick another LIANJIAN_LOCALNET4_HOME"
  begin_scratch "$ROOT" .init4
  local tmp="$INIT_TMP" i
  log "initialising a 4-validator network in $ROOT (chain-id $CHAIN_ID)"

  local vals=() genesis0="$tmp/node0/config/genesis.json" monikers=()
  IFS=, read -r -a monikers <<<"${LIANJIAN_LOCALNET4_MONIKERS:-validator0,validator1,validator2,validator3}"
  for ((i = 0; i < N; i++)); do
    "$BIN" init "${monikers[$i]:-validator$i}" --chain-id "$CHAIN_ID" --default-denom "$DENOM" --home "$tmp/node$i" >/dev/null 2>&1
    vals+=("$(add_key "$tmp/node$i" validator)")
    "$BIN" genesis add-genesis-account "${vals[-1]}" "$ACCOUNT_FUNDS" --home "$tmp/node0"
  done
  local names=() addrs=() name
  mapfile -t names < <(submitter_names "$SUBMITTERS")
  for name in "${names[@]}"; do
    addrs+=("$(add_key "$tmp/node0" "$name")")
    mv "$tmp/node0/$name.mnemonic" "$tmp/$name.mnemonic"
    "$BIN" genesis add-genesis-account "${addrs[-1]}" "$ACCOUNT_FUNDS" --home "$tmp/node0"
  done
  "$BIN" genesis allow-submitter "${addrs[@]}" --home "$tmp/node0"
  # Validator 0's account (the first level) is the operator admin: it approves new validators.
  "$BIN" genesis operator-admin "${vals[0]}" --home "$tmp/node0"

  # Every validator signs its gentx against the same account list, then node0 collects them all.
  mkdir -p "$tmp/node0/config/gentx"
  for ((i = 0; i < N; i++)); do
    [[ $i == 0 ]] || cp "$genesis0" "$tmp/node$i/config/genesis.json"
    "$BIN" genesis gentx validator "$SELF_BOND" --chain-id "$CHAIN_ID" "${KEYRING[@]}" \
      --home "$tmp/node$i" --output-document "$tmp/node0/config/gentx/gentx-$i.json" >/dev/null 2>&1
  done
  "$BIN" genesis collect-gentxs --home "$tmp/node0" >/dev/null 2>&1
  "$BIN" genesis validate "$genesis0" --home "$tmp/node0" >/dev/null
  for ((i = 0; i < N; i++)); do
    [[ $i == 0 ]] || cp "$genesis0" "$tmp/node$i/config/genesis.json"
    configure_node "$tmp/node$i"
    toml_set "$tmp/node$i/config/config.toml" p2p pex false
    # Loopback peers: batching messages for 100 ms (the defaults) would dominate the block time.
    toml_set "$tmp/node$i/config/config.toml" p2p flush_throttle_timeout '"10ms"'
    toml_set "$tmp/node$i/config/config.toml" consensus peer_gossip_sleep_duration '"10ms"'
    "$BIN" comet show-node-id --home "$tmp/node$i" >"$tmp/node$i/node_id"
  done
  write_submitters_json "$tmp/node0" "${names[@]}"
  mv "$tmp/node0/submitters.json" "$tmp/submitters.json"
  touch "$tmp/.initialised"

  mv "$tmp" "$ROOT"
  trap - EXIT
  log "validators: ${vals[*]}"
  log "submitters: ${addrs[*]} (keys in node0's keyring, mnemonics in $ROOT)"
}

require_init() {
  [[ -f "$ROOT/.initialised" ]] || die "no network at $ROOT; run '$0 init' first"
}

# peers_of i — every other validator, by node id, on its current port; on 127.0.0.1, or on the
# hosts in LIANJIAN_LOCALNET4_PEER_HOSTS (comma-separated, host of validator 0…3: one container each).
peers_of() {
  local i=$1 j peers=() hosts=()
  IFS=, read -r -a hosts <<<"${LIANJIAN_LOCALNET4_PEER_HOSTS:-}"
  for ((j = 0; j < N; j++)); do
    [[ $j == "$i" ]] || peers+=("$(cat "$(node_home "$j")/node_id")@${hosts[$j]:-127.0.0.1}:$(p2p_port "$j")")
  done
  local IFS=,
  echo "${peers[*]}"
}

start_cmd() { # fills START_CMD for validator i
  local i=$1 home
  home="$(node_home "$i")"
  configure_client "$home" "$(rpc_port "$i")"
  port_flags "$(rpc_port "$i")" "$(p2p_port "$i")" "$(grpc_port "$i")" "$(api_port "$i")" ""
  START_CMD=("$BIN" start --home "$home" "${PORT_FLAGS[@]}" --p2p.persistent_peers "$(peers_of "$i")"
    --log_level "${LIANJIAN_LOG_LEVEL:-info}")
}

is_running() { # i
  local pidfile="$ROOT/node$1.pid"
  [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

cmd_start() {
  check_index "${1:-}"
  require_init
  start_cmd "$1"
  log "validator $1: rpc 127.0.0.1:$(rpc_port "$1") p2p 127.0.0.1:$(p2p_port "$1")"
  exec "${START_CMD[@]}"
}

cmd_up() {
  require_init
  local idx=("$@") i
  ((${#idx[@]})) || idx=(0 1 2 3)
  for i in "${idx[@]}"; do
    check_index "$i"
    if is_running "$i"; then
      log "validator $i already running (pid $(cat "$ROOT/node$i.pid"))"
      continue
    fi
    start_cmd "$i"
    nohup "${START_CMD[@]}" >>"$ROOT/node$i.log" 2>&1 &
    echo $! >"$ROOT/node$i.pid"
    log "validator $i started (pid $!, rpc 127.0.0.1:$(rpc_port "$i"), log $ROOT/node$i.log)"
  done
}

cmd_stop() {
  (($#)) || die "stop needs validator indexes, e.g. '$0 stop 1'"
  local i pid n
  for i in "$@"; do
    check_index "$i"
    if ! is_running "$i"; then
      log "validator $i is not running"
      rm -f "$ROOT/node$i.pid"
      continue
    fi
    pid="$(cat "$ROOT/node$i.pid")"
    kill -TERM "$pid"
    for ((n = 0; n < 100; n++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "validator $i (pid $pid) ignored SIGTERM for 10s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$ROOT/node$i.pid"
    log "validator $i stopped"
  done
}

cmd_status() {
  require_init
  local i st height peers
  for ((i = 0; i < N; i++)); do
    if st="$(curl -sf --max-time 2 "http://127.0.0.1:$(rpc_port "$i")/status")"; then
      height="$(grep -o '"latest_block_height":"[0-9]*"' <<<"$st" | grep -o '[0-9]*')"
      peers="$(curl -sf --max-time 2 "http://127.0.0.1:$(rpc_port "$i")/net_info" | grep -o '"n_peers":"[0-9]*"' | grep -o '[0-9]*')"
      echo "validator $i: up, height $height, peers $peers, rpc http://127.0.0.1:$(rpc_port "$i")"
    else
      echo "validator $i: down (rpc http://127.0.0.1:$(rpc_port "$i"))"
    fi
  done
}

main() {
  local cmd="${1:-}"
  shift || true
  case "$cmd" in
    init) resolve_bin && init_network ;;
    start) resolve_bin && init_network 2>/dev/null && cmd_start "$@" ;;
    up) resolve_bin && init_network 2>/dev/null && cmd_up "$@" ;;
    stop) cmd_stop "$@" ;;
    down) [[ -d "$ROOT" ]] && cmd_stop 0 1 2 3 ;;
    status) cmd_status ;;
    ports) check_index "${1:-}" && echo "rpc $(rpc_port "$1") p2p $(p2p_port "$1") grpc $(grpc_port "$1") api $(api_port "$1")" ;;
    wipe)
      [[ -d "$ROOT" ]] && cmd_stop 0 1 2 3
      rm -rf "$ROOT"
      log "removed $ROOT"
      ;;
    -h | --help | "") sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' ;;
    *) die "unknown command '$cmd' (see '$0 --help')" ;;
  esac
}

main "$@"
