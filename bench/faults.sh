#!/usr/bin/env bash
# The fault batteries, larger than in CI: the real host SIGKILLed N times (default 30) under registrations and service
# cases, then the database-fault tests (a tenant's PostgreSQL crashed and resumed; SQLite on a full tmpfs; needs root).
# Usage: bench/faults.sh [kills]; prints the crash battery's figures and the test outcome.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export WORKBENCH_CRASHES="${1:-30}"
pgdir=$(mktemp -d /tmp/wb-faults-pg.XXXXXX)
port=$(bash "$root/tests/postgres.sh" start "$pgdir") || exit 1
trap 'bash "$root/tests/postgres.sh" stop "$pgdir"' EXIT
export WORKBENCH_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true"
dotnet build "$root/Workbench.sln" -c Release -nologo -v q >/dev/null || exit 1
dotnet test "$root/tests/Workbench.Tests/Workbench.Tests.csproj" -c Release --no-build \
  --filter "FullyQualifiedName~CrashBatteryTests|FullyQualifiedName~DatabaseFaultTests" --logger "console;verbosity=detailed" 2>&1 \
  | grep -a -E "crash battery:|Passed!|Failed!|Error Message" -A3
