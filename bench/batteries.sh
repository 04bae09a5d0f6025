#!/usr/bin/env bash
# The bad-input and access batteries with many random mutations per request body (CI runs a few).
# Usage: bench/batteries.sh [mutations per body, default 200] [seed, default random]; prints the batteries' figures.
# A failure lists the requests that answered 5xx, changed rows when refused, or were logged as errors, with the seed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export WORKBENCH_BATTERY_FUZZ="${1:-200}" WORKBENCH_BATTERY_SEED="${2:-$RANDOM}"
echo "mutations per body: $WORKBENCH_BATTERY_FUZZ, seed: $WORKBENCH_BATTERY_SEED"
dotnet build "$root/tests/Workbench.Tests" -c Release -nologo -v q >/dev/null || exit 1
dotnet test "$root/tests/Workbench.Tests/Workbench.Tests.csproj" -c Release --no-build --filter "FullyQualifiedName~Workbench.Tests.Batteries" \
  --logger "console;verbosity=detailed" 2>&1 | grep -a -E "^ *(access|bad input):|Passed!|Failed!|problems in|→ [0-9]{3}"
