#!/usr/bin/env bash
# Several amplifybackend-server processes on one PostgreSQL behind HAProxy (docs/DESIGN §6), for
# trying the multi-process mode by hand (`tools/dev.sh cluster` builds the binary, then runs this)
# and for bench/pg_cluster.sh.
#   tools/cluster.sh SERVER_BIN [N] [-- server flags]     N servers (default 3)
# Environment:
#   CLUSTER_DIR           logs, haproxy.cfg and (unless CLUSTER_DATABASE_URL) PostgreSQL's cluster
#                         in CLUSTER_DIR/pg, kept across runs like `serve`'s ./data
#                         (default ./data/cluster; `tools/pg.sh destroy data/cluster/pg` to start over)
#   CLUSTER_PORT          HAProxy's port on 127.0.0.1 (default 4566; 0 = any free port)
#   CLUSTER_DATABASE_URL  an existing database to use instead of starting PostgreSQL
# stdout, one line each, then `ready`: `postgresql URL`, `server I URL PID LOG`, `haproxy URL`.
# Ctrl-C or SIGTERM stops everything it started. A server that dies is left dead: HAProxy's
# health check takes it out of the rotation, which is the point of trying it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { echo "cluster: $*" >&2; }
die() { echo "cluster: error: $*" >&2; exit 1; }
[ $# -ge 1 ] || { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

BIN=$1
shift
N=3
if [ $# -gt 0 ] && [ "$1" != -- ]; then N=$1; shift; fi
if [ $# -gt 0 ] && [ "$1" = -- ]; then shift; fi
SERVER_FLAGS=("$@")
[[ $N =~ ^[1-9][0-9]*$ ]] || die "N must be a positive number, not '$N'"
[ -x "$BIN" ] || die "$BIN is not an executable"
HAPROXY=$(command -v haproxy || echo /usr/sbin/haproxy)
[ -x "$HAPROXY" ] || die "haproxy not found (tools/setup.sh installs it)"

CLUSTER_DIR=${CLUSTER_DIR:-$PWD/data/cluster}
mkdir -p "$CLUSTER_DIR/logs"
CLUSTER_DIR=$(cd "$CLUSTER_DIR" && pwd)

PIDS=()
STARTED_PG=0
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$STARTED_PG" = 1 ]; then "$ROOT/tools/pg.sh" stop "$CLUSTER_DIR/pg" || true; fi
  log "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

if [ -n "${CLUSTER_DATABASE_URL:-}" ]; then
  URL=$CLUSTER_DATABASE_URL
else
  STARTED_PG=1
  URL=$("$ROOT/tools/pg.sh" start "$CLUSTER_DIR/pg")
fi
echo "postgresql $URL"

# Each server picks its own port (--port 0, no race) and prints it in its start-up line.
SERVER_PORTS=()
for i in $(seq "$N"); do
  server_log="$CLUSTER_DIR/logs/server-$i.log"
  (cd "$CLUSTER_DIR" && exec "$BIN" serve --host 127.0.0.1 --port 0 --database-url "$URL" \
    "${SERVER_FLAGS[@]}") > "$server_log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  port=""
  for _ in $(seq 200); do
    port=$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$server_log" | head -1 | sed 's/.*://') || true
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  [ -n "$port" ] || { cat "$server_log" >&2; die "server $i did not start (log above)"; }
  SERVER_PORTS+=("$port")
  echo "server $i http://127.0.0.1:$port $pid $server_log"
done

LB_PORT=${CLUSTER_PORT:-4566}
[ "$LB_PORT" != 0 ] || LB_PORT=$(free_port)
# Retries go to another server only on a connection failure: the request never reached a server,
# so retrying a non-idempotent POST cannot apply it twice.
{
  cat <<CFG
global
  maxconn 8192
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout http-keep-alive 60s
  timeout queue 10s
  retries 3
  option redispatch 1
  retry-on conn-failure
frontend api
  bind 127.0.0.1:$LB_PORT
  default_backend servers
backend servers
  balance roundrobin
  option httpchk GET /_health
  http-check expect status 200
  default-server check inter 1s fall 2 rise 1
CFG
  for i in "${!SERVER_PORTS[@]}"; do echo "  server s$((i + 1)) 127.0.0.1:${SERVER_PORTS[$i]}"; done
} > "$CLUSTER_DIR/haproxy.cfg"
"$HAPROXY" -q -db -f "$CLUSTER_DIR/haproxy.cfg" > "$CLUSTER_DIR/logs/haproxy.log" 2>&1 &
HAPROXY_PID=$!
PIDS+=("$HAPROXY_PID")
LB_URL="http://127.0.0.1:$LB_PORT"
ready=0
for _ in $(seq 100); do
  if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
    "$LB_URL/_health" 2>/dev/null; then ready=1; break; fi
  kill -0 "$HAPROXY_PID" 2>/dev/null || break
  sleep 0.1
done
[ "$ready" = 1 ] || { cat "$CLUSTER_DIR/logs/haproxy.log" >&2; die "HAProxy on $LB_URL never answered /_health"; }
echo "haproxy $LB_URL"
log "$N server(s) on $URL behind HAProxy $LB_URL; logs in $CLUSTER_DIR/logs; Ctrl-C stops all"
echo ready
wait "$HAPROXY_PID" || true
die "HAProxy exited (log: $CLUSTER_DIR/logs/haproxy.log)"
