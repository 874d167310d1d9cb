#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Soak piece: traffic through the Java relay (two TUN devices, tunA and tunB, in namespace
# w4jsRUN-BACKEND-relay, between a client and a server namespace; the topology of relay.sh) for
# SECONDS, all at once and each at a fixed rate:
#   iperf3 TCP at 40 Mbit/s and iperf3 UDP at 8 Mbit/s of 1000-byte datagrams (1,000 packets/s);
#   digest_traffic.py UDP, 1,000 datagrams/s of 1,000 bytes, and a TCP stream at 1 MB/s,
#   each record checked end to end (sequence number and digest).
# Figures: iperf3 UDP's lost packets; the digest streams' lost, duplicated and corrupted records;
# the relay's growth; the kernel's and the relay's own drop counters, which say where a loss
# happened. Run by benchmarks/soak.sh (see there for what counts as loss).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
# shellcheck source=benchmarks/soak/common.sh
source benchmarks/soak/common.sh

readonly NS_CLI=w4js$RUN_TAG-$BACKEND-cli NS_RELAY=w4js$RUN_TAG-$BACKEND-relay NS_SRV=w4js$RUN_TAG-$BACKEND-srv
NAMESPACES=("$NS_CLI" "$NS_RELAY" "$NS_SRV")
RELAY_NS=$NS_RELAY
DEVICES=(tunA tunB)
trap cleanup EXIT
trap 'exit 130' INT TERM
find_jdk
readonly SERVER=10.71.2.2

make_namespaces
# iperf3's UDP socket buffers: 4 MiB (4 s of its stream), or the kernel's limit (net.core.rmem_max
# and wmem_max, which a benchmark must not change) when that is lower; so that its server,
# descheduled a while on a shared machine, drops nothing at its socket. What it drops there anyway
# is the RcvbufErrors figure below.
UDP_BUFFER=$(ip netns exec "$NS_SRV" sh -c 'cat /proc/sys/net/core/rmem_max /proc/sys/net/core/wmem_max' \
    | awk -v want=$((4 << 20)) 'BEGIN { min = want } $1 < min { min = $1 } END { print min }')
in_server() { ip netns exec "$NS_SRV" "$@"; }
in_client() { ip netns exec "$NS_CLI" "$@"; }
ip netns exec "$NS_SRV" iperf3 -s -B "$SERVER" -p 5201 >"$LOG_PREFIX-iperf3-tcp-server.log" 2>&1 &
BACKGROUND_PIDS+=("$!")
ip netns exec "$NS_SRV" iperf3 -s -B "$SERVER" -p 5202 >"$LOG_PREFIX-iperf3-udp-server.log" 2>&1 &
BACKGROUND_PIDS+=("$!")
ip netns exec "$NS_SRV" python3 benchmarks/soak/digest_traffic.py udp-receive "$SERVER" 5301 --report "$LOG_PREFIX-digest-udp-received.txt" &
UDP_RECEIVER=$!
BACKGROUND_PIDS+=("$UDP_RECEIVER")
ip netns exec "$NS_SRV" python3 benchmarks/soak/digest_traffic.py tcp-receive "$SERVER" 5302 --report "$LOG_PREFIX-digest-tcp-received.txt" &
TCP_RECEIVER=$!
BACKGROUND_PIDS+=("$TCP_RECEIVER")

# The relay gets a bigger heap than the other programs: nothing else differs.
JAVA_FLAGS=${JAVA_FLAGS/-Xms96m -Xmx96m/-Xms192m -Xmx192m}
start_java "$LOG_PREFIX-relay.log" io.github.wintun4j.benchmarks.relay.Relay --backend "$BACKEND"
RELAY=$RELAY_PID
route_through_relay
# The kernel's queue into each device holds 10,000 packets (not 500): several seconds of this
# traffic, so that the relay descheduled for a while on a shared machine loses nothing there.
for dev in tunA tunB; do
    ip -n "$NS_RELAY" link set "$dev" txqueuelen 10000
done
in_client ping -c 1 -W 5 "$SERVER" >/dev/null || fail "relay-traffic.sh: no path through the $BACKEND relay"
start_sampling "$RELAY" relay

ip netns exec "$NS_CLI" iperf3 -c "$SERVER" -p 5201 -b 40M -t "$RUN_SECONDS" -J >"$LOG_PREFIX-iperf3-tcp.json" &
TCP_IPERF=$!
ip netns exec "$NS_CLI" iperf3 -c "$SERVER" -p 5202 -u -b 8M -l 1000 -w "$UDP_BUFFER" -t "$RUN_SECONDS" -J >"$LOG_PREFIX-iperf3-udp.json" &
UDP_IPERF=$!
ip netns exec "$NS_CLI" python3 benchmarks/soak/digest_traffic.py udp-send "$SERVER" 5301 --rate 1000 --size 1000 \
    --seconds "$RUN_SECONDS" --report "$LOG_PREFIX-digest-udp-sent.txt" &
UDP_SENDER=$!
ip netns exec "$NS_CLI" python3 benchmarks/soak/digest_traffic.py tcp-send "$SERVER" 5302 --rate 1000000 --size 1000 \
    --seconds "$RUN_SECONDS" --report "$LOG_PREFIX-digest-tcp-sent.txt" &
TCP_SENDER=$!
status=0
for pid in "$TCP_IPERF" "$UDP_IPERF" "$UDP_SENDER" "$TCP_SENDER"; do
    wait "$pid" || status=1
done
figure traffic_client_failed "$status" none
wait "$TCP_RECEIVER" || figure digest_tcp_receiver_failed 1 none
sleep 2     # the last datagrams in flight arrive
kill -TERM "$UDP_RECEIVER"
wait "$UDP_RECEIVER" || figure digest_udp_receiver_failed 1 none

# Where a loss would have happened: the kernel's queue into a device (TX dropped of tunA/tunB),
# the server's UDP sockets (RcvbufErrors), the relay's send rings (its report).
for dev in tunA tunB; do
    figure "kernel_${dev}_queue_dropped" "$(ip -n "$NS_RELAY" -s -j link show "$dev" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["stats64"]["tx"]["dropped"])')"
done
# shellcheck disable=SC2016   # awk's own $6
RCVBUF_ERRORS=$(in_server awk '/^Udp:/ { n++; if (n == 2) print $6 }' /proc/net/snmp)
figure server_udp_rcvbuf_errors "$RCVBUF_ERRORS"
# Datagrams whose UDP checksum was wrong (the kernel drops them: they show as loss above).
# shellcheck disable=SC2016
figure server_udp_checksum_errors "$(in_server awk '/^Udp:/ { n++; if (n == 2) print $8 }' /proc/net/snmp)"
stop_java
figure relay_send_ring_full_drops "$(sed -n 's/.* \([0-9]*\) dropped (send ring full).*/\1/p' "$LOG_PREFIX-relay.log" | awk '{ s += $1 } END { print s + 0 }')"
grep -q 'failed:' "$LOG_PREFIX-relay.log" && figure relay_direction_failed 1 none
growth_figures relay

python3 - "$LOG_PREFIX" "$RCVBUF_ERRORS" >>"$FIGURES" <<'PY'
import json, sys
prefix = sys.argv[1]
def kv(path):
    return {k: int(v) for k, v in (item.split("=") for item in open(path).read().split())}
tcp = json.load(open(prefix + "-iperf3-tcp.json"))["end"]
udp = json.load(open(prefix + "-iperf3-udp.json"))["end"]["sum"]
print(f"iperf3_tcp_mbit_per_s {tcp['sum_received']['bits_per_second'] / 1e6:.1f} info")
print(f"iperf3_tcp_retransmits {tcp['sum_sent'].get('retransmits', 0)} info")
print(f"iperf3_udp_packets {udp['packets']} info")
# The server's socket is not the tunnel: what the kernel dropped there (RcvbufErrors, the server
# was too slow to read) is shown on its own; the rest of iperf3's loss happened in the tunnel.
rcvbuf = int(sys.argv[2])
print(f"iperf3_udp_lost {udp['lost_packets']} info")
print(f"iperf3_udp_lost_in_tunnel {max(0, udp['lost_packets'] - rcvbuf)} none")
print(f"iperf3_udp_out_of_order {udp.get('out_of_order', 0)} info")
sent, got = kv(prefix + "-digest-udp-sent.txt"), kv(prefix + "-digest-udp-received.txt")
print(f"digest_udp_sent {sent['sent']} info")
print(f"digest_udp_send_errors {sent['send_errors']} none")
print(f"digest_udp_lost {sent['sent'] - sent['send_errors'] - got['unique']} none")
print(f"digest_udp_duplicated {got['duplicated']} none")
print(f"digest_udp_corrupted {got['corrupted']} none")
print(f"digest_udp_reordered {got['reordered']} info")
sent, got = kv(prefix + "-digest-tcp-sent.txt"), kv(prefix + "-digest-tcp-received.txt")
print(f"digest_tcp_records {sent['sent']} info")
print(f"digest_tcp_lost {sent['sent'] - got['received']} none")
print(f"digest_tcp_corrupted {got['corrupted']} none")
print(f"digest_tcp_out_of_sequence {got['out_of_sequence'] + got['trailing_bytes']} none")
PY
