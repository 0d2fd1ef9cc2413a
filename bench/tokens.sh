#!/usr/bin/env bash
# The token layer against today's extractor, in one run on one corpus (issue 32): the
# tokenizer alone and with one lexicon lookup per word (bench/token_bench, texts held in
# memory, best of 5), and the extractor on the same files (quotegraph --partial, one thread,
# reading the files: extraction without the corpus stage). Usage: bench/tokens.sh [DIR]
# (default ../shared/corpus/bbc). Needs the test build (bash .ci/test --quick).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus/bbc}
[ -x build/bench/token_bench ] && [ -x build/quotegraph ] || { echo "build first: bash .ci/test --quick" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/bench/token_bench "$dir" 5
bytes=$(find "$dir" -name '*.txt' -type f -printf '%s\n' | awk '{s += $1} END {print s}')
best=""
for round in 1 2 3; do
  # Exit status 1 is an input problem (the BBC set has a file with a Latin-1 byte): fine here.
  /usr/bin/time -f "%e %M" -o "$work/time" build/quotegraph "$dir" --partial "$work/out.part" --threads 1 -q 2>/dev/null || true
  read -r secs rss < <(tail -n 1 "$work/time")
  if [ -z "$best" ] || awk "BEGIN {exit !($secs < $best)}"; then best=$secs; best_rss=$rss; fi
done
awk -v b="$bytes" -v s="$best" -v r="$best_rss" \
  'BEGIN {printf "%-28s %8.1f MB/s  (best of 3, %.2f s, peak RSS %d MB, reading the files)\n", "extractor (--partial, 1 thr)", b / s / 1e6, s, r / 1024}'
