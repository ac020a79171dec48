#!/usr/bin/env bash
# Loopback load test: starts the CSMS (its own copy of the jar, with the given heap) and the station load
# generator, measures Heartbeat round trips, and reads the CSMS's live heap after a full GC while every
# station is connected. Usage:
#   scripts/station-load.sh [STATIONS=5000] [RATE=5000] [DURATION=60s] [HEAP=2g]
# Builds what it needs first (STATION_LOAD_SKIP_BUILD=true uses the jars already in target/). Prints the generator's summary and the CSMS's heap and RSS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/jdk.sh"
stations=${1:-5000}; rate=${2:-5000}; duration=${3:-60s}; heap=${4:-2g}
port=${CSMS_LOAD_PORT:-18480}

if [ "${STATION_LOAD_SKIP_BUILD:-false}" != true ]; then
  "$root/mvnw" -q -B -DskipTests -pl modules/app,modules/bench -am package >&2
fi
work=$(mktemp -d)
cp "$root/modules/app/target/v2g-csms.jar" "$root/modules/bench/target/benchmarks.jar" "$work/"
trap 'kill $csms 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

"$JAVA_HOME/bin/java" -Xms"$heap" -Xmx"$heap" -jar "$work/v2g-csms.jar" serve --host 127.0.0.1 --port "$port" \
  --data-dir "$work/data" --heartbeat-interval 600 --max-messages-per-second 50 > "$work/csms.out" 2>&1 &
csms=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done

heap_used_kb() { # live objects: the class histogram runs a full GC first and sums what survives
  "$JAVA_HOME/bin/jcmd" $csms GC.class_histogram | awk '/^Total/ {print int($3 / 1024)}'
}
baseline=$(heap_used_kb)

"$JAVA_HOME/bin/java" -Xmx1g -cp "$work/benchmarks.jar" org.v2gcsms.bench.load.StationLoad \
  --url "ws://127.0.0.1:$port/ocpp" --stations "$stations" --rate "$rate" --duration "$duration" \
  --warmup 20s --connect-rate 2000 2> >(tee "$work/load.err" >&2) > "$work/load.out" &
load=$!
# Once the measuring phase runs, every station is connected: read the live heap then.
until grep -q "measure" "$work/load.err" 2>/dev/null || ! kill -0 $load 2>/dev/null; do sleep 1; done
if kill -0 $load 2>/dev/null; then
  live=$(heap_used_kb)
  rss=$(awk '/VmRSS/ {print $2}' /proc/$csms/status)
fi
wait $load || true
cat "$work/load.out"
echo "csms_heap=$heap live_heap_after_full_gc_mb=$(( ${live:-0} / 1024 )) rss_mb=$(( ${rss:-0} / 1024 ))"
echo "idle_live_heap_mb=$(( baseline / 1024 )) per_station_live_heap_kb=$(awk -v l="${live:-0}" -v b="$baseline" -v n="$stations" 'BEGIN {printf "%.1f", (l - b) / n}')"
