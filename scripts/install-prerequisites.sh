#!/usr/bin/env bash
# Installs what building and testing need on a fresh Debian machine of this kind (the .NET SDK and
# Node.js are already there): the MariaDB server and client, Debian's Chromium for the browser
# tests (Playwright drives it; no browser is downloaded), and iproute2 for the benchmark's hosts in
# network namespaces. Idempotent; does nothing when all is present.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

packages=()
command -v mariadbd >/dev/null 2>&1 || packages+=(mariadb-server)
command -v mariadb >/dev/null 2>&1 || packages+=(mariadb-client)
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v ip >/dev/null 2>&1 || packages+=(iproute2)

if [ ${#packages[@]} -gt 0 ]; then
  echo "[prerequisites] installing ${packages[*]}" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "[prerequisites] the .NET 10 SDK (dotnet) is missing" >&2; exit 1; }
command -v npm >/dev/null 2>&1 || { echo "[prerequisites] Node.js 20+ with npm is missing" >&2; exit 1; }
