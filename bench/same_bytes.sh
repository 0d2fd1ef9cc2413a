#!/usr/bin/env bash
# Same bytes before and after a change that must not change behaviour (issue 26): runs two
# builds of quotegraph over the same inputs and compares every output file with cmp.
#   bench/same_bytes.sh REF_BINARY NEW_BINARY
# Inputs: samples/; the PolNeAR dev texts; the German dev texts with --lang de; the BBC corpus
# with --threads 1 and --threads 2; the German and the PolNeAR texts again with --lang auto
# (paths below ../shared, as the other bench scripts use).
# Outputs compared: quotes JSONL, GraphML, Turtle, and the exit status of each run.
# Exit status: 0 when everything is the same, 1 on any difference, 2 on a usage error.
set -uo pipefail
[ $# -eq 2 ] || { echo "usage: $0 REF_BINARY NEW_BINARY" >&2; exit 2; }
ref=$(realpath "$1") new=$(realpath "$2")
for bin in "$ref" "$new"; do [ -x "$bin" ] || { echo "$0: not an executable: $bin" >&2; exit 2; }; done
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${QUOTEGRAPH_SHARED:-$(cd "$repo/.." && pwd)/shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name, then the arguments of the run
cases=(
  "samples|$repo/samples --threads 1"
  "polnear-dev|$shared/eval/polnear-dev/texts --threads 2"
  "de-wikinews-dev|$shared/eval/de-wikinews-dev/texts --lang de --threads 2"
  "bbc-threads1|$shared/corpus/bbc --threads 1"
  "bbc-threads2|$shared/corpus/bbc --threads 2"
  "auto-de|$shared/eval/de-wikinews-dev/texts --lang auto --threads 2"
  "auto-polnear|$shared/eval/polnear-dev/texts --lang auto --threads 2"
)
status=0
for entry in "${cases[@]}"; do
  name=${entry%%|*}
  read -r -a args <<<"${entry#*|}"
  [ -e "${args[0]}" ] || { echo "$name: input missing: ${args[0]}" >&2; status=1; continue; }
  for side in ref new; do
    bin=$ref; [ "$side" = new ] && bin=$new
    out="$work/$side/$name"
    mkdir -p "$out"
    "$bin" --quiet "${args[@]}" --jsonl "$out/quotes.jsonl" --graphml "$out/graph.graphml" \
      --turtle "$out/graph.ttl" >"$out/stdout" 2>"$out/stderr"
    echo $? >"$out/exit"
  done
  differ=0
  for file in quotes.jsonl graph.graphml graph.ttl exit; do
    if ! cmp -s "$work/ref/$name/$file" "$work/new/$name/$file"; then
      echo "$name: $file differs: $(cmp "$work/ref/$name/$file" "$work/new/$name/$file" 2>&1 | head -1)"
      differ=1
    fi
  done
  if [ $differ -eq 0 ]; then
    echo "$name: same bytes ($(wc -l <"$work/new/$name/quotes.jsonl") quotes, $(cat "$work/new/$name/exit") exit)"
  else
    status=1
  fi
done
[ $status -eq 0 ] && echo "same_bytes: all outputs identical" || echo "same_bytes: DIFFERENCES" >&2
exit $status
