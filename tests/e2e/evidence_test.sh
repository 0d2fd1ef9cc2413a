#!/usr/bin/env bash
# The evidence in the quotes JSONL against the articles (tests/e2e/evidence_check.py): the text
# at [speaker_start, speaker_end) is speaker_mention and at [cue_start, cue_end) is cue, in code
# points, for every quote of the samples, the PolNeAR dev set and the BBC set; conflicts name
# each conflicting speaker with articles that quote them. The same evidence after a sharded run
# and a merge of its partials.
# Usage: evidence_test.sh QUOTEGRAPH_BINARY PROJECT_DIR
set -uo pipefail
Q=$1
project=$2
check_py="$project/tests/e2e/evidence_check.py"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then echo "ok: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}

for corpus in "$project/samples" "$project/../shared/eval/polnear-dev/texts" "$project/../shared/corpus/bbc"; do
  if [ ! -d "$corpus" ]; then
    echo "FAIL: $corpus not found (the tests need ../shared beside the repository)"; failures=$((failures + 1)); continue
  fi
  name=$(basename "$(dirname "$corpus")")/$(basename "$corpus")
  "$Q" "$corpus" -q --jsonl quotes.jsonl 2>/dev/null
  check "$name: speaker mentions and cues at their offsets" /usr/bin/python3 "$check_py" quotes.jsonl "$corpus"
done

# Shards of the samples, merged: the same JSONL, evidence and all.
"$Q" "$project/samples" -q --jsonl whole.jsonl
mkdir -p shard1 shard2
i=0
for f in "$project"/samples/*.txt; do
  if [ $((i % 2)) -eq 0 ]; then cp "$f" shard1/; else cp "$f" shard2/; fi
  i=$((i + 1))
done
"$Q" shard1 -q --partial 1.part && "$Q" shard2 -q --partial 2.part
"$Q" merge 2.part 1.part -q --jsonl merged.jsonl
check "merge of two shards' partials: the JSONL of one run, evidence included" cmp whole.jsonl merged.jsonl
check "the samples' evidence present in the merged JSONL" /usr/bin/python3 "$check_py" merged.jsonl "$project/samples"

echo "evidence: $failures failed"
[ "$failures" -eq 0 ]
