#!/usr/bin/env python3
"""Times Python's jsonschema (Draft202012Validator, format checking on) for conformance-bench.

Validates one JSON document against one schema of an OpenAPI document, resolving the schema's
$refs inside that document, and prints its timings (seconds) as one JSON object on stdout:
{"validate": {"median": s, "min": s}, "parse_validate": {...}, "errors": n, "formats": [...], "version": "x"}

usage: bench_jsonschema.py --spec openapi.json --schema-pointer /components/schemas/X
                           --document doc.json [--iterations 10] [--warmup 2]
"""
import argparse
import importlib.metadata
import json
import statistics
import sys
import time

from jsonschema import Draft202012Validator


def timed(function, iterations, warmup):
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(iterations):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return {"median": statistics.median(samples), "min": min(samples)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", required=True)
    parser.add_argument("--schema-pointer", required=True)
    parser.add_argument("--document", required=True)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    arguments = parser.parse_args()

    with open(arguments.spec, encoding="utf-8") as file:
        spec = json.load(file)
    # The OpenAPI document is the root resource, so "#/components/schemas/…" refs resolve in it.
    schema = dict(spec)
    schema["$ref"] = "#" + arguments.schema_pointer
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)

    with open(arguments.document, "rb") as file:
        raw = file.read()
    instance = json.loads(raw)

    def validate():
        return list(validator.iter_errors(instance))

    def parse_validate():
        return list(validator.iter_errors(json.loads(raw)))

    result = {
        "validate": timed(validate, arguments.iterations, arguments.warmup),
        "parse_validate": timed(parse_validate, arguments.iterations, arguments.warmup),
        "errors": len(validate()),
        "formats": sorted(Draft202012Validator.FORMAT_CHECKER.checkers),
        "version": importlib.metadata.version("jsonschema"),
    }
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
