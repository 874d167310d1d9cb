#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""End-to-end checked traffic for the soak: every UDP datagram and every TCP block carries a sequence
number and a digest of its bytes, so that the receiver tells lost, duplicated, reordered and corrupted
data apart. iperf3 only counts: its UDP test folds a duplicate into "out of order" (and takes it off
the lost count), and neither of its tests looks at the bytes.

  digest_traffic.py udp-send HOST PORT --rate PPS --seconds S --size BYTES --report FILE
  digest_traffic.py udp-receive HOST PORT --report FILE          (until SIGTERM)
  digest_traffic.py tcp-send HOST PORT --rate BYTES_PER_S --seconds S --size BYTES --report FILE
  digest_traffic.py tcp-receive HOST PORT --report FILE          (until the sender closes)

A record: sequence number (8 bytes), payload (derived from the sequence number, so that a payload
moved to another record is caught too), then the first 16 bytes of SHA-256 over both. Reports are
one line of key=value. Sending is paced in steps of 10 ms, so the rate is an average over 10 ms.
"""
import argparse
import hashlib
import signal
import socket
import struct
import sys
import time

DIGEST = 16
STEP = 0.01


def payload(seq, size):
    seed = hashlib.sha256(struct.pack(">Q", seq)).digest()
    return (seed * (size // len(seed) + 1))[:size]


def record(seq, size):
    body = struct.pack(">Q", seq) + payload(seq, size)
    return body + hashlib.sha256(body).digest()[:DIGEST]


def check(data, size):
    """Returns the sequence number of a sound record, or None when it is corrupt."""
    if len(data) != 8 + size + DIGEST:
        return None
    body, digest = data[:-DIGEST], data[-DIGEST:]
    if hashlib.sha256(body).digest()[:DIGEST] != digest:
        return None
    seq = struct.unpack(">Q", body[:8])[0]
    return seq if body[8:] == payload(seq, size) else None


def write_report(path, **figures):
    with open(path, "w") as out:
        out.write(" ".join(f"{key}={value}" for key, value in figures.items()) + "\n")


def paced(rate_per_second, seconds):
    """Yields how many units to send now, keeping to rate_per_second on average."""
    start = time.monotonic()
    done = 0
    while True:
        elapsed = time.monotonic() - start
        if elapsed >= seconds:
            return
        due = int(min(elapsed + STEP, seconds) * rate_per_second) - done
        if due > 0:
            yield due
            done += due
        time.sleep(max(0.0, start + elapsed + STEP - time.monotonic()))


def udp_send(a):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.connect((a.host, a.port))
    sent = errors = 0
    for count in paced(a.rate, a.seconds):
        for _ in range(count):
            try:
                sock.send(record(sent, a.size))
            except OSError:
                errors += 1     # e.g. ENOBUFS: the datagram never left; counted, not lost in transit
            sent += 1
    write_report(a.report, sent=sent, send_errors=errors)


def udp_receive(a):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    # A big buffer, forced (root), so that a slow Python receiver does not drop what the tunnel
    # carried; the kernel's RcvbufErrors counter, which soak reports too, would show if it did.
    sock.setsockopt(socket.SOL_SOCKET, 33, 16 << 20)   # SO_RCVBUFFORCE
    sock.bind((a.host, a.port))
    seen = bytearray()
    counts = {"received": 0, "duplicated": 0, "corrupted": 0, "reordered": 0}
    highest = [-1]
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    sock.settimeout(0.2)
    while not stop:
        try:
            data = sock.recv(65536)
        except socket.timeout:
            continue
        except InterruptedError:
            continue
        seq = check(data, a.size)
        if seq is None:
            counts["corrupted"] += 1
            continue
        if seq >= len(seen):
            seen.extend(bytes(seq + 1 - len(seen) + 4096))
        if seen[seq]:
            counts["duplicated"] += 1
            continue
        seen[seq] = 1
        counts["received"] += 1
        if seq < highest[0]:
            counts["reordered"] += 1
        highest[0] = max(highest[0], seq)
    write_report(a.report, unique=counts["received"], **{k: v for k, v in counts.items() if k != "received"})


def tcp_send(a):
    sock = socket.create_connection((a.host, a.port), timeout=30)
    records = 0
    per_record = 8 + a.size + DIGEST
    for count in paced(a.rate / per_record, a.seconds):
        sock.sendall(b"".join(record(records + i, a.size) for i in range(count)))
        records += count
    sock.shutdown(socket.SHUT_WR)
    sock.recv(1)    # the receiver closes once it has read everything
    write_report(a.report, sent=records)


def tcp_receive(a):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((a.host, a.port))
    server.listen(1)
    conn, _ = server.accept()
    per_record = 8 + a.size + DIGEST
    pending = b""
    expected = corrupted = out_of_sequence = 0
    while True:
        data = conn.recv(1 << 20)
        if not data:
            break
        pending += data
        whole = len(pending) // per_record * per_record
        for offset in range(0, whole, per_record):
            seq = check(pending[offset:offset + per_record], a.size)
            if seq is None:
                corrupted += 1
            elif seq != expected:
                out_of_sequence += 1
            expected = (seq if seq is not None else expected) + 1
        pending = pending[whole:]
    conn.close()
    write_report(a.report, received=expected, corrupted=corrupted, out_of_sequence=out_of_sequence,
                 trailing_bytes=len(pending))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["udp-send", "udp-receive", "tcp-send", "tcp-receive"])
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--rate", type=float, default=1000)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--report", required=True)
    a = parser.parse_args()
    if a.rate <= 0 or a.seconds <= 0 or not 0 < a.size <= 65000:
        sys.exit("digest_traffic.py: --rate and --seconds must be positive, --size 1..65000")
    {"udp-send": udp_send, "udp-receive": udp_receive, "tcp-send": tcp_send, "tcp-receive": tcp_receive}[a.mode](a)


if __name__ == "__main__":
    main()
