#!/usr/bin/env bash
# The benefits module's eligibility target on this machine, against a real host on SQLite (riga with the demo catalogue):
#  eligibility check p95 at 50 concurrent provider clients with 100,000 status records in the tenant   target < 20 ms
# Usage: bench/benefits.sh [checks] [records]
set -euo pipefail
checks=${1:-5000}; records=${2:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build "$root/host/Workbench.Host" -c Release -nologo -v q >/dev/null
bin="$root/host/Workbench.Host/bin/Release/net10.0"
work=$(mktemp -d /tmp/wb-benefits-bench.XXXXXX)
port=$((30000 + RANDOM % 10000)); password=Bench-Admin-Password-1
Workbench__DataPath="$work/data" Workbench__Setup__AdminPassword="$password" Workbench__PluginsPath="$work/none" \
  Workbench__RateLimits__SignInPerMinute=100000 Workbench__RateLimits__TokenPerMinute=100000 Workbench__Benefits__EligibilityPerMinute=100000000 \
  Workbench__RecipesPath="$root/recipes" \
  dotnet "$bin/Workbench.Host.dll" --contentRoot "$bin" --urls "http://127.0.0.1:$port" > "$work/host.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -s "http://127.0.0.1:$port/health" | grep -q '"riga","state":"Running"'; do sleep 0.5; done
node "$root/bench/benefits/run.mjs" "http://127.0.0.1:$port" "$password" "$checks" "$records" "$root/recipes/benefits-riga.recipe.json"
printf '(%s cores)\n' "$(nproc)"
