#!/usr/bin/env bash
# Cold start of `bordermap resolve NAME` (process start + index cache + answer),
# whole process, N runs; min / median wall and CPU time, with the load
# average before and after (other jobs on the machine inflate wall time).
# `bordermap --help` is timed the same way: process start alone (loading
# ~140 shared libraries, mostly GDAL's) is most of what remains.
#
# Usage: bench/gazetteer_cold_start.sh [BORDERMAP] [N] [NAME]
#   default: build/bench/bordermap 20 Batken
set -euo pipefail
bin=${1:-build/bench/bordermap}
n=${2:-20}
name=${3:-Batken}
"$bin" resolve "$name" >/dev/null  # writes the cache if missing: not a cold start to time
/usr/bin/python3 - "$bin" "$n" "$name" <<'PY'
import os, resource, statistics, subprocess, sys, time
binary, n, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def load():
    return " ".join(open("/proc/loadavg").read().split()[:3])
def runs(args):
    wall, cpu = [], []
    for _ in range(n):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, check=True)
        wall.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return ("wall min %.1f median %.1f ms, CPU min %.1f median %.1f ms"
            % (1e3 * min(wall), 1e3 * statistics.median(wall), 1e3 * min(cpu),
               1e3 * statistics.median(cpu)))
print("load before:", load())
print("resolve %-8s %d runs: %s" % (name, n, runs([binary, "resolve", name])))
print("--help          %d runs: %s" % (n, runs([binary, "--help"])))
print("load after: ", load())
PY
