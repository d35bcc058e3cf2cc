#!/usr/bin/env bash
# Fuzzes BudgetLens with libFuzzer (docs/fuzzing.md).
#   scripts/fuzz.sh rules [seconds]        rule files: parser and engine (default 600 s)
#   scripts/fuzz.sh documents [seconds]    text and JSON documents: reader and final-accounts rules
# Builds the libraries with -sanitize=fuzzer,address in .build-fuzz, links Fuzz/<Target> against them with swiftc
# (a SwiftPM executable target brings its own `main`, which hides libFuzzer's), and runs it from seed inputs.
# A crash leaves its input as .build-fuzz/crash-*; make it a test.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh rules|documents [seconds]}"
seconds="${2:-600}"
scratch=.build-fuzz
debug="$scratch/debug"
swift build --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address --target BudgetLensRules
swift build --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address --target BudgetLensTestSupport
corpus="$scratch/corpus-$target"
mkdir -p "$corpus"
case "$target" in
rules)
    source=Fuzz/RuleFileFuzzer/RuleFileFuzzer.swift
    cp Sources/BudgetLensRules/Packs/final-accounts/*.rules Sources/BudgetLensScoring/Packs/performance/*.rules "$corpus"
    max_len=8192
    ;;
documents)
    source=Fuzz/DocumentFuzzer/DocumentFuzzer.swift
    cp ../shared/seeds/*.txt "$corpus"
    swift build --product budgetlens
    .build/debug/budgetlens export ../shared/seeds/001_06590241d827de43.txt --format json > "$corpus/001.json" || true
    max_len=262144
    ;;
*)
    echo "unknown target '$target': rules or documents" >&2
    exit 2
    ;;
esac
objects=$(ls "$debug"/BudgetLens{Core,Reader,Rules,TestSupport}.build/*.o | grep -v swiftmodule.o)
# shellcheck disable=SC2086
swiftc -sanitize=fuzzer,address -parse-as-library -module-name "Fuzz_$target" -I "$debug/Modules" \
    "$source" $objects -o "$scratch/fuzz-$target" 2> >(grep -v 'ld.gold: warning' >&2)
# -detect_leaks=0: LeakSanitizer reports the rule pack a fuzzer loads once into a static as leaked at exit.
"$scratch/fuzz-$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len="$max_len" \
    -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$scratch/$target-" "$corpus"
