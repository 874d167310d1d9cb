#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Latency and idle cost of a session on a real TUN device (issue 6, point 4).
#
#   benchmarks/latency.sh [--count N] [--interval SECONDS] [--idle SECONDS] [--backends "ffm jna"]
#
# In a network namespace made here (w4jl-echo), the Java echo server
# (io.github.wintun4j.benchmarks.relay.EchoServer) creates tunL with 10.9.0.1/24 and answers, on
# its session, every ICMP echo request routed into the device. The kernel's ping sends echo
# requests to 10.9.0.2 through tunL; each round trip is: kernel -> TUN -> the session's receive
# thread -> receive ring -> the responder -> send ring -> the session's send thread -> TUN ->
# kernel. For each backend, two ways of waiting for the next request:
#
#   spin   Session.receivePacket(timeout): spins up to RingSession.SPIN_NANOS, then waits
#   plain  Session.awaitReadable(timeout), then receivePacket(): waits at once
#
# Reported: p50, p99 and max of ping's per-packet times (N pings, one every SECONDS, after a
# warm-up of 500), and, as a reference, the same ping across a veth pair to a second namespace
# (w4jl-peer), where the kernel answers. Then idle cost: the echo server left without traffic
# with its thread blocked in receive; the process's CPU time (utime + stime of /proc/PID/stat,
# all threads) over --idle seconds, as a percentage of one core, and the threads that used it.
#
# Needs root, ping (iputils), Maven and a JDK >= 22. Raw output in
# benchmarks/target/latency-results/<date-time>/; namespaces and the device are removed at exit, even on failure.
set -euo pipefail

COUNT=2000
INTERVAL=0.01
IDLE=10
BACKENDS="ffm jna"
while (($# > 0)); do
    case "$1" in
        --count) COUNT=$2; shift 2 ;;
        --interval) INTERVAL=$2; shift 2 ;;
        --idle) IDLE=$2; shift 2 ;;
        --backends) BACKENDS=$2; shift 2 ;;
        -h | --help) sed -n '3,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "latency.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."   # the checkout
# shellcheck source=benchmarks/netns-common.sh
source benchmarks/netns-common.sh

readonly NS=w4jl-echo NS_PEER=w4jl-peer
readonly OUT=benchmarks/target/latency-results/$(date -u +%Y%m%d-%H%M%S)
NAMESPACES=("$NS" "$NS_PEER")
RELAY_NS=$NS
DEVICES=(tunL)
trap cleanup EXIT
trap 'exit 130' INT TERM

need_root_and_tools ping
find_jdk
build_jar
mkdir -p "$OUT"

ip netns add "$NS"
ip netns add "$NS_PEER"
ip -n "$NS" link set lo up
ip -n "$NS_PEER" link set lo up
ip link add v0 netns "$NS" type veth peer name v1 netns "$NS_PEER"
ip -n "$NS" addr add 10.9.1.1/24 dev v0
ip -n "$NS_PEER" addr add 10.9.1.2/24 dev v1
ip -n "$NS" link set v0 up
ip -n "$NS_PEER" link set v1 up

readonly CLK_TCK=$(getconf CLK_TCK)

# ping_stats NAME TARGET: warm-up, then COUNT pings; prints "p50 p99 max" in microseconds.
ping_stats() {
    local name=$1 target=$2
    ip netns exec "$NS" ping -q -i "$INTERVAL" -c 500 -W 1 "$target" >/dev/null
    ip netns exec "$NS" ping -i "$INTERVAL" -c "$COUNT" -W 1 "$target" >"$OUT/ping-$name.txt"
    python3 - "$OUT/ping-$name.txt" "$COUNT" <<'PY'
import re, sys
times = sorted(float(m) * 1000 for m in re.findall(r"time=([0-9.]+) ms", open(sys.argv[1]).read()))
if len(times) < int(sys.argv[2]) * 0.99:
    sys.exit(f"latency.sh: only {len(times)} of {sys.argv[2]} replies in {sys.argv[1]}")
def pct(p):
    return times[min(len(times) - 1, int(p / 100 * len(times)))]
print(f"{pct(50):.0f} {pct(99):.0f} {times[-1]:.0f} {len(times)}")
PY
}

# cpu_ticks PID: utime + stime of the whole process (threads that ended included).
cpu_ticks() {
    awk '{ print $14 + $15 }' "/proc/$1/stat"
}

: >"$OUT/results.tsv"
describe_machine >"$OUT/machine.txt"
read -r p50 p99 max n < <(ping_stats veth 10.9.1.2)
printf 'kernel\tveth\t%s\t%s\t%s\t%s\t\n' "$p50" "$p99" "$max" "$n" >>"$OUT/results.tsv"
echo "reference (kernel answers across a veth pair): p50 ${p50} us, p99 ${p99} us, max ${max} us"

for backend in $BACKENDS; do
    for policy in spin plain; do
        start_relay "$OUT/echo-$backend-$policy.log" \
            "$JAVA" $JAVA_FLAGS -cp "$JAR" io.github.wintun4j.benchmarks.relay.EchoServer \
            --backend "$backend" --wait "$policy"
        read -r p50 p99 max n < <(ping_stats "$backend-$policy" 10.9.0.2)
        # Idle: after the traffic (so the JIT has settled), nothing but the blocked receive.
        sleep 2
        before=$(cpu_ticks "$RELAY_PID")
        thread_ticks "$RELAY_PID" >"$OUT/threads-before-$backend-$policy.txt"
        sleep "$IDLE"
        after=$(cpu_ticks "$RELAY_PID")
        thread_ticks "$RELAY_PID" >"$OUT/threads-after-$backend-$policy.txt"
        idle=$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v s="$IDLE" 'BEGIN { printf "%.2f", t / hz / s * 100 }')
        stop_relay
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$backend" "$policy" "$p50" "$p99" "$max" "$n" "$idle" >>"$OUT/results.tsv"
        printf '%-4s %-5s RTT p50 %5s us, p99 %5s us, max %6s us (%s replies); idle %s%% of one core (%s ticks of 1/%s s in %s s)\n' \
            "$backend" "$policy" "$p50" "$p99" "$max" "$n" "$idle" $((after - before)) "$CLK_TCK" "$IDLE"
        # The threads that used CPU while idle, if any.
        join "$OUT/threads-before-$backend-$policy.txt" "$OUT/threads-after-$backend-$policy.txt" \
            | awk '$4 > $2 { printf "    idle CPU: thread %s %s: %d ticks\n", $1, $3, $4 - $2 }' || true
    done
done
