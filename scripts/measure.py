#!/usr/bin/env python3
"""Test tooling: runs a command and reports its wall time and peak memory (maximum resident set size of
that one child), so a test can hold the reader to a time and memory bound.

    measure.py COMMAND [ARGS...]

Prints the command's stderr, then a last stderr line `measure: status=N seconds=S maxrss_kb=K`; the
command's stdout passes through. Exits 0 (the status is in the report).
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
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stdout.buffer.write(completed.stdout)
sys.stderr.buffer.write(completed.stderr)
sys.stderr.write(f"measure: status={completed.returncode} seconds={seconds:.3f} maxrss_kb={peak}\n")
