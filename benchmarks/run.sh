#!/usr/bin/env bash
# The side-by-side benchmark (issue 19): one social graph, the same read/post mix against each
# target (sql, redis, chirper, cluster, http), the ratios between them and a chart. It starts
# everything it measures and stops it at the end: a redis-server on a free loopback port (the
# redis target), a private PostgreSQL cluster in a temporary folder, run as a non-root user
# (the sql target), and, from the load generator, a redis-server for membership, 2 silo
# processes and the web front end (the Orleans targets). It installs redis-server and
# PostgreSQL with apt-get when they are missing and it runs as root, as ./test.sh does.
#
#   benchmarks/run.sh [--quick] [--json PATH]
#
#   --quick      a 2,000-user graph, 5 s warm-up and 15 s measured per target: under 10
#                minutes on a 2-core machine. Without it: 20,000 users, 15 s + 60 s.
#   --json PATH  also write the results as JSON (the issue's format) to PATH.
#
# The chart goes to docs/benchmarks/side-by-side.svg. The graphs are smaller than the
# 100,000 users of `graph`'s default because the cluster's graph is loaded through the
# product's own API (register, post, follow), which does some 1,000 follows a second here;
# docs/benchmarks/side-by-side.md says more.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '10,15p' "$0" | sed 's/^# \{0,1\}//'; }

quick=false
json=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --json)
      if [ $# -lt 2 ]; then
        echo "--json needs a path" >&2
        exit 2
      fi
      json="$2"
      shift
      ;;
    --json=*) json="${1#--json=}" ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      echo "unknown argument: $1" >&2
      usage >&2
      exit 2
      ;;
  esac
  shift
done

REQUIRE_CALLER=benchmarks/run.sh
# shellcheck source=../tools/require.sh
. tools/require.sh

# A loopback port nobody listens on, from the range the repository's FreeTcpPort picks from
# (below the ports the system hands out for outgoing connections).
free_port() {
  local port
  for _ in $(seq 1 64); do
    port=$((20000 + RANDOM % 12768))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free loopback port found" >&2
  exit 1
}

require_dotnet
require_redis_server
require_postgresql
pg_bin=$(postgresql_bin)

# PostgreSQL refuses to run as root: as root, its programs run as the postgres user that
# Debian's package creates, in a folder that user owns.
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "run.sh runs as root, and PostgreSQL needs a non-root user: there is no 'postgres' user (apt-get install -y postgresql creates it)." >&2
    exit 1
  fi
  as_pg=(setpriv --reuid=postgres --regid=postgres --init-groups)
else
  as_pg=()
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d /tmp/ot-bench.XXXXXX)
redis_pid=""
pg_dir=""
pg_started=false
cleanup() {
  local status=$?
  if [ -n "$redis_pid" ] && kill -0 "$redis_pid" 2>/dev/null; then
    kill "$redis_pid" 2>/dev/null || true
    wait "$redis_pid" 2>/dev/null || true
  fi
  if [ "$pg_started" = true ]; then
    (cd /tmp && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w -t 60 stop >/dev/null) ||
      echo "run.sh: PostgreSQL in $pg_dir did not stop; stop it with pg_ctl -D $pg_dir/data stop" >&2
  fi
  if [ -n "$pg_dir" ]; then
    rm -rf "$pg_dir"
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "build the load generator (Release)"
dotnet build src/OrleansTwitter.LoadGen -c Release -warnaserror -nologo -v quiet
loadgen=src/OrleansTwitter.LoadGen/bin/Release/net10.0/OrleansTwitter.LoadGen.dll

log "start redis-server"
redis_port=$(free_port)
# Persistence off, as the fan-out baseline ran: the timelines are a cache.
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >"$work/redis.log" 2>&1 &
redis_pid=$!
for _ in $(seq 1 150); do
  if [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = "PONG" ]; then
    break
  fi
  if ! kill -0 "$redis_pid" 2>/dev/null; then
    echo "redis-server exited before answering PING:" >&2
    cat "$work/redis.log" >&2
    exit 1
  fi
  sleep 0.1
done
if [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" != "PONG" ]; then
  echo "redis-server on port $redis_port did not answer PING within 15 s:" >&2
  cat "$work/redis.log" >&2
  exit 1
fi
echo "redis-server $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') on 127.0.0.1:$redis_port"

log "start a private PostgreSQL cluster"
# The programs run from /tmp: as the postgres user they may not enter this repository.
pg_dir=$(cd /tmp && "${as_pg[@]}" mktemp -d /tmp/ot-bench-pg.XXXXXX)
(cd /tmp && "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U bench --auth=trust --no-sync -E UTF8 --locale=C >"$work/initdb.log" 2>&1) || {
  cat "$work/initdb.log" >&2
  exit 1
}
pg_port=$(free_port)
# Durability off (fsync, synchronous commit, full-page writes), as Redis runs without
# persistence: the comparison is of the designs, not of disks. Buffers big enough for the
# whole 100,000-user graph (about 1 GB with its indexes), so reads are served from memory.
pg_options="-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB -c max_wal_size=8GB -c max_connections=200"
pg_started=true
(cd /tmp && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 -o "$pg_options" start >/dev/null) || {
  cat "$pg_dir/server.log" >&2
  exit 1
}
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (data in $pg_dir)"

# The celebrity threshold is set so that a handful of users are celebrities on each graph, as
# on the 100,000-user one (7 above 10,000 followers): 6 of 2,000 users above 1,500, 8 of 20,000
# above 4,000.
if [ "$quick" = true ]; then
  shape=(--users 2000 --celebrity-threshold 1500 --memory-users 500)
  timing=(--warmup 5 --duration 15)
else
  shape=(--users 20000 --celebrity-threshold 4000)
  timing=(--warmup 15 --duration 60)
fi
args=(bench
  --redis "127.0.0.1:$redis_port"
  --postgres "Host=127.0.0.1;Port=$pg_port;Username=bench;Database=postgres"
  --chart docs/benchmarks/side-by-side.svg
  "${shape[@]}" "${timing[@]}")
if [ -n "$json" ]; then
  args+=(--json "$json")
fi

log "run: sql, redis, chirper, cluster and http on one graph"
dotnet "$loadgen" "${args[@]}"
