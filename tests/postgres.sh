#!/usr/bin/env bash
# A throwaway PostgreSQL on 127.0.0.1 (trust auth, fsync off: tests and benchmarks only).
#   tests/postgres.sh start <dir>   initialises <dir>, starts the server, prints its port
#   tests/postgres.sh stop <dir>    stops it and removes <dir>
#   tests/postgres.sh crash <dir>   stops it at once (as a crash would), keeping <dir>
#   tests/postgres.sh resume <dir>  starts it again on the same port
# initdb refuses to run as root, so the server runs as the postgres user when we are root.
set -uo pipefail
action=$1; dir=$2
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$action" in
  start)
    mkdir -p "$dir"; chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    run_pg "$pgbin/initdb" -D "$dir/data" --auth=trust -U postgres -E UTF8 >/dev/null || { echo "initdb failed" >&2; exit 1; }
    for attempt in 1 2 3 4 5; do
      candidate=$((20000 + RANDOM % 20000))
      if run_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
           -o "-c listen_addresses=127.0.0.1 -p $candidate -k $dir -c fsync=off -c max_connections=300" start >/dev/null; then
        echo "$candidate" > "$dir/port"; echo "$candidate"; exit 0
      fi
    done
    cat "$dir/server.log" >&2; echo "PostgreSQL did not start" >&2; exit 1 ;;
  stop)
    run_pg "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$dir" ;;
  crash)
    run_pg "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null ;;
  resume)
    run_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $(cat "$dir/port") -k $dir -c fsync=off -c max_connections=300" start >/dev/null ;;
esac
