#!/usr/bin/env bash
# The services the full test suite talks to, on loopback: PostgreSQL (127.0.0.1:5432, user
# postgres, trust auth), Redis (127.0.0.1:6379) and a single-node OpenSearch built from
# search/server/ (127.0.0.1:9200, or a free port when 9200 is taken).
#
#   scripts/services.sh start [postgres|redis|search ...]   install what is missing, start, wait
#   scripts/services.sh stop  [postgres|redis|search ...]
#   scripts/services.sh status [...]                        one line each; exit 1 if one is down
#   scripts/services.sh search-url                          the OpenSearch node's URL
#
# Idempotent: a service that already answers is left as it is. Installing needs root (apt-get).
# Environment: SERVICES_DIR (state: the node's data, logs and pid; default .services/),
# SEARCH_NODE_PORT (default 9200), SEARCH_NODE_HEAP (default 512m), JAVA_HOME.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SERVICES_DIR="${SERVICES_DIR:-$ROOT/.services}"
SEARCH_SERVER="$ROOT/search/server"
SEARCH_HOME="$SERVICES_DIR/search-node"
SEARCH_PID="$SERVICES_DIR/search-node.pid"
SEARCH_PORT_FILE="$SERVICES_DIR/search-node.port"
SEARCH_LOG="$SERVICES_DIR/search-node.log"
SEARCH_NODE_PORT="${SEARCH_NODE_PORT:-9200}"
SEARCH_NODE_HEAP="${SEARCH_NODE_HEAP:-512m}"
REDIS_PORT=6379
PG_PORT=5432
WAIT_SECONDS=120

say() { printf '%s\n' "$*"; }
fail() { printf 'services.sh: %s\n' "$*" >&2; exit 1; }

# --- Helpers ------------------------------------------------------------------------------

apt_install() {
    [ "$(id -u)" -eq 0 ] || fail "installing $* needs root (apt-get install $*)"
    say "installing $* from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # policy-rc.d 101: the packages must not start their services; this script starts them
    # itself, with its own settings.
    local policy=/usr/sbin/policy-rc.d created_policy=""
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    [ -z "$created_policy" ] || rm -f "$policy"
}

# wait_until SECONDS DESCRIPTION COMMAND...: run COMMAND every half second until it succeeds.
wait_until() {
    local seconds=$1 description=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt $deadline ] || fail "$description did not answer within ${seconds}s"
        sleep 0.5
    done
}

http_ok() {
    python3 - "$1" <<'PY'
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=5) as response:
    sys.exit(0 if response.status == 200 else 1)
PY
}

port_in_use() {
    python3 - "$1" <<'PY'
import socket, sys
with socket.socket() as s:
    sys.exit(0 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0 else 1)
PY
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# --- PostgreSQL ---------------------------------------------------------------------------

postgres_answers() {
    psql -w -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres -Atqc 'SELECT 1' 2>/dev/null | grep -qx 1
}

postgres_cluster() {
    # "version name" of the cluster on our port, else of the first one.
    pg_lsclusters --no-header 2>/dev/null | awk -v port=$PG_PORT '
        $3 == port { print $1, $2; found = 1; exit }
        NR == 1 { first = $1 " " $2 }
        END { if (!found && first) print first }'
}

postgres_trust_local() {
    local version=$1 name=$2 hba
    hba="/etc/postgresql/$version/$name/pg_hba.conf"
    if ! grep -q '^# services.sh: trust' "$hba"; then
        say "PostgreSQL $version/$name: trust auth for local connections ($hba; the old one kept as $hba.before-services)"
        [ -e "$hba.before-services" ] || cp -p "$hba" "$hba.before-services"
        cat >"$hba" <<EOF
# services.sh: trust auth for local connections, for development and CI only.
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
host    all   all   ::1/128       trust
EOF
    fi
}

start_postgres() {
    if postgres_answers; then
        say "postgres: already running on 127.0.0.1:$PG_PORT"
        return
    fi
    command -v pg_ctlcluster >/dev/null && command -v psql >/dev/null || apt_install postgresql
    local cluster version name
    cluster=$(postgres_cluster)
    if [ -z "$cluster" ]; then
        version=$(ls /usr/lib/postgresql | sort -V | tail -1)
        pg_createcluster --port $PG_PORT "$version" main >/dev/null
        cluster=$(postgres_cluster)
    fi
    read -r version name <<<"$cluster"
    postgres_trust_local "$version" "$name"
    if pg_ctlcluster "$version" "$name" status >/dev/null 2>&1; then
        pg_ctlcluster "$version" "$name" reload
    else
        pg_ctlcluster "$version" "$name" start
    fi
    wait_until $WAIT_SECONDS "PostgreSQL on 127.0.0.1:$PG_PORT" postgres_answers
    say "postgres: running on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
    local cluster
    cluster=$(postgres_cluster)
    if [ -n "$cluster" ] && pg_ctlcluster $cluster status >/dev/null 2>&1; then
        pg_ctlcluster $cluster stop
    fi
    say "postgres: stopped"
}

# --- Redis --------------------------------------------------------------------------------

redis_answers() {
    [ "$(redis-cli -h 127.0.0.1 -p $REDIS_PORT ping 2>/dev/null)" = PONG ]
}

start_redis() {
    if command -v redis-cli >/dev/null && redis_answers; then
        say "redis: already running on 127.0.0.1:$REDIS_PORT"
        return
    fi
    command -v redis-server >/dev/null || apt_install redis-server
    mkdir -p "$SERVICES_DIR"
    # Nothing to persist: the tests' data is throwaway.
    redis-server --bind 127.0.0.1 --port $REDIS_PORT --daemonize yes --save '' \
        --appendonly no --dir "$SERVICES_DIR" --logfile "$SERVICES_DIR/redis.log" \
        --pidfile "$SERVICES_DIR/redis.pid"
    wait_until $WAIT_SECONDS "Redis on 127.0.0.1:$REDIS_PORT" redis_answers
    say "redis: running on 127.0.0.1:$REDIS_PORT"
}

stop_redis() {
    if command -v redis-cli >/dev/null && redis_answers; then
        redis-cli -h 127.0.0.1 -p $REDIS_PORT shutdown nosave >/dev/null 2>&1 || true
    fi
    say "redis: stopped"
}

# --- OpenSearch ---------------------------------------------------------------------------

java_bin() {
    if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME/bin/java"; else command -v java; fi
}

search_pid() {
    [ -f "$SEARCH_PID" ] && kill -0 "$(cat "$SEARCH_PID")" 2>/dev/null && cat "$SEARCH_PID"
}

search_url() {
    [ -f "$SEARCH_PORT_FILE" ] && echo "http://127.0.0.1:$(cat "$SEARCH_PORT_FILE")"
}

search_answers() {
    local url
    url=$(search_url) && http_ok "$url/_cluster/health?wait_for_status=yellow&timeout=1s"
}

build_search_node() {
    local stamp="$SEARCH_SERVER/target/.built"
    if [ -f "$stamp" ] && [ -z "$(find "$SEARCH_SERVER/pom.xml" "$SEARCH_SERVER/src" -newer "$stamp" -print -quit)" ]; then
        return
    fi
    command -v mvn >/dev/null || fail "Maven (mvn) is needed to build the search node"
    say "search: building the node with Maven (search/server/; first build downloads ~50 MB to ~/.m2)"
    mkdir -p "$SERVICES_DIR"
    local build_log="$SERVICES_DIR/search-node-build.log"
    if ! (cd "$SEARCH_SERVER" && mvn -B -q package) >"$build_log" 2>&1; then
        tail -n 30 "$build_log" >&2
        fail "the Maven build of search/server/ failed; see $build_log"
    fi
    touch "$stamp"
}

start_search() {
    if search_pid >/dev/null && search_answers; then
        say "search: already running at $(search_url)"
        return
    fi
    build_search_node
    local port=$SEARCH_NODE_PORT
    if port_in_use "$port"; then
        port=$(free_port)
        say "search: port $SEARCH_NODE_PORT is taken; using $port"
    fi
    mkdir -p "$SEARCH_HOME"
    echo "$port" >"$SEARCH_PORT_FILE"
    # setsid: the node outlives this script and the terminal; its log goes to a file.
    setsid "$(java_bin)" -Xms"$SEARCH_NODE_HEAP" -Xmx"$SEARCH_NODE_HEAP" -XX:+UseG1GC \
        -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
        -cp "$SEARCH_SERVER/target/classes:$SEARCH_SERVER/target/lib/*" \
        org.network.searchnode.SearchNode "$SEARCH_HOME" "$port" \
        >>"$SEARCH_LOG" 2>&1 </dev/null &
    echo $! >"$SEARCH_PID"
    local deadline=$((SECONDS + WAIT_SECONDS))
    until search_answers 2>/dev/null; do
        search_pid >/dev/null || fail "the search node exited; see $SEARCH_LOG"
        [ $SECONDS -lt $deadline ] || fail "the search node did not answer within ${WAIT_SECONDS}s; see $SEARCH_LOG"
        sleep 0.5
    done
    say "search: running at $(search_url) (log: $SEARCH_LOG)"
}

stop_search() {
    local pid
    if pid=$(search_pid); then
        kill "$pid"
        local deadline=$((SECONDS + 30))
        while kill -0 "$pid" 2>/dev/null; do
            if [ $SECONDS -ge $deadline ]; then kill -9 "$pid" 2>/dev/null || true; fi
            sleep 0.2
        done
    fi
    rm -f "$SEARCH_PID"
    say "search: stopped"
}

# --- Commands -----------------------------------------------------------------------------

status_of() {
    case $1 in
        postgres) postgres_answers && say "postgres: running on 127.0.0.1:$PG_PORT" ;;
        redis) command -v redis-cli >/dev/null && redis_answers && say "redis: running on 127.0.0.1:$REDIS_PORT" ;;
        search) search_pid >/dev/null && search_answers && say "search: running at $(search_url)" ;;
    esac || { say "$1: not running"; return 1; }
}

command=${1:-}
shift || true
services=("$@")
[ ${#services[@]} -gt 0 ] || services=(postgres redis search)
for service in "${services[@]}"; do
    case $service in postgres | redis | search) ;; *) fail "unknown service: $service" ;; esac
done

case $command in
    start) for service in "${services[@]}"; do "start_$service"; done ;;
    stop) for service in "${services[@]}"; do "stop_$service"; done ;;
    status)
        down=0
        for service in "${services[@]}"; do status_of "$service" || down=1; done
        exit $down
        ;;
    search-url) search_url || fail "the search node has not been started (scripts/services.sh start search)" ;;
    *) fail "usage: scripts/services.sh start|stop|status [postgres|redis|search ...] | search-url" ;;
esac
