#!/usr/bin/env bash
# A private MariaDB for development and tests: its data lives in .local/mariadb (ignored by git),
# it listens on 127.0.0.1 on its own port, and it never touches a server already on the machine.
#
#   scripts/mariadb.sh start    install (Debian package) if missing, initialise, start, create db + user
#   scripts/mariadb.sh stop     stop it
#   scripts/mariadb.sh status   say whether it runs
#   scripts/mariadb.sh url      print the DATABASE_URL for it
#
# When DATABASE_URL is already set, start/stop do nothing and url prints it: the caller brought a database.
#
# MARIADB_HOME (default .local/mariadb) and MARIADB_PORT (default 3317) run a second, separate server:
# the database-outage benchmark starts and stops one of its own this way, leaving the shared one alone.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="${MARIADB_HOME:-$root/.local/mariadb}"
data="$home/data"
sock="$home/mariadb.sock"
pidfile="$home/mariadb.pid"
log="$home/mariadb.err"
port="${MARIADB_PORT:-3317}"
db="${MARIADB_DATABASE:-c360req}"
user="${MARIADB_USER:-ideogramjobs}"
password="${MARIADB_PASSWORD:-ideogramjobs-dev}"

say() { printf '[mariadb] %s\n' "$*" >&2; }

url() { printf 'mysql://%s:%s@127.0.0.1:%s/%s\n' "$user" "$password" "$port" "$db"; }

running() { [ -S "$sock" ] && mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_server() {
  command -v mariadbd >/dev/null 2>&1 && command -v mariadb >/dev/null 2>&1 && return
  say "installing the Debian mariadb-server package"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  # policy-rc.d on many images stops the package from starting the system-wide service; we start our own.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q mariadb-server mariadb-client >/dev/null
}

start() {
  if [ -n "${DATABASE_URL:-}" ]; then say "DATABASE_URL is set; using that database"; return; fi
  install_server
  mkdir -p "$home"
  if running; then say "already running on 127.0.0.1:$port"; else
    if [ ! -d "$data/mysql" ]; then
      say "initialising $data"
      mariadb-install-db --no-defaults --datadir="$data" --auth-root-authentication-method=socket \
        --auth-root-socket-user="$(id -un)" --user="$(id -un)" --skip-test-db >"$home/install.log" 2>&1 \
        || { cat "$home/install.log" >&2; exit 1; }
    fi
    say "starting on 127.0.0.1:$port"
    mariadbd --no-defaults --datadir="$data" --socket="$sock" --pid-file="$pidfile" --log-error="$log" \
      --port="$port" --bind-address=127.0.0.1 --user="$(id -un)" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      --max-connections=500 --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 \
      --default-time-zone=+00:00 --skip-log-bin --skip-name-resolve >/dev/null 2>&1 &
    for _ in $(seq 1 60); do running && break; sleep 0.5; done
    running || { say "did not start; last lines of $log:"; tail -20 "$log" >&2; exit 1; }
  fi
  # Idempotent: the database and a password user that may create and drop the per-test databases.
  mariadb --no-defaults --socket="$sock" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO '$user'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$user'@'localhost' WITH GRANT OPTION;
SQL
  say "ready: $(url)"
}

stop() {
  if [ -n "${DATABASE_URL:-}" ]; then return; fi
  if running; then
    mariadb-admin --no-defaults --socket="$sock" -uroot shutdown && say "stopped"
  else
    say "not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if [ -n "${DATABASE_URL:-}" ] || running; then say "running"; else say "stopped"; exit 1; fi ;;
  url) if [ -n "${DATABASE_URL:-}" ]; then printf '%s\n' "$DATABASE_URL"; else url; fi ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
