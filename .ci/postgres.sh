# Sourced by .ci/run (and handy locally: `source .ci/postgres.sh`): starts a throwaway PostgreSQL
# cluster on a free local port in a temp folder, exports DATABASE_URL, and stops it on exit.
# Installs Debian's postgresql package first when /usr/lib/postgresql is missing.
pg_start_throwaway() {
  if [ ! -d /usr/lib/postgresql ]; then
    echo "ci: installing PostgreSQL (apt-get install postgresql)" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  PG_TMP="$(mktemp -d /tmp/ci-postgres.XXXXXX)"
  chmod 777 "$PG_TMP"
  local port
  port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  # The server refuses to run as root: run it as the postgres user the package creates.
  local as=()
  if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
  "${as[@]}" "$bin/initdb" -D "$PG_TMP/data" -U postgres -A trust --no-sync >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log" >&2; return 1; }
  "${as[@]}" "$bin/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TMP -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$PG_TMP/server.log" >&2; return 1; }
  "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres commissioning
  PG_CTL=("${as[@]}" "$bin/pg_ctl" -D "$PG_TMP/data")
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/commissioning"
  echo "ci: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (DATABASE_URL=$DATABASE_URL)" >&2
  trap pg_stop_throwaway EXIT
}

pg_stop_throwaway() {
  if [ -n "${PG_TMP:-}" ]; then
    "${PG_CTL[@]}" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
    PG_TMP=
  fi
}
