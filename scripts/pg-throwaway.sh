#!/usr/bin/env bash
# Throw-away PostgreSQL cluster for tests: fresh data dir, 127.0.0.1 only, trust auth,
# durability off (fast, not crash-safe - never use for real data).
#
#   eval "$(scripts/pg-throwaway.sh start [DIR])"   # exports PG_THROWAWAY_DIR, MAILLAGE_TEST_POSTGRES
#   scripts/pg-throwaway.sh stop [DIR]              # DIR defaults to $PG_THROWAWAY_DIR
#
# DIR (optional, must be empty) lets the caller install its cleanup trap before starting.
# Progress/errors go to stderr; stdout carries only the export lines.
set -euo pipefail

die() { echo "pg-throwaway: $*" >&2; exit 1; }

# Newest installed version (sort -V so that 9.6 < 15 < 16).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# True if something already accepts connections on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
    [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || die "no initdb under /usr/lib/postgresql/*/bin (apt-get install postgresql)"
    local dir=${1:-}
    if [ -n "$dir" ]; then
        [ -d "$dir" ] && [ -z "$(ls -A "$dir")" ] || die "$dir must be an existing empty directory"
    else
        dir=$(mktemp -d /tmp/pg-throwaway.XXXXXX)
    fi
    dir=$(cd "$dir" && pwd)
    touch "$dir/.pg-throwaway"   # marker: stop only deletes directories carrying it
    # On any failure below, remove what was created (a started server included).
    failed_dir=$dir
    trap '[ -z "$failed_dir" ] || stop "$failed_dir" >/dev/null 2>&1 || true' EXIT

    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 ||
            useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
        chown -R postgres:postgres "$dir"
    fi
    cd "$dir"   # postgres must be able to access its working directory

    as_pg "$pg_bin/initdb" -D "$dir/data" --auth=trust --username=postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF

    # Take the first free port from 55432 up; retry if we lose a race for it.
    local port started=
    for port in $(seq 55432 55531); do
        port_in_use "$port" && continue
        if as_pg "$pg_bin/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 >/dev/null; then
            started=1; break
        fi
    done
    [ -n "$started" ] || { tail -n 20 "$dir/server.log" >&2 || true; die "could not start PostgreSQL"; }
    failed_dir=

    echo "pg-throwaway: PostgreSQL $(basename "$(dirname "$pg_bin")") on 127.0.0.1:$port, data in $dir" >&2
    printf "export PG_THROWAWAY_DIR='%s'\n" "$dir"
    printf "export MAILLAGE_TEST_POSTGRES='Host=127.0.0.1;Port=%s;Username=postgres;Database=postgres'\n" "$port"
}

stop() {
    local dir=${1:-${PG_THROWAWAY_DIR:-}}
    [ -n "$dir" ] || die "stop: no directory given and PG_THROWAWAY_DIR is unset"
    [ -d "$dir" ] || return 0
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_pg "$pg_bin/pg_ctl" stop -D "$dir/data" -m immediate -w >/dev/null 2>&1 || true
        # Belt and braces: if the postmaster survived, kill it.
        local pid; pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" || true; sleep 0.5; fi
    fi
    if [ -f "$dir/.pg-throwaway" ] || [ -z "$(ls -A "$dir")" ]; then
        rm -rf "$dir"
    else
        die "stop: $dir was not created by pg-throwaway, not deleting it"
    fi
}

case "${1:-}" in
    start) start "${2:-}" ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: $0 start [DIR] | stop [DIR]" >&2; exit 2 ;;
esac
