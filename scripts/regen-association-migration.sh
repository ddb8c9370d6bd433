#!/usr/bin/env bash
# Regenerates the "Association" migration (both engines) from the current model, while issue 3 is under way.
# Serialised with flock so that parallel sessions do not interleave. Usage: scripts/regen-association-migration.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/maillage-migration.lock
flock 9
base=4f91590   # the commit whose snapshot ends at the Membership migration
for p in Sqlite Postgres; do
  dir=src/Maillage.Migrations.$p/Migrations
  rm -f "$dir"/*_Association.cs "$dir"/*_Association.Designer.cs
  git show "$base:$dir/MaillageDbContextModelSnapshot.cs" > "$dir/MaillageDbContextModelSnapshot.cs"
  dotnet build "src/Maillage.Migrations.$p" -v q -nologo | grep -E " error |rror\(s\)" || true
  dotnet ef migrations add Association --no-build --project "src/Maillage.Migrations.$p" \
    --startup-project "src/Maillage.Migrations.$p" --output-dir Migrations
done
