#!/usr/bin/env bash
# Regenerates the fixtures of the upgrade test (UpgradeFromPreviousSchema) from a commit: that commit's CLI seeds the demo on an
# empty SQLite file and on an empty PostgreSQL database (a throw-away cluster), then the DATA of every table but the reference
# geography and EF's migration history is dumped as INSERT statements, into <last migration>-demo.{sqlite,postgres}.sql here.
#
#   tests/Maillage.IntegrationTests/Platform/Upgrade/regenerate.sh [COMMIT]    # default HEAD
#
# Needs dotnet, python3 and PostgreSQL's binaries (initdb, pg_dump under /usr/lib/postgresql/*/bin). See README.md here.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse --verify "${1:-HEAD}^{commit}")
work=$(mktemp -d /tmp/maillage-fixtures.XXXXXX)
pg_dir=
cleanup() {
    [ -z "$pg_dir" ] || "$repo/scripts/pg-throwaway.sh" stop "$pg_dir" || true
    rm -rf "$work"
}
trap cleanup EXIT

# The commit's tree, outside any worktree of the repository.
mkdir "$work/src"
git -C "$repo" archive "$commit" | tar -x -C "$work/src"
migration=$(cd "$work/src/src/Maillage.Migrations.Sqlite/Migrations" && ls | grep -E '^[0-9]+_[A-Za-z0-9]+\.cs$' | sort | tail -n 1 | sed -E 's/^[0-9]+_//; s/\.cs$//')
name=$(echo "$migration" | tr '[:upper:]' '[:lower:]')-demo
echo "regenerate: commit $commit, last migration $migration -> $name.*.sql" >&2

dotnet build "$work/src/src/Maillage.Cli" -c Release -v quiet -nologo >&2
seed() { (cd "$work/src" && Maillage__Database="$1" dotnet run --no-build --project src/Maillage.Cli -c Release -- demo seed >/dev/null); }

# SQLite.
seed "sqlite:$work/demo.db"
python3 "$here/dump-sqlite.py" "$work/demo.db" >"$here/$name.sqlite.sql"

# PostgreSQL: a throw-away cluster with trust authentication on 127.0.0.1.
pg_dir=$(mktemp -d /tmp/pg-throwaway.XXXXXX)
eval "$("$repo/scripts/pg-throwaway.sh" start "$pg_dir")"
port=$(echo "$MAILLAGE_TEST_POSTGRES" | sed -E 's/.*Port=([0-9]+).*/\1/')
seed "Host=127.0.0.1;Port=$port;Username=postgres;Database=maillage_fixture"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
# Drops what plain SQL through Npgsql cannot or should not run: psql meta-commands (\restrict, \unrestrict) and the session SETs.
"$pg_bin/pg_dump" -h 127.0.0.1 -p "$port" -U postgres -d maillage_fixture \
    --data-only --inserts --column-inserts --no-owner --no-privileges \
    --exclude-table=terr_geo_units --exclude-table=terr_geo_vintages --exclude-table='"__EFMigrationsHistory"' |
    grep -v -E '^(\\|SET |SELECT pg_catalog\.set_config\()' >"$here/$name.postgres.sql"

ls -l "$here/$name".*.sql >&2
