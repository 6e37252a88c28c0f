#!/usr/bin/env bash
# Whole-system load benchmark through the gateway, side by side with the machine's own limits.
# Called by `deploy/stack bench`; needs a running `deploy/stack up`.
#
#   deploy/stack bench [--duration S] [--users N] [--scenario LIST] [--flow-rate R] [--flow-duration S]
#                      [--no-startup] [--warmup S] [--out DIR]
#
#   --duration S       seconds per closed-model scenario, the first 5 s being warm-up (default 30)
#   --users N          concurrent virtual users = connections; pgbench runs with as many clients (default 16)
#   --scenario LIST    comma-separated subset of: gateway-reference,pgbench,status,reads,lists,flow,agents,
#                      filing,mix,startup (default: all, in that order)
#   --flow-rate R      cases/s filed for the event-flow latency (default 100) for --flow-duration S (default 60)
#   --no-startup       skip the startup/idle-RSS measurement of each service
#   --warmup S         seconds of the mix scenario, not measured, before the first scenario (default 120): a
#                      service's JIT needs minutes of load on two shared cores before its figures settle
#                      (case reads: ~1 000/s in the first minute, ~3 400/s warm)
#   --out DIR          results directory (default deploy/bench/target/results/<UTC timestamp>)
#
# Writes DIR/report.md, DIR/throughput.svg, DIR/event-flow.svg and the raw records of every scenario.
# It starts (and stops) its own processes only: two nginx instances rendered from deploy/gateway/nginx.conf
# (the benchmark gateway on :18080 in front of the stack's services, and the reference gateway on :18082 in
# front of a trivial upstream on :18083), the Gatling JVMs, pgbench and, for the startup figures, one
# extra instance of each service on ports 18091-18094 with its own database and no Kafka consumers.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
# The stack being measured (its PID files, its service jars); by default this repository's.
STACK_ROOT="${CASEWORK_STACK_ROOT:-$ROOT}"
RUN_DIR="${CASEWORK_RUN_DIR:-$STACK_ROOT/deploy/.run}"
JAVA_HOME="${CASEWORK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
PG_BIN="/usr/lib/postgresql/15/bin"
export PGPASSWORD=casework PGCONNECT_TIMEOUT=5 PGOPTIONS="-c client_min_messages=warning"
PG=(-h 127.0.0.1 -p 5432 -U casework)
KEYCLOAK="http://localhost:8180/realms/casework"  # the issuer the services expect
GREENMAIL_API="http://127.0.0.1:8025"
BENCH_GATEWAY_PORT=18080
REFERENCE_GATEWAY_PORT=18082
TRIVIAL_UPSTREAM_PORT=18083
# Same JVM options as deploy/stack gives the services (CASEWORK_SERVICE_JAVA_OPTS).
SERVICE_JAVA_OPTS="${CASEWORK_SERVICE_JAVA_OPTS:--Xms32m -Xmx512m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000}"
SERVICES=(case-service:8081:casework_cases sla-service:8082:casework_sla
          notification-service:8083:casework_notifications status-service:8084:casework_status)

duration=30 users=16 flow_rate=100 flow_duration=60 startup=1 out="" warmup=120
scenarios="gateway-reference,pgbench,status,reads,lists,flow,agents,filing,mix,startup"
while (( $# )); do
  case "$1" in
    --duration) duration="$2"; shift ;;
    --users) users="$2"; shift ;;
    --scenario|--scenarios) scenarios="$2"; shift ;;
    --flow-rate) flow_rate="$2"; shift ;;
    --flow-duration) flow_duration="$2"; shift ;;
    --no-startup) startup=0 ;;
    --warmup) warmup="$2"; shift ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $1 (see deploy/stack bench --help)" >&2; exit 2 ;;
  esac
  shift
done
(( startup )) || scenarios="${scenarios//startup/}"
run_id="$(date -u +%Y%m%d%H%M%S)"
out="${out:-$BENCH_DIR/target/results/$run_id}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
contact="bench-$run_id@acme.example"

say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }
wants() { [[ ",$scenarios," == *",$1,"* ]]; }

# ------------------------------------------------------------------------------------------
# Preflight: the stack must be up and answering, the tools present.
# ------------------------------------------------------------------------------------------
[[ -x "$JAVA_HOME/bin/java" ]] || fail "Java 25 not found at $JAVA_HOME (set CASEWORK_JAVA_HOME)"
for tool in nginx curl; do command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install -y $tool)"; done
[[ -x "$PG_BIN/pgbench" && -x "$PG_BIN/psql" ]] || fail "pgbench/psql of PostgreSQL 15 missing at $PG_BIN"
down=()
"$PG_BIN/pg_isready" -q -h 127.0.0.1 -p 5432 || down+=("postgres :5432")
curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:8080/healthz" || down+=("gateway :8080")
curl -fsS -o /dev/null --max-time 3 "$KEYCLOAK/.well-known/openid-configuration" || down+=("keycloak :8180")
curl -fsS -o /dev/null --max-time 3 "$GREENMAIL_API/api/service/readiness" || down+=("greenmail :8025")
timeout 2 bash -c 'exec 3<>/dev/tcp/127.0.0.1/9092' 2>/dev/null || down+=("kafka :9092")
for s in "${SERVICES[@]}"; do
  IFS=: read -r module port _ <<<"$s"
  curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:$port/q/health/ready" || down+=("$module :$port")
done
(( ${#down[@]} == 0 )) || fail "the stack is not up (not answering: ${down[*]}); start it with deploy/stack up"

# PIDs of the processes to sample: the owner of each port (descendants are included by the sampler),
# looked up again before every scenario (a service restarted in between gets a new PID).
port_pid() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1; }
current_pids() {
  local spec="postgres=$(port_pid 5432),kafka=$(port_pid 9092),keycloak=$(port_pid 8180),greenmail=$(port_pid 2525)" s module port
  for s in "${SERVICES[@]}"; do IFS=: read -r module port _ <<<"$s"; spec+=",$module=$(port_pid "$port")"; done
  spec+=",gateway=$(port_pid "$BENCH_GATEWAY_PORT"),reference-gateway=$(port_pid "$REFERENCE_GATEWAY_PORT")"
  spec+=",trivial-upstream=$(port_pid "$TRIVIAL_UPSTREAM_PORT")"
  # a component without a PID (not running) is left out rather than sampled as PID 0
  tr ',' '\n' <<<"$spec" | grep -v '=$' | paste -sd, -
}
[[ -n "$(port_pid 8081)" ]] || fail "cannot see the PID behind port 8081; run as the user that started the stack"

# ------------------------------------------------------------------------------------------
# Build the Gatling simulation (test classes + class path) — never run by ./mvnw verify.
# ------------------------------------------------------------------------------------------
say "building deploy/bench (Gatling simulation)"
(cd "$ROOT" && ./mvnw -B -q -Pbench -pl deploy/bench test-compile dependency:build-classpath \
   -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test) > "$out/build.log" 2>&1 \
  || { tail -n 40 "$out/build.log" >&2; fail "building deploy/bench failed (log: $out/build.log)"; }
CP="$BENCH_DIR/target/test-classes:$(cat "$BENCH_DIR/target/classpath.txt")"

# ------------------------------------------------------------------------------------------
# Our own nginx instances (stopped on exit): the stack's gateway config with the rate limits lifted
# (200 r/s per address would otherwise be the only thing measured), and the reference pair.
# ------------------------------------------------------------------------------------------
started_pids=()
extra_pids=()
cleanup() {
  local pid
  for pid in "${extra_pids[@]}" "${started_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${extra_pids[@]}" "${started_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_nginx() { # name conf
  local prefix="$out/nginx-$1"
  nginx -t -q -p "$prefix" -c "$2" -e "$prefix/error.log" 2> "$prefix/configtest.log" \
    || fail "nginx rejects $2: $(cat "$prefix/configtest.log")"
  nginx -p "$prefix" -c "$2" -e "$prefix/error.log" -g 'daemon off;' > "$prefix/nginx.log" 2>&1 &
  started_pids+=("$!")
}
wait_http() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -sS -o /dev/null --max-time 2 "$1" 2>/dev/null; do
    (( SECONDS < deadline )) || fail "$1 does not answer"
    sleep 0.2
  done
}
for port in "$BENCH_GATEWAY_PORT" "$REFERENCE_GATEWAY_PORT" "$TRIVIAL_UPSTREAM_PORT"; do
  [[ -z "$(port_pid "$port")" ]] || fail "port $port is in use ($(ss -ltnpH "sport = :$port" | head -1)); is another benchmark running?"
done
render_gateway() { # name listen upstream-or-empty
  local prefix="$out/nginx-$1" up="${3:-}"
  mkdir -p "$prefix/tmp"
  env GATEWAY_PREFIX="$prefix" GATEWAY_LISTEN="127.0.0.1:$2" \
      GATEWAY_ACCESS_LOG="$prefix/access.log" GATEWAY_ERROR_LOG="$prefix/error.log" \
      API_RATE=100000r/s API_BURST=100000 API_IP_RATE=100000r/s API_IP_BURST=100000 \
      ${up:+CASE_UPSTREAM=$up SLA_UPSTREAM=$up NOTIFICATION_UPSTREAM=$up STATUS_UPSTREAM=$up} \
      "$ROOT/deploy/gateway/render-conf.sh" "$prefix/nginx.conf"
}
render_gateway bench "$BENCH_GATEWAY_PORT"
render_gateway reference "$REFERENCE_GATEWAY_PORT" "127.0.0.1:$TRIVIAL_UPSTREAM_PORT"
mkdir -p "$out/nginx-trivial/tmp"
sed -e "s|@PREFIX@|$out/nginx-trivial|g" -e "s|@LISTEN@|127.0.0.1:$TRIVIAL_UPSTREAM_PORT|" \
  "$BENCH_DIR/trivial-upstream.conf" > "$out/nginx-trivial/nginx.conf"
start_nginx trivial "$out/nginx-trivial/nginx.conf"
start_nginx reference "$out/nginx-reference/nginx.conf"
start_nginx bench "$out/nginx-bench/nginx.conf"
wait_http "http://127.0.0.1:$BENCH_GATEWAY_PORT/healthz" 10
wait_http "http://127.0.0.1:$REFERENCE_GATEWAY_PORT/healthz" 10

# psql for the benchmark's own bookkeeping. As root it connects as the postgres superuser over the Unix
# socket, into the slots PostgreSQL reserves for superusers: the services' pools may hold every ordinary slot
# (max_connections) after a load scenario. Otherwise as casework over TCP, retried while no slot is free.
q() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$PG_BIN/psql" -p 5432 -d "$1" -qAtX -v ON_ERROR_STOP=1 -c "$2")
    return
  fi
  local attempt
  for attempt in $(seq 1 30); do
    if "$PG_BIN/psql" "${PG[@]}" -d "$1" -qAtX -v ON_ERROR_STOP=1 -c "$2" 2> "$out/psql-error.txt"; then return 0; fi
    grep -q "connection slots\|too many clients" "$out/psql-error.txt" || break
    sleep 2
  done
  cat "$out/psql-error.txt" >&2
  return 1
}

# ------------------------------------------------------------------------------------------
# The machine
# ------------------------------------------------------------------------------------------
{
  echo "run_id=$run_id"
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu=$(nproc) x $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel=$(uname -r)"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "postgres=$("$PG_BIN/postgres" --version)"
  echo "nginx=$(nginx -v 2>&1)"
  echo "users=$users"
  echo "duration=$duration"
  echo "flow_rate=$flow_rate"
  echo "flow_duration=$flow_duration"
  echo "service_java_opts=$SERVICE_JAVA_OPTS"
  echo "warmup_s=$warmup"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.properties"
# Database sizes and case count before and after, for the growth per case (docs/performance.md, scaling).
db_sizes() { # suffix
  local db
  for s in "${SERVICES[@]}"; do
    IFS=: read -r _ _ db <<<"$s"
    echo "db_bytes_$1.$db=$(q "$db" "SELECT pg_database_size(current_database())")"
  done
  echo "cases_$1=$(q casework_cases "SELECT count(*) FROM support_case")"
}
db_sizes start >> "$out/machine.properties"

# ------------------------------------------------------------------------------------------
# Scenarios
# ------------------------------------------------------------------------------------------
gatling() { # scenario [extra -D...]
  local name="$1"; shift
  local dir="$out/${GATLING_DIR:-$name}"
  mkdir -p "$dir"
  cut -d' ' -f1-3 /proc/loadavg > "$dir/load-before.txt"
  say "scenario $name"
  java -Xms512m -Xmx1g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -cp "$CP" -Dbench.scenario="$name" -Dbench.out="$dir" -Dbench.run="$run_id" -Dbench.users="$users" \
    -Dbench.duration="$duration" -Dbench.warmup=5 -Dbench.pids="$(current_pids)" \
    -Dbench.gateway="http://127.0.0.1:$BENCH_GATEWAY_PORT" -Dbench.reference="http://127.0.0.1:$REFERENCE_GATEWAY_PORT" \
    -Dbench.keycloak="$KEYCLOAK" "$@" \
    io.gatling.app.Gatling -s io.casework.bench.CaseworkSimulation -rf "$dir/gatling" -nr -rd "$name" \
    > "$dir/gatling.log" 2>&1 || { tail -n 30 "$dir/gatling.log" >&2; fail "scenario $name failed (log: $dir/gatling.log)"; }
  cut -d' ' -f1-3 /proc/loadavg > "$dir/load-after.txt"
}


# Waits (at most $1 s) until this run's events have flowed through: no unrelayed outbox rows in case-service
# and sla-service, and no mail to this run's address in the last 2 s. Notes what was still pending.
drain() { # max-seconds label
  local deadline=$((SECONDS + $1)) cases sla mail
  while :; do
    cases="$(q casework_cases "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")"
    sla="$(q casework_sla "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")"
    mail="$(q casework_notifications "SELECT count(*) FROM delivery WHERE recipient = '$contact' AND created_at > now() - interval '2 seconds'")"
    if [[ "$cases" == 0 && "$sla" == 0 && "$mail" == 0 ]]; then return 0; fi
    if (( SECONDS >= deadline )); then
      echo "$2: after ${1}s still busy: $cases case events and $sla SLA events unrelayed, $mail mails of this run in the last 2 s" \
        | tee -a "$out/drain.txt"
      return 0
    fi
    sleep 1
  done
}

if (( warmup > 0 )); then
  GATLING_DIR=warmup gatling mix -Dbench.duration="$warmup"
  drain 60 "after the warm-up"
fi

for name in gateway-reference status reads lists; do
  if wants "$name"; then gatling "$name"; fi
  if [[ "$name" == gateway-reference ]] && wants pgbench; then
    say "reference pgbench: single-row INSERT, $users clients, prepared, 20 s"
    q postgres "SELECT 1 FROM pg_database WHERE datname = 'casework_bench'" | grep -q 1 \
      || q postgres "CREATE DATABASE casework_bench OWNER casework" >/dev/null
    q casework_bench "DROP TABLE IF EXISTS bench_insert; CREATE TABLE bench_insert (id bigserial PRIMARY KEY, subject text, created_at timestamptz DEFAULT now()); ALTER TABLE bench_insert OWNER TO casework"
    echo "INSERT INTO bench_insert (subject) VALUES ('benchmark row');" > "$out/pgbench-insert.sql"
    cut -d' ' -f1-3 /proc/loadavg > "$out/pgbench-load.txt"
    "$PG_BIN/pgbench" "${PG[@]}" -n -M prepared -c "$users" -j 2 -T 20 -f "$out/pgbench-insert.sql" casework_bench \
      > "$out/pgbench.txt" 2>&1 || { cat "$out/pgbench.txt" >&2; fail "pgbench failed"; }
    q casework_bench "DROP TABLE bench_insert"
  fi
done

# The stack's CPU time (every process and its children, load generator and benchmark gateways excluded), in ticks.
stack_pids() { current_pids | tr ',' '\n' | grep -v -e '^reference-gateway=' -e '^trivial-upstream=' | paste -sd, -; }
stack_ticks() { python3 "$BENCH_DIR/stack-ticks.py" "$1" | awk '{s += $2} END {print s + 0}'; }
if wants flow; then
  drain 60 "before flow"
  # CPU per filed case: the stack's CPU from the flow's start until it is idle again (every consumer done, every mail
  # accepted), its own idle rate subtracted, per process (/work/shared/tools/cpu-per-case measures the same way).
  flow_pids="$(stack_pids)"
  idle_a="$(python3 "$BENCH_DIR/stack-ticks.py" "$flow_pids")"; sleep 10
  idle_b="$(python3 "$BENCH_DIR/stack-ticks.py" "$flow_pids")"
  # Statements per filed case, when the stack's PostgreSQL loaded pg_stat_statements (deploy/stack up does).
  statements=0
  q postgres "SELECT pg_stat_statements_reset()" >/dev/null 2>&1 && statements=1
  cost_t0="$(date +%s.%N)"
  python3 "$BENCH_DIR/stack-ticks.py" "$flow_pids" > "$out/flow-ticks-start.txt"
  gatling flow -Dbench.rate="$flow_rate" -Dbench.duration="$flow_duration"
  drain 60 "after flow"
  idle_rate=$(( ($(awk '{s += $2} END {print s}' <<<"$idle_b") - $(awk '{s += $2} END {print s}' <<<"$idle_a") + 9) / 10 ))
  quiet=0
  for _ in $(seq 300); do # idle again: at most the idle rate + 3 ticks/s for 3 s in a row (at most 5 minutes)
    a="$(stack_ticks "$flow_pids")"; sleep 1; b="$(stack_ticks "$flow_pids")"
    if (( b - a <= idle_rate + 3 )); then quiet=$((quiet + 1)); (( quiet >= 3 )) && break; else quiet=0; fi
  done
  python3 "$BENCH_DIR/stack-ticks.py" "$flow_pids" > "$out/flow-ticks-end.txt"
  cost_seconds="$(python3 -c "import time; print(round(time.time() - $cost_t0, 1))")"
  join <(sort "$out/flow-ticks-start.txt") <(sort "$out/flow-ticks-end.txt") \
    | join - <(join <(sort <<<"$idle_a") <(sort <<<"$idle_b")) \
    | awk -v s="$cost_seconds" -v hz="$(getconf CLK_TCK)" \
        '{printf "%s,%.1f,%.1f\n", $1, ($3 - $2) * 1000 / hz, ($5 - $4) / 10 * s * 1000 / hz}' > "$out/flow/cpu.csv"
  echo "window_s=$cost_seconds" >> "$out/flow/cpu.csv.properties"
  if (( statements )); then
    q postgres "COPY (SELECT d.datname, sum(s.calls)::bigint, round(sum(s.total_exec_time)::numeric, 1)
        FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname LIKE 'casework\_%'
        GROUP BY 1 ORDER BY 1) TO STDOUT WITH CSV" > "$out/flow/statements.csv"
    q postgres "COPY (SELECT d.datname, s.calls, left(regexp_replace(s.query, '\s+', ' ', 'g'), 200)
        FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname LIKE 'casework\_%'
        ORDER BY s.calls DESC LIMIT 40) TO STDOUT WITH CSV" > "$out/flow/statements-top.csv"
  fi
  flow_start="$(sed -n 's/^start_ms=//p' "$out/flow/meta.properties")"
  since="to_timestamp($flow_start / 1000.0) - interval '5 seconds'"
  ms() { printf "(extract(epoch from %s) * 1000)::bigint" "$1"; }
  q casework_cases "COPY (SELECT aggregate_id, id, $(ms created_at), $(ms published_at) FROM outbox_event
      WHERE type = 'io.casework.case.opened' AND created_at >= $since) TO STDOUT WITH CSV" > "$out/flow/outbox.csv"
  q casework_sla "COPY (SELECT event_id, $(ms processed_at) FROM processed_message
      WHERE type = 'io.casework.case.opened' AND processed_at >= $since) TO STDOUT WITH CSV" > "$out/flow/sla.csv"
  q casework_notifications "COPY (SELECT case_id, $(ms sent_at), status FROM delivery
      WHERE kind = 'CASE_OPENED' AND recipient = '$contact' AND created_at >= $since) TO STDOUT WITH CSV" > "$out/flow/mail.csv"
fi

for name in agents filing mix; do
  if wants "$name"; then gatling "$name"; drain 30 "after $name"; fi
done

# ------------------------------------------------------------------------------------------
# Startup: `java -jar` of each service on another port, own scratch database, Kafka consumers disabled (the
# extra instance must neither take partitions from the running services nor replay their events). Two starts: the
# first migrates an empty database, the second is an ordinary restart. Idle RSS 10 s after ready.
# ------------------------------------------------------------------------------------------
if wants startup; then
  attachments_key="$(head -c 32 /dev/urandom | base64)"
  link_secret="$(head -c 32 /dev/urandom | base64)"
  aot_token="$("$STACK_ROOT/deploy/stack" token alice)"
  echo "service,start,ready_ms,quarkus_started_s,idle_rss_kb" > "$out/startup.csv"
  i=0
  for s in "${SERVICES[@]}"; do
    IFS=: read -r module _ _ <<<"$s"
    i=$((i + 1))
    port=$((18090 + i)) db="casework_bench_${module//-/_}"
    jar="$STACK_ROOT/$module/target/quarkus-app/quarkus-run.jar"
    [[ -f "$jar" ]] || fail "$jar missing (build the services first)"
    [[ -z "$(port_pid "$port")" ]] || fail "port $port is in use"
    q postgres "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
    q postgres "CREATE DATABASE $db OWNER casework" >/dev/null
    # Consumers off (system properties: exact names): a new group would start from the earliest offsets
    # (notification-service and sla-service read case events from the beginning) and mail or publish for
    # every case of the running stack. The Kafka connection, producers and health checks stay on.
    consumers_off=()
    while read -r channel; do
      consumers_off+=("-Dmp.messaging.incoming.$channel.enabled=false")
    done < <(sed -n 's/^mp\.messaging\.incoming\.\([a-z-]*\)\.connector=.*/\1/p' \
               "$STACK_ROOT/$module/src/main/resources/application.properties")
    # first: empty database; restart: migrated; training: -XX:AOTCacheOutput, exercised, then stopped (the JVM
    # writes the cache as it exits); aot cache: started with that cache, as `deploy/stack aot` makes the stack do.
    aot="$out/startup-$module.aot"
    for start in first restart training "aot cache"; do
      say "startup: $module ($start) on :$port"
      log="$out/startup-$module-${start// /-}.log"
      aot_opts=()
      [[ "$start" == training ]] && aot_opts=("-XX:AOTCacheOutput=$aot")
      [[ "$start" == "aot cache" ]] && aot_opts=("-XX:AOTCache=$aot")
      t0=$(date +%s%N)
      env QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 DB_HOST=127.0.0.1 DB_PORT=5432 DB_USER=casework \
          DB_PASSWORD=casework DB_NAME="$db" DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" KAFKA_BOOTSTRAP=127.0.0.1:9092 \
          OIDC_AUTH_SERVER_URL="$KEYCLOAK" SMTP_HOST=127.0.0.1 SMTP_PORT=2525 \
          ATTACHMENTS_DIR="$out/startup-attachments" ATTACHMENTS_KEY="$attachments_key" \
          CASEWORK_LINK_SECRET="$link_secret" \
          java $SERVICE_JAVA_OPTS "${aot_opts[@]}" "${consumers_off[@]}" -jar "$jar" > "$log" 2>&1 &
      pid=$!
      extra_pids+=("$pid")
      ready_ms=""
      for _ in $(seq 1 1200); do
        if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then
          ready_ms=$(( ($(date +%s%N) - t0) / 1000000 )); break
        fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
      done
      [[ -n "$ready_ms" ]] || { tail -n 30 "$log" >&2; fail "$module did not become ready (log: $log)"; }
      if [[ "$start" == training ]]; then
        for _ in $(seq 1 20); do
          for path in /q/health/ready /q/openapi /q/metrics /api/v1/cases?limit=5 /api/v1/sla/calendars \
                      /api/v1/notifications/preferences /api/v1/status/products /api/v1/status/incidents.json /status; do
            curl -s -o /dev/null --max-time 5 -H "Authorization: Bearer $aot_token" "http://127.0.0.1:$port$path" || true
          done
        done
        kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
        extra_pids=("${extra_pids[@]/$pid}")
        [[ -s "$aot" ]] || fail "$module wrote no AOT cache (log: $log)"
        continue
      fi
      sleep 10
      rss="$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")"
      started="$(sed -n 's/.* started in \([0-9.]*\)s.*/\1/p' "$log" | head -1)"
      echo "$module,$start,$ready_ms,${started:-},$rss" >> "$out/startup.csv"
      kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
      extra_pids=("${extra_pids[@]/$pid}")
    done
    rm -f "$aot"   # ~150 MB each
    q postgres "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  done
fi

# ------------------------------------------------------------------------------------------
# Report, and remove this run's mail from GreenMail (all of it went to $contact).
# ------------------------------------------------------------------------------------------
echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.properties"
db_sizes end >> "$out/machine.properties"
curl -fsS -o /dev/null -X DELETE "$GREENMAIL_API/api/user/$contact" 2>/dev/null || true
say "writing the report"
java -cp "$CP" io.casework.bench.Report "$out" > "$out/report.log" 2>&1 \
  || { cat "$out/report.log" >&2; fail "report generation failed"; }
say "report: $out/report.md (plots: $out/throughput.svg, $out/event-flow.svg)"
