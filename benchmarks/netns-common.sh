# SPDX-License-Identifier: Apache-2.0
# Shared by relay.sh and latency.sh (sourced, not run): finding the JDK, building what is missing,
# starting and stopping a relay or responder in a namespace, and the cleanup that removes every
# process, device and namespace the script made, whatever happened.
#
# The sourcing script sets NAMESPACES (all it makes), RELAY_NS (where the devices live) and
# DEVICES (their names) before it installs `trap cleanup EXIT`.

NAMESPACES=()
RELAY_NS=""
DEVICES=()
BACKGROUND_PIDS=()
RELAY_PID=""
# Class path jar, flags: every JVM of the benchmarks runs the same way. BENCH_JAR=PATH in the
# environment runs a jar built elsewhere (another checkout or commit) and skips the build.
JAR=${BENCH_JAR:-benchmarks/target/benchmarks.jar}
# JAVA_EXTRA_FLAGS in the environment adds flags, such as -XX:+DumpPerfMapAtExit for perf's symbols.
JAVA_FLAGS="--enable-native-access=ALL-UNNAMED -Xms512m -Xmx512m ${JAVA_EXTRA_FLAGS:-}"
C_RELAY=benchmarks/target/tun_relay

fail() {
    printf '%s\n' "$1" >&2
    exit "${2:-1}"
}

# The Debian package of each tool the scripts use, so that a fresh machine needs no manual step.
declare -A TOOL_PACKAGE=([ip]=iproute2 [python3]=python3 [iperf3]=iperf3 [ping]=iputils-ping [gcc]=gcc
                         [mvn]=maven [unshare]=util-linux)

need_root_and_tools() {
    [[ $(id -u) -eq 0 ]] || fail "$(basename "$0"): needs root (network namespaces and TUN devices)" 2
    local tool missing=()
    for tool in ip python3 "$@"; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("${TOOL_PACKAGE[$tool]:-$tool}")
    done
    if ((${#missing[@]})) && command -v apt-get >/dev/null 2>&1; then
        echo "$(basename "$0"): installing ${missing[*]} (Debian packages)" >&2
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
            || fail "$(basename "$0"): could not install ${missing[*]}" 2
    fi
    for tool in ip python3 "$@"; do
        command -v "$tool" >/dev/null 2>&1 \
            || fail "$(basename "$0"): $tool is missing (Debian: apt-get install iproute2 iperf3 iputils-ping gcc python3)" 2
    done
}

# JAVA: a JDK >= 22 (the FFM backend), from JAVA_HOME or the newest under /usr/lib/jvm.
find_jdk() {
    local home feature best="" best_feature=0
    for home in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
        [[ -n "$home" && -x "$home/bin/javac" ]] || continue
        feature=$("$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
        if [[ -n "$feature" && "$feature" -ge 22 && "$feature" -gt "$best_feature" ]]; then
            best=$home
            best_feature=$feature
        fi
        [[ "$home" == "${JAVA_HOME:-}" && -n "$best" ]] && break   # JAVA_HOME wins when it is new enough
    done
    [[ -n "$best" ]] || fail "$(basename "$0"): needs a JDK 22 or newer (set JAVA_HOME)" 2
    export JAVA_HOME=$best
    JAVA="$JAVA_HOME/bin/java"
}

# benchmarks.jar with the relay classes; built (with the modules it needs) when missing or
# older than the sources.
build_jar() {
    if [[ -n "${BENCH_JAR:-}" ]]; then
        [[ -f "$JAR" ]] || fail "$(basename "$0"): BENCH_JAR=$JAR does not exist"
        return
    fi
    # grep reads the whole listing (no -q): under pipefail, unzip killed by SIGPIPE would fail the test
    if [[ -f "$JAR" ]] && unzip -l "$JAR" 2>/dev/null | grep 'benchmarks/relay/Relay.class' >/dev/null \
        && [[ -z "$(find benchmarks/src/main/java linux/src/main benchmarks/pom.xml -newer "$JAR" -print -quit)" ]]; then
        return
    fi
    echo "Building $JAR ..." >&2
    MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
        mvn -B -q -pl benchmarks -am package -DskipTests >&2 || fail "$(basename "$0"): the build failed"
}

build_c_relay() {
    local source=benchmarks/src/main/c/tun_relay.c
    if [[ ! -x "$C_RELAY" || "$source" -nt "$C_RELAY" ]]; then
        mkdir -p "$(dirname "$C_RELAY")"
        gcc -O2 -Wall -Wextra -pthread -o "$C_RELAY" "$source" || fail "$(basename "$0"): gcc failed"
    fi
}

# start_relay LOG COMMAND...: runs COMMAND in RELAY_NS, waits until it prints "ready".
start_relay() {
    local log=$1 waited=0
    shift
    ip netns exec "$RELAY_NS" "$@" >"$log" 2>&1 &
    RELAY_PID=$!
    BACKGROUND_PIDS+=("$RELAY_PID")
    until grep -q '^ready$' "$log" 2>/dev/null; do
        kill -0 "$RELAY_PID" 2>/dev/null || fail "$(basename "$0"): '$*' ended before it was ready: $(tail -n 5 "$log")"
        ((waited++ < 300)) || fail "$(basename "$0"): '$*' not ready after 30 s"
        sleep 0.1
    done
}

# Stops the relay started last (SIGTERM: it removes its devices) and checks that they are gone.
stop_relay() {
    [[ -n "$RELAY_PID" ]] || return 0
    kill -TERM "$RELAY_PID" 2>/dev/null || true
    wait "$RELAY_PID" 2>/dev/null || true
    local kept=() pid
    for pid in "${BACKGROUND_PIDS[@]}"; do
        [[ "$pid" == "$RELAY_PID" ]] || kept+=("$pid")
    done
    BACKGROUND_PIDS=("${kept[@]}")
    RELAY_PID=""
    local dev
    for dev in "${DEVICES[@]}"; do
        if ip -n "$RELAY_NS" link show "$dev" >/dev/null 2>&1; then
            fail "$(basename "$0"): device $dev is still there after its relay stopped"
        fi
    done
}

# ---- the three namespaces of a relay (relay.sh draws them), named by the sourcing script's
# NS_CLI, NS_RELAY and NS_SRV. LINK_MTU, when the sourcing script sets it, is the MTU of the four
# veths (c0, c1, s0, s1; otherwise they keep the kernel's 1500): the largest packet TCP sends is
# that of its path, so the relay devices' MTU alone does not make packets through them larger. ----
make_namespaces() {
    local ns
    for ns in "${NAMESPACES[@]}"; do
        ip netns add "$ns"
        ip -n "$ns" link set lo up
    done
    ip link add c0 netns "$NS_CLI" type veth peer name c1 netns "$NS_RELAY"
    ip link add s0 netns "$NS_SRV" type veth peer name s1 netns "$NS_RELAY"
    if [[ -n "${LINK_MTU:-}" ]]; then
        ip -n "$NS_CLI" link set c0 mtu "$LINK_MTU"
        ip -n "$NS_RELAY" link set c1 mtu "$LINK_MTU"
        ip -n "$NS_RELAY" link set s1 mtu "$LINK_MTU"
        ip -n "$NS_SRV" link set s0 mtu "$LINK_MTU"
    fi
    ip -n "$NS_CLI" addr add 10.71.1.2/24 dev c0
    ip -n "$NS_CLI" link set c0 up
    ip -n "$NS_CLI" route add default via 10.71.1.1
    ip -n "$NS_SRV" addr add 10.71.2.2/24 dev s0
    ip -n "$NS_SRV" link set s0 up
    ip -n "$NS_SRV" route add default via 10.71.2.1
    # Before any device exists, so that tunA and tunB inherit the defaults.
    in_relay sysctl -q -w net.ipv4.ip_forward=1 net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0 \
        net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    ip -n "$NS_RELAY" addr add 10.71.1.1/24 dev c1
    ip -n "$NS_RELAY" addr add 10.71.2.1/24 dev s1
    ip -n "$NS_RELAY" link set c1 up
    ip -n "$NS_RELAY" link set s1 up
    ip -n "$NS_RELAY" rule add iif c1 lookup 101 pref 101
    ip -n "$NS_RELAY" rule add iif s1 lookup 102 pref 102
}

# Routes through the relay's devices, once it has made them (the routes go with the devices).
route_through_relay() {
    local dev
    for dev in tunA tunB; do
        ip -n "$NS_RELAY" link set "$dev" mtu "${RELAY_MTU:-65535}" up   # 65535: the Java relay's devices are so already
    done
    ip -n "$NS_RELAY" route add default dev tunA table 101
    ip -n "$NS_RELAY" route add default dev tunB table 102
}

in_relay() { ip netns exec "$NS_RELAY" "$@"; }

# Runs at exit: stops what this script started (by process id), deletes leftover devices, then
# the namespaces (which takes their veths with them).
cleanup() {
    local status=$? pid dev ns
    for pid in "${BACKGROUND_PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${BACKGROUND_PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [[ -n "$RELAY_NS" ]]; then
        for dev in "${DEVICES[@]}"; do
            ip -n "$RELAY_NS" link delete "$dev" >/dev/null 2>&1 || true
        done
    fi
    for ns in "${NAMESPACES[@]}"; do
        ip netns delete "$ns" >/dev/null 2>&1 || true
    done
    exit "$status"
}

# thread_ticks PID: "tid ticks name" for each live thread (ticks: utime + stime).
thread_ticks() {
    local task
    for task in /proc/"$1"/task/*; do
        printf '%s %s %s\n' "${task##*/}" "$(awk '{ print $14 + $15 }' "$task/stat" 2>/dev/null || echo 0)" \
            "$(tr ' ' '_' 2>/dev/null <"$task/comm")"
    done | sort -k1,1
}

# The facts RESULTS-relay.md states about the machine and the code.
describe_machine() {
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- linux benchmarks 2>/dev/null || echo ' (with uncommitted changes in linux/ or benchmarks/)')"
    echo "nproc: $(nproc)"
    echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
    echo "kernel: $(uname -srm)"
    echo "jdk: $("$JAVA" -version 2>&1 | head -n 2 | tr '\n' ' ')"
    echo "iperf3: $(iperf3 --version 2>/dev/null | head -n 1)"
    echo "gcc: $(gcc --version | head -n 1)"
}

# summarize_relay RESULTS.TSV CLK_TCK: a Markdown table of medians, ratios to C and the raw
# rounds, then the relay's CPU seconds per GB carried over TCP (rows with ticks and bytes).
summarize_relay() {
    python3 - "$1" "${2:-100}" <<'PY'
import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]).read().split("\n") if line]
tick = 1 / float(sys.argv[2])
variants, tcp, udp, cpu = [], {}, {}, {}
for round_, variant, t, u, *cost in rows:
    if variant not in variants:
        variants.append(variant)
    tcp.setdefault(variant, []).append(float(t) / 1e6)
    udp.setdefault(variant, []).append(float(u))
    if len(cost) == 2 and float(cost[1]) > 0:
        cpu.setdefault(variant, []).append(float(cost[0]) * tick / (float(cost[1]) / 1e9))
# The targets of issue 13 that a ratio to the C relay states; which apply depends on the MTU
# (RESULTS-relay.md says which): without offloads FFM >= 0.9 and JNA >= 0.8, with offloads FFM >= 3.
targets = {"ffm-nooff": ">= 0.9", "jna-nooff": ">= 0.8", "ffm": ">= 3"}
def ratio(values, variant):
    if "c" not in values or statistics.median(values["c"]) == 0:   # e.g. UDP left out (--tcp-only)
        return "", ""
    r = statistics.median(values[variant]) / statistics.median(values["c"])
    target = targets.get(variant, "")
    verdict = ""
    if target:
        verdict = " met" if r >= float(target.split()[1]) else " **missed**"
    return f"{r:.2f}", target + verdict
print("| relay | TCP Mbit/s median | TCP / C | target | TCP rounds | UDP 64 B packets/s median | UDP / C | target | UDP rounds |")
print("|---|---|---|---|---|---|---|---|---|")
for v in variants:
    tr, tt = ratio(tcp, v)
    ur, ut = ratio(udp, v)
    print(f"| {v} | {statistics.median(tcp[v]):.0f} | {tr} | {tt} | {', '.join(f'{x:.0f}' for x in tcp[v])} "
          f"| {statistics.median(udp[v]):.0f} | {ur} | {ut} | {', '.join(f'{x:.0f}' for x in udp[v])} |")
if "c-vnet" in tcp:
    limit = statistics.median(tcp["c-vnet"])
    print("\n| relay | TCP / c-vnet (the relay that passes offload packets through unsplit) |")
    print("|---|---|")
    for v in variants:
        print(f"| {v} | {statistics.median(tcp[v]) / limit:.2f} |")
for base in ("ffm", "jna"):
    single = base + "-single"
    if base in tcp and single in tcp:
        print(f"\nbatch gain {base} (batch / single): TCP {statistics.median(tcp[base]) / statistics.median(tcp[single]):.2f}, "
              f"UDP {statistics.median(udp[base]) / statistics.median(udp[single]):.2f}")
if cpu:
    print("\n| relay | relay CPU s per GB over TCP, median | / C | rounds |")
    print("|---|---|---|---|")
    c = statistics.median(cpu["c"]) if "c" in cpu else None
    for v in variants:
        if v in cpu:
            m = statistics.median(cpu[v])
            print(f"| {v} | {m:.2f} | {m / c:.2f} | {', '.join(f'{x:.2f}' for x in cpu[v])} |" if c
                  else f"| {v} | {m:.2f} | | {', '.join(f'{x:.2f}' for x in cpu[v])} |")
PY
}
