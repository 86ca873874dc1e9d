#!/usr/bin/env bash
# A throwaway PostgreSQL for development and tests (docs/DESIGN §6: --database-url).
#   tools/pg.sh start DIR [PORT]   initdb DIR if new, start it, create database `amplifybackend`;
#                                  prints one line on stdout: postgresql://USER@127.0.0.1:PORT/amplifybackend
#   tools/pg.sh stop DIR           fast shutdown (no error when it is not running)
#   tools/pg.sh restart DIR [SECS] stop, stay down SECS seconds (default 0), start on the same port
#   tools/pg.sh url DIR            print the URL again
#   tools/pg.sh destroy DIR        stop and delete DIR (and its /tmp home, see below)
# Trust auth on 127.0.0.1 and on a unix socket dir inside DIR; fsync=on, synchronous_commit=on
# (the server's durability claims are measured against these), max_connections=300.
# PostgreSQL refuses to run as root: as root it runs as the `postgres` user (created as
# `amplifypg` when absent) through runuser, and when that user cannot reach DIR (a parent like
# /root is 0700) or DIR is too long for a socket path, the cluster lives in a /tmp dir that
# DIR/home links to. Everything but the URL goes to stderr.
# Environment: PG_BINDIR (default: PostgreSQL 15's, else the newest installed).
set -euo pipefail

log() { echo "pg.sh: $*" >&2; }
die() { echo "pg.sh: error: $*" >&2; exit 1; }
usage() { sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[ $# -ge 2 ] || usage
CMD=$1
mkdir -p "$2"
DIR=$(cd "$2" && pwd)

if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi

find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then echo "$PG_BINDIR"; return; fi
  if [ -x /usr/lib/postgresql/15/bin/postgres ]; then echo /usr/lib/postgresql/15/bin; return; fi
  local newest
  newest=$(find /usr/lib/postgresql -maxdepth 3 -path '*/bin/postgres' 2>/dev/null | sort -V | tail -1)
  [ -z "$newest" ] || dirname "$newest"
}
BINDIR=$(find_bindir)
if [ -z "$BINDIR" ] || [ ! -x "$BINDIR/postgres" ]; then
  [ "$CMD" = start ] || die "PostgreSQL is not installed"
  if [ "${#SUDO[@]}" -gt 0 ] && ! command -v sudo >/dev/null 2>&1; then
    die "PostgreSQL is not installed; not root and no sudo: apt-get install postgresql-15"
  fi
  log "installing postgresql-15"
  "${SUDO[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends \
    postgresql-15 >&2
  BINDIR=$(find_bindir)
fi

# The unprivileged user PostgreSQL runs as, and how to run a command as that user.
if [ "$(id -u)" -eq 0 ]; then
  if id postgres >/dev/null 2>&1; then
    PGUSER_NAME=postgres
  else
    PGUSER_NAME=amplifypg
    id "$PGUSER_NAME" >/dev/null 2>&1 ||
      useradd --system --no-create-home --shell /usr/sbin/nologin "$PGUSER_NAME"
  fi
  as_pg() { (cd / && runuser -u "$PGUSER_NAME" -- "$@"); }
else
  PGUSER_NAME=$(id -un)
  as_pg() { "$@"; }
fi

# PGHOME holds data/, sock/, log and port: DIR itself, or the /tmp dir DIR/home links to.
resolve_home() {
  if [ -L "$DIR/home" ]; then
    PGHOME=$(readlink "$DIR/home")
    return
  fi
  PGHOME=$DIR
  [ "$(id -u)" -eq 0 ] && chown "$PGUSER_NAME" "$DIR"
  # A socket path is at most 107 bytes: $DIR/sock/.s.PGSQL.65535 must fit.
  if [ ${#DIR} -le 80 ] && as_pg test -w "$DIR" -a -x "$DIR"; then return; fi
  [ "$CMD" = start ] || return 0
  PGHOME=$(mktemp -d /tmp/amplify-pg.XXXXXX)
  chmod 700 "$PGHOME"
  [ "$(id -u)" -eq 0 ] && chown "$PGUSER_NAME" "$PGHOME"
  ln -s "$PGHOME" "$DIR/home"
  log "$PGUSER_NAME cannot use $DIR (or it is too long for a socket path): cluster in $PGHOME"
}
resolve_home
DATA=$PGHOME/data
SOCK=$PGHOME/sock

pg_ctl() { as_pg "$BINDIR/pg_ctl" -D "$DATA" "$@"; }
running() { [ -f "$DATA/PG_VERSION" ] && pg_ctl status >/dev/null 2>&1; }
port() { cat "$PGHOME/port" 2>/dev/null; }
url() { echo "postgresql://$PGUSER_NAME@127.0.0.1:$(port)/amplifybackend"; }
psql_pg() { as_pg psql -X -q -h "$SOCK" -p "$(port)" -U "$PGUSER_NAME" "$@"; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

init_cluster() {
  [ -f "$DATA/PG_VERSION" ] && return 0
  log "initdb $DATA"
  as_pg mkdir -p "$DATA" "$SOCK"
  # --no-sync: a crash right after initdb only loses a throwaway cluster; it saves seconds.
  as_pg "$BINDIR/initdb" -D "$DATA" -U "$PGUSER_NAME" --auth=trust --encoding=UTF8 --locale=C \
    --no-sync >/dev/null
  as_pg tee -a "$DATA/postgresql.conf" >/dev/null <<CONF
# tools/pg.sh: durable commits are the point; the port lives in amplify-port.conf
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCK'
fsync = on
synchronous_commit = on
full_page_writes = on
max_connections = 300
shared_buffers = 128MB
logging_collector = off
include_if_exists = 'amplify-port.conf'
CONF
}

set_port() {
  echo "$1" > "$PGHOME/port.tmp" && mv "$PGHOME/port.tmp" "$PGHOME/port"
  echo "port = $1" | as_pg tee "$DATA/amplify-port.conf" >/dev/null
}

start_server() {
  # -t 60: a crash-recovery start after kill -9 can take longer than a clean one.
  pg_ctl -l "$PGHOME/log" -w -t 60 start >/dev/null
}

cmd_start() {
  local wanted=${1:-} tries=0
  init_cluster
  if running; then
    [ -z "$wanted" ] || [ "$wanted" = "$(port)" ] || die "already running on port $(port), not $wanted"
  else
    # A picked port can be taken before PostgreSQL binds it: pick again (only if we picked it).
    while true; do
      tries=$((tries + 1))
      if [ -n "$wanted" ]; then set_port "$wanted"; elif [ -z "$(port)" ] || [ $tries -gt 1 ]; then
        set_port "$(free_port)"
      fi
      if start_server; then break; fi
      if [ -n "$wanted" ] || [ $tries -ge 3 ]; then
        tail -20 "$PGHOME/log" >&2 || true
        die "PostgreSQL did not start (log: $PGHOME/log)"
      fi
      log "port $(port) failed, trying another"
    done
  fi
  if [ -z "$(psql_pg -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'amplifybackend'")" ]; then
    psql_pg -d postgres -c 'CREATE DATABASE amplifybackend' >&2
  fi
  log "running: data $DATA, socket dir $SOCK, log $PGHOME/log"
  url
}

cmd_stop() {
  if running; then pg_ctl -m fast -w -t 60 stop >/dev/null; log "stopped $DATA"; fi
}

case "$CMD" in
  start) [ $# -le 3 ] || usage; cmd_start "${3:-}" ;;
  stop) cmd_stop ;;
  restart)
    [ -f "$DATA/PG_VERSION" ] || die "no cluster in $DIR (tools/pg.sh start it first)"
    cmd_stop
    sleep "${3:-0}"
    start_server
    log "restarted on port $(port)"
    ;;
  url) [ -n "$(port)" ] || die "no cluster in $DIR"; url ;;
  destroy)
    cmd_stop
    [ "$PGHOME" = "$DIR" ] || rm -rf "$PGHOME"
    rm -rf "$DIR"
    ;;
  *) usage ;;
esac
