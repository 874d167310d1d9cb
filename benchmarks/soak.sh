#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The soak (issue 16, point 4): for N minutes, on both native backends at once, in network
# namespaces made here (w4jsPID-ffm-*, w4jsPID-jna-*, PID this script's, removed at exit; no packet leaves them), five
# pieces run side by side, each a script of its own in benchmarks/soak/:
#
#   relay-traffic       iperf3 TCP and UDP, and digest-checked UDP and TCP streams, through the
#                       Java relay of relay.sh (two TUN devices, one session each)
#   flood-ping          500 echo requests a second through the Java responder of latency.sh
#   session-restarts    a session started and ended every 3 s under a running ping
#   adapter-recreation  the device deleted (ip link delete) every 3 s under a running ping, and
#                       created again by the program
#   felix-bundle        in the Felix distribution, the backend's bundle stopped and started
#                       every 5 s under the shell's running adapter
#
# Every Java process is sampled every 5 s: resident memory, descriptors, threads; and every 60 s
# right after a full collection and a trim of the C heap (jcmd), the resident memory that is judged.
#
#   benchmarks/soak.sh [--minutes N] [--backends "ffm jna"] [--pieces "felix-bundle ..."]
#
# --pieces runs some of the pieces only (all five by default): to look into one of them for longer.
#
# Reported (summary.md in the results folder, and on stdout): per piece and backend, packets lost,
# duplicated and corrupted, the growth of resident memory, descriptors and threads, the failures of
# each churn; exit status 1 when any figure that must be none is not, 2 on a setup error.
#
# What counts as loss. Every stream is rate-limited far below what the machine carries (about
# 3,500 packets/s through each relay, 500 echoes/s through each responder; the rates are in each
# piece's header), the kernel's queue into each relay device holds 10,000 packets, and the UDP
# receivers' buffers are 16 MiB, so that no queue can overflow unless a consumer stops for
# seconds. So a lost, duplicated or corrupted packet is a defect, not overload; the kernel's and
# the relay's drop counters are reported next to it to say where it happened. The only traffic
# whose loss is expected is the ping of the churn pieces (requests sent while no session or no
# device exists); it is shown, not judged; what is judged there is that every session and every
# adapter answered, and every deletion was seen and repaired.
#
# Growth: judged from after a warm-up (a quarter of the run, at most 60 s), see soak/growth.py.
# Needs root, iperf3, ping (iputils), python3 and a JDK >= 22 (installed with apt-get when
# missing, like the other benchmark scripts); builds benchmarks.jar and the Felix distribution
# when they are missing or older than the sources, and runs copies of them (a build during the soak
# cannot pull a jar from under a running JVM). Results in benchmarks/target/soak-results/<time>/.
# `./wintun4j test` runs it for 5 minutes after a passing build.
set -euo pipefail

MINUTES=10
BACKENDS="ffm jna"
readonly ALL_PIECES=(relay-traffic flood-ping session-restarts adapter-recreation felix-bundle)
PIECES=("${ALL_PIECES[@]}")
while (($# > 0)); do
    case "$1" in
        --minutes) MINUTES=${2:-}; shift 2 ;;
        --backends) BACKENDS=${2:-}; shift 2 ;;
        --pieces) read -r -a PIECES <<<"${2:-}"; shift 2 ;;
        -h | --help) sed -n '3,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "soak.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ "$MINUTES" =~ ^[1-9][0-9]*$ ]] || { echo "soak.sh: --minutes takes a whole number of at least 1" >&2; exit 2; }
((${#PIECES[@]} > 0)) || { echo "soak.sh: --pieces takes at least one piece" >&2; exit 2; }
for piece in "${PIECES[@]}"; do
    [[ " ${ALL_PIECES[*]} " == *" $piece "* ]] || { echo "soak.sh: unknown piece $piece (pieces: ${ALL_PIECES[*]})" >&2; exit 2; }
done
readonly PIECES
for backend in $BACKENDS; do
    [[ "$backend" == ffm || "$backend" == jna ]] || { echo "soak.sh: --backends takes ffm and/or jna" >&2; exit 2; }
done

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."   # the checkout
# shellcheck source=benchmarks/netns-common.sh
source benchmarks/netns-common.sh
OUT=benchmarks/target/soak-results/$(date -u +%Y%m%d-%H%M%S)
readonly OUT
# A piece's own cleanup runs only once its foreground command ends (bash holds a trap until then,
# and the flood ping runs for the whole soak): on the way out, whatever still runs in this soak's
# namespaces is ended first, so that an interrupted soak leaves no ping or JVM behind.
end_namespace_processes() {
    local ns
    for ns in $(ip netns list | awk -v prefix="w4js${SOAK_RUN:-none}-" 'index($1, prefix) == 1 { print $1 }'); do
        ip netns pids "$ns" | xargs -r kill -TERM 2>/dev/null || true
    done
}
trap 'status=$?; end_namespace_processes; (exit "$status"); cleanup' EXIT
trap 'exit 130' INT TERM

need_root_and_tools iperf3 ping
find_jdk
build_jar
mkdir -p "$OUT"

# The runnable jar of the Felix distribution (assembly/), built when missing or older than the sources.
assembly_jar() {
    local jar
    for jar in assembly/target/wintun4j-assembly-*.jar; do
        case "$jar" in
            *-sources.jar | *-javadoc.jar | *-tests.jar | *-launcher.jar) ;;
            *) [[ -f "$jar" ]] && printf '%s\n' "$jar" && return ;;
        esac
    done
    return 0    # nothing built yet: empty output, not a failure (set -e would end the script silently)
}
jar=$(assembly_jar)
if [[ -z "$jar" || -n "$(find api/src linux/src backend-ffm/src backend-jna/src bundles/*/src assembly/src -newer "$jar" -print -quit)" ]]; then
    echo "Building the Felix distribution ..." >&2
    MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
        mvn -B -q -pl assembly -am package -DskipTests >&2 || fail "soak.sh: the build failed"
    jar=$(assembly_jar)
fi
cp "$JAR" "$OUT/benchmarks.jar"
cp "$jar" "$OUT/assembly.jar"
export BENCH_JAR=$OUT/benchmarks.jar ASSEMBLY_JAR=$OUT/assembly.jar
export SOAK_RUN=$$   # in every namespace name: two soaks on one machine stay apart

{
    describe_machine
    echo "load average at start: $(cut -d ' ' -f 1-3 /proc/loadavg)"
    echo "command: benchmarks/soak.sh --minutes $MINUTES --backends \"$BACKENDS\" --pieces \"${PIECES[*]}\""
} >"$OUT/machine.txt"

echo "soak.sh: $MINUTES min on $BACKENDS: ${PIECES[*]}; logs in $OUT"
declare -A PIECE_OF=()
for backend in $BACKENDS; do
    for piece in "${PIECES[@]}"; do
        "benchmarks/soak/$piece.sh" "$backend" "$((MINUTES * 60))" "$OUT" >"$OUT/$piece-$backend.out" 2>&1 &
        PIECE_OF[$!]=$piece-$backend
        BACKGROUND_PIDS+=("$!")
    done
done
for pid in "${!PIECE_OF[@]}"; do
    status=0
    wait "$pid" || status=$?
    # A piece that failed before its end wrote only some figures: its status is one more.
    echo "exit_status $status none" >>"$OUT/${PIECE_OF[$pid]}.figures"
done
BACKGROUND_PIDS=()
echo "load average at end: $(cut -d ' ' -f 1-3 /proc/loadavg)" >>"$OUT/machine.txt"

status=0
python3 benchmarks/soak/verdict.py "$OUT" "${PIECES[@]}" >"$OUT/summary.md" || status=$?
cat "$OUT/machine.txt" "$OUT/summary.md"
exit "$status"
