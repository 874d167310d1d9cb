#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The growth figures of one sampled process, as soak figures lines ("name value kind").

  growth.py SAMPLES NAME

A process is judged from after its warm-up (a quarter of the run, at most 60 s: class loading, the
JIT, the first sessions) to its end. Threads and descriptors come and go as sessions start and end,
as the JIT adds and removes compiler threads, so one sample can catch a moment; a leak shows as the
smallest count of the last window exceeding the largest of the first window after the warm-up
(windows: a quarter of the run, at most 60 s). Resident memory the same way, with a tolerance of
a quarter of the warm figure plus 16 MiB (malloc arenas, the code cache, metaspace settle slowly).
"""
import sys

rows = [list(map(int, line.split())) for line in open(sys.argv[1]).read().splitlines()[1:] if line.strip()]
name = sys.argv[2]
if len(rows) < 4:
    print(f"{name}_too_few_samples {len(rows)} none")
    sys.exit()
span = rows[-1][0]
quarter = min(60, span / 4)
warm = [r for r in rows if quarter <= r[0] <= 2 * quarter] or rows[len(rows) // 4:len(rows) // 2]
last = [r for r in rows if r[0] >= span - quarter] or rows[-2:]


def growth(column):
    return max(0, min(r[column] for r in last) - max(r[column] for r in warm))


rss = growth(1)
allowed = max(r[1] for r in warm) // 4 + 16 * 1024
print(f"{name}_rss_kib_start {max(r[1] for r in warm)} info")
print(f"{name}_rss_kib_end {min(r[1] for r in last)} info")
print(f"{name}_rss_growth_beyond_tolerance_kib {max(0, rss - allowed)} none")
print(f"{name}_descriptors_end {min(r[2] for r in last)} info")
print(f"{name}_descriptor_growth {growth(2)} none")
print(f"{name}_threads_end {min(r[3] for r in last)} info")
print(f"{name}_thread_growth {growth(3)} none")
