#!/usr/bin/env bash
# Benchmarks of the whole service as processes on loopback; prints a table of figures per scenario
# and writes them as JSON to artifacts/bench/<timestamp>.json. It prints, it does not assert timings;
# it exits non-zero only when a scenario could not run. Scenario 12 runs each silo and the API in a
# network namespace of its own (root and iproute2; it reports itself skipped without them).
#
#   ./bench.sh            full run
#   ./bench.sh --quick    every scenario briefly
#
# Starts the private MariaDB of scripts/mariadb.sh (each scenario creates and drops its own database
# on it) unless DATABASE_URL names a server to use instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

scripts/install-prerequisites.sh

# shellcheck source=scripts/test-database.sh
source scripts/test-database.sh

dotnet build tests/IdeogramJobs.Benchmarks/IdeogramJobs.Benchmarks.csproj -c Release -nologo -clp:ErrorsOnly
dotnet tests/IdeogramJobs.Benchmarks/bin/Release/net10.0/IdeogramJobs.Benchmarks.dll "$@"
