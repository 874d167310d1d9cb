#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The binding cost against the wintun ABI simulator: the per-packet cost of receive+release and of
# allocate+send made straight from C (src/main/c/binding_cost.c) and through the public API of the
# FFM and JNA Windows bindings (JMH, io.github.wintun4j.benchmarks.binding), in the same run, with
# the ratios to C and the bytes allocated per packet (JMH -prof gc). Results: RESULTS-binding.md.
#
# Usage: benchmarks/binding-cost.sh [--no-build] [--rounds N] [-- extra JMH options]
#   --no-build  use the simulator and benchmarks.jar built before (target/ of windows and benchmarks)
#   --rounds N  run C then JMH N times, back to back (default 1); the table gives the mean of the rounds
# Environment: JAVA_HOME (a JDK >= 22; else the newest under /usr/lib/jvm is taken), MVN (default mvn),
# MVN_ARGS (e.g. -o), C_SECONDS and C_ROUNDS (per C case: seconds per round, rounds; default 1 and 5).
# Linux with gcc only: the simulator is an ELF shared object.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=1
rounds=1
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=0; shift ;;
        --rounds) rounds=$2; shift 2 ;;
        --) shift; break ;;
        *) echo "binding-cost.sh: unknown option $1 (see the header of this script)" >&2; exit 2 ;;
    esac
done

# A JDK >= 22: the FFM backend needs java.lang.foreign.
java_feature() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
jdk=
for candidate in ${JAVA_HOME:-} /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(java_feature "$candidate")" -ge 22 ] 2>/dev/null; then
        jdk=$candidate
        break
    fi
done
if [ -z "$jdk" ]; then
    echo "binding-cost.sh: no JDK >= 22 found (set JAVA_HOME to one)" >&2
    exit 2
fi
export JAVA_HOME=$jdk
command -v gcc >/dev/null || { echo "binding-cost.sh: gcc is needed" >&2; exit 2; }

if [ "$build" = 1 ]; then
    # The windows module builds the simulator (even with -DskipTests); benchmarks.jar holds both backends.
    (cd "$root" && ${MVN:-mvn} ${MVN_ARGS:-} -q -pl benchmarks -am package -DskipTests)
fi

# Private copies, so that a clean by another build cannot pull them away mid-run.
work=$(mktemp -d "${TMPDIR:-/tmp}/binding-cost.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$root/windows/target/wintun4j-sim/libwintun4j-sim.so" "$work/"
cp "$root/benchmarks/target/benchmarks.jar" "$work/"
sim=$work/libwintun4j-sim.so
gcc -std=c11 -O2 -Wall -Wextra -pthread -o "$work/binding_cost" "$root/benchmarks/src/main/c/binding_cost.c" -ldl

echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "commit: $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"

: >"$work/c.txt"
: >"$work/jmh.csv"
round=1
while [ "$round" -le "$rounds" ]; do
    echo "round $round of $rounds: C"
    "$work/binding_cost" "$sim" "${C_SECONDS:-1}" "${C_ROUNDS:-5}" | tee -a "$work/c.txt"
    echo "round $round of $rounds: JMH (FFM, JNA)"
    "$JAVA_HOME/bin/java" -jar "$work/benchmarks.jar" 'binding\.BindingCostBenchmark\.' \
        -jvmArgsPrepend "-Dwintun4j.dll=$sim" \
        -prof gc -rf csv -rff "$work/round.csv" "$@"
    cat "$work/round.csv" >>"$work/jmh.csv"
    round=$((round + 1))
done

# The table: C from "<case>[/1thread] <size> <mean> <min>" lines (the plain names ran with a second,
# idle thread: glibc's mutexes in the simulator then use atomic instructions, as in any JVM); JMH from its CSV (Benchmark, Mode, Threads,
# Samples, Score, Error, Unit, Param: backend, Param: size), including the gc.alloc.rate.norm rows.
# Per row: the mean of the rounds, and for FFM the lowest and highest round (the spread).
awk '
    FNR == NR { c[$1 " " $2] += $3; cn[$1 " " $2]++; next }
    /^"Benchmark"/ { next }
    {
        gsub(/["\r]/, ""); split($0, f, ",")
        name = f[1]; sub(/.*BindingCostBenchmark\./, "", name)
        metric = "time"
        if (sub(/:gc\.alloc\.rate\.norm$/, "", name)) metric = "bytes"
        else if (name ~ /:/) next
        path = sub(/Claimed$/, "", name) ? "claimed" : "thread-safe"
        if (name == "receiveRelease") kase = "receive+release"
        else if (name == "allocateSend") kase = "allocate+send"
        else next
        key = kase " " path " " f[8] " " f[9]
        if (metric == "bytes") { b[key] = f[5]; next }
        j[key] += f[5]; jn[key]++
        if (!(key in lo) || f[5] < lo[key]) lo[key] = f[5]
        if (!(key in hi) || f[5] > hi[key]) hi[key] = f[5]
    }
    function mean(sum, n) { return n ? sum / n : 0 }
    function ratio(x, y) { return y && x ? sprintf("%.2f", x / y) : "-" }
    function bytes(k) { return b[k] == "" ? "-" : sprintf("%.1f", b[k]) }
    END {
        print ""
        print "| case | path | size | C ns/packet | C, the same calls | C, same calls, 1 thread | FFM ns/packet | FFM rounds min-max | JNA ns/packet | FFM/C same calls | JNA/C same calls | FFM B/op | JNA B/op |"
        print "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
        split("receive+release allocate+send", cases, " ")
        split("thread-safe claimed", paths, " ")
        split("64 1500", sizes, " ")
        for (i = 1; i <= 2; i++) for (p = 1; p <= 2; p++) for (s = 1; s <= 2; s++) {
            kc = cases[i] " " sizes[s]
            cc = mean(c[kc], cn[kc])
            calls = cases[i] == "allocate+send" ? "allocate+send+probe" : cases[i]
            same = mean(c[calls " " sizes[s]], cn[calls " " sizes[s]])
            one = mean(c[calls "/1thread " sizes[s]], cn[calls "/1thread " sizes[s]])
            kf = cases[i] " " paths[p] " ffm " sizes[s]
            kj = cases[i] " " paths[p] " jna " sizes[s]
            ffm = mean(j[kf], jn[kf])
            jna = mean(j[kj], jn[kj])
            printf "| %s | %s | %s | %.1f | %.1f | %.1f | %.1f | %s | %.1f | %s | %s | %s | %s |\n", cases[i], paths[p], sizes[s],
                cc, same, one, ffm, jn[kf] ? sprintf("%.1f-%.1f", lo[kf], hi[kf]) : "-", jna,
                ratio(ffm, same), ratio(jna, same), bytes(kf), bytes(kj)
        }
    }
' "$work/c.txt" "$work/jmh.csv"
