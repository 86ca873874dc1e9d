#!/usr/bin/env bash
# Installs what building and testing amplifybackend-server needs on Debian 12. Idempotent: checks
# first, installs only what is missing (as root, else through sudo), runs `apt-get update` only
# when something is missing.
#
# Progress goes to stderr. stdout carries one line for tools/dev.sh to eval:
#   export AMPLIFY_TEST_PYTHON=/path/to/python3     (a python3 that can import boto3)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { echo "setup: $*" >&2; }
die() { echo "setup: error: $*" >&2; exit 1; }

APT_PACKAGES=(build-essential cmake ninja-build pkg-config libboost1.81-dev libboost-json1.81-dev
              libsqlite3-dev libssl-dev libcli11-dev libspdlog-dev libfmt-dev libgtest-dev
              libgmock-dev libbenchmark-dev libjemalloc-dev python3 nodejs npm
              libpq-dev postgresql-15 haproxy  # the PostgreSQL store, its tests, dev.sh cluster
              chromium)  # the admin console's end-to-end tests (console/e2e, puppeteer-core)

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  SUDO=(false)  # only fails if something actually has to be installed
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# A package is satisfied when dpkg has it, or (node, npm) when the command is already on PATH:
# NodeSource's nodejs bundles npm and conflicts with Debian's npm package.
satisfied() {
  case "$1" in
    nodejs) command -v node >/dev/null 2>&1 || installed nodejs ;;
    npm) command -v npm >/dev/null 2>&1 || installed npm ;;
    *) installed "$1" ;;
  esac
}

APT_UPDATED=0
apt_install() {
  [ "${SUDO[0]:-}" != false ] || die "not root and no sudo: install $* yourself"
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    "${SUDO[@]}" apt-get update -qq >&2
    APT_UPDATED=1
  fi
  log "installing $*"
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$@" >&2
}

command -v dpkg-query >/dev/null 2>&1 || die "this script expects Debian 12 (no dpkg-query)"

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  satisfied "$pkg" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt_install "${missing[@]}"
else
  log "Debian packages: all present"
fi

# The integration suites need boto3 and the AWS CLI. Prefer the python3 on PATH (CTest runs
# `python3`); if it lacks boto3, Debian's python3-boto3 gives /usr/bin/python3 one.
has_boto3() { "$1" -c 'import boto3' >/dev/null 2>&1; }
TEST_PYTHON="$(command -v python3 || true)"
if [ -z "$TEST_PYTHON" ] || ! has_boto3 "$TEST_PYTHON"; then
  if ! has_boto3 /usr/bin/python3; then
    apt_install python3-boto3
  fi
  TEST_PYTHON=/usr/bin/python3
  has_boto3 "$TEST_PYTHON" || die "python3-boto3 is installed but /usr/bin/python3 cannot import boto3"
fi
if ! command -v aws >/dev/null 2>&1; then
  apt_install awscli
fi
log "tests use $TEST_PYTHON ($("$TEST_PYTHON" -c 'import boto3; print("boto3", boto3.__version__)'))"

# The JS SDK v3 suite: pinned by tests/integration/js/package-lock.json.
JS_DIR="$ROOT/tests/integration/js"
if [ -f "$JS_DIR/package-lock.json" ] && [ ! -d "$JS_DIR/node_modules/@aws-sdk/client-amplifybackend" ]; then
  log "npm ci in tests/integration/js"
  (cd "$JS_DIR" && npm ci --no-audit --no-fund >&2)
fi

# The admin console's test tooling (puppeteer-core drives Debian's chromium; axe-core): pinned by
# console/package-lock.json.
CONSOLE_DIR="$ROOT/console"
if [ -f "$CONSOLE_DIR/package-lock.json" ] && [ ! -d "$CONSOLE_DIR/node_modules/puppeteer-core" ]; then
  log "npm ci in console"
  (cd "$CONSOLE_DIR" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund >&2)
fi

# Amplify's own model codegen, the reference of the modelgen fidelity test and benchmark: pinned by
# tools/modelgen-reference/package-lock.json.
MODELGEN_REF_DIR="$ROOT/tools/modelgen-reference"
if [ -f "$MODELGEN_REF_DIR/package-lock.json" ] && [ ! -d "$MODELGEN_REF_DIR/node_modules/@aws-amplify/graphql-generator" ]; then
  log "npm ci in tools/modelgen-reference"
  (cd "$MODELGEN_REF_DIR" && npm ci --no-audit --no-fund >&2)
fi

echo "export AMPLIFY_TEST_PYTHON=$TEST_PYTHON"
