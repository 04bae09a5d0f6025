#!/usr/bin/env bash
# Search benchmark: a tenant with N generated items (default 100,000) in the shared index; prints the index
# build rate and p50/p95 of search and type-ahead through the Workbench search service next to the raw FTS5
# query on the same data. Usage: bench/search.sh [items] [queries]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build "$root/bench/Workbench.Bench" -c Release -nologo -v q >/dev/null
dotnet "$root/bench/Workbench.Bench/bin/Release/net10.0/Workbench.Bench.dll" "${1:-100000}" "${2:-200}"
