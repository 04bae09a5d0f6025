#!/usr/bin/env bash
# The cemetery register's three speed targets on this machine, against a real host on SQLite (smiltene):
#  1. import of 10,000 burials from CSV (one all-or-nothing request)      target < 30 s
#  2. public grave search p95 with 50,000 burials in the tenant            target < 30 ms
#  3. the scheme SVG of 5,000 sites                                          target < 200 ms
# Usage: bench/cemetery.sh [searches] [svg-requests]
set -euo pipefail
searches=${1:-500}; svgs=${2:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build "$root/host/Workbench.Host" -c Release -nologo -v q >/dev/null
bin="$root/host/Workbench.Host/bin/Release/net10.0"
work=$(mktemp -d /tmp/wb-cemetery-bench.XXXXXX)
port=$((30000 + RANDOM % 10000)); password=Bench-Admin-Password-1
Workbench__DataPath="$work/data" Workbench__Setup__AdminPassword="$password" Workbench__PluginsPath="$work/none" \
  Workbench__RateLimits__SignInPerMinute=100000 \
  dotnet "$bin/Workbench.Host.dll" --contentRoot "$bin" --urls "http://127.0.0.1:$port" > "$work/host.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -s "http://127.0.0.1:$port/health" | grep -q '"smiltene","state":"Running"'; do sleep 0.5; done
node "$root/bench/cemetery/run.mjs" "http://127.0.0.1:$port" "$password" "$searches" "$svgs"
printf '(%s cores)\n' "$(nproc)"
