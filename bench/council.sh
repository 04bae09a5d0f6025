#!/usr/bin/env bash
# Council voting under load: a council of N members (default 100) votes at once on one motion, each member from
# their own signed-in connection, while S screens follow the tally live. Every round checks that each vote is
# recorded exactly once and the tally is right; prints medians over the rounds of the ballot latency (p50, p95) and
# of the time from the first ballot until every screen showed all N votes.
# Usage: bench/council.sh [members] [rounds] [screens]
set -euo pipefail
members=${1:-100}; rounds=${2:-5}; screens=${3:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build "$root/host/Workbench.Host" -c Release -nologo -v q >/dev/null
bin="$root/host/Workbench.Host/bin/Release/net10.0"
work=$(mktemp -d /tmp/wb-council-bench.XXXXXX)
port=$((30000 + RANDOM % 10000)); password=Bench-Admin-Password-1
Workbench__DataPath="$work/data" Workbench__Setup__AdminPassword="$password" Workbench__PluginsPath="$work/none" \
  Workbench__RateLimits__SignInPerMinute=100000 \
  dotnet "$bin/Workbench.Host.dll" --contentRoot "$bin" --urls "http://127.0.0.1:$port" > "$work/host.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -s "http://127.0.0.1:$port/health" | grep -q '"riga","state":"Running"'; do sleep 0.3; done
node "$root/bench/council/vote.mjs" "http://127.0.0.1:$port" "$password" "$members" "$rounds" "$screens" | tee "$work/rounds.jsonl"
median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f\n", m}'; }
field() { node -e "for (const l of require('fs').readFileSync(process.argv[1],'utf8').trim().split('\n')) console.log(JSON.parse(l)[process.argv[2]])" "$work/rounds.jsonl" "$1"; }
printf '\n%s members voting at once, %s screens, %s rounds (%s cores): medians\n' "$members" "$screens" "$rounds" "$(nproc)"
printf 'ballot latency p50 %s ms, p95 %s ms; every screen showed all votes %s ms after the first ballot; every vote recorded once, tally right\n' \
  "$(field p50 | median)" "$(field p95 | median)" "$(field screensAllSeen | median)"
