#!/usr/bin/env python3
"""Test tooling: runs a command and reports its wall time, its CPU time (user + system) and peak memory
(maximum resident set size of that one child), so a test can hold the reader to a work and memory bound.
CPU time is what a bound should use: wall time grows with whatever else the machine runs.

    measure.py COMMAND [ARGS...]

Prints the command's stderr, then a last stderr line
`measure: status=N seconds=S cpu_seconds=C maxrss_kb=K`; the command's stdout passes through. Exits 0 (the
status is in the report).
"""
import resource
import subprocess
import sys
import time

if len(sys.argv) < 2:
    raise SystemExit(__doc__)
start = time.monotonic()
completed = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, capture_output=True)
seconds = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
peak = usage.ru_maxrss
cpu = usage.ru_utime + usage.ru_stime
sys.stdout.buffer.write(completed.stdout)
sys.stderr.buffer.write(completed.stderr)
sys.stderr.write(f"measure: status={completed.returncode} seconds={seconds:.3f} cpu_seconds={cpu:.3f} maxrss_kb={peak}\n")
