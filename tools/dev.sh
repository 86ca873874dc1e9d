#!/usr/bin/env bash
# The README's two commands (fresh Debian 12 or an existing checkout):
#   tools/dev.sh serve [server flags]  install what is missing, build build/ (RelWithDebInfo), run the
#                                      server from the repository root (default: SQLite under
#                                      ./data, http://127.0.0.1:4566)
#   tools/dev.sh test                  install what is missing, build build/ with -Werror, run the
#                                      whole CTest suite (unit + integration) against a throwaway
#                                      PostgreSQL in build/pg (tools/pg.sh), removed at exit
#   tools/dev.sh cluster [N] [-- server flags]
#                                      build like serve, then N (default 3) servers on one
#                                      PostgreSQL (kept in ./data/cluster) behind HAProxy on
#                                      http://127.0.0.1:4566; Ctrl-C stops them all
# Environment: AMPLIFY_BUILD_DIR (default build), AMPLIFY_JOBS (default 2),
# AMPLIFYBACKEND_TEST_DATABASE_URL (test: use this database instead of starting one).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${AMPLIFY_BUILD_DIR:-$ROOT/build}"
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$PWD/$BUILD_DIR" ;; esac
JOBS="${AMPLIFY_JOBS:-2}"

usage() {
  sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

setup() {
  local env_line
  env_line="$("$ROOT/tools/setup.sh")"
  eval "$env_line"
  # CTest runs `python3`: make it the one setup.sh found with boto3.
  if [ "$(command -v python3 || true)" != "$AMPLIFY_TEST_PYTHON" ]; then
    mkdir -p "$BUILD_DIR/test-python"
    ln -sf "$AMPLIFY_TEST_PYTHON" "$BUILD_DIR/test-python/python3"
    export PATH="$BUILD_DIR/test-python:$PATH"
  fi
}

configure() {
  local generator=()
  [ -f "$BUILD_DIR/CMakeCache.txt" ] || generator=(-G Ninja)
  cmake -S "$ROOT" -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
}

cmd="${1:-}"
if [ $# -gt 0 ]; then shift; fi
case "$cmd" in
  serve)
    setup
    configure
    cmake --build "$BUILD_DIR" -j "$JOBS" --target amplifybackend-server
    cd "$ROOT"
    exec "$BUILD_DIR/amplifybackend-server" serve "$@"
    ;;
  test)
    [ $# -eq 0 ] || usage
    setup
    configure -DAMPLIFY_WERROR=ON -DAMPLIFY_INTEGRATION_TESTS=ON
    cmake --build "$BUILD_DIR" -j "$JOBS"
    # The PostgreSQL suites run, never skip: a fresh throwaway cluster unless given a URL.
    if [ -z "${AMPLIFYBACKEND_TEST_DATABASE_URL:-}" ]; then
      "$ROOT/tools/pg.sh" destroy "$BUILD_DIR/pg"
      trap '"$ROOT/tools/pg.sh" destroy "$BUILD_DIR/pg"' EXIT
      trap 'exit 130' INT TERM
      AMPLIFYBACKEND_TEST_DATABASE_URL="$("$ROOT/tools/pg.sh" start "$BUILD_DIR/pg")"
    fi
    export AMPLIFYBACKEND_TEST_DATABASE_URL AMPLIFY_REQUIRE_POSTGRES=1
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
    ;;
  cluster)
    setup
    configure
    cmake --build "$BUILD_DIR" -j "$JOBS" --target amplifybackend-server
    cd "$ROOT"
    exec "$ROOT/tools/cluster.sh" "$BUILD_DIR/amplifybackend-server" "$@"
    ;;
  *)
    usage
    ;;
esac
