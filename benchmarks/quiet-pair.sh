#!/usr/bin/env bash
# Session 33 (s33-speed): the lead's quiet pair, base beside head, arms interleaved on one machine with nothing else running.
#   benchmarks/quiet-pair.sh snapshot <dir>             build this work tree's registry.jar and benchmarks (target-bench, no install)
#                                                       and copy them with their module jars into <dir> (one arm)
#   benchmarks/quiet-pair.sh <base-dir> <head-dir> [rounds, default 2] [readers, default 0]
#                                                       ServerAloneBenchmark 3000 1200 1500 8 with -Dbench.randomKeys=true, base then
#                                                       head, [rounds] times; each arm runs its own benchmark classes and registry.jar;
#                                                       output in /tmp/quiet-pair-<arm>-<round>.txt, the summary lines printed
# Example (the lead, after the merge):
#   git -C /work/main worktree add /tmp/qp-base <base-commit> && (cd /tmp/qp-base && benchmarks/quiet-pair.sh snapshot /tmp/qp/base)
#   git -C /work/main worktree add /tmp/qp-head <head-commit> && (cd /tmp/qp-head && benchmarks/quiet-pair.sh snapshot /tmp/qp/head)
#   benchmarks/quiet-pair.sh /tmp/qp/base /tmp/qp/head 2
# (a base older than this script: run the snapshot step with this script copied into its work tree)
set -euo pipefail
if [ "${1:-}" = snapshot ]; then
  dir="$2"
  cd "$(dirname "$0")/.."
  mvn -q -B -o -Dbuild.dirname=target-bench -DskipTests -pl standalone,benchmarks -am package
  rm -rf "$dir" && mkdir -p "$dir/mods"
  cp standalone/target-bench/registry.jar "$dir/"
  cp -r benchmarks/target-bench/classes "$dir/"
  tr ':' '\n' < benchmarks/target-bench/classpath.txt | while read -r j; do
    case "$j" in "$PWD"/*/target-bench/*.jar) cp "$j" "$dir/mods/" ;; esac
  done
  tr ':' '\n' < benchmarks/target-bench/classpath.txt | sed -E "s#^$PWD/[a-z-]+/target-bench/#$dir/mods/#" | paste -sd: > "$dir/classpath.txt"
  echo "snapshot of $(git log --oneline -1 | cut -c1-70) in $dir"
  exit 0
fi
base="$1" head="$2" rounds="${3:-2}" readers="${4:-0}"
for round in $(seq 1 "$rounds"); do
  for arm in "$base" "$head"; do
    name=$(basename "$arm")
    out="/tmp/quiet-pair-$name-$round.txt"
    echo "=== $name, round $round, $(date -u '+%Y-%m-%d %H:%M:%S UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    java -Dbench.jar="$arm/registry.jar" -Dbench.serverJvm= -Dbench.jfr=false -Dbench.allSteps=false -Dbench.readers="$readers" \
         -Dbench.randomKeys=true -cp "$arm/classes:$(cat "$arm/classpath.txt")" \
         mn.registry.benchmarks.ServerAloneBenchmark 3000 1200 1500 8 > "$out" 2>&1 || echo "  (exit $?, see $out)"
    grep -v -E "INFO org\.mongodb|^ +/usr/lib/jvm|^$" "$out" || true
  done
done
