#!/usr/bin/env bash
# Benchmarks of the whole service as processes on loopback; prints a table of figures per scenario
# and writes them as JSON to artifacts/bench/<timestamp>.json. It prints, it does not assert timings;
# it exits non-zero only when a scenario could not run.
#
#   ./bench.sh            full run
#   ./bench.sh --quick    every scenario briefly
#
# Starts the private MariaDB of scripts/mariadb.sh (each scenario creates and drops its own database
# on it) unless DATABASE_URL names a server to use instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

scripts/install-prerequisites.sh

started_db=false
if [ -z "${DATABASE_URL:-}" ] && ! scripts/mariadb.sh status >/dev/null 2>&1; then
  started_db=true
fi
scripts/mariadb.sh start
cleanup() { if $started_db; then scripts/mariadb.sh stop; fi; }
trap cleanup EXIT

export TEST_DATABASE_URL="${DATABASE_URL:-$(scripts/mariadb.sh url)}"
unset DATABASE_URL C360REQ_DATABASE_URL IDEOGRAM_API_KEY SIRV_CLIENT_ID SIRV_CLIENT_SECRET

dotnet build tests/IdeogramJobs.Benchmarks/IdeogramJobs.Benchmarks.csproj -c Release -nologo -clp:ErrorsOnly
dotnet tests/IdeogramJobs.Benchmarks/bin/Release/net10.0/IdeogramJobs.Benchmarks.dll "$@"
