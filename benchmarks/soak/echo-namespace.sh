# shellcheck shell=bash
# SPDX-License-Identifier: Apache-2.0
# Shared by the soak pieces that answer pings on one device (sourced after common.sh): the piece's
# namespace, w4jsRUN-BACKEND-PIECE (RUN: see common.sh), whose device DEVICE gets 10.9.0.1/24 from the program; the kernel
# pings 10.9.0.2, which the program answers through the device.

readonly NS=w4js$RUN_TAG-$BACKEND-$PIECE
readonly PEER=10.9.0.2
# shellcheck disable=SC2034   # read by cleanup (netns-common.sh)
NAMESPACES=("$NS")
# shellcheck disable=SC2034
RELAY_NS=$NS
trap cleanup EXIT
trap 'exit 130' INT TERM
find_jdk
ip netns add "$NS"
ip -n "$NS" link set lo up

in_ns() { ip netns exec "$NS" "$@"; }

# background_ping FILE PING_ARGS...: iputils ping in the namespace, output into FILE; its pid in PING_PID.
background_ping() {
    local file=$1
    shift
    ip netns exec "$NS" ping "$@" "$PEER" >"$file" 2>&1 7>&- &   # 7>&-: see start_sampling
    PING_PID=$!
    BACKGROUND_PIDS+=("$PING_PID")
}
