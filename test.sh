#!/usr/bin/env bash
# Runs every test of the repository and exits non-zero when any fails.
# Starts the private MariaDB of scripts/mariadb.sh (each test fixture creates and drops its own
# database on it) unless DATABASE_URL names a server to use instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

scripts/install-prerequisites.sh

# shellcheck source=scripts/test-database.sh
source scripts/test-database.sh

# The web UI: its component tests, then the build the API serves (dotnet build copies it beside the API).
(cd api/ClientApp && npm ci --no-audit --no-fund && npm test && npm run build)

dotnet build IdeogramJobs.sln -c Release -nologo -clp:ErrorsOnly

# The house style of .editorconfig: fails when layout or code style drifts. `dotnet format IdeogramJobs.sln` fixes it.
dotnet format IdeogramJobs.sln whitespace --verify-no-changes
dotnet format IdeogramJobs.sln style --verify-no-changes --severity warn --no-restore
dotnet test IdeogramJobs.sln -c Release --no-build -nologo --logger "console;verbosity=minimal"

# The benchmark program must keep working: every scenario, briefly (it prints, it does not assert timings).
dotnet tests/IdeogramJobs.Benchmarks/bin/Release/net10.0/IdeogramJobs.Benchmarks.dll --quick
