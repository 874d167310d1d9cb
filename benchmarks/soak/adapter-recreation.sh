#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Soak piece: an adapter deleted under traffic and created again. AdapterRecreation answers the
# kernel's ping (100 a second) on tunD; every 3 s this script deletes tunD (ip link delete) while
# the session is receiving; the program must see its session end, close what is left and create
# tunD again, with its address, within 30 s. Requests sent while no device exists fail in the
# kernel ("network unreachable"): not a defect. Figures: deletions, the deletions the program saw
# (must be the same), adapters that answered nothing, other failures, the program's growth.
# Run by benchmarks/soak.sh.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
# shellcheck source=benchmarks/soak/common.sh
source benchmarks/soak/common.sh
DEVICES=(tunD)
# shellcheck source=benchmarks/soak/echo-namespace.sh
source benchmarks/soak/echo-namespace.sh

LOG=$LOG_PREFIX-program.log
start_java "$LOG" io.github.wintun4j.benchmarks.relay.AdapterRecreation --backend "$BACKEND" --name tunD
PROGRAM=$RELAY_PID
start_sampling "$PROGRAM" program
background_ping "$LOG_PREFIX-ping.txt" -q -i 0.01 -w "$((RUN_SECONDS + 60))"

# wait_up N: until the program reports its N-th adapter up (30 s at most); 1 when it does not.
wait_up() {
    local tries=0
    until grep -q "^up $1\$" "$LOG"; do
        ((tries++ < 300)) || return 1
        kill -0 "$PROGRAM" 2>/dev/null || return 1
        sleep 0.1
    done
}

deletions=0
not_recreated=0
end=$((SECONDS + RUN_SECONDS))
wait_up 1 || not_recreated=1
while ((not_recreated == 0 && SECONDS < end)); do
    sleep 3
    in_ns ip link delete tunD || { figure delete_failed 1 none; break; }
    deletions=$((deletions + 1))
    wait_up $((deletions + 1)) || not_recreated=1
done
kill -TERM "$PING_PID" 2>/dev/null || true
stop_java
figure deletions "$deletions"
figure not_recreated_within_30s "$not_recreated" none
python3 - "$LOG" "$deletions" >>"$FIGURES" <<'PY'
import re, sys
m = re.search(r"deleted=(\d+) silent=(\d+) failed=(\d+) replies=(\d+)", open(sys.argv[1]).read())
if not m:
    print("report_missing 1 none")
    sys.exit()
print(f"deletions_unseen {abs(int(sys.argv[2]) - int(m[1]))} none")
print(f"silent_adapters {m[2]} none")
print(f"failures {m[3]} none")
print(f"replies {m[4]} info")
PY
growth_figures program
