#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang, ASan + UBSan, -DAMPLIFY_FUZZ=ON) and runs each one
# from a copy of its committed seed corpus, fuzz/corpus/<name>/: what a run finds stays in the copy,
# never in the repository. Prints the executions and exec/s of every target.
#   tools/fuzz.sh [name...]                    each target (default: all) for FUZZ_SECONDS (60)
#   FUZZ_RUNS=10000000 tools/fuzz.sh [name...]  each target for that many executions instead
# Names are file names of fuzz/ without "_fuzz.cpp": http_request, router, json_request, ...
# Exits non-zero when a target crashes; its log and crashing input stay in the work dir printed.
# Environment: AMPLIFY_FUZZ_BUILD_DIR (default build-fuzz), AMPLIFY_JOBS (default 2),
# FUZZ_WORK_DIR (default: a new temp dir, removed when every target passed).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${AMPLIFY_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR="$PWD/$BUILD_DIR" ;; esac
JOBS="${AMPLIFY_JOBS:-2}"
SECONDS_EACH="${FUZZ_SECONDS:-60}"
RUNS="${FUZZ_RUNS:-}"
log() { echo "fuzz: $*" >&2; }
# The ASan + UBSan settings of .ci/run's ASan step, so a local run finds what CI would.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# Debian 12's clang 14; libFuzzer ships in libclang-rt-14-dev. apt-get runs only when something
# is missing.
install_clang() {
  local missing=()
  command -v clang++-14 >/dev/null 2>&1 || missing+=(clang-14)
  dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q 'install ok installed' ||
    missing+=(libclang-rt-14-dev)
  [ "${#missing[@]}" -gt 0 ] || return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  log "installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >&2
}

build() {
  local generator=()
  [ -f "$BUILD_DIR/CMakeCache.txt" ] || generator=(-G Ninja)
  # -O1 and line tables only, as libFuzzer's docs suggest: quicker to build, enough for stacks.
  # NDEBUG as in the server's builds: Beast 1.81 has a BOOST_ASSERT that a final chunk arriving
  # in pieces breaks although the code after it copes (fixed upstream, boostorg/beast#2861).
  CC=clang-14 CXX=clang++-14 cmake -S "$ROOT" -B "$BUILD_DIR" "${generator[@]}" \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O1 -gline-tables-only -DNDEBUG" \
    -DAMPLIFY_FUZZ=ON -DAMPLIFY_INTEGRATION_TESTS=OFF >/dev/null
  local targets=()
  for name in "$@"; do targets+=("${name}_fuzz"); done
  cmake --build "$BUILD_DIR" -j "$JOBS" --target "${targets[@]}"
}

# Runs one target; prints "name executions exec/s"; returns libFuzzer's status.
run_one() {
  local name="$1" dir="$WORK_DIR/$1"
  mkdir -p "$dir/corpus" "$dir/crashes"
  [ ! -d "$ROOT/fuzz/corpus/$name" ] || cp "$ROOT/fuzz/corpus/$name/"* "$dir/corpus/"
  case "$name" in
    # The schema targets start from the whole modelgen corpus, valid and invalid schemas.
    graphql_sdl | codegen_models)
      find "$ROOT/tests/corpus/modelgen" -name '*.graphql' -exec cp -t "$dir/corpus/" {} + ;;
  esac
  local limit=(-max_total_time="$SECONDS_EACH")
  [ -z "$RUNS" ] || limit=(-runs="$RUNS")
  local status=0
  "$BUILD_DIR/fuzz/${name}_fuzz" "${limit[@]}" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$dir/crashes/" "$dir/corpus" >"$dir/log" 2>&1 || status=$?
  local execs rate
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log")"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log")"
  printf '%-16s %12s execs %8s exec/s  %s\n' "$name" "${execs:-?}" "${rate:-?}" \
    "$([ "$status" -eq 0 ] && echo ok || echo "CRASH (status $status)")"
  return "$status"
}

names=("$@")
if [ "${#names[@]}" -eq 0 ]; then
  for src in "$ROOT"/fuzz/*_fuzz.cpp; do
    name="$(basename "$src" .cpp)"
    names+=("${name%_fuzz}")
  done
fi

install_clang
build "${names[@]}"
WORK_DIR="${FUZZ_WORK_DIR:-$(mktemp -d -t amplify-fuzz.XXXXXX)}"
failed=()
for name in "${names[@]}"; do
  run_one "$name" || failed+=("$name")
done
if [ "${#failed[@]}" -gt 0 ]; then
  for name in "${failed[@]}"; do
    log "$name crashed; last lines of $WORK_DIR/$name/log:"
    tail -n 40 "$WORK_DIR/$name/log" >&2
    log "crashing input(s): $(ls "$WORK_DIR/$name/crashes/" | sed "s|^|$WORK_DIR/$name/crashes/|")"
  done
  exit 1
fi
[ -n "${FUZZ_WORK_DIR:-}" ] || rm -rf "$WORK_DIR"
