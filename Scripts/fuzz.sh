#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for a while (not part of `swift test`).
#
#   Scripts/fuzz.sh [seconds-per-target]    default 150
#
# Each target is compiled with swiftc straight from the ContractKit sources it needs (one module,
# so internal API is reachable), with -sanitize=fuzzer,address. Crashes land in .build-fuzz/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-150}"
out=.build-fuzz
mkdir -p "$out/findings"

json_sources=(Sources/ContractKit/JSON/*.swift)
validator_sources=(
    "${json_sources[@]}"
    Sources/ContractKit/Spec/SchemaValidator*.swift
    Sources/ContractKit/Spec/SchemaDialect.swift
    Sources/ContractKit/Spec/SchemaViolation.swift
    Sources/ContractKit/Spec/Formats/*.swift
)

build() {
    local name="$1"; shift
    swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name ContractKit \
        "$@" -o "$out/$name" 2> >(grep -v "Cannot export local symbol" >&2)
}

run() {
    local name="$1" corpus="$2"
    local work="$out/corpus-$name"
    mkdir -p "$work"
    echo "== $name: ${seconds}s"
    "$out/$name" "$work" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -artifact_prefix="$out/findings/$name-" -print_final_stats=1
}

build json-parser Fuzz/JSONParserFuzz.swift "${json_sources[@]}"
build schema-validator Fuzz/SchemaValidatorFuzz.swift "${validator_sources[@]}"
run json-parser Fuzz/corpus/json
run schema-validator Fuzz/corpus/validator
