#!/usr/bin/env bash
# ThreadSanitizer: builds the unit tests and the server with -DAMPLIFY_TSAN=ON (gcc), runs
# `ctest -L unit` there, then the concurrency integration suite against that server binary.
# Fails on any data race or other TSan report. TSan writes its reports to files (log_path), not to
# stderr, so the ones of a server the integration harness started are seen too; a process stops at
# its first report (halt_on_error, exit code 66), and any report file fails the run.
# Environment: AMPLIFY_TSAN_BUILD_DIR (default build-tsan), AMPLIFY_JOBS (default 2).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${AMPLIFY_TSAN_BUILD_DIR:-$ROOT/build-tsan}"
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$PWD/$BUILD_DIR" ;; esac
JOBS="${AMPLIFY_JOBS:-2}"
REPORTS="$BUILD_DIR/tsan-reports"
step() { echo; echo "==> tsan: $* ($(date -u +%H:%M:%S))"; }

# The python with boto3 (tools/setup.sh finds or installs it), as `python3` for CTest and the
# integration suite, like tools/dev.sh does.
eval "$("$ROOT/tools/setup.sh")"
if [ "$(command -v python3 || true)" != "$AMPLIFY_TEST_PYTHON" ]; then
  mkdir -p "$BUILD_DIR/test-python"
  ln -sf "$AMPLIFY_TEST_PYTHON" "$BUILD_DIR/test-python/python3"
  export PATH="$BUILD_DIR/test-python:$PATH"
fi

step "build ($BUILD_DIR)"
generator=()
[ -f "$BUILD_DIR/CMakeCache.txt" ] || generator=(-G Ninja)
cmake -S "$ROOT" -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DAMPLIFY_TSAN=ON -DAMPLIFY_INTEGRATION_TESTS=OFF >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS" --target unit_tests amplifybackend-server

rm -rf "$REPORTS"
mkdir -p "$REPORTS"
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1 log_path=$REPORTS/tsan \
suppressions=$ROOT/tools/tsan.supp ${TSAN_OPTIONS:-}"
status=0

step "ctest -L unit"
ctest --test-dir "$BUILD_DIR" -L unit --output-on-failure -j "$JOBS" || status=1

step "integration: test_concurrency against the TSan server"
(cd "$ROOT/tests/integration" &&
  AMPLIFYBACKEND_SERVER_BIN="$BUILD_DIR/amplifybackend-server" python3 -m unittest -v test_concurrency) ||
  status=1

if [ -n "$(ls -A "$REPORTS")" ]; then
  for report in "$REPORTS"/*; do
    echo "--- $report"
    cat "$report"
  done
  echo "tsan: ThreadSanitizer reported the above" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "tsan: clean"
exit "$status"
