#!/usr/bin/env bash
# Workflow step latency: from a signal (an event) to the instance blocking at its next activity, through the REST API
# on SQLite; beside it, a plain authenticated read of the same host. Prints medians over the rounds of p50 and p95.
# Usage: bench/workflow.sh [instances] [signals per instance] [rounds]
set -euo pipefail
instances=${1:-20}; signals=${2:-10}; rounds=${3:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build "$root/host/Workbench.Host" -c Release -nologo -v q >/dev/null
bin="$root/host/Workbench.Host/bin/Release/net10.0"
work=$(mktemp -d /tmp/wb-workflow-bench.XXXXXX)
port=$((30000 + RANDOM % 10000)); password=Bench-Admin-Password-1
Workbench__DataPath="$work/data" Workbench__Setup__AdminPassword="$password" Workbench__PluginsPath="$work/none" \
  dotnet "$bin/Workbench.Host.dll" --contentRoot "$bin" --urls "http://127.0.0.1:$port" > "$work/host.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -s "http://127.0.0.1:$port/health" | grep -q '"smiltene","state":"Running"'; do sleep 0.3; done
for round in $(seq "$rounds"); do node "$root/bench/workflow/step.mjs" "http://127.0.0.1:$port" smiltene "$password" "$instances" "$signals"; done | tee "$work/rounds.jsonl"
median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
field() { node -e "for (const l of require('fs').readFileSync(process.argv[1],'utf8').trim().split('\n')) console.log(JSON.parse(l)[process.argv[2]])" "$work/rounds.jsonl" "$1"; }
printf '\n%s steps per round, %s rounds (%s cores), medians\n' "$((instances * signals))" "$rounds" "$(nproc)"
printf 'workflow step (signal → next blocking activity): p50 %s ms, p95 %s ms\n' "$(field p50 | median)" "$(field p95 | median)"
printf 'plain authenticated read of the same host:      p50 %s ms, p95 %s ms\n' "$(field readP50 | median)" "$(field readP95 | median)"
