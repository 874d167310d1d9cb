#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The relay benchmark on real TUN devices: iperf3 through a relay that copies packets between two
# TUN devices, tunA and tunB, with the C relay (src/main/c/tun_relay.c: one read() and one write()
# per packet) and the Java relay (io.github.wintun4j.benchmarks.relay.Relay: the wintun4j API over
# the FFM and JNA backends, batch receive, and one packet at a time for comparison).
#
#   benchmarks/relay.sh [--rounds N] [--seconds S] [--udp-rate RATE] [--variants "c ffm jna ..."] [--perf]
#                       [--tcp-only] [--mtu N] [--jar LABEL=PATH ...]
#
# Variants: c (tun_relay.c), c-vnet (tun_relay.c --vnet: IFF_VNET_HDR, 64 KiB offload packets
# passed through unsplit: the limit of a relay with offloads), ffm and jna (the Java relay with
# offloads, the default of a session: it splits what it reads and merges what it writes), ffm-nooff
# and jna-nooff (the Java relay with sessions that do not ask for offloads), ffm-single and
# jna-single (one packet at a time, with offloads). Without --mtu the relay devices are at 65535
# and the veths at 1500: TCP segments are then at most 1500 bytes (the offload variants carry
# 64 KiB GSO packets of such segments). --mtu N (68 to 65535) sets both relay devices and the four
# veths to N, so that TCP segments through the relay are up to N bytes (65535 is the largest MTU
# the kernel takes for a veth). Each TCP test records the relay devices' counters and their mean
# bytes per packet (devices-*.txt), which shows the size of what went through.
#
# A variant VARIANT@LABEL runs VARIANT (ffm, jna, ffm-single, jna-single) from the jar given by
# --jar LABEL=PATH instead of benchmarks/target/benchmarks.jar: a build of another commit, so that
# before and after alternate in one run (e.g. --jar before=/tmp/before.jar --variants
# "c ffm@before ffm jna@before jna"). --tcp-only leaves out the UDP test (reported as 0).
#
# Needs root (namespaces, TUN devices), iperf3, gcc, Maven and a JDK >= 22 (JAVA_HOME or
# /usr/lib/jvm). Builds what is missing (benchmarks/target/benchmarks.jar, target/tun_relay).
# Every device and every packet stays in three network namespaces made here and removed at exit,
# even on failure:
#
#   w4jr-cli                       w4jr-relay                                    w4jr-srv
#   iperf3 client                  ip_forward=1, rp_filter=0                     iperf3 server
#   c0 10.71.1.2 ---- veth ---- c1 10.71.1.1          s1 10.71.2.1 ---- veth ---- s0 10.71.2.2
#                                  from c1: table 101, default dev tunA
#                                  from s1: table 102, default dev tunB
#                                  tunA <== relay ==> tunB
#
# A packet from the client arrives on c1 and is routed into tunA; the relay reads it from tunA
# and writes it to tunB; the kernel receives it from tunB and, through the main table, forwards
# it out of s1 to the server. Replies take the mirror path (s1, tunB, relay, tunA, c1). Strict
# reverse-path filtering would drop them (10.71.1.2 arriving on tunB), hence rp_filter=0.
#
# Rounds alternate the variants (c ffm jna ffm-single jna-single, c ffm ...); each variant runs
# a fresh relay process: TCP throughput, then UDP with 64-byte payloads (packets per second that
# reach the server). Medians and ratios to C are printed at the end, and the relay's CPU seconds
# per GB carried in the TCP test (all its threads; iperf3 counts the bytes); raw results in
# benchmarks/target/relay-results/<date-time>/, with, for each TCP test, the CPU time of each
# relay thread (threads-*.txt; threads-udp-*.txt for the UDP test, with the machine's busy ticks),
# the machine's load (the machine may be shared: other processes' CPU time during the test is in
# load-*.txt) and, with --perf, where all CPUs spent their time (perf-*.txt: perf record -e
# cpu-clock -a, by command and shared object).
set -euo pipefail

ROUNDS=3
SECONDS_PER_TEST=10
OMIT=2                      # seconds of warm-up iperf3 leaves out of its figures (JIT, TCP ramp)
UDP_RATE=100M               # offered load; 100 Mbit/s of 64-byte payloads is 195,000 packets/s
RELAY_MTU=65535             # --mtu: both relay devices
LINK_MTU=""                 # --mtu: the veths too (netns-common.sh make_namespaces); empty: 1500
VARIANTS="c ffm jna ffm-single jna-single"
PERF=false                  # --perf: system-wide perf samples (cpu-clock) during each TCP test
TCP_ONLY=false
declare -A JARS=()          # --jar LABEL=PATH: the jar of variants VARIANT@LABEL
while (($# > 0)); do
    case "$1" in
        --tcp-only) TCP_ONLY=true; shift ;;
        --jar) [[ "$2" == *=* ]] || { echo "relay.sh: --jar takes LABEL=PATH" >&2; exit 2; }
               JARS[${2%%=*}]=${2#*=}; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --seconds) SECONDS_PER_TEST=$2; shift 2 ;;
        --udp-rate) UDP_RATE=$2; shift 2 ;;
        --variants) VARIANTS=$2; shift 2 ;;
        --mtu) [[ "$2" =~ ^[0-9]+$ ]] && (($2 >= 68 && $2 <= 65535)) \
                   || { echo "relay.sh: --mtu takes 68 to 65535, got $2" >&2; exit 2; }
               RELAY_MTU=$2; LINK_MTU=$2; shift 2 ;;
        --perf) PERF=true; shift ;;
        -h | --help) sed -n '3,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "relay.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."   # the checkout
# shellcheck source=benchmarks/netns-common.sh
source benchmarks/netns-common.sh

readonly NS_CLI=w4jr-cli NS_RELAY=w4jr-relay NS_SRV=w4jr-srv
readonly OUT=benchmarks/target/relay-results/$(date -u +%Y%m%d-%H%M%S)
NAMESPACES=("$NS_CLI" "$NS_RELAY" "$NS_SRV")
RELAY_NS=$NS_RELAY
DEVICES=(tunA tunB)
trap cleanup EXIT
trap 'exit 130' INT TERM

need_root_and_tools iperf3 gcc
find_jdk
build_jar
build_c_relay
mkdir -p "$OUT"

make_namespaces
ip netns exec "$NS_SRV" iperf3 -s -B 10.71.2.2 >"$OUT/iperf3-server.log" 2>&1 &
SERVER_PID=$!
BACKGROUND_PIDS+=("$SERVER_PID")
sleep 0.5

# The command line of one variant's relay: VARIANT, or VARIANT@LABEL for the jar of --jar LABEL=PATH.
relay_command() {
    local variant=${1%%@*} jar=$JAR
    if [[ "$1" == *@* ]]; then
        jar=${JARS[${1#*@}]:-}
        [[ -f "$jar" ]] || { echo "relay.sh: no jar for $1 (--jar ${1#*@}=PATH)" >&2; return 2; }
    fi
    case "$variant" in
        c) echo "$C_RELAY tunA tunB" ;;
        c-vnet) echo "$C_RELAY --vnet tunA tunB" ;;
        ffm | jna) echo "$JAVA $JAVA_FLAGS -cp $jar io.github.wintun4j.benchmarks.relay.Relay --backend $variant" ;;
        ffm-nooff | jna-nooff) echo "$JAVA $JAVA_FLAGS -cp $jar io.github.wintun4j.benchmarks.relay.Relay --backend ${variant%-nooff} --offloads false" ;;
        ffm-single | jna-single) echo "$JAVA $JAVA_FLAGS -cp $jar io.github.wintun4j.benchmarks.relay.Relay --backend ${variant%-single} --batch 1" ;;
        *) echo "relay.sh: unknown variant $1" >&2; return 2 ;;
    esac
}

# Runs one variant for one round: a fresh relay, TCP then UDP; appends to $OUT/results.tsv.
run_variant() {
    local variant=$1 round=$2 log="$OUT/relay-$1-$2.log" tcp udp
    # shellcheck disable=SC2046
    start_relay "$log" $(relay_command "$variant")
    route_through_relay
    ip netns exec "$NS_CLI" ping -c 1 -W 2 10.71.2.2 >/dev/null \
        || fail "relay.sh: no path through the $variant relay (see $log)"
    local ticks_before busy_before
    ticks_before=$(thread_ticks "$RELAY_PID")
    busy_before=$(cpu_busy)
    if $PERF; then
        perf record -q -e cpu-clock -a -g -o "$OUT/perf-$variant-$round.data" -- sleep "$((OMIT + SECONDS_PER_TEST / 2))" \
            >/dev/null 2>&1 &
        BACKGROUND_PIDS+=("$!")
    fi
    ip netns exec "$NS_CLI" iperf3 -c 10.71.2.2 -t "$SECONDS_PER_TEST" -O "$OMIT" -J >"$OUT/tcp-$variant-$round.json"
    thread_usage "$RELAY_PID" "$ticks_before" >"$OUT/threads-$variant-$round.txt"
    device_counters >"$OUT/devices-$variant-$round.txt"
    { echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
      echo "CPU busy during the TCP test (all processes, both cores): $(( $(cpu_busy) - busy_before )) ticks of 1/$(getconf CLK_TCK) s"
      echo "the relay process: $(awk '{ s += $2 } END { print s }' "$OUT/threads-$variant-$round.txt") ticks"; } >"$OUT/load-$variant-$round.txt"
    if $PERF; then
        wait "${BACKGROUND_PIDS[-1]}" || true
        unset 'BACKGROUND_PIDS[-1]'
        perf report -i "$OUT/perf-$variant-$round.data" --no-children --sort comm,dso -g none --stdio 2>/dev/null \
            | grep -v '^#' | grep -v '^$' | head -40 >"$OUT/perf-$variant-$round.txt" || true
    fi
    tcp=$(json_number "$OUT/tcp-$variant-$round.json" "end.sum_received.bits_per_second")
    udp=0
    if ! $TCP_ONLY; then
        ticks_before=$(thread_ticks "$RELAY_PID")
        busy_before=$(cpu_busy)
        ip netns exec "$NS_CLI" iperf3 -c 10.71.2.2 -u -l 64 -b "$UDP_RATE" -t "$SECONDS_PER_TEST" -O "$OMIT" -J \
            >"$OUT/udp-$variant-$round.json"
        { thread_usage "$RELAY_PID" "$ticks_before"
          echo "machine busy: $(( $(cpu_busy) - busy_before ))"; } >"$OUT/threads-udp-$variant-$round.txt"
        udp=$(udp_received_per_second "$OUT/udp-$variant-$round.json")
    fi
    stop_relay
    # The relay's CPU time over the TCP test, against the bytes it carried: CPU per byte is what
    # limits throughput on a saturated machine, and it is less disturbed by other processes.
    local relay_ticks tcp_bytes
    relay_ticks=$(awk '{ s += $2 } END { print s + 0 }' "$OUT/threads-$variant-$round.txt")
    tcp_bytes=$(json_number "$OUT/tcp-$variant-$round.json" "end.sum_received.bytes")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$variant" "$tcp" "$udp" "$relay_ticks" "$tcp_bytes" >>"$OUT/results.tsv"
    printf 'round %s %-10s TCP %8.1f Mbit/s   UDP 64 B %9.0f packets/s received\n' \
        "$round" "$variant" "$(awk -v b="$tcp" 'BEGIN { print b / 1e6 }')" "$udp"
}

# thread_usage PID BEFORE: "name ticks" used by each thread since BEFORE (thread_ticks output),
# busiest first.
thread_usage() {
    join -a 2 <(printf '%s\n' "$2") <(thread_ticks "$1") \
        | awk 'NF == 5 { print $5, $4 - $2 } NF == 3 { print $3, $2 }' | sort -k2,2nr
}

# The relay devices' packet and byte counters since the relay made them, with the mean bytes per
# packet each way (a mean above 1500 shows that packets larger than 1500 bytes went through).
device_counters() {
    local dev
    for dev in "${DEVICES[@]}"; do
        ip -n "$NS_RELAY" -s -j link show "$dev" | python3 -c 'import json, sys
link = json.load(sys.stdin)[0]
tx, rx = link["stats64"]["tx"], link["stats64"]["rx"]
mean = lambda way: way["bytes"] / way["packets"] if way["packets"] else 0
print("%s mtu %d: read by the relay (tx) %d packets, %d bytes, mean %.0f; written by the relay (rx) %d packets,"
      " %d bytes, mean %.0f" % (link["ifname"], link["mtu"], tx["packets"], tx["bytes"], mean(tx),
                                rx["packets"], rx["bytes"], mean(rx)))'
    done
}

# Ticks the whole machine was busy (user + nice + system + irq + softirq + steal, /proc/stat).
cpu_busy() {
    awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}

# Packets per second that reached the server: sent minus lost (as the server counted them), over
# the measured seconds.
udp_received_per_second() {
    python3 - "$1" <<'PY'
import json, sys
end = json.load(open(sys.argv[1]))["end"]["sum"]
print(round((end["packets"] - end["lost_packets"]) / end["seconds"]))
PY
}

json_number() {
    python3 -c 'import json, sys
value = json.load(open(sys.argv[1]))
for key in sys.argv[2].split("."):
    value = value[key]
print(value)' "$1" "$2"
}

: >"$OUT/results.tsv"
describe_machine >"$OUT/machine.txt"
echo "relay.sh: $ROUNDS rounds of: $VARIANTS (TCP ${SECONDS_PER_TEST} s, UDP 64 B at $UDP_RATE, ${OMIT} s warm-up each, relay devices at MTU $RELAY_MTU)"
echo "relay devices' MTU: $RELAY_MTU" >>"$OUT/machine.txt"
for ((round = 1; round <= ROUNDS; round++)); do
    for variant in $VARIANTS; do
        run_variant "$variant" "$round"
    done
done
summarize_relay "$OUT/results.tsv" "$(getconf CLK_TCK)" | tee "$OUT/summary.md"
