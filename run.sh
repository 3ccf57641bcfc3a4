#!/usr/bin/env bash
# Runs the whole service on this machine: a private MariaDB (unless DATABASE_URL is set), the
# migrations, the Ideogram simulator (unless IDEOGRAM_API_KEY is set), SILO_COUNT silos and the API.
# Stays in the foreground; Ctrl-C or SIGTERM stops everything it started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export API_PORT="${API_PORT:-8080}"
# Image URLs are built from PUBLIC_BASE_URL; unless it is set, it follows the API's own address.
PUBLIC_BASE_URL="$(scripts/public-base-url.sh)"
export PUBLIC_BASE_URL
SILO_COUNT="${SILO_COUNT:-1}"
SILO_BASE_PORT="${SILO_BASE_PORT:-11111}"
GATEWAY_BASE_PORT="${GATEWAY_BASE_PORT:-30000}"
SIMULATOR_PORT="${SIMULATOR_PORT:-5199}"
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
export ASPNETCORE_ENVIRONMENT="$DOTNET_ENVIRONMENT"
# On a developer's machine the Orleans dashboard is worth its CPU; production turns it on when wanted.
export ORLEANS_DASHBOARD="${ORLEANS_DASHBOARD:-true}"
state=".local"
mkdir -p "$state/logs"

say() { printf '[run] %s\n' "$*" >&2; }

children=()
started_db=false
cleanup() {
  trap - EXIT INT TERM
  say "stopping"
  for pid in "${children[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${children[@]}"; do wait "$pid" 2>/dev/null || true; done
  if $started_db; then scripts/mariadb.sh stop; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A secret that stays on this machine (in the ignored .local folder) across runs.
local_secret() {
  local file="$state/$1"
  [ -s "$file" ] || { printf 'ijk_%s' "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" >"$file"; chmod 600 "$file"; }
  cat "$file"
}

scripts/install-prerequisites.sh

# The master key that encrypts organisations' Ideogram keys at rest: made once, kept in .local (id:base64 of 32 bytes).
if [ -z "${SECRET_ENCRYPTION_KEYS:-}" ]; then
  master_key="$state/secret-encryption-key"
  [ -s "$master_key" ] || { printf 'dev1:%s' "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" >"$master_key"; chmod 600 "$master_key"; }
  SECRET_ENCRYPTION_KEYS="$(cat "$master_key")"
  export SECRET_ENCRYPTION_KEYS
fi

if [ -z "${DATABASE_URL:-}" ]; then
  scripts/mariadb.sh status >/dev/null 2>&1 || started_db=true
  scripts/mariadb.sh start
  DATABASE_URL="$(scripts/mariadb.sh url)"
  export DATABASE_URL
fi

say "building"
(cd api/ClientApp && npm ci --no-audit --no-fund --silent && npm run build --silent) >/dev/null
dotnet build IdeogramJobs.sln -c Release -nologo -clp:ErrorsOnly >/dev/null
out() { echo "$1/bin/Release/net10.0/$(basename "$1").dll"; }
silo_dll="$(out silo/IdeogramJobs.Silo)"
api_dll="$(out api/IdeogramJobs.Api)"
simulator_dll="$(out src/IdeogramJobs.Ideogram.Simulator)"

admin_key_generated=false
if [ -z "${ADMIN_API_KEY:-}" ]; then ADMIN_API_KEY="$(local_secret admin-api-key)"; admin_key_generated=true; fi
export ADMIN_API_KEY

if [ -z "${IDEOGRAM_API_KEY:-}" ] && [ -f "$simulator_dll" ]; then
  say "no IDEOGRAM_API_KEY: starting the Ideogram simulator on 127.0.0.1:$SIMULATOR_PORT (images are simulated)"
  SIMULATOR_URLS="http://127.0.0.1:$SIMULATOR_PORT" dotnet "$simulator_dll" >"$state/logs/simulator.log" 2>&1 &
  children+=($!)
  export IDEOGRAM_BASE_URL="http://127.0.0.1:$SIMULATOR_PORT"
  export IDEOGRAM_API_KEY="simulator-$(local_secret simulator-api-key)"
fi

say "migrating"
dotnet "$silo_dll" migrate
demo_key="$(local_secret demo-api-key)"
demo_account="$(DEMO_API_KEY="$demo_key" LOG_LEVEL=Warning dotnet "$silo_dll" seed-demo | tail -n 1)"

for i in $(seq 0 $((SILO_COUNT - 1))); do
  say "starting silo $((i + 1)) of $SILO_COUNT (silo port $((SILO_BASE_PORT + i)), gateway $((GATEWAY_BASE_PORT + i)))"
  SILO_PORT=$((SILO_BASE_PORT + i)) GATEWAY_PORT=$((GATEWAY_BASE_PORT + i)) MIGRATE_ON_START=false \
    dotnet "$silo_dll" >"$state/logs/silo-$((i + 1)).log" 2>&1 &
  children+=($!)
done

say "starting the API on 127.0.0.1:$API_PORT"
dotnet "$api_dll" >"$state/logs/api.log" 2>&1 &
children+=($!)

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$API_PORT/health" >/dev/null 2>&1; then break; fi
  for pid in "${children[@]}"; do kill -0 "$pid" 2>/dev/null || { say "a process exited during start-up; see $state/logs/"; exit 1; }; done
  sleep 1
done
curl -fsS "http://127.0.0.1:$API_PORT/health" >/dev/null || { say "the API did not become healthy in 120 s; see $state/logs/"; exit 1; }

cat <<MSG

  IdeogramJobs is running.
    Open:          http://127.0.0.1:$API_PORT/
    Health:        http://127.0.0.1:$API_PORT/health
    OpenAPI:       http://127.0.0.1:$API_PORT/openapi/v1.json
    Demo account:  $demo_account
    Demo API key:  $demo_key
MSG
if $admin_key_generated; then printf '    Admin API key: %s\n' "$ADMIN_API_KEY"; fi
if [ "$ORLEANS_DASHBOARD" = true ]; then printf '    Dashboard:     http://127.0.0.1:%s/dashboard/ (admin key)\n' "$API_PORT"; fi
printf '    Logs:          %s/logs/\n\n  Ctrl-C stops everything.\n\n' "$state"

# Stay up until a child ends or we are told to stop.
wait -n "${children[@]}"
say "a process ended; see $state/logs/"
exit 1
