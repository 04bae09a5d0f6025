#!/usr/bin/env bash
# Registration numbers under load: N registrations (default 1,000) into one register from C concurrent clients
# (default 50), on SQLite, on PostgreSQL, and on PostgreSQL with two host nodes sharing it (requests alternate).
# Every run reads the register back and fails on a duplicate or a gap. Beside each, the raw engine doing only the
# numbering transaction (counter row + document row): python's sqlite3 with the same threads, and pgbench with the
# same clients. Prints medians over the rounds, and the ratio of ours to the raw engine.
# Usage: bench/registrations.sh [count] [clients] [rounds]
set -euo pipefail
count=${1:-1000}; clients=${2:-50}; rounds=${3:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build "$root/host/Workbench.Host" -c Release -nologo -v q >/dev/null
bin="$root/host/Workbench.Host/bin/Release/net10.0"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
work=$(mktemp -d /tmp/wb-registrations.XXXXXX); chmod 755 "$work"
pgport=$(bash "$root/tests/postgres.sh" start "$work/pg")
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; bash "$root/tests/postgres.sh" stop "$work/pg"; rm -rf "$work"' EXIT
pg="Host=127.0.0.1;Port=$pgport;Username=postgres;Pooling=true;Maximum Pool Size=120"
password=Bench-Admin-Password-1

# Two nodes: one registry on PostgreSQL, one data folder; the tenant "pgbench" (the riga recipe) lives on PostgreSQL.
start_node() {
  Workbench__DataPath="$work/data" Workbench__Setup__AdminPassword="$password" Workbench__PluginsPath="$work/none" \
  Workbench__RateLimits__SignInPerMinute=100000 Workbench__HostDatabaseProvider=Postgres Workbench__HostConnectionString="$pg;Database=wb_registry" \
  Workbench__Tenants__4__Name=pgbench Workbench__Tenants__4__Recipe=riga Workbench__Tenants__4__DatabaseProvider=Postgres \
  Workbench__Tenants__4__ConnectionString="$pg;Database=wb_pgbench" \
    dotnet "$bin/Workbench.Host.dll" --contentRoot "$bin" --urls "http://127.0.0.1:$1" > "$work/host-$1.log" 2>&1 &
  pids+=($!)
  until curl -s "http://127.0.0.1:$1/health" | grep -q '"pgbench","state":"Running"'; do sleep 0.5; done
}
a=$((30000 + RANDOM % 5000)); b=$((a + 1))
start_node "$a"; start_node "$b"

psql() { "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -q "$@"; }
raw_postgres() {
  psql -d postgres -c "DROP DATABASE IF EXISTS wb_raw" -c "CREATE DATABASE wb_raw"
  psql -d wb_raw -c "CREATE TABLE counters (key text PRIMARY KEY, value bigint NOT NULL); CREATE TABLE documents (id uuid PRIMARY KEY, number text NOT NULL UNIQUE, title text NOT NULL);"
  "$pgbin/pgbench" -h 127.0.0.1 -p "$pgport" -U postgres -n -c "$clients" -t $((count / clients)) -f "$root/bench/registrations/raw_postgres.sql" wb_raw 2>/dev/null \
    | grep -oP 'tps = \K[0-9.]+' | head -n 1
}
ours() { node "$root/bench/registrations/register.mjs" "$1" "$2" "$password" "$count" "$clients"; }
field() { node -e "console.log(JSON.parse(process.argv[1])[process.argv[2]])" "$1" "$2"; }
declare -A runs
for round in $(seq "$rounds"); do
  sqlite=$(ours "http://127.0.0.1:$a" riga); echo "sqlite      $sqlite"
  rawsqlite=$(python3 "$root/bench/registrations/raw_sqlite.py" "$work/raw-$round.db" "$count" "$clients"); echo "raw sqlite  $rawsqlite/s"
  one=$(ours "http://127.0.0.1:$a" pgbench); echo "postgres    $one"
  two=$(ours "http://127.0.0.1:$a,http://127.0.0.1:$b" pgbench); echo "postgres ×2 $two"
  rawpg=$(raw_postgres); echo "raw pgbench $rawpg/s"
  runs[sqlite]+="$(field "$sqlite" perSecond) "; runs[sqlite_p95]+="$(field "$sqlite" p95) "; runs[rawsqlite]+="$rawsqlite "
  runs[pg]+="$(field "$one" perSecond) "; runs[pg_p95]+="$(field "$one" p95) "
  runs[pg2]+="$(field "$two" perSecond) "; runs[pg2_p95]+="$(field "$two" p95) "; runs[rawpg]+="$rawpg "
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.1f", m}'; }
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { printf "%.2f", x / y }'; }
s=$(echo "${runs[sqlite]}" | median); rs=$(echo "${runs[rawsqlite]}" | median)
p=$(echo "${runs[pg]}" | median); p2=$(echo "${runs[pg2]}" | median); rp=$(echo "${runs[rawpg]}" | median)
printf '\n%s registrations × %s rounds from %s clients (%s cores), medians; every run: 0 duplicates, 0 gaps\n' "$count" "$rounds" "$clients" "$(nproc)"
printf 'SQLite:              %s/s (p95 %s ms) — raw sqlite3 %s/s — ratio %s\n' "$s" "$(echo "${runs[sqlite_p95]}" | median)" "$rs" "$(ratio "$s" "$rs")"
printf 'PostgreSQL, 1 node:  %s/s (p95 %s ms) — raw pgbench %s/s — ratio %s\n' "$p" "$(echo "${runs[pg_p95]}" | median)" "$rp" "$(ratio "$p" "$rp")"
printf 'PostgreSQL, 2 nodes: %s/s (p95 %s ms) — ratio to 1 node %s\n' "$p2" "$(echo "${runs[pg2_p95]}" | median)" "$(ratio "$p2" "$p")"
