#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Compares two builds of benchmarks.jar on the same benchmarks, fork by fork and alternated, so that
# both see the same machine: one fork of the "before" jar, one of the "after" jar, and again, ROUNDS
# times. The ring benchmarks vary by up to 2x from fork to fork on a 2-core machine, more than
# between builds, so one run of each jar would compare forks, not builds. Prints each fork's
# score (the consumer's, for two-thread groups) and, per benchmark, the median of each jar, their
# ratio, and the median of the rounds' own ratios.
#
#   benchmarks/compare-jars.sh BEFORE.jar AFTER.jar [ROUNDS] [BENCHMARK-REGEX] [JMH args...]
#
# Defaults: 5 rounds; the calls without packet objects on claimed sides (in-place receive and copy
# send, 64 B), the hot paths of issue 12. Needs a JDK 22 or newer (JAVA_HOME or /usr/lib/jvm).
set -euo pipefail

before=${1:?usage: compare-jars.sh BEFORE.jar AFTER.jar [ROUNDS] [REGEX] [JMH args...]}
after=${2:?usage: compare-jars.sh BEFORE.jar AFTER.jar [ROUNDS] [REGEX] [JMH args...]}
rounds=${3:-5}
regex=${4:-'(Send|Receive)Benchmark\.(claimedInPlace|claimedCopy)$'}
shift $(( $# < 4 ? $# : 4 ))
jmh_args=("$@")
((${#jmh_args[@]})) || jmh_args=(-p size=64 -wi 3 -w 2s -i 5 -r 2s)

for jar in "$before" "$after"; do
    [[ -f "$jar" ]] || { echo "compare-jars.sh: no such jar: $jar" >&2; exit 2; }
done
java=${JAVA_HOME:+$JAVA_HOME/bin/java}
if [[ -z "$java" ]] || ! "$java" -version 2>&1 | grep -Eq 'version "(2[2-9]|[3-9][0-9])'; then
    java=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r candidate; do
        "$candidate" -version 2>&1 | grep -Eq 'version "(2[2-9]|[3-9][0-9])' && { echo "$candidate"; break; }
    done)
fi
[[ -n "$java" ]] || { echo "compare-jars.sh: needs a JDK 22 or newer (set JAVA_HOME)" >&2; exit 2; }

out=$(mktemp -d "${TMPDIR:-/tmp}/compare-jars.XXXXXX")
echo "compare-jars: $rounds rounds, $regex, ${jmh_args[*]}; JMH output in $out" >&2
for ((round = 1; round <= rounds; round++)); do
    for side in before after; do
        jar=$before
        [[ $side == after ]] && jar=$after
        "$java" -jar "$jar" "$regex" -f 1 "${jmh_args[@]}" -rf csv -rff "$out/$side-$round.csv" \
            >"$out/$side-$round.log" 2>&1 || { echo "compare-jars.sh: $side round $round failed, see $out" >&2; exit 1; }
        echo "  round $round $side done" >&2
    done
done

# Every row JMH wrote: a group's total and each of its sides ("...claimedInPlace:consume...");
# the consumer's row is the one to compare (see README.md, "What each benchmark measures").
# Besides the median of each jar, the median of the rounds' own after/before ratios: the two forks
# of a round ran one after the other, so a round's ratio sees much the same load on both sides.
python3 - "$out" "$rounds" <<'EOF'
import csv, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
scores = {}
for side in ("before", "after"):
    for round_ in range(1, rounds + 1):
        with open(f"{out}/{side}-{round_}.csv") as f:
            for row in csv.DictReader(f):
                name = row["Benchmark"]
                params = ",".join(f"{k[len('Param: '):]}={v}" for k, v in row.items() if k.startswith("Param: ") and v)
                key = (name, params, row["Unit"])
                scores.setdefault(key, {}).setdefault(side, {})[round_] = float(row["Score"])
print(f"{'benchmark':60} {'unit':>8} {'before (median; forks)':>28} {'after (median; forks)':>28} "
      f"{'after/before':>12} {'median of round ratios':>22}")
for (name, params, unit), sides in sorted(scores.items()):
    b, a = sides.get("before", {}), sides.get("after", {})
    if not b or not a:
        continue
    mb, ma = statistics.median(b.values()), statistics.median(a.values())
    paired = [a[r] / b[r] for r in sorted(set(a) & set(b)) if b[r]]
    label = name.replace("io.github.wintun4j.benchmarks.", "") + (f" [{params}]" if params else "")
    fmt = lambda xs: " ".join(f"{x:.1f}" for x in xs)
    print(f"{label:60} {unit:>8} {mb:8.2f} ({fmt(b.values())}) {ma:8.2f} ({fmt(a.values())}) "
          f"{ma / mb:12.2f} {statistics.median(paired):22.2f}")
EOF
