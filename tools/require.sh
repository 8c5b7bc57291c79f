# Shared by ./test.sh and benchmarks/run.sh (sourced, not run): finds or installs what they
# need. Servers come from apt when missing and the script runs as root (apt's index is
# refreshed at most once per run); Azurite comes from npm, pinned by tools/azurite's lock file.
# The caller sets REQUIRE_CALLER to its own name, for the messages that say how to go on.

log() { printf '\n==> %s\n' "$*"; }

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "dotnet is not installed: install the .NET 10 SDK (see global.json)." >&2
    exit 1
  fi
}

apt_updated=false

# apt_install PACKAGE WHAT: installs a Debian package, or stops saying how to get WHAT.
apt_install() {
  local package="$1" what="$2"
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "$what is not installed, and $REQUIRE_CALLER can install it only as root with apt-get:" >&2
    echo "install it (Debian/Ubuntu: sudo apt-get install -y $package), then run $REQUIRE_CALLER again." >&2
    exit 1
  fi
  log "install $package (apt-get)"
  if [ "$apt_updated" = false ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package"
}

require_redis_server() {
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server "redis-server"
}

# Playwright cannot download a browser here: the browser tests launch Debian's Chromium.
require_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium "Chromium (/usr/bin/chromium)"
}

# Debian keeps PostgreSQL's server programs (initdb, pg_ctl, postgres) out of PATH, under
# /usr/lib/postgresql/<version>/bin; prints the folder that holds them (the newest version),
# or nothing.
postgresql_bin() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return
  fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$found" ] && [ -x "$found/initdb" ]; then
    echo "$found"
  fi
}

require_postgresql() {
  [ -n "$(postgresql_bin)" ] || apt_install postgresql "PostgreSQL (initdb)"
}

# The deployment tests render k8s/ offline with `kubectl kustomize` (kubectl 1.32 bundles
# kustomize 5.5); no cluster is needed or contacted.
require_kubectl() {
  command -v kubectl >/dev/null 2>&1 || apt_install kubectl "kubectl"
}

# `npm ci` installs the Azurite of tools/azurite/package-lock.json into that folder, never
# globally; the fixtures start it from there on free loopback ports.
require_azurite() {
  if [ -x tools/azurite/node_modules/.bin/azurite ]; then
    return
  fi
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "Azurite is not installed in tools/azurite, and installing it needs Node.js and npm:" >&2
    echo "install Node.js 18 or later with npm (Debian/Ubuntu: sudo apt-get install -y nodejs npm), then run $REQUIRE_CALLER again." >&2
    exit 1
  fi
  log "install Azurite (npm ci --prefix tools/azurite)"
  npm ci --prefix tools/azurite --no-audit --no-fund
}
