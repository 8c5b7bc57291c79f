#!/usr/bin/env bash
# The image's entrypoint (silo.Dockerfile): the first argument picks the program, the rest go
# to it unchanged.
#   silo [--Key=value ...]   dotnet silo/OrleansTwitter.Silo.dll, the command the system tests run
#   web  [--Key=value ...]   dotnet web/OrleansTwitter.Web.dll, likewise
#   health                   exit 0 when the running program's /health/live answers 200 (HEALTHCHECK)
# The programs sit in folders beside this script, so the deployment tests run this very script
# against the built binaries. `exec` keeps the program as the container's main process, so
# SIGTERM reaches it (a graceful shutdown) and its exit code is the container's.
set -euo pipefail

app=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# The role the container runs, for the health check, which Docker starts without our arguments.
role_file="${TMPDIR:-/tmp}/orleanstwitter.role"

usage() {
  echo "usage: entrypoint.sh silo|web [--Section:Key=value ...] | health" >&2
  exit 2
}

# The health check reads its address from the environment, as the program does (Silo__Host,
# Silo__HttpPort; ASPNETCORE_URLS for the web front end), and asks with bash's /dev/tcp: the
# runtime image has no curl or wget.
health() {
  local role host port url status
  role=$(cat "$role_file" 2>/dev/null) || { echo "health: no program started yet" >&2; return 1; }
  case "$role" in
    silo)
      host=${Silo__Host:-127.0.0.1}
      port=${Silo__HttpPort:-8080}
      ;;
    web)
      url=${ASPNETCORE_URLS:-http://localhost:5000}
      url=${url%%;*}
      port=${url##*:}
      port=${port%%/*}
      host=127.0.0.1
      ;;
    *)
      echo "health: unknown role '$role' in $role_file" >&2
      return 1
      ;;
  esac
  exec 3<>"/dev/tcp/$host/$port" || return 1
  printf 'GET /health/live HTTP/1.0\r\nHost: %s\r\n\r\n' "$host" >&3
  IFS= read -r -t 5 status <&3 || { echo "health: no answer from $host:$port" >&2; return 1; }
  exec 3>&-
  if [[ "$status" != HTTP/1.?' 200'* ]]; then
    echo "health: $host:$port/health/live answered '${status%$'\r'}'" >&2
    return 1
  fi
}

[ "$#" -ge 1 ] || usage
role="$1"
shift
case "$role" in
  silo) program="$app/silo/OrleansTwitter.Silo.dll" ;;
  web) program="$app/web/OrleansTwitter.Web.dll" ;;
  health) health; exit $? ;;
  *) usage ;;
esac
echo "$role" > "$role_file"
exec dotnet "$program" "$@"
