#!/usr/bin/env bash
# Fuzzes BudgetLens with libFuzzer (docs/fuzzing.md).
#   scripts/fuzz.sh rules [seconds]        rule files: parser and engine (default 600 s)
#   scripts/fuzz.sh documents [seconds]    text and JSON documents: reader and final-accounts rules
# Builds the libraries with ASan and libFuzzer's coverage in .build-fuzz, links Fuzz/<Target> against them with
# `swiftc -sanitize=fuzzer,address` (a SwiftPM executable target brings its own `main`, which hides libFuzzer's),
# and runs it from seed inputs.
# A crash leaves its input as .build-fuzz/crash-*; make it a test.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh rules|documents [seconds]}"
seconds="${2:-600}"
scratch=.build-fuzz
debug="$scratch/debug"
# The libraries get ASan and libFuzzer's coverage instrumentation; only the final link takes libFuzzer itself
# (the build plugin's host tool, built with the same flags, cannot link libFuzzer's `main`).
instrument=(-Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table)
swift build --scratch-path "$scratch" "${instrument[@]}" --target BudgetLensRules
swift build --scratch-path "$scratch" "${instrument[@]}" --target BudgetLensTestSupport
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
    # The page-text reader's inputs: pdfplumber page text and raw pdftotext text of a corpus PDF (when the tools are
    # installed; scripts/setup.sh installs them).
    pdf="../shared/corpus/pdf/中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
    python3 scripts/page_text.py "$pdf" "$corpus/page-text.txt" || true
    pdftotext -q "$pdf" "$corpus/raw-pdftotext.txt" || true
    max_len=262144
    ;;
*)
    echo "unknown target '$target': rules or documents" >&2
    exit 2
    ;;
esac
# The libraries' objects and those of the packages they use (ZIPFoundation with its zlib module, CSV).
objects=$(ls "$debug"/{BudgetLensCore,BudgetLensReader,BudgetLensRules,BudgetLensTestSupport,ZIPFoundation,CSV}.build/*.o \
    2>/dev/null | grep -v swiftmodule.o)
# shellcheck disable=SC2086
swiftc -sanitize=fuzzer,address -parse-as-library -module-name "Fuzz_$target" -I "$debug/Modules" \
    -Xcc -fmodule-map-file="$scratch/checkouts/ZIPFoundation/Sources/CZLib/module.modulemap" -lz \
    "$source" $objects -o "$scratch/fuzz-$target" 2> >(grep -v 'ld.gold: warning' >&2)
# No leak detection: LeakSanitizer reports the rule pack a fuzzer loads once into a static as leaked at exit.
ASAN_OPTIONS=detect_leaks=0 "$scratch/fuzz-$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len="$max_len" \
    -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$scratch/$target-" "$corpus"
