#!/usr/bin/env bash
# ID-token validation throughput on one core: the municipalities' relying party (the OpenID Connect handler's JsonWebTokenHandler, Microsoft.IdentityModel)
# against jose on Node (the library oidc-provider and openid-client use), on the same 2,000 RS256 tokens, alternating
# in one run. Prints the median tokens/s of each and the ratio.
# Usage: bench/idtoken.sh [seconds per measurement] [rounds]
set -euo pipefail
seconds=${1:-5}; rounds=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
npm ci --prefix "$root/bench/oidc" --no-audit --no-fund --silent
dotnet build "$root/bench/IdTokenBench" -c Release -nologo -v q >/dev/null
bench="$root/bench/IdTokenBench/bin/Release/net10.0/IdTokenBench.dll"
work=$(mktemp -d /tmp/wb-idtoken.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet "$bench" make "$work" 2000
rate() { node -e "console.log(JSON.parse(process.argv[1]).perSecond.toFixed(0))" "$1"; }
median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.0f\n", m}'; }
ours=(); peer=()
for round in $(seq "$rounds"); do
  ours+=("$(rate "$(dotnet "$bench" validate "$work" "$seconds")")")
  peer+=("$(rate "$(cd "$root/bench/oidc" && node idtoken.mjs "$work" "$seconds")")")
done
o=$(printf '%s\n' "${ours[@]}" | median); p=$(printf '%s\n' "${peer[@]}" | median)
printf '\nID-token validation (RS256, signature + iss + aud + exp), medians of %s rounds of %s s, one core each\n' "$rounds" "$seconds"
printf '%-28s %12s\n' "" "tokens/s"
printf '%-28s %12s\n' "Workbench (IdentityModel)" "$o"
printf '%-28s %12s\n' "jose 6 on Node (oidc stack)" "$p"
echo "ratio Workbench/jose: $(echo "$o / $p" | bc -l | xargs printf '%.2f')x"
