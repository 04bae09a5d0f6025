#!/usr/bin/env bash
# Platform benchmark for the "43 municipalities on one host" targets. One run measures, side by side:
#   cold start   host with no tenants  vs  host with the 43 municipalities (+ competence centre) already set up
#   memory (RSS) idle host, no tenants vs  the 44 tenants after one request each (public API + sign-in page)
#   first start  AutoSetup of all 44 tenants from their recipes
#   create       one tenant from the riga recipe through POST /competence-centre/api/tenants
# and prints medians over N runs (default 5). Usage: bench/platform.sh [runs]
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build "$root/host/Workbench.Host" -c Release -nologo -v q >/dev/null
bin="$root/host/Workbench.Host/bin/Release/net10.0"
work=$(mktemp -d /tmp/wb-bench.XXXXXX)
# start runs in a command substitution (a subshell), so the host's pid travels through a file.
cleanup() { [ -f "$work/pid" ] && kill "$(cat "$work/pid")" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
port=$((30000 + RANDOM % 10000))
url="http://127.0.0.1:$port"
password="Bench-Admin-Password-1"

# The 43 Latvian municipalities since the 2021 reform: 10 state cities and 33 counties.
cities=(riga daugavpils jelgava jekabpils jurmala liepaja rezekne valmiera ventspils ogre)
counties=(adazi aizkraukle aluksne augsdaugava balvi bauska cesis dienvidkurzeme dobele gulbene jelgavas-novads jekabpils-novads kekava kraslava kuldiga limbazi livani ludza madona marupe olaine preili rezeknes-novads ropazi salaspils saldus saulkrasti sigulda smiltene talsi tukums valka varaklani)
tenants=(competence-centre "${cities[@]}" "${counties[@]}")
recipe_of() {
  case $1 in competence-centre) echo competence-centre ;; riga|daugavpils) echo riga ;; jelgava|jekabpils|jurmala|liepaja|rezekne|valmiera|ventspils|ogre) echo ventspils ;; *) echo smiltene ;; esac
}
mkdir -p "$work/all" "$work/none"
{
  echo '{ "Workbench": { "Tenants": ['
  for i in "${!tenants[@]}"; do
    sep=,; [ "$i" -eq $((${#tenants[@]} - 1)) ] && sep=
    echo "  { \"Name\": \"${tenants[$i]}\", \"Recipe\": \"$(recipe_of "${tenants[$i]}")\" }$sep"
  done
  echo '] } }'
} > "$work/all/appsettings.json"
echo '{ "Workbench": { "Tenants": [] } }' > "$work/none/appsettings.json"

now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc -l; }
median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f\n", m}'; }
running_count() { curl -s "$url/health" 2>/dev/null | grep -o '"state":"Running"' | wc -l; }

# start ROOT DATA EXPECTED → seconds until EXPECTED tenants are Running (0: until /health answers)
start() {
  local started; started=$(now)
  Workbench__DataPath="$2" Workbench__Setup__AdminPassword="$password" Workbench__PluginsPath="$work/no-plugins" \
    dotnet "$bin/Workbench.Host.dll" --contentRoot "$1" --urls "$url" > "$work/host.log" 2>&1 &
  echo $! > "$work/pid"
  until curl -sf "$url/health" >/dev/null 2>&1 && [ "$(running_count)" -ge "$3" ]; do sleep 0.05; done
  elapsed "$started"
}
stop() { local p; p=$(cat "$work/pid"); kill "$p"; while kill -0 "$p" 2>/dev/null; do sleep 0.05; done; rm -f "$work/pid"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f\n", $2/1024}' "/proc/$(cat "$work/pid")/status"; }

echo "Setting up ${#tenants[@]} tenants (first start with AutoSetup)..."
first=$(start "$work/all" "$work/data" ${#tenants[@]}); stop
empty_starts=(); full_starts=(); empty_rss=(); full_rss=(); creates=()
for run in $(seq "$runs"); do
  empty_starts+=("$(start "$work/none" "$work/empty-data" 0)"); sleep 1; empty_rss+=("$(rss_mb)"); stop
  full_starts+=("$(start "$work/all" "$work/data" ${#tenants[@]})")
  for t in "${tenants[@]}"; do
    curl -s -o /dev/null "$url/$t/api/notices"
    curl -s -o /dev/null "$url/$t/signin"
  done
  full_rss+=("$(rss_mb)")
  jar="$work/cookies"
  curl -s -c "$jar" -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@workbench.local\",\"password\":\"$password\"}" "$url/competence-centre/api/session"
  t0=$(now)
  code=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench-$run-$RANDOM\",\"recipe\":\"riga\"}" "$url/competence-centre/api/tenants")
  creates+=("$(elapsed "$t0")")
  [ "$code" = 201 ] || { echo "tenant creation answered $code"; exit 1; }
  stop
done

printf '\n%-58s %10s\n' "measure (median of $runs; machine: $(nproc) cores)" "value"
printf '%-58s %9.2fs\n' "first start: AutoSetup of ${#tenants[@]} tenants from recipes" "$first"
es=$(printf '%s\n' "${empty_starts[@]}" | median); fs=$(printf '%s\n' "${full_starts[@]}" | median)
printf '%-58s %9ss\n' "cold start, no tenants (/health answers)" "$es"
printf '%-58s %9ss\n' "cold start, ${#tenants[@]} tenants all Running" "$fs"
printf '%-58s %9.1fx\n' "  ratio 44 tenants / no tenants" "$(echo "$fs / $es" | bc -l)"
er=$(printf '%s\n' "${empty_rss[@]}" | median); fr=$(printf '%s\n' "${full_rss[@]}" | median)
printf '%-58s %8sMB\n' "RSS idle, no tenants" "$er"
printf '%-58s %8sMB\n' "RSS, ${#tenants[@]} tenants after one request each" "$fr"
printf '%-58s %8.1fMB\n' "  per tenant" "$(echo "($fr - $er) / ${#tenants[@]}" | bc -l)"
printf '%-58s %9ss\n' "create one tenant from the riga recipe (API)" "$(printf '%s\n' "${creates[@]}" | median)"
