#!/usr/bin/env bash
# Builds Maillage and runs every test project against a throw-away PostgreSQL and headless Chromium.
#   ./test.sh [extra dotnet test args, e.g. --filter FullyQualifiedName~Foo]
# Exit code: 0 = all green; 1 = a test project failed or no test ran; other = setup/build failure.
# Test results (trx) land in $TEST_RESULTS_DIR (default: ./TestResults).
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export MAILLAGE_CHROMIUM=/usr/bin/chromium
[ -z "${CI:-}" ] || export CI   # the tests fail instead of skipping when CI=true
results=${TEST_RESULTS_DIR:-$PWD/TestResults}

# --- System packages (installed only when missing) ---------------------------------------
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else echo "test.sh: need root (or sudo) to run: $*" >&2; exit 2; fi
}
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    command -v apt-get >/dev/null || { echo "test.sh: apt-get not found; install ${missing[*]} by hand" >&2; exit 2; }
    # A temporary policy-rc.d (exit 101 = "don't start services") stops the postgresql
    # package from starting its own cluster on port 5432 and leaving it running.
    policy=
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        as_root sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
        policy=1
    fi
    rc=0
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" || rc=$?
    [ -z "$policy" ] || as_root rm -f /usr/sbin/policy-rc.d
    [ "$rc" -eq 0 ] || { echo "test.sh: apt-get failed ($rc)" >&2; exit 2; }
fi
command -v dotnet >/dev/null || { echo "test.sh: dotnet (SDK 10) not found" >&2; exit 2; }

# --- Build --------------------------------------------------------------------------------
dotnet build Maillage.slnx -c Release || { echo "test.sh: build failed" >&2; exit 2; }

# --- Throw-away PostgreSQL, stopped on any exit (failure and Ctrl-C included) -------------
PG_THROWAWAY_DIR=$(mktemp -d /tmp/maillage-pg.XXXXXX)
trap 'scripts/pg-throwaway.sh stop "$PG_THROWAWAY_DIR" || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
eval "$(scripts/pg-throwaway.sh start "$PG_THROWAWAY_DIR")"   # exports MAILLAGE_TEST_POSTGRES
echo "test.sh: MAILLAGE_TEST_POSTGRES=$MAILLAGE_TEST_POSTGRES"

# --- Tests: every project runs, even after a failure ---------------------------------------
projects=()
for name in Maillage.Tests Maillage.IntegrationTests Maillage.BrowserTests; do
    [ -f "tests/$name/$name.csproj" ] && projects+=("tests/$name/$name.csproj")
done
for p in tests/*/*.csproj; do   # any other test project, after the known ones
    [ -f "$p" ] && [[ " ${projects[*]} " != *" $p "* ]] && projects+=("$p")
done
[ ${#projects[@]} -gt 0 ] || { echo "test.sh: no tests/*/*.csproj found" >&2; exit 1; }

mkdir -p "$results"
count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters" | grep . || echo 0; }   # trx <Counters> attribute
failed_projects=0 sum_executed=0 sum_passed=0 sum_failed=0 sum_skipped=0 summary=()
for p in "${projects[@]}"; do
    name=$(basename "$p" .csproj)
    trx="$results/$name.trx"
    rm -f "$trx"   # never count a stale result
    echo; echo "=== $name ==="
    rc=0
    dotnet test "$p" --no-build -c Release --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || rc=$?

    counters=$(grep -o '<Counters [^>]*>' "$trx" 2>/dev/null | head -n 1 || true)
    total=$(count total) executed=$(count executed) passed=$(count passed)
    failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
    skipped=$(( total - executed ))
    [ -n "$counters" ] || [ "$rc" -ne 0 ] || rc=1   # no trx: the run crashed
    status=ok
    if [ "$rc" -ne 0 ]; then
        failed_projects=$((failed_projects + 1)) status="FAILED (exit $rc)"
        [ -n "$counters" ] || status="$status, no trx"
    fi
    sum_executed=$((sum_executed + executed)) sum_passed=$((sum_passed + passed))
    sum_failed=$((sum_failed + failed)) sum_skipped=$((sum_skipped + skipped))
    summary+=("$(printf '  %-28s passed=%-5s failed=%-5s skipped=%-5s %s' "$name" "$passed" "$failed" "$skipped" "$status")")
done

echo; echo "=== Summary (trx files in $results) ==="
printf '%s\n' "${summary[@]}"
echo "$sum_passed passed, $sum_failed failed, $sum_skipped skipped"
if [ "$failed_projects" -gt 0 ]; then exit 1; fi
if [ "$sum_executed" -eq 0 ]; then echo "test.sh: no test ran" >&2; exit 1; fi
