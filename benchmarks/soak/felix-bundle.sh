#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Soak piece: in Felix, a backend bundle stopped and started under a running consumer. The
# distribution's Gogo shell (the runnable jar of assembly/, fed through a pipe) is the consumer:
# its wintun: commands track the WintunDriver services. Every cycle (about 5 s):
#   wintun:create -b BACKEND tunF with 10.9.0.1/24 (a session whose thread receives and counts,
#   while the kernel pings 10.9.0.2 through the device, 100 a second, all along);
#   wintun:ping -c 20 through the session to the kernel and back: all 20 replies must come;
#   stop the backend's bundle: the shell must close the adapter (wintun:adapters: none) and the
#   device must be gone; start the bundle again: the backend must be registered again.
# Figures: cycles, cycles that went wrong (each says how in the log), errors the shell printed,
# the framework JVM's growth. Run by benchmarks/soak.sh.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
# shellcheck source=benchmarks/soak/common.sh
source benchmarks/soak/common.sh
DEVICES=(tunF)
# shellcheck source=benchmarks/soak/echo-namespace.sh
source benchmarks/soak/echo-namespace.sh

[[ -n "${ASSEMBLY_JAR:-}" && -f "$ASSEMBLY_JAR" ]] || fail "felix-bundle.sh: ASSEMBLY_JAR (the runnable jar) is not set" 2
readonly OUTPUT=$LOG_PREFIX-shell.log COMMANDS=$LOG_PREFIX-shell.fifo
rm -f "$COMMANDS"
mkfifo "$COMMANDS"
# Made here, not by the shell's redirection: that runs in the background and may come after the
# first shell_run reads the file (opening the fifo, which lets this script go on, comes first).
: >"$OUTPUT"
# shellcheck disable=SC2086
ip netns exec "$NS" "$JAVA" $JAVA_FLAGS --sun-misc-unsafe-memory-access=allow -jar "$ASSEMBLY_JAR" shell <"$COMMANDS" >>"$OUTPUT" 2>&1 &
SHELL_PID=$!
BACKGROUND_PIDS+=("$SHELL_PID")
exec 7>"$COMMANDS"   # held open: the shell reads until this script closes it
marks=0

# shell_run COMMAND: runs a Gogo command and waits (60 s at most) until its output is complete;
# the output in SHELL_SAID.
shell_run() {
    local tries=0 before
    marks=$((marks + 1))
    before=$(wc -l <"$OUTPUT")
    printf '%s\necho soak-mark-%s\n' "$1" "$marks" >&7
    until grep -q "^soak-mark-$marks\$\|g! soak-mark-$marks\$" "$OUTPUT"; do
        ((tries++ < 600)) || fail "felix-bundle.sh: the shell did not answer '$1' within 60 s"
        kill -0 "$SHELL_PID" 2>/dev/null || fail "felix-bundle.sh: the shell ended (see $OUTPUT)"
        sleep 0.1
    done
    SHELL_SAID=$(tail -n +"$((before + 1))" "$OUTPUT")
}

# wrong WHAT: one cycle went wrong; said in the log, counted in the figures.
wrong() {
    echo "cycle $cycles: $1" >>"$LOG_PREFIX-wrong.log"
    failures=$((failures + 1))
}

shell_run "lb -s io.github.wintun4j.$BACKEND"
BUNDLE=$(printf '%s\n' "$SHELL_SAID" | sed -n "s/^ *\([0-9][0-9]*\)|Active *|.*io\.github\.wintun4j\.$BACKEND.*/\1/p" | head -n 1)
[[ -n "$BUNDLE" ]] || fail "felix-bundle.sh: no active bundle io.github.wintun4j.$BACKEND in: $SHELL_SAID"
start_sampling "$SHELL_PID" framework
cycles=0
failures=0
end=$((SECONDS + RUN_SECONDS))
background_ping "$LOG_PREFIX-ping.txt" -q -i 0.01 -w "$((RUN_SECONDS + 120))"
while ((SECONDS < end)); do
    cycles=$((cycles + 1))
    shell_run "wintun:create -b $BACKEND -a 10.9.0.1/24 tunF"
    [[ "$SHELL_SAID" == *'created adapter "tunF"'* ]] || wrong "create: $SHELL_SAID"
    sleep 2   # the kernel's ping runs into the session
    shell_run "wintun:ping -c 20 tunF $PEER 10.9.0.1"
    [[ "$SHELL_SAID" == *'20 echo requests sent from'*', 20 replies'* ]] || wrong "ping: $SHELL_SAID"
    shell_run "stop $BUNDLE"
    shell_run "wintun:adapters"
    [[ "$SHELL_SAID" == *'no adapter'* ]] || wrong "adapter kept after the bundle stopped: $SHELL_SAID"
    ! in_ns ip link show tunF >/dev/null 2>&1 || wrong "device tunF still there after the bundle stopped"
    shell_run "start $BUNDLE"
    shell_run "wintun:backends"
    [[ "$SHELL_SAID" == *"$BACKEND "*native* ]] || wrong "backend not back after the bundle started: $SHELL_SAID"
done
kill -TERM "$PING_PID" 2>/dev/null || true
exec 7>&-   # end of input: the shell stops the framework
waited=0
while kill -0 "$SHELL_PID" 2>/dev/null && ((waited++ < 300)); do sleep 0.1; done
kill -0 "$SHELL_PID" 2>/dev/null && figure shell_did_not_stop 1 none
figure cycles "$cycles"
figure cycles_wrong "$failures" none
figure shell_errors "$(grep -c -i -E 'exception|error' "$OUTPUT" || true)" none
growth_figures framework
