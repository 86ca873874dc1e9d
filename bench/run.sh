#!/usr/bin/env bash
# Throughput, latency, start-up and memory of amplifybackend-server, each figure next to a
# reference measured in the same run on the same machine (absolute numbers mean little on a
# shared box; ratios do): nginx serving the same bytes, SQLite's own commit rate on the same disk,
# the same request on 1k jobs. bench/README.md says what each row measures and its target.
#   BUILD_DIR=build bench/run.sh      # DURATION=10s CONNECTIONS=64 WRK_THREADS=2 BIG_JOBS=1000000
#                                     # SMALL_JOBS=1000 STARTUPS=5 to override
#   SMOKE=1 bench/run.sh              # every row with tiny settings: checks that each step works
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SMOKE=${SMOKE:-0}
if [[ $SMOKE == 1 ]]; then
  # CI: prove every step still works, fast. The numbers mean nothing at these settings.
  DURATION=${DURATION:-1s} CONNECTIONS=${CONNECTIONS:-8} BIG_JOBS=${BIG_JOBS:-2000}
  STARTUPS=${STARTUPS:-1}
fi
BUILD_DIR=${BUILD_DIR:-build}
SERVER_BIN=${SERVER_BIN:-$BUILD_DIR/amplifybackend-server}
TRANSPORT_BIN=${TRANSPORT_BIN:-$BUILD_DIR/bench/transport_server}
SEED_BIN=${SEED_BIN:-$BUILD_DIR/bench/seed_jobs}
LOOP_BIN=${LOOP_BIN:-$BUILD_DIR/bench/sqlite_commit_loop}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-2}
SMALL_JOBS=${SMALL_JOBS:-1000}
BIG_JOBS=${BIG_JOBS:-1000000}
STARTUPS=${STARTUPS:-5}
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# ---------------------------------------------------------------------------------------------
# Prerequisites: this script installs nothing.
missing() { echo "bench/run.sh: $1 not found; install it with: sudo apt-get install -y $2" >&2; exit 1; }
command -v wrk >/dev/null || missing wrk wrk
[[ -x $NGINX ]] || missing nginx nginx-light
command -v curl >/dev/null || missing curl curl
command -v python3 >/dev/null || missing python3 python3
for bin in "$SERVER_BIN" "$TRANSPORT_BIN" "$SEED_BIN" "$LOOP_BIN"; do
  [[ -x $bin ]] && continue
  echo "bench/run.sh: $bin not found (set BUILD_DIR); build it with:" >&2
  echo "  cmake --build $BUILD_DIR --target amplifybackend-server transport_server seed_jobs sqlite_commit_loop" >&2
  exit 1
done

# Load averages before we add our own load: how quiet the machine was.
LOAD=$(uptime | sed 's/.*load average[s]*: //')

# ---------------------------------------------------------------------------------------------
# Everything lives in one temp dir (on $TMPDIR's disk: the SQLite rows compare with a loop on the
# same disk) and every process we start is stopped on exit.
WORK=$(mktemp -d -t amplify-bench.XXXXXX)
chmod 755 "$WORK"  # nginx workers run as another user when started by root
PIDS=()
STOP_FILE=$WORK/stop-generating
cleanup() {
  touch "$STOP_FILE"
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

FAILURES=()  # steps that did not work (never timing): the run exits 1 when there are any
fail() { echo "bench/run.sh: $*" >&2; FAILURES+=("$*"); }
progress() { echo "== $*" >&2; }

# Waits for "listening on http://127.0.0.1:PORT" in a log and prints PORT.
wait_listening() {
  local log=$1 pid=$2 port
  for _ in $(seq 100); do
    if port=$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$log" 2>/dev/null | head -1 | sed 's/.*://'); then
      [[ -n $port ]] && { echo "$port"; return 0; }
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "bench/run.sh: server did not start; its log:" >&2
  cat "$log" >&2
  return 1
}

# Starts amplifybackend-server on a data dir and a free port (the server picks it: --port 0).
# Sets SERVER_PID and BASE (globals: a $(...) subshell would own the server process).
start_server() {  # name data_dir [server flags...]
  "$SERVER_BIN" --port 0 --data-dir "$2" "${@:3}" > "$WORK/$1.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  BASE="http://127.0.0.1:$(wait_listening "$WORK/$1.log" "$SERVER_PID")"
}

stop_process() {  # pid: SIGTERM, wait, forget
  local pid=$1 kept=() p
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in "${PIDS[@]}"; do [[ $p == "$pid" ]] || kept+=("$p"); done
  PIDS=("${kept[@]}")
}

rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# One request to the server as a user would make it with curl; prints the response body exactly
# (redirect it to a file for byte-for-byte copies) and fails unless the answer is 200.
api() {  # METHOD PATH [JSON body | @file]
  local status
  status=$(curl -sS -o "$WORK/api.out" -w '%{http_code}' -X "$1" -H 'Content-Type: application/json' \
    ${3:+--data-binary "$3"} "$BASE$2") || status=000
  if [[ $status != 200 ]]; then
    echo "bench/run.sh: $1 $2 answered $status: $(head -c 500 "$WORK/api.out" 2>/dev/null)" >&2
    return 1
  fi
  cat "$WORK/api.out"
}

json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# "10s" / "1m" / "500ms" / "3" (wrk's duration forms) in seconds, for the SQLite loop.
seconds_of() {
  awk -v d="$1" 'BEGIN { n = d + 0; u = d; sub(/^[0-9.]+/, "", u)
    if (u == "ms") n /= 1000; else if (u == "m") n *= 60; else if (u == "h") n *= 3600; print n }'
}

human_count() {  # 1000 -> 1k, 1000000 -> 1M, 2500 -> 2500
  local n=$1
  if (( n % 1000000 == 0 )); then echo "$((n / 1000000))M"
  elif (( n % 1000 == 0 )); then echo "$((n / 1000))k"
  else echo "$n"; fi
}

# ---------------------------------------------------------------------------------------------
# wrk scripts. wrk prints its own report; done() adds one machine-readable line for the table.
cat > "$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.3f %.3f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout, summary.requests))
end
LUA

# CreateBackend with a fresh appId per request (prefix + wrk thread number + counter): a durable
# mutation. Each run gets its own prefix, or a second run would collide with the first's apps.
create_script() {  # file prefix
  { printf 'local prefix = "%s"\n' "$2"; cat "$WORK/report.lua" - ; } > "$1" <<'LUA'
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
LUA
}

# The same JSON body POSTed on every request.
post_script() {  # file body
  { cat "$WORK/report.lua"
    printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
    printf 'wrk.body = [==[%s]==]\n' "$2"; } > "$1"
}

declare -A RATE P50 P99 ERRS
# Runs wrk against url and records req/s, p50, p99 and errors (connect/read/write/timeouts and
# statuses >= 400) under name. A run with errors or no requests is a failed step.
measure() {  # name url [lua script] [wrk threads] [connections]
  local name=$1 url=$2 script=${3:-$WORK/report.lua} threads=${4:-$WRK_THREADS} conns=${5:-$CONNECTIONS}
  local out requests
  progress "$name: wrk -t$threads -c$conns -d$DURATION --latency $url"
  out=$(wrk -t"$threads" -c"$conns" -d"$DURATION" --latency -s "$script" "$url")
  echo "$out" | grep -v '^RESULT' | sed 's/^/   /' >&2
  read -r RATE[$name] P50[$name] P99[$name] ERRS[$name] requests \
    < <(echo "$out" | awk '/^RESULT/ { print $2, $3, $4, $5, $6 }')
  if [[ -z ${RATE[$name]} || ${requests:-0} -eq 0 ]]; then
    fail "$name: wrk completed no requests"
  elif (( ERRS[$name] > 0 )); then
    fail "$name: $((ERRS[$name])) of $requests requests failed (socket errors or status >= 400)"
  fi
}

# ---------------------------------------------------------------------------------------------
# Request bodies, as a user would send them with curl (shapes: tests/integration/test_resources.py).
AUTH_BODY='{"backendEnvironmentName":"dev","resourceName":"benchauth","resourceConfig":{
  "authResources":"IDENTITY_POOL_AND_USER_POOL","service":"COGNITO",
  "identityPoolConfigs":{"identityPoolName":"benchIdentityPool","unauthenticatedLogin":false},
  "userPoolConfigs":{"userPoolName":"benchUserPool","signInMethod":"EMAIL_AND_PHONE_NUMBER",
    "requiredSignUpAttributes":["EMAIL","PHONE_NUMBER"],
    "passwordPolicy":{"minimumLength":8,"additionalConstraints":["REQUIRE_DIGIT","REQUIRE_SYMBOL"]},
    "mfa":{"MFAMode":"OPTIONAL","settings":{"mfaTypes":["TOTP"]}}}}}'
API_BODY='{"backendEnvironmentName":"dev","resourceName":"benchapi","resourceConfig":{
  "apiName":"benchapi","service":"AppSync",
  "transformSchema":"type Todo @model @auth(rules: [{allow: owner}]) { id: ID! name: String! }",
  "defaultAuthType":{"mode":"AMAZON_COGNITO_USER_POOLS",
    "settings":{"cognitoUserPoolId":"us-east-1_AbCdEf123"}},
  "additionalAuthTypes":[{"mode":"API_KEY","settings":{"description":"public","expirationTime":30}}],
  "conflictResolution":{"resolutionStrategy":"AUTOMERGE"}}}'
STORAGE_BODY='{"backendEnvironmentName":"dev","resourceName":"benchstorage","resourceConfig":{
  "serviceName":"S3","permissions":{"authenticated":["READ","CREATE_AND_UPDATE","DELETE"],
  "unAuthenticated":["READ"]}}}'

# A CreateBackendAPI body whose transformSchema is the 200-model schema (JSON-encoded by python).
models_api_body() {  # schema_file resource_name > body
  python3 - "$1" "$2" <<'PY'
import json, sys
schema = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"backendEnvironmentName": "dev", "resourceName": sys.argv[2],
                  "resourceConfig": {"apiName": sys.argv[2], "service": "AppSync",
                                     "transformSchema": schema,
                                     "defaultAuthType": {"mode": "API_KEY"}}}))
PY
}

# GenerateBackendAPIModels back to back, one at a time, until the stop file appears. One line per
# generation in the log: "ok", or "failed <status> <body>".
generation_loop() {  # base app resource log
  local status
  while [[ ! -e $STOP_FILE ]]; do
    status=$(curl -sS -o "$WORK/generate.out" -w '%{http_code}' -X POST \
      -H 'Content-Type: application/json' -d "{\"resourceName\":\"$3\"}" \
      "$1/backend/$2/api/dev/generateModels" 2>/dev/null) || status=000
    if [[ $status == 200 ]] && grep -q '"status":"COMPLETED"' "$WORK/generate.out"; then
      echo ok
    else
      echo "failed $status $(head -c 300 "$WORK/generate.out" 2>/dev/null | tr '\n' ' ')"
    fi >> "$4"
  done
}
count_ok() { grep -c '^ok$' "$1" || true; }

# =============================================================================================
# Rows 1-5, 8, 9 on one fresh server.
progress "server on a fresh data dir"
start_server server "$WORK/data"
MAIN_PID=$SERVER_PID
sleep 0.5
IDLE_RSS=$(rss_mb "$MAIN_PID")  # row 8: before any request

# The app a user would build: a backend, then an auth, an API and a storage resource.
CREATED=$(api POST /backend '{"appId":"benchapp","appName":"bench","backendEnvironmentName":"dev"}')
JOB_ID=$(json_field jobId <<< "$CREATED")
AUTH_JOB_ID=$(api POST /backend/benchapp/auth "$AUTH_BODY" | json_field jobId)
api POST /backend/benchapp/api "$API_BODY" > /dev/null
api POST /backend/benchapp/storage "$STORAGE_BODY" > /dev/null

# The two read bodies nginx will serve, byte for byte.
mkdir -p "$WORK/www" "$WORK/nginx"
JOB_PATH="/backend/benchapp/job/dev/$JOB_ID"
api GET "$JOB_PATH" > "$WORK/www/job.json"
DETAILS_BODY='{"backendEnvironmentName":"dev"}'
api POST /backend/benchapp/details "$DETAILS_BODY" > "$WORK/www/backend.json"
JOB_BYTES=$(stat -c %s "$WORK/www/job.json")
BACKEND_BYTES=$(stat -c %s "$WORK/www/backend.json")

# Row 9's API lives in its own app, so it changes neither body above.
python3 "$BENCH_DIR/gen_200_models.py" "$WORK/200.graphql"
models_api_body "$WORK/200.graphql" models200 > "$WORK/models-api.json"
api POST /backend '{"appId":"modelsapp","appName":"models","backendEnvironmentName":"dev"}' > /dev/null
api POST /backend/modelsapp/api "@$WORK/models-api.json" > /dev/null

# nginx serving those files, one worker per core, no access log, long keep-alive.
NGINX_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_timeout 65;
  keepalive_requests 100000000;
  types { application/json json; }
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
  }
}
CONF
"$NGINX" -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
NGINX_BASE="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 50); do curl -fsS "$NGINX_BASE/job.json" > /dev/null 2>&1 && break; sleep 0.1; done
for file in job.json backend.json; do
  curl -fsS "$NGINX_BASE/$file" | cmp -s - "$WORK/www/$file" || {
    echo "bench/run.sh: nginx does not serve $file as the server sent it; its log:" >&2
    cat "$WORK/nginx/error.log" >&2; exit 1; }
done

# Load, one target at a time.
# Row 1: GetBackendJob vs nginx serving its body.
measure nginx_job "$NGINX_BASE/job.json"
measure get_job "$BASE$JOB_PATH"
# Row 2: GetBackend (a ~3 KB document assembled from the app's resources) vs nginx.
post_script "$WORK/details.lua" "$DETAILS_BODY"
measure nginx_backend "$NGINX_BASE/backend.json"
measure get_backend "$BASE/backend/benchapp/details" "$WORK/details.lua"
# Row 3: durable mutations, many connections (commits are shared).
create_script "$WORK/create-many.lua" benchmany
measure create_many "$BASE/backend" "$WORK/create-many.lua"
# Row 4: one connection, so one request per commit; its reference is SQLite committing in a loop
# on the same disk with the server's settings, while the server is idle. A shared disk's fsync
# rate drifts within minutes, so the loop runs just before and just after, and the reference is
# the mean of the two.
commit_loop() {  # name: prints commits/s, committing into a fresh file
  progress "sqlite_commit_loop for $(seconds_of "$DURATION") s into $WORK/$1.db"
  "$LOOP_BIN" "$WORK/$1.db" "$(seconds_of "$DURATION")" | awk '/^RESULT/ { print $2 }'
}
create_script "$WORK/create-one.lua" benchone
LOOP_BEFORE=$(commit_loop commit-loop-before)
measure create_one "$BASE/backend" "$WORK/create-one.lua" 1 1
LOOP_AFTER=$(commit_loop commit-loop-after)
LOOP_RATE=$(( (LOOP_BEFORE + LOOP_AFTER) / 2 ))
(( LOOP_BEFORE > 0 && LOOP_AFTER > 0 )) || fail "sqlite_commit_loop produced no commits"
# Row 5: UpdateBackendJob rewrites one job (the auth job: row 1's job keeps its body).
post_script "$WORK/update-job.lua" '{"operation":"CreateBackend"}'
measure update_job "$BASE/backend/benchapp/job/dev/$AUTH_JOB_ID" "$WORK/update-job.lua"

# Row 9: GetBackendJob while the 200-model API's models are generated back to back.
progress "generateModels loop on the 200-model schema"
generation_loop "$BASE" modelsapp models200 "$WORK/generate.log" &
GEN_PID=$!
PIDS+=("$GEN_PID")
for _ in $(seq 300); do [[ -s $WORK/generate.log ]] && break; sleep 0.1; done  # first one done
GEN_BEFORE=$(count_ok "$WORK/generate.log")
measure get_job_generating "$BASE$JOB_PATH"
GEN_AFTER=$(count_ok "$WORK/generate.log")
touch "$STOP_FILE"
wait "$GEN_PID" 2>/dev/null || true
stop_process "$GEN_PID"
GENERATIONS=$((GEN_AFTER - GEN_BEFORE))
GEN_FAILED=$(grep -c '^failed' "$WORK/generate.log" || true)
(( GEN_FAILED == 0 )) || fail "generateModels failed $GEN_FAILED time(s): $(grep -m1 '^failed' "$WORK/generate.log")"
(( GENERATIONS > 0 )) || fail "no generation completed while get_job_generating ran: row 9 is meaningless"
stop_process "$MAIN_PID"
stop_process "$NGINX_PID"

# Row 10: what --rate-limit costs the request path: row 1's GetBackendJob on two servers over
# copies of row 1's data dir, one without the limiter and one with a limit far above the load,
# measured in turn twice (off, on, on, off) so that a load that comes and goes on a shared
# machine, and whatever favours the first or the second of two runs, falls on both. wrk sends no Authorization, so every request is account
# 000000000000's: one bucket, one shard lock for every loop, the limiter's worst case.
cp -r "$WORK/data" "$WORK/data-limit"
start_server limit-off "$WORK/data"
LIMIT_OFF_PID=$SERVER_PID LIMIT_OFF_BASE=$BASE
start_server limit-on "$WORK/data-limit" --rate-limit 1000000000
LIMIT_ON_PID=$SERVER_PID LIMIT_ON_BASE=$BASE
measure get_job_limit_off_1 "$LIMIT_OFF_BASE$JOB_PATH"
measure get_job_limit_on_1 "$LIMIT_ON_BASE$JOB_PATH"
measure get_job_limit_on_2 "$LIMIT_ON_BASE$JOB_PATH"
measure get_job_limit_off_2 "$LIMIT_OFF_BASE$JOB_PATH"
stop_process "$LIMIT_OFF_PID"
stop_process "$LIMIT_ON_PID"
# The two rounds as one row: mean req/s, p50 and p99; errors added up.
merge_rounds() {  # name
  local n=$1
  read -r RATE[$n] P50[$n] P99[$n] ERRS[$n] < <(awk -v r1="${RATE[${n}_1]:-0}" -v r2="${RATE[${n}_2]:-0}" \
    -v a1="${P50[${n}_1]:-0}" -v a2="${P50[${n}_2]:-0}" -v b1="${P99[${n}_1]:-0}" -v b2="${P99[${n}_2]:-0}" \
    -v e1="${ERRS[${n}_1]:-0}" -v e2="${ERRS[${n}_2]:-0}" \
    'BEGIN { printf "%.0f %.3f %.3f %d\n", (r1 + r2) / 2, (a1 + a2) / 2, (b1 + b2) / 2, e1 + e2 }')
}
merge_rounds get_job_limit_off
merge_rounds get_job_limit_on

# The transport alone, answering a fixed body of row 1's size.
"$TRANSPORT_BIN" "$JOB_BYTES" > "$WORK/transport.log" 2>&1 &
TRANSPORT_PID=$!
PIDS+=("$TRANSPORT_PID")
measure transport "http://127.0.0.1:$(wait_listening "$WORK/transport.log" "$TRANSPORT_PID")/"
stop_process "$TRANSPORT_PID"

# =============================================================================================
# Row 6: ListBackendJobs on SMALL_JOBS and on BIG_JOBS jobs in one environment (seeded through
# the store API: HTTP would take far too long), first page and a page from the middle.
SEED_SECONDS=()
seed() {  # data_dir count: sets SEED_FIRST and SEED_LAST (the jobs' seq range)
  local count=$2 line seconds
  progress "seed_jobs: $(human_count "$count") jobs into $1"
  line=$("$SEED_BIN" "$1" benchapp dev "$count" | grep '^SEEDED')
  read -r _ _ SEED_FIRST SEED_LAST seconds <<< "$line"
  SEED_SECONDS+=("$(human_count "$count") jobs in ${seconds} s")
}

# Measures the first page and the page before the middle job on the running server.
list_rows() {  # name_prefix first_seq last_seq
  local middle=$(( ($2 + $3) / 2 )) page
  # The deep page is a real one: 25 jobs, and a token 25 further down.
  page=$(api POST /backend/benchapp/job/dev "{\"nextToken\":\"jobs1.$middle\"}")
  python3 -c 'import json, sys; p = json.load(sys.stdin); m = int(sys.argv[1])
assert len(p["jobs"]) == 25 and p["nextToken"] == "jobs1.%d" % (m - 25), p.get("nextToken")' \
    "$middle" <<< "$page" || fail "$1: the page before jobs1.$middle is not the expected one"
  post_script "$WORK/$1-first.lua" '{}'
  post_script "$WORK/$1-deep.lua" "{\"nextToken\":\"jobs1.$middle\"}"
  measure "${1}_first" "$BASE/backend/benchapp/job/dev" "$WORK/$1-first.lua"
  measure "${1}_deep" "$BASE/backend/benchapp/job/dev" "$WORK/$1-deep.lua"
  DEEP_SEQ[$1]=$middle
}
declare -A DEEP_SEQ

seed "$WORK/jobs-small" "$SMALL_JOBS"
start_server jobs-small "$WORK/jobs-small"
list_rows list_small "$SEED_FIRST" "$SEED_LAST"
stop_process "$SERVER_PID"

seed "$WORK/jobs-big" "$BIG_JOBS"
start_server jobs-big "$WORK/jobs-big"
list_rows list_big "$SEED_FIRST" "$SEED_LAST"
stop_process "$SERVER_PID"

# Row 7: start-up on the big data dir (page cache warm: it was just used), to /_health 200.
progress "start-up time on $(human_count "$BIG_JOBS") jobs, $STARTUPS run(s)"
read -r STARTUP_MEDIAN STARTUP_RUNS < <(python3 "$BENCH_DIR/startup_time.py" "$SERVER_BIN" \
  "$WORK/jobs-big" "$STARTUPS" | awk '/^RESULT/ { $1 = ""; print }') || true
[[ -n ${STARTUP_MEDIAN:-} ]] || fail "start-up: the server never answered /_health with 200"

# =============================================================================================
# The table.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2fx", a / b }'; }
# " ok" / " MISS" after a target; nothing in smoke mode, where the numbers mean nothing.
verdict() {  # value op limit
  [[ $SMOKE == 1 ]] && return 0
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { ok = (op == ">=") ? v + 0 >= l + 0 : v + 0 <= l + 0
    print ok ? " ok" : " MISS" }'
}
strip_x() { echo "${1%x}"; }

LINE_FORMAT='%-2s %-46s %9s %8s %8s %6s  %-20s %-24s %s\n'
TEXT_FORMAT='%-2s %-46s %34s  %-20s %-24s %s\n'
wrk_row() {  # number label name compared_with ratio target
  if [[ -z ${RATE[$3]:-} ]]; then
    fail "row '$2' has no numbers"
    printf "$TEXT_FORMAT" "$1" "$2" "not measured" "" "" ""
    return 0
  fi
  printf "$LINE_FORMAT" "$1" "$2" "${RATE[$3]}" "${P50[$3]}" "${P99[$3]}" "${ERRS[$3]}" "$4" "$5" "$6"
}
text_row() { printf "$TEXT_FORMAT" "$@"; }

# Ratios.
R_GET_JOB=$(ratio "${RATE[get_job]:-0}" "${RATE[nginx_job]:-0}")
R_GET_BACKEND=$(ratio "${RATE[get_backend]:-0}" "${RATE[nginx_backend]:-0}")
R_CREATE_ONE=$(ratio "${RATE[create_one]:-0}" "${LOOP_RATE:-0}")
R_TRANSPORT=$(ratio "${RATE[transport]:-0}" "${RATE[nginx_job]:-0}")
R_GEN_P99=$(ratio "${P99[get_job_generating]:-0}" "${P99[get_job]:-0}")
R_LIMIT=$(ratio "${RATE[get_job_limit_on]:-0}" "${RATE[get_job_limit_off]:-0}")
list_ratio() {  # kind (first | deep): "req/s 0.97x, p99 1.04x" and the verdict (within 1.5x)
  local rate p99
  rate=$(ratio "${RATE[list_big_$1]:-0}" "${RATE[list_small_$1]:-0}")
  p99=$(ratio "${P99[list_big_$1]:-0}" "${P99[list_small_$1]:-0}")
  LIST_RATIO="req/s $rate, p99 $p99"
  LIST_VERDICT=""
  if [[ $SMOKE != 1 ]]; then
    if [[ $(verdict "$(strip_x "$rate")" ">=" 0.6667) == " ok" && $(verdict "$(strip_x "$p99")" "<=" 1.5) == " ok" ]]; then
      LIST_VERDICT=" ok"
    else
      LIST_VERDICT=" MISS"
    fi
  fi
}
SMALL=$(human_count "$SMALL_JOBS")
BIG=$(human_count "$BIG_JOBS")
C=$CONNECTIONS

{
echo
echo "amplifybackend-server bench$([[ $SMOKE == 1 ]] && echo ' (SMOKE: tiny settings, numbers mean nothing)') — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, load averages before the run: $LOAD; DURATION=$DURATION CONNECTIONS=$CONNECTIONS WRK_THREADS=$WRK_THREADS BIG_JOBS=$BIG_JOBS"
printf "$LINE_FORMAT" "#" "row" "req/s" "p50 ms" "p99 ms" "errors" "compared with" "ratio" "target"
wrk_row 1 "nginx: GetBackendJob body (${JOB_BYTES} B)" nginx_job "reference" "" ""
wrk_row "" "GetBackendJob, c$C" get_job "nginx row 1, req/s" "$R_GET_JOB" \
  ">= 0.80x$(verdict "$(strip_x "$R_GET_JOB")" ">=" 0.8), p99 <= 2 ms$(verdict "${P99[get_job]:-1e9}" "<=" 2)"
wrk_row 2 "nginx: GetBackend body (${BACKEND_BYTES} B)" nginx_backend "reference" "" ""
wrk_row "" "GetBackend, c$C" get_backend "nginx row 2, req/s" "$R_GET_BACKEND" \
  ">= 0.80x$(verdict "$(strip_x "$R_GET_BACKEND")" ">=" 0.8), p99 <= 2 ms$(verdict "${P99[get_backend]:-1e9}" "<=" 2)"
wrk_row 3 "CreateBackend, durable, c$C" create_many "" "" \
  ">= 25000/s$(verdict "${RATE[create_many]:-0}" ">=" 25000)"
text_row 4 "SQLite commit loop (WAL, FULL), 1 writer" "${LOOP_RATE:-?} commits/s" "reference" \
  "$LOOP_BEFORE before, $LOOP_AFTER after" ""
wrk_row "" "CreateBackend, durable, c1" create_one "SQLite loop, req/s" "$R_CREATE_ONE" \
  ">= 0.80x$(verdict "$(strip_x "$R_CREATE_ONE")" ">=" 0.8)"
wrk_row 5 "UpdateBackendJob, durable, c$C" update_job "" "" \
  ">= 40000/s$(verdict "${RATE[update_job]:-0}" ">=" 40000)"
wrk_row 6 "ListBackendJobs, $SMALL jobs, first page" list_small_first "reference" "" ""
wrk_row "" "ListBackendJobs, $SMALL jobs, deep (jobs1.${DEEP_SEQ[list_small]:-?})" list_small_deep "reference" "" ""
list_ratio first
wrk_row "" "ListBackendJobs, $BIG jobs, first page" list_big_first "$SMALL, first page" "$LIST_RATIO" \
  "within 1.5x$LIST_VERDICT"
list_ratio deep
wrk_row "" "ListBackendJobs, $BIG jobs, deep (jobs1.${DEEP_SEQ[list_big]:-?})" list_big_deep "$SMALL, deep page" "$LIST_RATIO" \
  "within 1.5x$LIST_VERDICT"
text_row 7 "start-up to /_health 200, $BIG jobs" "median ${STARTUP_MEDIAN:-?} ms of $STARTUPS" "" "" \
  "<= 200 ms$(verdict "${STARTUP_MEDIAN:-1e9}" "<=" 200)"
text_row "" "  each start-up, ms" "${STARTUP_RUNS:-}" "" "" ""
text_row 8 "idle RSS, fresh server" "${IDLE_RSS} MB" "" "" "<= 12 MB$(verdict "$IDLE_RSS" "<=" 12)"
wrk_row 9 "GetBackendJob, c$C, while generating models" get_job_generating "idle p99 (row 1)" "p99 $R_GEN_P99" \
  "p99 <= 2x$(verdict "$(strip_x "$R_GEN_P99")" "<=" 2)"
if (( GENERATIONS > 0 )); then
  text_row "" "  200-model generations during it" "$GENERATIONS done, $GEN_FAILED failed" "" "" ""
else
  text_row "" "  200-model generations during it" "none done: row 9 is meaningless" "" "" ""
fi
wrk_row 10 "GetBackendJob, c$C, no --rate-limit" get_job_limit_off "reference" "" ""
wrk_row "" "GetBackendJob, c$C, --rate-limit 1e9, one account" get_job_limit_on "no limit, req/s" "$R_LIMIT" \
  ">= 0.95x$(verdict "$(strip_x "$R_LIMIT")" ">=" 0.95)"
wrk_row "" "transport only (fixed ${JOB_BYTES} B JSON), c$C" transport "nginx row 1, req/s" "$R_TRANSPORT" ""
echo "seed_jobs took: $(IFS=,; echo "${SEED_SECONDS[*]}" | sed 's/,/, /g'); the whole run: $((SECONDS / 60)) min $((SECONDS % 60)) s"
}

if (( ${#FAILURES[@]} > 0 )); then
  echo
  echo "FAILED steps (${#FAILURES[@]}):"
  printf '  - %s\n' "${FAILURES[@]}"
  exit 1
fi
[[ $SMOKE == 1 ]] && echo "smoke: every row ran and produced numbers"
exit 0
