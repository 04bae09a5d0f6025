#!/usr/bin/env bash
# Runs every Workbench test on a fresh machine:
#  1. installs the Debian packages the tests need when missing (chromium, postgresql, slapd, …),
#  2. starts a throwaway PostgreSQL (trust auth, fsync off: tests only) and OpenLDAP on 127.0.0.1,
#  3. builds in Release and runs the whole suite,
#  4. prints one last line "N passed, N failed" (exit code 0 only when nothing failed).
# Extra arguments go to dotnet test, e.g. bash tests/run.sh --filter "FullyQualifiedName~SearchTests";
# "--module CouncilSessions" runs one module's or platform subsystem's tests (tests/Workbench.Tests/{Modules,Platform}/<name>).
set -uo pipefail
args=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--module" ] && [ $# -gt 1 ]; then
    args+=(--filter "FullyQualifiedName~Workbench.Tests.Modules.$2.|FullyQualifiedName~Workbench.Tests.Platform.$2."); shift 2
  else
    args+=("$1"); shift
  fi
done
set -- "${args[@]}"
root=$(cd "$(dirname "$0")/.." && pwd)
results="$root/TestResults"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v npm >/dev/null || missing+=(npm)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v antiword >/dev/null || missing+=(antiword)
command -v slapd >/dev/null || [ -x /usr/sbin/slapd ] || missing+=(slapd)
command -v ldapadd >/dev/null || missing+=(ldap-utils)
command -v zbarimg >/dev/null || missing+=(zbar-tools)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v systemd-analyze >/dev/null || missing+=(systemd)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  # slapd must not create its own directory on install: the tests start their own.
  echo "slapd slapd/no_configuration boolean true" | as_root debconf-set-selections
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

# PostgreSQL and OpenLDAP for this run only.
pgdir=$(mktemp -d /tmp/wb-pg.XXXXXX)
port=$(bash "$root/tests/postgres.sh" start "$pgdir") || { echo "0 passed, 1 failed"; exit 1; }
ldapdir=""
cleanup() {
  bash "$root/tests/postgres.sh" stop "$pgdir"
  if [ -n "$ldapdir" ]; then kill "$(cat "$ldapdir/slapd.pid" 2>/dev/null)" 2>/dev/null; rm -rf "$ldapdir"; fi
}
trap cleanup EXIT
export WORKBENCH_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true"
echo "PostgreSQL on 127.0.0.1:$port"

# OpenLDAP with the test directory, StartTLS and LDAPS (certificates from a CA made for this run).
ldapdir=$(mktemp -d /tmp/wb-ldap.XXXXXX)
PATH="$PATH:/usr/sbin"
ldap_ports=$(bash "$root/tests/ldap/slapd.sh" "$ldapdir") || { echo "slapd did not start"; echo "0 passed, 1 failed"; exit 1; }
export WORKBENCH_TEST_LDAP="$ldap_ports $ldapdir/ca"
echo "slapd on 127.0.0.1:${ldap_ports% *} (LDAPS ${ldap_ports#* })"

cd "$root"
# Front-end test tools (axe-core) from the lock file; node_modules is never committed.
npm ci --prefix tests/Workbench.Tests --no-audit --no-fund --silent || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
rm -rf "$results"
dotnet build Workbench.sln -c Release -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }
dotnet test tests/Workbench.Tests/Workbench.Tests.csproj -c Release --no-build --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"

trx="$results/results.trx"
if [ -f "$trx" ]; then
  # The run's own counters; tests that did not run to completion count as failed.
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  count() { echo "$counters" | grep -oE " $1=\"[0-9]+\"" | grep -oE '[0-9]+' || echo 0; }
  passed=$(count passed)
  failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) + $(count notExecuted) ))
else
  passed=0; failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
