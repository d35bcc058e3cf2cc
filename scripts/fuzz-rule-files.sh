#!/usr/bin/env bash
# Fuzzes the rule-file parser and engine with libFuzzer (docs/fuzzing.md).
#   scripts/fuzz-rule-files.sh [seconds]        default 600
# Builds the libraries with -sanitize=fuzzer,address in .build-fuzz, links Fuzz/RuleFileFuzzer against them with
# swiftc (a SwiftPM executable target brings its own `main`, which hides libFuzzer's), and runs it on a copy of
# the built-in packs. A crash leaves its input as .build-fuzz/crash-*; make it a test in RuleLimitsTests.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
scratch=.build-fuzz
swift build --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address --target BudgetLensRules
swift build --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address --target BudgetLensTestSupport
debug="$scratch/debug"
objects=$(ls "$debug"/BudgetLens{Core,Reader,Rules,TestSupport}.build/*.o | grep -v swiftmodule.o)
# shellcheck disable=SC2086
swiftc -sanitize=fuzzer,address -parse-as-library -module-name RuleFileFuzzer -I "$debug/Modules" \
    Fuzz/RuleFileFuzzer/RuleFileFuzzer.swift $objects -o "$scratch/rule-file-fuzzer" 2> >(grep -v 'ld.gold: warning' >&2)
corpus="$scratch/corpus-rules"
mkdir -p "$corpus"
cp Sources/BudgetLensRules/Packs/final-accounts/*.rules Sources/BudgetLensScoring/Packs/performance/*.rules "$corpus"
"$scratch/rule-file-fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=5 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="$scratch/" "$corpus"
