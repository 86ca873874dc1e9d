#!/usr/bin/env bash
# Throughput and latency of amplifybackend-server next to nginx serving the same bytes, measured in
# the same run on the same machine (absolute numbers mean little on a shared box; ratios do).
#   BUILD_DIR=build bench/run.sh        # DURATION=10s CONNECTIONS=64 WRK_THREADS=2 to override
set -euo pipefail

BUILD_DIR=${BUILD_DIR:-build}
SERVER_BIN=${SERVER_BIN:-$BUILD_DIR/amplifybackend-server}
TRANSPORT_BIN=${TRANSPORT_BIN:-$BUILD_DIR/bench/transport_server}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-2}
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

missing() { echo "bench/run.sh: $1 not found; install it with: sudo apt-get install -y $2" >&2; exit 1; }
command -v wrk >/dev/null || missing wrk wrk
[[ -x $NGINX ]] || missing nginx nginx-light
command -v curl >/dev/null || missing curl curl

WORK=$(mktemp -d -t amplify-bench.XXXXXX)
chmod 755 "$WORK"  # nginx workers run as another user when started by root
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits for "listening on http://127.0.0.1:PORT" in a log and prints PORT.
wait_listening() {
  local log=$1 pid=$2
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

rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# wrk prints its own report; done() adds one machine-readable line for the table.
cat > "$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.0f %.3f %.3f %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
LUA
# CreateBackend with a fresh appId per request (wrk thread number + counter): a durable mutation.
cat "$WORK/report.lua" - > "$WORK/create.lua" <<'LUA'
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format(
    '{"appId":"bench%dx%d","appName":"bench","backendEnvironmentName":"dev"}', tid, counter)
  return wrk.format("POST", "/backend", { ["Content-Type"] = "application/json" }, body)
end
LUA

declare -A RATE P50 P99 ERRS
measure() {  # name url [lua script]
  local name=$1 url=$2 script=${3:-$WORK/report.lua}
  echo "== $name: wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION --latency $url" >&2
  local out
  out=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "$url")
  echo "$out" | grep -v '^RESULT' | sed 's/^/   /' >&2
  read -r RATE[$name] P50[$name] P99[$name] ERRS[$name] < <(echo "$out" | awk '/^RESULT/ { print $2, $3, $4, $5 }')
}

# 1. The server: start, note idle RSS, create one backend and fetch its job (the read we measure).
JOB_BODY='{"jobId":"00000000-0000-0000-0000-000000000000","status":"COMPLETED"}'
HAVE_SERVER=0
if [[ -x $SERVER_BIN ]]; then
  HAVE_SERVER=1
  "$SERVER_BIN" --port "$(free_port)" --data-dir "$WORK/data" > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  SERVER_PORT=$(wait_listening "$WORK/server.log" "$SERVER_PID")
  sleep 0.5
  IDLE_RSS=$(rss_mb "$SERVER_PID")
  BASE="http://127.0.0.1:$SERVER_PORT"
  CREATED=$(curl -fsS -X POST -H 'Content-Type: application/json' \
    -d '{"appId":"benchapp","appName":"bench","backendEnvironmentName":"dev"}' "$BASE/backend")
  JOB_ID=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["jobId"])' <<< "$CREATED")
  JOB_PATH="/backend/benchapp/job/dev/$JOB_ID"
  JOB_BODY=$(curl -fsS "$BASE$JOB_PATH")
else
  echo "bench/run.sh: no server at $SERVER_BIN (set BUILD_DIR); measuring nginx and the transport only" >&2
fi

# 2. nginx serving the GetBackendJob body byte for byte, one worker per core, no access log.
mkdir -p "$WORK/www" "$WORK/nginx"
printf '%s' "$JOB_BODY" > "$WORK/www/job.json"
BODY_BYTES=$(stat -c %s "$WORK/www/job.json")
NGINX_PORT=$(free_port)
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
PIDS+=("$!")
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$NGINX_PORT/job.json" > /dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "http://127.0.0.1:$NGINX_PORT/job.json" > /dev/null || {
  echo "bench/run.sh: nginx does not serve the file; its log:" >&2; cat "$WORK/nginx/error.log" >&2; exit 1; }

# 3. Load, one target at a time.
measure nginx "http://127.0.0.1:$NGINX_PORT/job.json"
if (( HAVE_SERVER )); then
  measure get_job "$BASE$JOB_PATH"
  measure create "$BASE/backend" "$WORK/create.lua"
fi
if [[ -x $TRANSPORT_BIN ]]; then
  "$TRANSPORT_BIN" "$BODY_BYTES" > "$WORK/transport.log" 2>&1 &
  TRANSPORT_PID=$!
  PIDS+=("$TRANSPORT_PID")
  measure transport "http://127.0.0.1:$(wait_listening "$WORK/transport.log" "$TRANSPORT_PID")/"
fi

# 4. The table.
row() {  # label name
  local name=$2
  [[ -n ${RATE[$name]:-} ]] || return 0
  local ratio=$(awk -v a="${RATE[$name]}" -v b="${RATE[nginx]}" 'BEGIN { printf "%.2fx", a / b }')
  [[ $name == nginx ]] && ratio="1.00x"
  printf '%-34s %10s %9s %9s %7s %9s\n' "$1" "${RATE[$name]}" "${P50[$name]}" "${P99[$name]}" \
    "${ERRS[$name]}" "$ratio"
}
echo
echo "amplifybackend-server vs nginx — $CONNECTIONS connections, $WRK_THREADS wrk threads, $DURATION, $(nproc) cores, ${BODY_BYTES}-byte JSON"
printf '%-34s %10s %9s %9s %7s %9s\n' target req/s "p50 ms" "p99 ms" errors "vs nginx"
row "nginx static JSON" nginx
row "GetBackendJob (read)" get_job
row "CreateBackend (durable mutation)" create
row "transport only (fixed JSON)" transport
if (( HAVE_SERVER )); then
  echo "idle RSS after start-up: ${IDLE_RSS} MB"
  echo "targets: reads >= 0.80x nginx, mutations >= 20000/s, idle RSS <= 12 MB"
fi
