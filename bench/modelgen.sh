#!/usr/bin/env bash
# Model codegen speed: amplify-modelgen next to Amplify's own codegen (tools/modelgen-reference,
# node), measured in the same run on the same machine, on the valid fidelity corpus and on a
# 200-model schema (bench/gen_200_models.py). Prints microseconds per generation (both strings),
# the ratio reference/ours, and PASS/FAIL against the 50x target on the 200-model schema.
#   BUILD_DIR=build bench/modelgen.sh
#   REF_REPEAT=3 REF_REPEAT_LARGE=3 OURS_REPEAT=200 OURS_REPEAT_LARGE=50 MODELGEN_BIN=... to override
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR=${BUILD_DIR:-build}
MODELGEN_BIN=${MODELGEN_BIN:-$BUILD_DIR/tools/modelgen/amplify-modelgen}
REF_DIR=${REF_DIR:-$ROOT/tools/modelgen-reference}
CORPUS=${CORPUS:-$ROOT/tests/corpus/modelgen}
REF_REPEAT=${REF_REPEAT:-3}
REF_REPEAT_LARGE=${REF_REPEAT_LARGE:-3}
OURS_REPEAT=${OURS_REPEAT:-200}
OURS_REPEAT_LARGE=${OURS_REPEAT_LARGE:-50}
TARGET_RATIO=50

die() { echo "bench/modelgen.sh: $*" >&2; exit 2; }
command -v node >/dev/null || die "node not found (tools/setup.sh installs it)"
[[ -d $REF_DIR/node_modules/@aws-amplify/graphql-generator ]] ||
  die "$REF_DIR/node_modules is missing: run tools/setup.sh (or npm ci in $REF_DIR)"
HAVE_OURS=0
if [[ -x $MODELGEN_BIN ]]; then
  HAVE_OURS=1
else
  echo "bench/modelgen.sh: no amplify-modelgen at $MODELGEN_BIN (set BUILD_DIR or MODELGEN_BIN); measuring the reference only" >&2
fi

WORK=$(mktemp -d -t amplify-modelgen-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

LARGE="$WORK/bench_200_models.graphql"
python3 "$ROOT/bench/gen_200_models.py" "$LARGE"
shopt -s nullglob
CORPUS_SCHEMAS=("$CORPUS"/*.graphql)
(( ${#CORPUS_SCHEMAS[@]} > 0 )) || die "no schema in $CORPUS"

# Runs one generator with --repeat; its stdout ("name micros" lines) goes to a file.
measure() {  # label outfile outdir repeat command...
  local label=$1 outfile=$2 outdir=$3 repeat=$4
  shift 4
  echo "== $label: --repeat $repeat" >&2
  mkdir -p "$outdir"
  "$@" --out-dir "$outdir" --repeat "$repeat" > "$outfile"
}

measure "reference, corpus" "$WORK/ref_corpus.txt" "$WORK/ref_corpus" "$REF_REPEAT" \
  node "$REF_DIR/generate.js" "${CORPUS_SCHEMAS[@]}"
measure "reference, 200 models" "$WORK/ref_large.txt" "$WORK/ref_large" "$REF_REPEAT_LARGE" \
  node "$REF_DIR/generate.js" "$LARGE"
if (( HAVE_OURS )); then
  measure "amplify-modelgen, corpus" "$WORK/ours_corpus.txt" "$WORK/ours_corpus" "$OURS_REPEAT" \
    "$MODELGEN_BIN" "${CORPUS_SCHEMAS[@]}"
  measure "amplify-modelgen, 200 models" "$WORK/ours_large.txt" "$WORK/ours_large" \
    "$OURS_REPEAT_LARGE" "$MODELGEN_BIN" "$LARGE"
else
  : > "$WORK/ours_corpus.txt"
  : > "$WORK/ours_large.txt"
fi

# Sums the per-schema means of the schemas both sides generated (a name with a number on both).
# Prints: count reference_sum ours_sum
sum_common() {  # ref_file ours_file
  awk 'NR == FNR { if ($2 ~ /^[0-9.]+$/) ref[$1] = $2; next }
       $2 ~ /^[0-9.]+$/ && ($1 in ref) { n++; r += ref[$1]; o += $2 }
       END { printf "%d %.1f %.1f\n", n, r, o }' "$1" "$2"
}
read -r CORPUS_N CORPUS_REF CORPUS_OURS < <(sum_common "$WORK/ref_corpus.txt" "$WORK/ours_corpus.txt")
CORPUS_REF_ALL=$(awk '$2 ~ /^[0-9.]+$/ { n++; r += $2 } END { printf "%d %.1f", n, r }' "$WORK/ref_corpus.txt")
LARGE_REF=$(awk '{ print $2 }' "$WORK/ref_large.txt")
LARGE_OURS=$(awk '$2 ~ /^[0-9.]+$/ { print $2 }' "$WORK/ours_large.txt")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }

LARGE_IDENTICAL=no
if (( HAVE_OURS )) && cmp -s "$WORK/ref_large/bench_200_models.models" "$WORK/ours_large/bench_200_models.models" &&
   cmp -s "$WORK/ref_large/bench_200_models.introspection.json" "$WORK/ours_large/bench_200_models.introspection.json"; then
  LARGE_IDENTICAL=yes
fi
VERDICT="n/a (no amplify-modelgen)"
if (( HAVE_OURS )); then
  if [[ -z $LARGE_OURS ]]; then
    VERDICT="FAIL (amplify-modelgen rejected the schema)"
  elif awk -v a="$LARGE_REF" -v b="$LARGE_OURS" -v t="$TARGET_RATIO" 'BEGIN { exit !(a >= t * b) }'; then
    VERDICT=PASS
    [[ $LARGE_IDENTICAL == yes ]] || VERDICT="FAIL (fast enough, but the output differs from the reference)"
  else
    VERDICT=FAIL
  fi
fi

echo
echo "amplify-modelgen vs Amplify's codegen (node $(node --version)) — same run, $(nproc) cores; microseconds per generation of both strings"
printf '%-36s %14s %12s %9s  %s\n' case "reference µs" "ours µs" ratio target
if (( HAVE_OURS )); then
  printf '%-36s %14s %12s %9s  %s\n' "valid corpus, sum of $CORPUS_N schemas" "$CORPUS_REF" "$CORPUS_OURS" \
    "$(ratio "$CORPUS_REF" "$CORPUS_OURS")" "-"
  printf '%-36s %14s %12s %9s  %s\n' "200-model schema" "$LARGE_REF" "${LARGE_OURS:--}" \
    "$(ratio "$LARGE_REF" "${LARGE_OURS:-0}")" ">= ${TARGET_RATIO}x: $VERDICT"
  echo "200-model outputs byte-identical to the reference: $LARGE_IDENTICAL"
else
  read -r n total <<< "$CORPUS_REF_ALL"
  printf '%-36s %14s %12s %9s  %s\n' "valid corpus, sum of $n schemas" "$total" - - -
  printf '%-36s %14s %12s %9s  %s\n' "200-model schema" "$LARGE_REF" - - "$VERDICT"
fi
[[ $VERDICT != FAIL* ]]
