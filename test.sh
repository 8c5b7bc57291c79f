#!/usr/bin/env bash
# The test command (README.md): restores, builds the whole solution in Release with warnings
# as errors, and runs every test project. It installs what the tests need when it is missing.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n==> %s\n' "$*"; }

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "dotnet is not installed: install the .NET 10 SDK (see global.json)." >&2
    exit 1
  fi
}

# Tests that need Redis (Orleans' Redis clustering, start-up checks, the system tests) start
# their own redis-server on a free port; the package comes from apt, and apt's index is
# refreshed at most once per run.
apt_updated=false
require_redis_server() {
  if command -v redis-server >/dev/null 2>&1; then
    return
  fi
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "redis-server is not installed, and test.sh can install it only as root with apt-get:" >&2
    echo "install Redis 7 (Debian/Ubuntu: sudo apt-get install -y redis-server), then run ./test.sh again." >&2
    exit 1
  fi
  log "install redis-server (apt-get)"
  if [ "$apt_updated" = false ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server
}

# Azurite (the Azure Storage emulator), for Orleans' Azure Blob grain storage and Azure Queue
# streams in tests: `npm ci` installs the version pinned in tools/azurite/package-lock.json
# into that folder, never globally. Test fixtures start it from there on free loopback ports.
require_azurite() {
  if [ -x tools/azurite/node_modules/.bin/azurite ]; then
    return
  fi
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "Azurite is not installed in tools/azurite, and installing it needs Node.js and npm:" >&2
    echo "install Node.js 18 or later with npm (Debian/Ubuntu: sudo apt-get install -y nodejs npm), then run ./test.sh again." >&2
    exit 1
  fi
  log "install Azurite (npm ci --prefix tools/azurite)"
  npm ci --prefix tools/azurite --no-audit --no-fund
}

# The browser tests (tests/OrleansTwitter.Web.BrowserTests) drive Debian's Chromium through
# Playwright; Playwright cannot download a browser here, so the package comes from apt.
require_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return
  fi
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is not installed at /usr/bin/chromium, and test.sh can install it only as root with apt-get:" >&2
    echo "install it (Debian: sudo apt-get install -y chromium), then run ./test.sh again." >&2
    exit 1
  fi
  log "install chromium (apt-get)"
  if [ "$apt_updated" = false ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
}

# The load generator's smoke test (tests/OrleansTwitter.LoadGen.Tests) runs the join-on-read
# baseline against a private PostgreSQL cluster: its fixture runs initdb and the server from
# /usr/lib/postgresql/<version>/bin (Debian keeps them off PATH), as the package's non-root
# `postgres` user when the tests run as root. The package comes from apt.
require_postgresql() {
  if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    return
  fi
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL is not installed (no initdb), and test.sh can install it only as root with apt-get:" >&2
    echo "install PostgreSQL 15 (Debian/Ubuntu: sudo apt-get install -y postgresql), then run ./test.sh again." >&2
    exit 1
  fi
  log "install postgresql (apt-get)"
  if [ "$apt_updated" = false ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
}

# Tests start real servers (redis-server, Azurite, PostgreSQL) on free loopback ports; the
# functions above install them when they are missing.

require_dotnet
require_redis_server
require_azurite
require_chromium
require_postgresql
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log "restore"
dotnet restore OrleansTwitter.sln

log "build (Release, warnings as errors)"
dotnet build OrleansTwitter.sln -c Release --no-restore -warnaserror

log "test"
results=$(mktemp)
status=0
# One test project at a time: system and cluster tests assert timings (a dead silo declared
# within 5 s) that other test processes competing for this machine's 2 cores would distort.
# A hung test host is killed and reported instead of eating the CI budget.
for project in $(find tests -name '*Tests.csproj' | sort); do
  dotnet test "$project" -c Release --no-build --blame-hang-timeout 10m 2>&1 | tee -a "$results" || status=$?
done

# One closing line over all test projects, in the plain form CI reads.
passed=$(grep -Eo 'Passed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$results" | awk '{s+=$2} END {print s+0}')
rm -f "$results"
echo
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  echo "test.sh: FAILED (dotnet test exit code ${status})" >&2
  exit 1
fi
