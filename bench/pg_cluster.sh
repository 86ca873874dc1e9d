#!/usr/bin/env bash
# Durable CreateBackend on three server processes sharing one PostgreSQL (docs/DESIGN.md §6), next
# to PostgreSQL's own synchronous-commit insert rate measured in the same run on the same machine.
#   BUILD_DIR=build bench/pg_cluster.sh   # DURATION=20 (seconds) CONNECTIONS=64 PG_CLIENTS=16
#                                         # PROCESSES=3 SERVER_FLAGS="--database-writers 8"
#   SMOKE=1 bench/pg_cluster.sh           # tiny settings: checks that each step works (CI)
# Rows: (1) pgbench, PG_CLIENTS clients, -M prepared, one INSERT of a text-keyed row per
# transaction (synchronous_commit=on, fsync=on: tools/pg.sh); (2) wrk CreateBackend with a fresh
# appId per request through HAProxy (tools/cluster.sh); (3) the same with wrk spread over the
# processes' ports directly (CONNECTIONS split between them), to show what HAProxy costs.
# Target: row 2 >= 0.80x row 1. Exits 1 when a step fails (never on timing).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
SMOKE=${SMOKE:-0}
if [[ $SMOKE == 1 ]]; then
  DURATION=${DURATION:-2} CONNECTIONS=${CONNECTIONS:-8} PG_CLIENTS=${PG_CLIENTS:-4}
fi
BUILD_DIR=${BUILD_DIR:-build}
SERVER_BIN=${SERVER_BIN:-$BUILD_DIR/amplifybackend-server}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-64}
PG_CLIENTS=${PG_CLIENTS:-16}
PROCESSES=${PROCESSES:-3}
WRK_THREADS=${WRK_THREADS:-2}
read -r -a SERVER_FLAGS <<< "${SERVER_FLAGS:-}"

missing() { echo "bench/pg_cluster.sh: $1 not found; install it with: sudo apt-get install -y $2" >&2; exit 1; }
command -v wrk >/dev/null || missing wrk wrk
command -v pgbench >/dev/null || missing pgbench postgresql-15
command -v psql >/dev/null || missing psql postgresql-client-15
command -v haproxy >/dev/null || [[ -x /usr/sbin/haproxy ]] || missing haproxy haproxy
command -v python3 >/dev/null || missing python3 python3
[[ -x $SERVER_BIN ]] || { echo "bench/pg_cluster.sh: $SERVER_BIN not found (set BUILD_DIR)" >&2; exit 1; }
SERVER_BIN=$(cd "$(dirname "$SERVER_BIN")" && pwd)/$(basename "$SERVER_BIN")

LOAD=$(uptime | sed 's/.*load average[s]*: //')
WORK=$(mktemp -d -t amplify-pgbench.XXXXXX)
chmod 755 "$WORK"  # PostgreSQL runs as an unprivileged user when we are root
CLUSTER_PID=""
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  if [[ -n $CLUSTER_PID ]]; then kill "$CLUSTER_PID" 2>/dev/null || true; wait "$CLUSTER_PID" 2>/dev/null || true; fi
  "$ROOT/tools/pg.sh" destroy "$WORK/pg" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

FAILURES=()
fail() { echo "bench/pg_cluster.sh: $*" >&2; FAILURES+=("$*"); }
progress() { echo "== $*" >&2; }

progress "PostgreSQL in $WORK/pg"
URL=$("$ROOT/tools/pg.sh" start "$WORK/pg")

# ---------------------------------------------------------------------------------------------
# Row 1: PostgreSQL's own rate for what a durable CreateBackend needs at least: one row, one
# synchronous commit, over TCP like the servers.
psql -X -q -v ON_ERROR_STOP=1 -d "$URL" -c 'CREATE TABLE bench_rows (id text PRIMARY KEY, body text NOT NULL)'
cat > "$WORK/insert.sql" <<'SQL'
INSERT INTO bench_rows (id, body) VALUES (gen_random_uuid()::text, 'CreateBackend dev');
SQL
progress "pgbench -n -M prepared -c $PG_CLIENTS -j 2 -T $DURATION (one INSERT per transaction)"
if pgbench -n -M prepared -c "$PG_CLIENTS" -j 2 -T "$DURATION" -f "$WORK/insert.sql" "$URL" \
    > "$WORK/pgbench.out" 2>&1; then
  sed 's/^/   /' "$WORK/pgbench.out" >&2
  PG_TPS=$(awk '/^tps = / { printf "%.0f", $3; exit }' "$WORK/pgbench.out")
else
  cat "$WORK/pgbench.out" >&2
  fail "pgbench failed"
fi
[[ -n ${PG_TPS:-} ]] || fail "pgbench printed no tps"

# ---------------------------------------------------------------------------------------------
# The servers and HAProxy: tools/cluster.sh on the same database, in the background; its stdout
# names each URL, then `ready`.
progress "$PROCESSES servers behind HAProxy (tools/cluster.sh)"
mkfifo "$WORK/cluster.out"
CLUSTER_DIR=$WORK/cluster CLUSTER_PORT=0 CLUSTER_DATABASE_URL=$URL \
  "$ROOT/tools/cluster.sh" "$SERVER_BIN" "$PROCESSES" -- "${SERVER_FLAGS[@]}" \
  > "$WORK/cluster.out" 2> "$WORK/cluster.err" &
CLUSTER_PID=$!
LB_URL="" PORTS=()
while read -r kind rest; do
  case $kind in
    server) read -r _ url _ <<< "$rest"; PORTS+=("${url##*:}") ;;
    haproxy) LB_URL=$rest ;;
    ready) break ;;
  esac
done < "$WORK/cluster.out"
if [[ -z $LB_URL ]]; then
  cat "$WORK/cluster.err" >&2
  echo "bench/pg_cluster.sh: the cluster did not start" >&2
  exit 1
fi

# wrk: CreateBackend with a fresh appId per request (prefix + thread + counter, as bench/run.sh
# row 3) and one machine-readable line: req/s p50 p99 errors requests.
create_script() {  # file prefix
  { printf 'local prefix = "%s"\n' "$2"; cat; } > "$1" <<'LUA'
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format(
    '{"appId":"%s%dx%d","appName":"bench","backendEnvironmentName":"dev"}', prefix, tid, counter)
  return wrk.format("POST", "/backend", { ["Content-Type"] = "application/json" }, body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.3f %.3f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout, summary.requests))
end
LUA
}

wrk_run() {  # prefix url threads connections > RESULT line
  create_script "$WORK/$1.lua" "$1"
  wrk -t"$3" -c"$4" -d"${DURATION}s" --latency -s "$WORK/$1.lua" "$2" > "$WORK/$1.out" 2>&1 || true
  grep -v '^RESULT' "$WORK/$1.out" | sed 's/^/   /' >&2 || true
  grep '^RESULT' "$WORK/$1.out" || echo "RESULT 0 0 0 0 0"  # no line: check() fails the row
}

check() {  # name errors requests
  if (( $3 == 0 )); then fail "$1: wrk completed no requests"
  elif (( $2 > 0 )); then fail "$1: $2 of $3 requests failed (socket errors or status >= 400)"; fi
}

# Row 2: through HAProxy.
progress "CreateBackend via HAProxy: wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s $LB_URL/backend"
read -r _ LB_RATE LB_P50 LB_P99 LB_ERRS LB_REQS < <(wrk_run viahaproxy "$LB_URL/backend" "$WRK_THREADS" "$CONNECTIONS")
check "CreateBackend via HAProxy" "$LB_ERRS" "$LB_REQS"

# Row 3: one wrk per process, the connections split between them, all at once.
progress "CreateBackend direct: one wrk per port (${PORTS[*]}), $CONNECTIONS connections in all"
WRK_PIDS=()
for i in "${!PORTS[@]}"; do
  conns=$(( CONNECTIONS / ${#PORTS[@]} + (i < CONNECTIONS % ${#PORTS[@]} ? 1 : 0) ))
  wrk_run "direct$i" "http://127.0.0.1:${PORTS[$i]}/backend" 1 "$conns" > "$WORK/direct$i.result" &
  WRK_PIDS+=($!)
done
for pid in "${WRK_PIDS[@]}"; do wait "$pid"; done
read -r DIRECT_RATE DIRECT_P50 DIRECT_P99 DIRECT_ERRS DIRECT_REQS < <(cat "$WORK"/direct*.result |
  awk '{ rate += $2; if ($3 > p50) p50 = $3; if ($4 > p99) p99 = $4; errs += $5; reqs += $6 }
       END { print rate, p50, p99, errs, reqs }')
check "CreateBackend direct" "$DIRECT_ERRS" "$DIRECT_REQS"

# ---------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2fx", a / b }'; }
verdict() {  # ratio: " ok" / " MISS" against 0.8; nothing in smoke mode
  [[ $SMOKE == 1 ]] && return 0
  awk -v v="${1%x}" 'BEGIN { print (v + 0 >= 0.8) ? " ok" : " MISS" }'
}
R_LB=$(ratio "$LB_RATE" "${PG_TPS:-0}")
R_DIRECT=$(ratio "$DIRECT_RATE" "${PG_TPS:-0}")
row() { printf '%-2s %-52s %9s %8s %8s %6s  %-16s %s\n' "$@"; }
echo
echo "amplifybackend-server on PostgreSQL bench$([[ $SMOKE == 1 ]] && echo ' (SMOKE: tiny settings, numbers mean nothing)') — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, load averages before the run: $LOAD; DURATION=${DURATION}s CONNECTIONS=$CONNECTIONS PG_CLIENTS=$PG_CLIENTS PROCESSES=$PROCESSES SERVER_FLAGS=${SERVER_FLAGS[*]:-none}"
row "#" "row" "per s" "p50 ms" "p99 ms" "errors" "ratio to row 1" "target"
row 1 "pgbench: INSERT text-keyed row, sync commit, c$PG_CLIENTS" "${PG_TPS:-?}" "" "" "" "reference" ""
row 2 "CreateBackend, durable, c$CONNECTIONS via HAProxy" "$LB_RATE" "$LB_P50" "$LB_P99" "$LB_ERRS" "$R_LB" ">= 0.80x$(verdict "$R_LB")"
row 3 "CreateBackend, durable, c$CONNECTIONS direct to $PROCESSES ports" "$DIRECT_RATE" "$DIRECT_P50" "$DIRECT_P99" "$DIRECT_ERRS" "$R_DIRECT" "(HAProxy's cost: row 3 vs 2)"
echo "the whole run: $((SECONDS / 60)) min $((SECONDS % 60)) s"

if (( ${#FAILURES[@]} > 0 )); then
  echo
  echo "FAILED steps (${#FAILURES[@]}):"
  printf '  - %s\n' "${FAILURES[@]}"
  exit 1
fi
[[ $SMOKE == 1 ]] && echo "smoke: every row ran and produced numbers"
exit 0
