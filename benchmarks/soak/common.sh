# shellcheck shell=bash
# SPDX-License-Identifier: Apache-2.0
# Shared by the soak's pieces (sourced, not run; each piece is run by benchmarks/soak.sh as
#   benchmarks/soak/PIECE.sh BACKEND SECONDS OUT
# from the checkout): the arguments, the JVM flags, the sampling of a process, and the figures
# file that benchmarks/soak/verdict.py reads.
#
# A figures file (OUT/PIECE-BACKEND.figures) has one line per figure: "name value kind", kind
# "none" for a figure that must be 0 (lost, duplicated, corrupted, grown, failed) and "info" for one
# that only explains (rates, totals, the kernel's own drop counters).

# shellcheck source=benchmarks/netns-common.sh
source benchmarks/netns-common.sh

[[ $# -eq 3 ]] || fail "$(basename "$0"): usage: $(basename "$0") ffm|jna SECONDS OUT" 2
readonly BACKEND=$1 RUN_SECONDS=$2 OUT=$3
[[ "$BACKEND" == ffm || "$BACKEND" == jna ]] || fail "$(basename "$0"): the backend is ffm or jna" 2
[[ "$RUN_SECONDS" =~ ^[1-9][0-9]*$ ]] || fail "$(basename "$0"): SECONDS is a whole number" 2
PIECE=$(basename "$0" .sh)
readonly PIECE
readonly FIGURES=$OUT/$PIECE-$BACKEND.figures
readonly LOG_PREFIX=$OUT/$PIECE-$BACKEND
# Part of every namespace name: soak.sh's process id, so that two soaks on one machine do not
# take each other's namespaces (a piece run on its own uses its own).
readonly RUN_TAG=${SOAK_RUN:-$$}
# Ten JVMs run at once on a small machine: a small heap, touched whole at start so that resident
# memory then grows only with what lives outside it (threads, direct buffers, native memory: what a
# leak of the library would show), and the serial collector, whose thread count does not vary.
JAVA_FLAGS="--enable-native-access=ALL-UNNAMED -Xms96m -Xmx96m -XX:+AlwaysPreTouch -XX:+UseSerialGC ${JAVA_EXTRA_FLAGS:-}"
readonly SAMPLE_SECONDS=5
# Every SETTLE_SECONDS a sample is taken after a full collection and a trim of the C heap (jcmd
# GC.run, System.trim_native_heap): its resident memory is what the process still holds, without the
# memory that is only waiting for a collection (a session's rings are direct buffers, freed when the
# collector finds them) or kept free by malloc for later. That figure is the one judged for a leak.
# One process at a time across the whole soak (a lock in OUT): each jcmd starts a JVM, and ten at
# once would stall a small machine for seconds, and with it the pieces' traffic.
readonly SETTLE_SECONDS=60

# figure NAME VALUE [none|info]
figure() {
    printf '%s %s %s\n' "$1" "$2" "${3:-info}" >>"$FIGURES"
}

# settle PID: a full collection, a second for the collector's cleaner to free the direct buffers it
# found, then the C heap's free memory given back to the system. Under the soak's lock.
settle() {
    flock "$OUT/settle.lock" bash -c '"$1" "$2" GC.run >/dev/null 2>&1 && sleep 1 && "$1" "$2" System.trim_native_heap >/dev/null 2>&1' \
        settle "$JAVA_HOME/bin/jcmd" "$1"
}

# rss_and_threads PID: "VmRSS-in-KiB thread-count" from /proc/PID/status; nothing when it cannot be read.
rss_and_threads() {
    awk '/^VmRSS:/ { rss = $2 } /^Threads:/ { threads = $2 } END { if (rss != "" && threads != "") print rss, threads }' \
        "/proc/$1/status" 2>/dev/null
}

# sample_until_gone PID FILE: "seconds rss_kib descriptors threads settled_rss_kib" every
# SAMPLE_SECONDS while PID lives (run in the background); settled_rss_kib is "-" but every
# SETTLE_SECONDS, when it is the resident memory right after settle.
sample_until_gone() {
    # A sample that cannot be read is left out, never the end of the sampling: under the pieces'
    # errexit and pipefail, a failing command substitution used to end this loop without a word.
    set +e +o pipefail
    shopt -s nullglob
    local pid=$1 file=$2 start=$SECONDS next_settle=$SECONDS rss threads fds settled
    local -a descriptors
    echo "seconds rss_kib descriptors threads settled_rss_kib" >"$file"
    while kill -0 "$pid" 2>/dev/null; do
        read -r rss threads <<<"$(rss_and_threads "$pid")"
        descriptors=(/proc/"$pid"/fd/*)
        fds=${#descriptors[@]}
        settled=-
        # The first settle comes at once: it starts the JVM's attach thread (and its socket) for good,
        # before the growth of threads and descriptors is judged.
        if ((SECONDS >= next_settle)) && settle "$pid"; then
            read -r settled _ <<<"$(rss_and_threads "$pid")"
            next_settle=$((SECONDS + SETTLE_SECONDS))
            [[ -n "$settled" ]] || settled=-
        fi
        [[ -n "$rss" && -n "$threads" ]] && printf '%s %s %s %s %s\n' "$((SECONDS - start))" "$rss" "$fds" "$threads" "$settled" >>"$file"
        sleep "$SAMPLE_SECONDS"
    done
    echo "sampling of $pid ended after $((SECONDS - start)) s: the process ended" >&2
}

# start_sampling PID NAME: samples PID into LOG_PREFIX-NAME.samples until it ends; its growth is
# judged by growth_figures once the process has stopped.
start_sampling() {
    # 7>&-: not the writing end of felix-bundle.sh's pipe into the shell, whose end is the shell's end of input
    sample_until_gone "$1" "$LOG_PREFIX-$2.samples" 7>&- &
    BACKGROUND_PIDS+=("$!")
}

# growth_figures NAME: the figures of LOG_PREFIX-NAME.samples (see growth.py)
growth_figures() {
    python3 benchmarks/soak/growth.py "$LOG_PREFIX-$1.samples" "$1" "$RUN_SECONDS" >>"$FIGURES"
}

# start_java LOG CLASS ARGS...: a benchmark program in RELAY_NS, its pid in RELAY_PID, once it
# printed "ready" (start_relay of netns-common.sh).
start_java() {
    local log=$1
    shift
    # shellcheck disable=SC2086
    start_relay "$log" "$JAVA" $JAVA_FLAGS -cp "$JAR" "$@"
}

# stop_java: SIGTERM to the program started last and waits until it has ended (bounded by its own
# 10 s stop); its devices must be gone (stop_relay).
stop_java() {
    stop_relay
}

# ping_figures PREFIX FILE: loss, duplicates and corruption from iputils ping's output (-q).
ping_figures() {
    python3 - "$1" "$2" >>"$FIGURES" <<'PY'
import re, sys
prefix, text = sys.argv[1], open(sys.argv[2]).read()
m = re.search(r"(\d+) packets transmitted, (\d+) received(?:, \+(\d+) duplicates)?", text)
if not m:
    print(f"{prefix}_no_summary 1 none")
    sys.exit()
sent, got, dup = int(m[1]), int(m[2]), int(m[3] or 0)
print(f"{prefix}_sent {sent} info")
print(f"{prefix}_received {got} info")
print(f"{prefix}_duplicated {dup} none")
# iputils prints "wrong data byte" for a reply whose payload differs, "BAD CHECKSUM" for a bad ICMP sum.
print(f"{prefix}_corrupted {len(re.findall(r'wrong data byte|BAD CHECKSUM', text))} none")
PY
}
