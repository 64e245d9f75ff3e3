#!/usr/bin/env python3
"""Times Python's hmac (HMAC-SHA256) for conformance-bench.

For each payload size, signs a payload of that many bytes with hmac.new(key, payload, "sha256").digest()
in a loop for about --seconds and prints the throughput (bytes per second) as one JSON object on stdout:
{"1024": {"median": b, "best": b}, "1048576": {...}, "version": "3.x", "backend": "openssl"}

usage: bench_hmac.py --sizes 1024,1048576 [--seconds 1] [--rounds 5]
"""
import argparse
import hashlib
import hmac
import json
import platform
import statistics
import sys
import time


def throughput(payload, key, seconds):
    count = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        for _ in range(16):
            hmac.new(key, payload, hashlib.sha256).digest()
        count += 16
        now = time.perf_counter()
        if now >= deadline:
            return count * len(payload) / (now - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", required=True)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()

    key = b"whsec_" + bytes(range(32))
    result = {"version": platform.python_version(), "backend": hashlib.sha256().__class__.__module__}
    for size in (int(text) for text in arguments.sizes.split(",")):
        payload = bytes(index % 251 for index in range(size))
        rates = [throughput(payload, key, arguments.seconds / arguments.rounds) for _ in range(arguments.rounds)]
        result[str(size)] = {"median": statistics.median(rates), "best": max(rates)}
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
