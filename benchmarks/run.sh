#!/usr/bin/env bash
# Builds registry.jar and the benchmarks (into target-bench, apart from other builds), then runs the benchmarks
# and prints their figures. Usage:
#   benchmarks/run.sh               all: event store, command throughput, rising load
#   benchmarks/run.sh store|throughput|rising|log|register|mixed|nodes|restart [arguments of that benchmark]
#   (restart [commands, default 100000]: an empty start, a fill through the API, a restart on the same data; every
#   start with BENCH_SERVER_JVM, default "-Xmx512m")
#   (nodes: one `registry.jar mongo` process and N = 1, 2, 3 registry nodes on it; node JVM options default to
#   BENCH_SERVER_JVM="-Xmx512m", the database's to BENCH_MONGO_JVM="-Xmx1g")
# Server JVM options: BENCH_SERVER_JVM="-Xmx1g"; a JFR profile of the server: BENCH_JFR=true (kept under /tmp);
# every rising-load step even past the knee: BENCH_ALL_STEPS=true.
set -euo pipefail
cd "$(dirname "$0")/.."
offline=-o
[ "${BENCH_ONLINE:-}" = true ] && offline=
mvn -q -B $offline -Dbuild.dirname=target-bench -DskipTests -pl standalone,benchmarks -am package
cp="benchmarks/target-bench/classes:$(cat benchmarks/target-bench/classpath.txt)"
props=(-Dbench.jar=standalone/target-bench/registry.jar "-Dbench.serverJvm=${BENCH_SERVER_JVM:-}" "-Dbench.jfr=${BENCH_JFR:-false}"
       "-Dbench.allSteps=${BENCH_ALL_STEPS:-false}")

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
which="${1:-all}"
[ $# -gt 0 ] && shift
case "$which" in
  store)      java -cp "$cp" mn.registry.benchmarks.EventStoreBenchmark "$@" ;;
  throughput) java "${props[@]}" -cp "$cp" mn.registry.benchmarks.CommandThroughputBenchmark "$@" ;;
  rising)     java "${props[@]}" -cp "$cp" mn.registry.benchmarks.RisingLoadBenchmark "$@" ;;
  log)        java "${props[@]}" -cp "$cp" mn.registry.benchmarks.TransparencyLogBenchmark "$@" ;;
  register)   java -cp "$cp" mn.registry.publicregister.PublicRegisterBenchmark "$@" ;;
  mixed)      java "${props[@]}" -cp "$cp" mn.registry.benchmarks.MixedLoadBenchmark "$@" ;;
  nodes)      java -Dbench.jar=standalone/target-bench/registry.jar "-Dbench.serverJvm=${BENCH_SERVER_JVM:--Xmx512m}" \
                   "-Dbench.mongoJvm=${BENCH_MONGO_JVM:--Xmx1g}" -cp "$cp" mn.registry.benchmarks.NodesBenchmark "$@" ;;
  restart)    java -Dbench.jar=standalone/target-bench/registry.jar "-Dbench.serverJvm=${BENCH_SERVER_JVM:--Xmx512m}" \
                   "-Dbench.jfr=${BENCH_JFR:-false}" -cp "$cp" mn.registry.benchmarks.RestartBenchmark "$@" ;;
  all)
    java -cp "$cp" mn.registry.benchmarks.EventStoreBenchmark
    java "${props[@]}" -cp "$cp" mn.registry.benchmarks.CommandThroughputBenchmark
    java "${props[@]}" -cp "$cp" mn.registry.benchmarks.RisingLoadBenchmark ;;
  *) echo "usage: $0 [all|store|throughput|rising|log|register|mixed|nodes|restart] [arguments]" >&2; exit 2 ;;
esac
