#!/usr/bin/env bash
# The test command (README.md): restores, builds the whole solution in Release with warnings
# as errors, and runs every test project. It installs what the tests need when it is missing.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

# What the tests need, and how to install it when it is missing (tools/require.sh):
# - redis-server: Orleans' Redis clustering, the start-up checks and the system tests;
# - Azurite, the Azure Storage emulator: Orleans' Azure Blob grain storage and Azure Queue streams;
# - Chromium: the browser tests (tests/OrleansTwitter.Web.BrowserTests), through Playwright;
# - PostgreSQL: the load generator's join-on-read baseline (tests/OrleansTwitter.LoadGen.Tests),
#   run from /usr/lib/postgresql/<version>/bin as the package's non-root postgres user;
# - kubectl: the deployment tests (tests/OrleansTwitter.Deployment.Tests) render k8s/ offline.
REQUIRE_CALLER=./test.sh
# shellcheck source=tools/require.sh
. tools/require.sh

# Tests start these servers themselves, on free loopback ports.
require_dotnet
require_redis_server
require_azurite
require_chromium
require_postgresql
require_kubectl
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
