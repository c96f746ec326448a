#!/usr/bin/env bash
# Starts the registry on this machine: builds registry.jar if it is missing or older than the
# sources, then runs it with the embedded MongoDB server, demo keys and demo data under ./data.
# Arguments are passed to the registry, e.g. ./run.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")"
jar=standalone/target/registry.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./data -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$jar" -print -quit)" ]; then
  echo "Building registry.jar (first time takes a few minutes: Maven downloads the dependencies)..."
  mvn -q -B -ntp -DskipTests -pl standalone -am package
fi
# everything the registry writes under ./data is its own alone (ADR 0014); the registry sets 0700/0600 itself too
umask 077
exec java -jar "$jar" "$@"
