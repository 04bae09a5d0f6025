#!/usr/bin/env bash
# Civil protection speed targets: readiness of a scenario with N resources in the tenant (default 5,000) under 50 ms
# p95, and the map's data for them under 100 ms p95. Starts the real host (SQLite) on loopback, fills riga's register
# to N resources through recipe runs, then times both reads sequentially from one signed-in connection (client-side,
# HTTP included). Prints medians over the rounds.
# Usage: bench/civil-protection.sh [resources] [requests per round] [rounds]
set -euo pipefail
resources=${1:-5000}; requests=${2:-200}; rounds=${3:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build "$root/host/Workbench.Host" -c Release -nologo -v q >/dev/null
bin="$root/host/Workbench.Host/bin/Release/net10.0"
work=$(mktemp -d /tmp/wb-civil-bench.XXXXXX)
port=$((30000 + RANDOM % 10000)); password=Bench-Admin-Password-1
Workbench__DataPath="$work/data" Workbench__Setup__AdminPassword="$password" Workbench__PluginsPath="$work/none" \
  Workbench__RateLimits__SignInPerMinute=100000 \
  dotnet "$bin/Workbench.Host.dll" --contentRoot "$bin" --urls "http://127.0.0.1:$port" > "$work/host.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -s "http://127.0.0.1:$port/health" | grep -q '"riga","state":"Running"'; do sleep 0.3; done
node "$root/bench/civil-protection/readiness.mjs" "http://127.0.0.1:$port" "$password" "$resources" "$requests" "$rounds" | tee "$work/rounds.jsonl"
median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f\n", m}'; }
field() { node -e "for (const l of require('fs').readFileSync(process.argv[1],'utf8').trim().split('\n')) console.log(JSON.parse(l)[process.argv[2]])" "$work/rounds.jsonl" "$1"; }
printf '\n%s resources in the tenant, %s requests per round, %s rounds (%s cores): medians\n' "$(field resources | head -1)" "$requests" "$rounds" "$(nproc)"
printf 'readiness of the flood scenario p50 %s ms, p95 %s ms (target < 50 ms); map data p50 %s ms, p95 %s ms (target < 100 ms)\n' \
  "$(field readinessP50 | median)" "$(field readinessP95 | median)" "$(field mapP50 | median)" "$(field mapP95 | median)"
printf 'beside: the list of resource types (a plain authenticated read) p50 %s ms, p95 %s ms; load average %s\n' \
  "$(field baselineP50 | median)" "$(field baselineP95 | median)" "$(cut -d' ' -f1-3 /proc/loadavg)"
