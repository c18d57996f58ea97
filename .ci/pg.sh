#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL on 127.0.0.1:$PG_PORT (default 55432) for the
# test suite. Usage: .ci/pg.sh start|stop. initdb refuses root, so it runs as postgres.
set -euo pipefail
PG_PORT="${PG_PORT:-55432}"
DIR="${PG_SCRATCH:-/tmp/kinnect-pg-$PG_PORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
as_pg() { if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

case "${1:-}" in
  start)
    mkdir -p "$DIR"
    [ "$(id -u)" = "0" ] && chown postgres "$DIR"
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      as_pg "$BIN/initdb -D $DIR/data -U postgres --auth=trust -E UTF8 --no-locale >/dev/null"
    fi
    as_pg "$BIN/pg_ctl -D $DIR/data -l $DIR/log -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k $DIR -c fsync=off\" -w start >/dev/null"
    as_pg "$BIN/createdb -h 127.0.0.1 -p $PG_PORT -U postgres ${PG_DB_NAME:-kinnect_test}" 2>/dev/null || true
    echo "PostgreSQL listening on 127.0.0.1:$PG_PORT"
    ;;
  stop)
    as_pg "$BIN/pg_ctl -D $DIR/data -m fast -w stop >/dev/null" || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
