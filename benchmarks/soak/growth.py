#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The growth figures of one sampled process, as soak figures lines ("name value kind").

  growth.py SAMPLES NAME [RUN_SECONDS]

With RUN_SECONDS, samples that end more than a minute (and a tenth) before the run's end are a
failure of their own: growth judged on part of the run says nothing about its end.

SAMPLES: "seconds rss_kib descriptors threads settled_rss_kib" rows (common.sh's sample_until_gone);
settled_rss_kib is "-" but in the rows taken right after a full collection and a trim of the C heap.

A process is judged from after its warm-up (a quarter of the run, at most 60 s: class loading, the
JIT, the first sessions) to its end. Threads and descriptors come and go as sessions start and end,
as the JIT adds and removes compiler threads, so one sample can catch a moment; a leak shows as the
smallest count of the last window exceeding the largest of the first window after the warm-up
(windows: a quarter of the run, at most 60 s).

Resident memory is judged from the settled samples (one a minute): the smallest of the last three
against the smallest of the first three after the warm-up (fewer in a short run), with a tolerance
of a quarter of the first figure plus 16 MiB (the code cache and metaspace grow slowly as the JIT
goes on). The plain resident memory is shown but not judged: between two collections it also
holds the rings of ended sessions (direct buffers that only a collection frees, up to the heap's
size) and the memory that malloc keeps for later: over an hour of bundle restarts it rose by
100-200 MiB and then stayed level (benchmarks/RESULTS.md, the second and third 60-minute soaks).
"""
import sys

rows = [[int(v) if v != "-" else None for v in line.split()] for line in open(sys.argv[1]).read().splitlines()[1:] if line.strip()]
name = sys.argv[2]
if len(rows) < 4:
    print(f"{name}_too_few_samples {len(rows)} none")
    sys.exit()
span = rows[-1][0]
if len(sys.argv) > 3 and span < int(sys.argv[3]) * 0.9 - 60:
    print(f"{name}_samples_ended_early_at_s {span} none")
quarter = min(60, span / 4)
warm = [r for r in rows if quarter <= r[0] <= 2 * quarter] or rows[len(rows) // 4:len(rows) // 2]
last = [r for r in rows if r[0] >= span - quarter] or rows[-2:]


def growth(column):
    return max(0, min(r[column] for r in last) - max(r[column] for r in warm))


# The settled samples after the warm-up: the first and the last few (three, fewer in a short run).
# A settled figure can only be too high (a ring the collector found but whose memory was not yet
# given back when the sample was read), never too low: so each group counts with its smallest.
settled = [r for r in rows if len(r) > 4 and r[4] is not None and r[0] >= quarter]
k = max(1, min(3, len(settled) // 3))
print(f"{name}_rss_kib_start {max(r[1] for r in warm)} info")
print(f"{name}_rss_kib_end {min(r[1] for r in last)} info")
if not settled:
    print(f"{name}_settled_samples_missing 1 none")
else:
    settled_start = min(r[4] for r in settled[:k])
    settled_end = min(r[4] for r in settled[-k:])
    allowed = settled_start // 4 + 16 * 1024
    print(f"{name}_settled_rss_kib_start {settled_start} info")
    print(f"{name}_settled_rss_kib_end {settled_end} info")
    print(f"{name}_rss_growth_beyond_tolerance_kib {max(0, settled_end - settled_start - allowed)} none")
print(f"{name}_descriptors_end {min(r[2] for r in last)} info")
print(f"{name}_descriptor_growth {growth(2)} none")
print(f"{name}_threads_end {min(r[3] for r in last)} info")
print(f"{name}_thread_growth {growth(3)} none")
