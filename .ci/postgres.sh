# Source me: start a private PostgreSQL cluster on loopback for the archive tests and
# export GANJINA_TEST_POSTGRES (the URL the tests use). Installs PostgreSQL from Debian's
# packages when it is missing. Safe to source again: a running cluster is reused.
#
#   source .ci/postgres.sh && echo "$GANJINA_TEST_POSTGRES"
#
# Settings (environment): GANJINA_PG_PORT (54329), GANJINA_PG_DIR (/tmp/ganjina-pg).

ganjina_pg_start() {
  local port="${GANJINA_PG_PORT:-54329}" dir="${GANJINA_PG_DIR:-/tmp/ganjina-pg}"
  local bin run_as=()
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
      || { echo "postgres.sh: could not install postgresql" >&2; return 1; }
  fi
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  # PostgreSQL refuses to run as root: use the postgres account the package made.
  if [ "$(id -u)" = 0 ]; then run_as=(runuser -u postgres --); fi
  if ! "${run_as[@]}" "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres: "$dir"
      "${run_as[@]}" "$bin/initdb" -D "$dir" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null \
        || { echo "postgres.sh: initdb failed" >&2; return 1; }
    fi
    "${run_as[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
      || { echo "postgres.sh: the server did not start (see $dir/server.log)" >&2; return 1; }
  fi
  "${run_as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtAc \
    "SELECT 1 FROM pg_database WHERE datname = 'ganjina_test'" | grep -q 1 \
    || "${run_as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres ganjina_test \
    || { echo "postgres.sh: createdb failed" >&2; return 1; }
  export GANJINA_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$port/ganjina_test"
  echo "GANJINA_TEST_POSTGRES=$GANJINA_TEST_POSTGRES"
}

ganjina_pg_start
