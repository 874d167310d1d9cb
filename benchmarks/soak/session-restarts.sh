#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Soak piece: a session restarted every 3 s. SessionRestarts keeps one adapter (tunR) and starts,
# uses and ends a session on it again and again, answering the kernel's ping (100 a second) while
# each session lives. Requests that arrive between two sessions are not answered: the ping's loss is
# shown but is not a defect. A session that received nothing although the kernel sent echo requests
# while it lived (the namespace's Icmp OutEchos counter rose) is. A session during which the kernel
# sent none is counted apart (unrequested_sessions): the ping was not scheduled on a loaded machine,
# which the 60-minute soak saw once in about 635 sessions at a load average near 70; and so is one
# that received nothing while the program itself stood still for a second or more (stalled_sessions:
# a collection's pause or a machine too loaded to run it, seen by a thread that ticks every 10 ms).
# Figures: restarts, silent sessions, the program's growth. Run by benchmarks/soak.sh.
# SOAK_SESSION_SECONDS (default 3) sets how long each session lives: shorter makes more sessions for
# a hunt after a rare failure (restarts_missing assumes 3).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
# shellcheck source=benchmarks/soak/common.sh
source benchmarks/soak/common.sh
DEVICES=(tunR)
# shellcheck source=benchmarks/soak/echo-namespace.sh
source benchmarks/soak/echo-namespace.sh

start_java "$LOG_PREFIX-program.log" io.github.wintun4j.benchmarks.relay.SessionRestarts --backend "$BACKEND" --name tunR --seconds "${SOAK_SESSION_SECONDS:-3}"
PROGRAM=$RELAY_PID
start_sampling "$PROGRAM" program
background_ping "$LOG_PREFIX-ping.txt" -q -i 0.01 -w "$RUN_SECONDS"
wait "$PING_PID" || true   # ping's status is 1 when a request went unanswered, which is expected here
stop_java
python3 - "$LOG_PREFIX-program.log" "$LOG_PREFIX-ping.txt" "$RUN_SECONDS" >>"$FIGURES" <<'PY'
import re, sys
m = re.search(r"restarts=(\d+) silent=(\d+) unrequested=(\d+) stalled=(\d+) replies=(\d+)", open(sys.argv[1]).read())
if not m:
    print("report_missing 1 none")
    sys.exit()
restarts = int(m[1])
print(f"restarts {restarts} info")
print(f"silent_sessions {m[2]} none")
print(f"unrequested_sessions {m[3]} info")
print(f"stalled_sessions {m[4]} info")
print(f"replies {m[5]} info")
# A restart takes 3 s and a little: fewer than half the expected restarts means the loop stalled.
print(f"restarts_missing {max(0, int(sys.argv[3]) // 3 // 2 - restarts)} none")
p = re.search(r"(\d+) packets transmitted, (\d+) received", open(sys.argv[2]).read())
print(f"ping_unanswered_between_sessions {int(p[1]) - int(p[2]) if p else -1} info")
PY
growth_figures program
