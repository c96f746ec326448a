#!/usr/bin/env bash
# Builds registry.jar and the benchmarks (into target-bench, apart from other builds), then runs the benchmarks
# and prints their figures. Usage:
#   benchmarks/run.sh               all: every benchmark below once, in a short mode (total under 15 minutes on 2
#                                   idle cores; each benchmark's time and the total are printed at the end)
#   benchmarks/run.sh store|throughput|server|rising|log|checkpoint|register|rebuild|search|mixed|nodes|calendar [arguments of that benchmark]
#   (server [server-alone commands, default 3000] [registry commands per round, default 3000] [warm-up, default 1000]
#   [threads, default 1,8]: the registry's throughput rounds, then the same database operations one signed ApplyForPermit
#   causes, documents of the registry's sizes, done by a plain driver client at 1 and 8 threads on a fresh embedded
#   server: "commands/s the server alone allows" and its CPU per command by thread group)
#   (search http [seconds, default 10] [readers, default 50]: the search box's queries over HTTP against registry.jar
#   whose log holds 10,000 entities and 2,000 permits, written offline through its own log writer)
#   (rebuild [events, default 100000] [batch, default 50] [baseline events]: the permit projections rebuilt from one
#   cursor over the store, per event (baseline) and in batches, with the content hash of each)
#   (checkpoint [rate, default 100] [seconds, default 30]: acknowledgement -> signed checkpoint, baseline at 10/s)
#   (restart [records, default 100000] [log|events|api, default log]: an empty start; with log, N public records appended
#   offline through the registry's own log writer, a first start that folds them, then the timed restart from the
#   register's snapshot; with events, N sealed events appended offline through the event store engine with the
#   registry's seal key, a first start whose sequencer and processors catch up, then the timed restart;
#   with api, a fill through the signed API (hours at today's rate) and a restart; every start
#   with BENCH_SERVER_JVM, default "-Xmx512m"; not in the short mode: it takes minutes)
#   (nodes: one `registry.jar mongo` process and N = 1, 2, 3 registry nodes on it; node JVM options default to
#   BENCH_SERVER_JVM="-Xmx512m", the database's to BENCH_MONGO_JVM="-Xmx1g")
# Server JVM options: BENCH_SERVER_JVM="-Xmx1g"; a JFR profile of the server: BENCH_JFR=true (kept under /tmp);
# every rising-load step even past the knee: BENCH_ALL_STEPS=true; the throughput benchmark's fourth round, 8 clients while
# N public readers read (issue 15 target 1 names 20): BENCH_READERS=N.
set -euo pipefail
cd "$(dirname "$0")/.."
offline=-o
[ "${BENCH_ONLINE:-}" = true ] && offline=
build_start=$SECONDS
mvn -q -B $offline -Dbuild.dirname=target-bench -DskipTests -pl standalone,benchmarks -am package
cp="benchmarks/target-bench/classes:$(cat benchmarks/target-bench/classpath.txt)"
props=(-Dbench.jar=standalone/target-bench/registry.jar "-Dbench.serverJvm=${BENCH_SERVER_JVM:-}" "-Dbench.jfr=${BENCH_JFR:-false}"
       "-Dbench.allSteps=${BENCH_ALL_STEPS:-false}" "-Dbench.readers=${BENCH_READERS:-0}")

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
which="${1:-all}"
[ $# -gt 0 ] && shift
case "$which" in
  store)      java "-Dbench.jfr=${BENCH_JFR:-false}" -cp "$cp" mn.registry.benchmarks.EventStoreBenchmark "$@" ;;
  throughput) java "${props[@]}" -cp "$cp" mn.registry.benchmarks.CommandThroughputBenchmark "$@" ;;
  server)     java "${props[@]}" -cp "$cp" mn.registry.benchmarks.ServerAloneBenchmark "$@" ;;
  rising)     java "${props[@]}" -cp "$cp" mn.registry.benchmarks.RisingLoadBenchmark "$@" ;;
  log)        java "${props[@]}" -cp "$cp" mn.registry.benchmarks.TransparencyLogBenchmark "$@" ;;
  checkpoint) java "${props[@]}" -cp "$cp" mn.registry.benchmarks.CheckpointLatencyBenchmark "$@" ;;
  register)   java -cp "$cp" mn.registry.publicregister.PublicRegisterBenchmark "$@" ;;
  rebuild)    java -cp "$cp" mn.registry.benchmarks.ProjectionRebuildBenchmark "$@" ;;
  calendar)   java -cp "$cp" mn.registry.benchmarks.CalendarBenchmark "$@" ;;
  search)     java "${props[@]}" -cp "$cp" mn.registry.publicregister.PublicRegisterBenchmark search "$@" ;;
  mixed)      java "${props[@]}" -cp "$cp" mn.registry.benchmarks.MixedLoadBenchmark "$@" ;;
  nodes)      java -Dbench.jar=standalone/target-bench/registry.jar "-Dbench.serverJvm=${BENCH_SERVER_JVM:--Xmx512m}" \
                   "-Dbench.mongoJvm=${BENCH_MONGO_JVM:--Xmx1g}" -cp "$cp" mn.registry.benchmarks.NodesBenchmark "$@" ;;
  restart)    java -Dbench.jar=standalone/target-bench/registry.jar "-Dbench.serverJvm=${BENCH_SERVER_JVM:--Xmx512m}" \
                   "-Dbench.jfr=${BENCH_JFR:-false}" -cp "$cp" mn.registry.benchmarks.RestartBenchmark "$@" ;;
  all)
    # Short mode: every benchmark once with small arguments; each prints its baseline beside its figure (named in
    # the header line). A failed check does not stop the others; the exit code is 1 if any failed.
    total_start=$SECONDS
    summary=()
    failed=0
    step() {
      local name="$1" baseline="$2"
      shift 2
      echo
      echo "== $name (baseline beside it: $baseline), $(date -u '+%H:%M:%S UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
      local start=$SECONDS rc=0
      "$@" || rc=$?
      [ $rc -eq 0 ] || failed=1
      summary+=("$(printf '%-11s %4d s  exit %d' "$name" $((SECONDS - start)) "$rc")")
    }
    step store      "a plain insertOne per commit on the same server" \
         java -cp "$cp" mn.registry.benchmarks.EventStoreBenchmark 10000
    # throughput and the server alone in one step: the registry's rounds (CommandThroughputBenchmark), then the
    # same database operations by a plain client on a fresh embedded server, printed beside them
    step throughput "the 1-client round; the server alone doing the same operations" \
         java "${props[@]}" -cp "$cp" mn.registry.benchmarks.ServerAloneBenchmark 1500 600 300
    step rising     "the lowest step, 10/s" \
         java "${props[@]}" -cp "$cp" mn.registry.benchmarks.RisingLoadBenchmark 5 10,25,50,75,100,150,200,300
    step checkpoint "the same at 10 commands/s" \
         java "${props[@]}" -cp "$cp" mn.registry.benchmarks.CheckpointLatencyBenchmark 100 30
    step log        "the Ed25519 seal with the key rebuilt per call; revalidating beside plain proof clients" \
         java "${props[@]}" -cp "$cp" mn.registry.benchmarks.TransparencyLogBenchmark 3 20 5
    step register   "the earlier scan search" \
         java -cp "$cp" mn.registry.publicregister.PublicRegisterBenchmark 20000 3
    step rebuild    "the per-event path over the first 5,000 events" \
         java -cp "$cp" mn.registry.benchmarks.ProjectionRebuildBenchmark 20000 50 5000
    step search     "the earlier scan with the earlier query mix" \
         java -cp "$cp" mn.registry.publicregister.PublicRegisterBenchmark search 3 50
    step mixed      "the lowest step, 10/s" \
         java "${props[@]}" -cp "$cp" mn.registry.benchmarks.MixedLoadBenchmark 5 10,25,50 20
    step nodes      "1 node" \
         java -Dbench.jar=standalone/target-bench/registry.jar "-Dbench.serverJvm=${BENCH_SERVER_JVM:--Xmx512m}" \
              "-Dbench.mongoJvm=${BENCH_MONGO_JVM:--Xmx1g}" -cp "$cp" mn.registry.benchmarks.NodesBenchmark 400 4 2 100
    echo
    echo "== all benchmarks, short mode:"
    printf '   %s\n' "${summary[@]}"
    total=$((SECONDS - build_start))
    echo "== total $((total / 60)) min $((total % 60)) s with the build ($((total_start - build_start)) s of it)   target: < 15 min$([ $total -lt 900 ] && echo '  MET' || echo '  MISSED'); load $(cut -d' ' -f1-3 /proc/loadavg)"
    exit $failed ;;
  *) echo "usage: $0 [all|store|throughput|server|rising|log|checkpoint|register|search|mixed|nodes|restart] [arguments]" >&2; exit 2 ;;
esac
