#!/usr/bin/env bash
# s15-cmdpath: base and branch interleaved; besides the benchmark's counts, the server process's bytes written
# (/proc/<pid>/io wchar and write_bytes, last reading before it stopped: start-up + 2,700 commands + the queue reads)
for round in 1 2; do for w in cmdpath-base cmdpath15; do
  echo "=== $w round $round $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  (cd /work/wt/$w && git log --oneline -1 | cut -c1-60 && benchmarks/run.sh throughput 1200 300) > /tmp/cmdpath-io-$w-$round.txt 2>&1 &
  bench=$!
  last=""
  while kill -0 $bench 2>/dev/null; do
    for p in $(pgrep -f 'registry.jar' || true); do
      [ "$(readlink /proc/$p/cwd 2>/dev/null)" = "/work/wt/$w" ] || continue
      io=$(grep -E '^(wchar|write_bytes)' /proc/$p/io 2>/dev/null | tr '\n' ' ')
      [ -n "$io" ] && last="$io"
    done
    sleep 0.5
  done
  grep -A3 "^8 clients\|^1 client" /tmp/cmdpath-io-$w-$round.txt | grep -v "^ *[0-9.]* per command," | grep -v "^--"
  echo "    server process io at its last reading: $last"
done; done
