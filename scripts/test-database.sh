# Sourced by test.sh and bench.sh: starts the private MariaDB of scripts/mariadb.sh for the run
# (stopped again at exit if this run started it), points TEST_DATABASE_URL at it or at DATABASE_URL,
# and clears the service settings a developer may have exported, so tests see only their own.
started_db=false
if [ -z "${DATABASE_URL:-}" ] && ! scripts/mariadb.sh status >/dev/null 2>&1; then
  started_db=true
fi
scripts/mariadb.sh start
cleanup() { if $started_db; then scripts/mariadb.sh stop; fi; }
trap cleanup EXIT

export TEST_DATABASE_URL="${DATABASE_URL:-$(scripts/mariadb.sh url)}"
unset DATABASE_URL C360REQ_DATABASE_URL IDEOGRAM_API_KEY SIRV_CLIENT_ID SIRV_CLIENT_SECRET
