#!/usr/bin/env bash
# Token endpoint benchmark: the client-credentials flow against the Workbench provider and against oidc-provider
# (a certified OpenID provider on Node) on the same machine, same client, same load generator, one after the other
# in one run. Prints sequential p50/p95 latency and concurrent throughput for each and the ratio.
# Every token we issue is a durable, hash-chained audit entry (the issue asks for it); oidc-provider here keeps
# nothing. Without the audit append the ratio measured 0.81x (2026-12-02), with it 0.21x.
# Usage: bench/oidc.sh [seconds per measurement] [concurrency] [rounds]
set -euo pipefail
seconds=${1:-5}; concurrency=${2:-8}; rounds=${3:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
npm ci --prefix "$root/bench/oidc" --no-audit --no-fund --silent
dotnet build "$root/host/Workbench.Host" -c Release -nologo -v q >/dev/null
bin="$root/host/Workbench.Host/bin/Release/net10.0"
work=$(mktemp -d /tmp/wb-oidc-bench.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
ours=$((30000 + RANDOM % 10000)); peer=$((ours + 1))
client=bench-machine; secret=bench-machine-secret-bench-machine-secret; password=Bench-Admin-Password-1

Workbench__DataPath="$work/data" Workbench__Setup__AdminPassword="$password" Workbench__PluginsPath="$work/none" \
  Workbench__RateLimits__TokenPerMinute=100000000 \
  dotnet "$bin/Workbench.Host.dll" --contentRoot "$bin" --urls "http://127.0.0.1:$ours" > "$work/host.log" 2>&1 &
pids+=($!)
until curl -sf "http://127.0.0.1:$ours/competence-centre/.well-known/openid-configuration" >/dev/null; do sleep 0.2; done
curl -sf -c "$work/jar" -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"email\":\"admin@workbench.local\",\"password\":\"$password\"}" "http://127.0.0.1:$ours/competence-centre/api/session"
curl -sf -b "$work/jar" -o /dev/null -X PUT -H 'Content-Type: application/json' \
  -d "{\"type\":\"confidential\",\"clientSecret\":\"$secret\",\"allowedFlows\":[\"client_credentials\"],\"scopes\":[\"api\"],\"tenantRoles\":{\"riga\":[\"Viewer\"]}}" \
  "http://127.0.0.1:$ours/competence-centre/api/admin/openid/applications/$client"

node "$root/bench/oidc/peer.mjs" "$peer" "$client" "$secret" > "$work/peer.log" 2>&1 &
pids+=($!)
until grep -q ready "$work/peer.log"; do sleep 0.2; done

measure() { node "$root/bench/oidc/load.mjs" "$1" "$client" "$secret" "$seconds" "$concurrency"; }
field() { node -e "console.log(JSON.parse(process.argv[1]).$2.toFixed(2))" "$1"; }
median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f\n", m}'; }
ours_p50=(); ours_p95=(); ours_rate=(); peer_p50=(); peer_p95=(); peer_rate=()
for round in $(seq "$rounds"); do
  a=$(measure "http://127.0.0.1:$ours/competence-centre/connect/token"); b=$(measure "http://127.0.0.1:$peer/token")
  ours_p50+=("$(field "$a" p50)"); ours_p95+=("$(field "$a" p95)"); ours_rate+=("$(field "$a" perSecond)")
  peer_p50+=("$(field "$b" p50)"); peer_p95+=("$(field "$b" p95)"); peer_rate+=("$(field "$b" perSecond)")
done
m() { printf '%s\n' "$@" | median; }
op50=$(m "${ours_p50[@]}"); op95=$(m "${ours_p95[@]}"); orate=$(m "${ours_rate[@]}")
pp50=$(m "${peer_p50[@]}"); pp95=$(m "${peer_p95[@]}"); prate=$(m "${peer_rate[@]}")
printf '\nclient credentials, medians of %s rounds (%s s each, %s concurrent; %s cores)\n' "$rounds" "$seconds" "$concurrency" "$(nproc)"
printf '%-22s %10s %10s %12s\n' "" "p50 ms" "p95 ms" "tokens/s"
printf '%-22s %10s %10s %12s\n' "Workbench" "$op50" "$op95" "$orate"
printf '%-22s %10s %10s %12s\n' "oidc-provider 9.13.3" "$pp50" "$pp95" "$prate"
echo "ratio throughput Workbench/oidc-provider: $(echo "$orate / $prate" | bc -l | xargs printf '%.2f')x"
