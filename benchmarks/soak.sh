#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The soak test: the Java relay of relay.sh (the wintun4j API over a native backend, between two real
# TUN devices) carries a steady TCP stream for N minutes while this script samples the relay process
# every 10 s: resident memory, open descriptors, threads, and the throughput of each minute. It fails
# when anything grows that should not: descriptors or threads beyond their count after the warm-up,
# memory beyond 25 % (+ 16 MiB) over it, a minute's throughput below half the first one's, or a device
# left after the relay stopped.
#
#   benchmarks/soak.sh [--minutes N] [--backend ffm|jna] [--rate RATE]
#
# --minutes: how long (default 10); --backend: the relay's backend (default ffm); --rate: the offered
# TCP load (default 200M: a soak looks for leaks and stalls, not for the top speed, and a shared
# machine stays usable). Needs root, iperf3 and a JDK >= 22, as relay.sh (it installs iperf3 with
# apt-get when missing). The same three network namespaces as relay.sh (named w4js-*), removed at exit;
# no packet leaves them. Samples and iperf3's per-minute figures in benchmarks/target/soak-results/<time>/.
set -euo pipefail

MINUTES=10
BACKEND=ffm
RATE=200M
readonly WARMUP_SECONDS=30
readonly SAMPLE_SECONDS=10
while (($# > 0)); do
    case "$1" in
        --minutes) MINUTES=$2; shift 2 ;;
        --backend) BACKEND=$2; shift 2 ;;
        --rate) RATE=$2; shift 2 ;;
        -h | --help) sed -n '3,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "soak.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$MINUTES" =~ ^[1-9][0-9]*$ ]] || { echo "soak.sh: --minutes takes a whole number of at least 1" >&2; exit 2; }
[[ "$BACKEND" == ffm || "$BACKEND" == jna ]] || { echo "soak.sh: --backend is ffm or jna" >&2; exit 2; }

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."   # the checkout
# The whole heap touched at start: resident memory then grows only with what lives outside the heap
# (direct buffers, native memory, threads), which is what a leak of the relay would show.
JAVA_EXTRA_FLAGS="${JAVA_EXTRA_FLAGS:-} -XX:+AlwaysPreTouch"
# shellcheck source=benchmarks/netns-common.sh
source benchmarks/netns-common.sh

readonly NS_CLI=w4js-cli NS_RELAY=w4js-relay NS_SRV=w4js-srv
readonly OUT=benchmarks/target/soak-results/$(date -u +%Y%m%d-%H%M%S)
NAMESPACES=("$NS_CLI" "$NS_RELAY" "$NS_SRV")
RELAY_NS=$NS_RELAY
DEVICES=(tunA tunB)
trap cleanup EXIT
trap 'exit 130' INT TERM

need_root_and_tools iperf3 ping
find_jdk
build_jar
mkdir -p "$OUT"
describe_machine >"$OUT/machine.txt"

make_namespaces
ip netns exec "$NS_SRV" iperf3 -s -B 10.71.2.2 >"$OUT/iperf3-server.log" 2>&1 &
BACKGROUND_PIDS+=("$!")
# shellcheck disable=SC2086
start_relay "$OUT/relay.log" "$JAVA" $JAVA_FLAGS -cp "$JAR" io.github.wintun4j.benchmarks.relay.Relay --backend "$BACKEND"
route_through_relay
ip netns exec "$NS_CLI" ping -c 1 -W 2 10.71.2.2 >/dev/null || fail "soak.sh: no path through the relay (see $OUT/relay.log)"

# sample PID: "seconds rss_kib descriptors threads"
sample() {
    printf '%s %s %s %s\n' "$SECONDS" "$(awk '/^VmRSS:/ { print $2 }' "/proc/$1/status")" \
        "$(find "/proc/$1/fd" -mindepth 1 -maxdepth 1 | wc -l)" "$(find "/proc/$1/task" -mindepth 1 -maxdepth 1 | wc -l)"
}

echo "soak.sh: $MINUTES min of TCP at $RATE through the $BACKEND relay; samples every ${SAMPLE_SECONDS} s in $OUT"
SECONDS=0
ip netns exec "$NS_CLI" iperf3 -c 10.71.2.2 -b "$RATE" -t "$((MINUTES * 60))" -i 60 -J >"$OUT/tcp.json" &
CLIENT_PID=$!
BACKGROUND_PIDS+=("$CLIENT_PID")
echo "seconds rss_kib descriptors threads" >"$OUT/samples.txt"
while kill -0 "$CLIENT_PID" 2>/dev/null; do
    kill -0 "$RELAY_PID" 2>/dev/null || fail "soak.sh: the relay died after $SECONDS s (see $OUT/relay.log)"
    sample "$RELAY_PID" >>"$OUT/samples.txt"
    sleep "$SAMPLE_SECONDS"
done
wait "$CLIENT_PID" || fail "soak.sh: iperf3 failed (see $OUT/tcp.json)"
sample "$RELAY_PID" >>"$OUT/samples.txt"
stop_relay   # fails when a device is left

python3 - "$OUT/samples.txt" "$OUT/tcp.json" "$WARMUP_SECONDS" <<'PY' | tee "$OUT/summary.md"
import json, sys
rows = [list(map(int, line.split())) for line in open(sys.argv[1]).read().splitlines()[1:] if line.strip()]
warm = next((r for r in rows if r[0] >= int(sys.argv[3])), rows[0])
last = rows[-1]
minutes = [i["sum"]["bits_per_second"] / 1e6 for i in json.load(open(sys.argv[2]))["intervals"]]
problems = []
if last[2] > warm[2]:
    problems.append(f"descriptors grew from {warm[2]} to {last[2]}")
if last[3] > warm[3]:
    problems.append(f"threads grew from {warm[3]} to {last[3]}")
if last[1] > warm[1] * 1.25 + 16 * 1024:
    problems.append(f"resident memory grew from {warm[1]} KiB to {last[1]} KiB")
slow = [f"minute {i + 1}: {m:.0f}" for i, m in enumerate(minutes) if minutes and m < minutes[0] / 2]
if slow:
    problems.append("throughput fell below half the first minute's (" + ", ".join(slow) + " Mbit/s)")
print("| after | resident KiB | descriptors | threads |\n|---|---|---|---|")
for r in (rows[0], warm, last):
    print(f"| {r[0]} s | {r[1]} | {r[2]} | {r[3]} |")
print("\nMbit/s per minute: " + ", ".join(f"{m:.0f}" for m in minutes))
print("\nverdict: " + ("; ".join(problems) if problems else "nothing grew, no stall"))
sys.exit(1 if problems else 0)
PY
