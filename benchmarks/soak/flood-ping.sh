#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Soak piece: a flood ping through a Java responder. EchoServer (the responder of latency.sh)
# answers on its session every echo request routed into tunP; the kernel's ping sends 500 a
# second for SECONDS, each a new request whether or not the last was answered, and waits for the
# last replies (-c with a deadline, so that nothing is "in flight" when it counts).
# ping -i 0.002 rather than -f: in flood mode iputils neither checks a reply's data nor reports it
# (it prints a dot), and the unpaced -f would take a core of a shared machine (iputils ping itself
# costs about 0.4 ms of CPU per request on this virtual machine: 500 a second is a fifth of a core).
# Figures: requests sent, replies, duplicates, replies with wrong data or a bad checksum; the
# responder's growth. Run by benchmarks/soak.sh.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
# shellcheck source=benchmarks/soak/common.sh
source benchmarks/soak/common.sh
DEVICES=(tunP)
# shellcheck source=benchmarks/soak/echo-namespace.sh
source benchmarks/soak/echo-namespace.sh
readonly RATE=500   # requests a second: ping -i 0.002

start_java "$LOG_PREFIX-responder.log" io.github.wintun4j.benchmarks.relay.EchoServer --backend "$BACKEND" --name tunP --address 10.9.0.1
RESPONDER=$RELAY_PID
start_sampling "$RESPONDER" responder
# Every reply line but the ordinary ones is kept: "(DUP!)", "wrong data byte", "BAD CHECKSUM".
in_ns ping -i 0.002 -c "$((RUN_SECONDS * RATE))" -w "$((RUN_SECONDS * 2 + 30))" "$PEER" 2>&1 \
    | grep -v -E '^[0-9]+ bytes from [0-9.]+: icmp_seq=[0-9]+ ttl=[0-9]+ time=[0-9.]+ ms$' >"$LOG_PREFIX-ping.txt" || true
ping_figures ping "$LOG_PREFIX-ping.txt"
python3 - "$LOG_PREFIX-ping.txt" >>"$FIGURES" <<'PY'
import re, sys
m = re.search(r"(\d+) packets transmitted, (\d+) received", open(sys.argv[1]).read())
print(f"ping_lost {int(m[1]) - int(m[2]) if m else -1} none")
PY
stop_java
growth_figures responder
