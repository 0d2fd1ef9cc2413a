#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (ASan + UBSan) and runs each for SECONDS (default
# 60), two at a time, on inputs of up to 1 MB, from a seed corpus made of the samples, BBC
# articles, tests/bad/inputs and the built-in rule and lexicon files.
# Prints executions per harness; a crash fails the run and leaves its input in
# build-fuzz/artifacts/ (add it to tests/fuzz/regressions/ once fixed: every run replays those).
# Usage: tests/fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
# Every sanitizer report is fatal, except the third-party ones listed (and explained) here.
export UBSAN_OPTIONS="suppressions=$PWD/tests/fuzz/ubsan.supp:print_stacktrace=1:halt_on_error=1"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
CXX=clang++ CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQUOTEGRAPH_FUZZ=ON \
  -DQUOTEGRAPH_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null
seeds=build-fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds/text" "$seeds/jsonl" "$seeds/exporters" "$seeds/rules" build-fuzz/artifacts
cp samples/*.txt tests/bad/inputs/*.txt "$seeds/text/"
bbc=../shared/corpus/bbc
[ -d "$bbc" ] && find "$bbc" -name '*.txt' | sort | awk 'NR % 50 == 1' | while read -r f; do
  cp "$f" "$seeds/text/bbc-$(basename "$(dirname "$f")")-$(basename "$f")"; done
cp tests/bad/inputs/bad.jsonl "$seeds/jsonl/"
/usr/bin/python3 - "$seeds/jsonl" samples <<'PY'
import json, pathlib, sys
for f in sorted(pathlib.Path(sys.argv[2]).glob("*.txt")):
    text = f.read_text()
    (pathlib.Path(sys.argv[1]) / (f.stem + ".jsonl")).write_text(
        json.dumps({"id": f.stem, "title": text.split("\n")[0], "date": "2022-01-01", "text": text}) + "\n")
PY
head -c 4096 samples/001_*.txt > "$seeds/exporters/sample-prefix"
cp tests/bad/inputs/spaces.txt tests/bad/inputs/latin1.txt "$seeds/exporters/"
# fuzz_rules: the first byte picks the file (fuzz_rules.cpp's list), the rest is its text.
k=0
for f in rules.txt speech_verbs.txt titles.txt descriptors.txt countries.tsv organizations.txt honorifics.tsv \
         first_names.tsv stopwords.txt title_words.txt title_cues.txt language.tsv; do
  { printf "\\$(printf '%03o' "$k")"; cat "extract/data/en/$f"; } > "$seeds/rules/$f"
  k=$((k + 1))
done
declare -A seed_dir=([fuzz_scanner]=text [fuzz_extract]=text [fuzz_reader]=jsonl [fuzz_exporters]=exporters [fuzz_rules]=rules)
status=0
run_one() {
  local harness=$1 regressions=tests/fuzz/regressions/$1
  local work=build-fuzz/corpus-$harness
  rm -rf "$work"; mkdir -p "$work"
  # Crashes found before (fixed since) are replayed first.
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    "build-fuzz/tests/fuzz/$harness" "$regressions"/* > "build-fuzz/$harness.replay.log" 2>&1 \
      || { echo "FAIL: $harness: a regression input crashes again"; tail -30 "build-fuzz/$harness.replay.log"; return 1; }
  fi
  "build-fuzz/tests/fuzz/$harness" "$work" "$seeds/${seed_dir[$harness]}" -max_total_time="$seconds" \
    -max_len=1048576 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="build-fuzz/artifacts/$harness-" > "build-fuzz/$harness.log" 2>&1 || {
      echo "FAIL: $harness found a crash:"; grep -A25 "ERROR\|==ERROR\|deadly signal" "build-fuzz/$harness.log" | head -40
      ls build-fuzz/artifacts/; return 1; }
  echo "ok: $harness: $(grep -o 'stat::number_of_executed_units: [0-9]*' "build-fuzz/$harness.log" | grep -o '[0-9]*$') executions in ${seconds} s, $(grep -o 'cov: [0-9]*' "build-fuzz/$harness.log" | tail -n 1), no crash"
}
for pair in "fuzz_scanner fuzz_reader" "fuzz_extract fuzz_exporters" "fuzz_rules"; do
  set -- $pair
  pids=()
  for harness in "$@"; do
    run_one "$harness" > "build-fuzz/$harness.result" 2>&1 & pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
  for harness in "$@"; do cat "build-fuzz/$harness.result"; done
done
exit $status
