#!/usr/bin/env bash
# Prints the address the API's images are served under: PUBLIC_BASE_URL when set, otherwise
# http://<API_BIND_ADDRESS>:<API_PORT>, with a wildcard bind address (0.0.0.0, ::) read as loopback
# because a browser cannot open it.
set -euo pipefail
if [ -n "${PUBLIC_BASE_URL:-}" ]; then
  printf '%s\n' "${PUBLIC_BASE_URL%/}"
  exit 0
fi
host="${API_BIND_ADDRESS:-127.0.0.1}"
case "$host" in
  0.0.0.0 | "::" | "[::]") host=127.0.0.1 ;;
  *:*) host="[${host#[}"; host="${host%]}]" ;;
esac
printf 'http://%s:%s\n' "$host" "${API_PORT:-8080}"
