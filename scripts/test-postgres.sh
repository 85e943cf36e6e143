#!/usr/bin/env bash
# A throwaway PostgreSQL server for the database tests, in .app-center/test-postgres, on loopback only.
# `start` prints the environment variable Backstage's TestDatabases reads; `stop` ends it and removes it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/.app-center/test-postgres"
PORT="${APP_CENTER_TEST_PG_PORT:-54329}"
BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
MAJOR="$(basename "$(dirname "$BIN")")"
# As root, initdb and postgres run as the postgres account, which must reach the data folder: a clone inside a
# private folder (mktemp -d makes them 0700) is out of its reach, so the data then lives in the shared temp folder.
if [ "$(id -u)" = 0 ] && ! (cd / && runuser -u postgres -- test -x "$ROOT"); then
  DIR="/var/tmp/app-center-test-postgres-$PORT"
fi

as_owner() {
  # initdb and postgres refuse to run as root: use the postgres account when we are root.
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

case "${1:-start}" in
  start)
    if [ -f "$DIR/data/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
      :
    else
      # Something else already listens there (another make test on this machine, a local PostgreSQL):
      # say so, instead of leaving initdb and pg_ctl to fail without naming the port.
      if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        echo "test-postgres: port $PORT is already in use (another make test on this machine?);" \
          "set APP_CENTER_TEST_PG_PORT to a free port" >&2
        exit 1
      fi
      rm -rf "$DIR" && mkdir -p "$DIR"
      [ "$(id -u)" = 0 ] && chown postgres "$DIR"
      as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
      as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
    fi
    echo "BACKSTAGE_TEST_DATABASE_POSTGRES${MAJOR}_CONNECTION_STRING=postgresql://postgres@127.0.0.1:$PORT"
    ;;
  stop)
    [ -d "$DIR/data" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
