#!/usr/bin/env bash
# Throughput benchmark: builds a JSONL corpus of about SIZE_MB from ../shared/corpus/bbc
# (repeated, ids made unique), then times quotegraph end to end (JSONL + GraphML + Turtle) and
# extraction only (JSONL), and a single-pattern PCRE2 JIT scan of the same bytes as the floor.
# Prints MB/s, documents/s, quotes/s and peak RSS. Usage: bench/run.sh [SIZE_MB] (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-50}
bin=build/quotegraph
[ -x "$bin" ] || { echo "build first: bash .ci/test" >&2; exit 2; }
command -v pcre2grep >/dev/null || { apt-get install -y -qq pcre2-utils </dev/null >/dev/null 2>&1 || true; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus.jsonl"
/usr/bin/python3 - "$corpus" "$size_mb" <<'PY'
import json, pathlib, sys
out, target = sys.argv[1], int(sys.argv[2]) * 1_000_000
files = sorted(pathlib.Path("../shared/corpus/bbc").rglob("*.txt"))
texts = [(f"{f.parent.name}-{f.stem}", f.read_bytes().decode("utf-8", "replace")) for f in files]
written, round_ = 0, 0
with open(out, "w", encoding="utf-8") as o:
    while written < target:
        for doc_id, text in texts:
            line = json.dumps({"id": f"{doc_id}-{round_}", "text": text}, ensure_ascii=False) + "\n"
            o.write(line)
            written += len(line.encode())
            if written >= target:
                break
        round_ += 1
PY
bytes=$(stat -c %s "$corpus")
docs=$(wc -l < "$corpus")
measure() {  # measure LABEL COMMAND...: prints a table row
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || true
  read -r secs rss_kb < <(tail -n 1 "$work/time")
  local quotes="-"
  [ -f "$work/q.jsonl" ] && quotes=$(wc -l < "$work/q.jsonl")
  /usr/bin/python3 -c "
import sys
label, secs, rss, b, d, q = sys.argv[1:]
secs = max(float(secs), 1e-3)
qs = '-' if q == '-' else '%.0f' % (int(q) / secs)
print('| %-32s | %7.2f | %8.1f | %9.0f | %9s | %7.0f |' % (label, secs, int(b) / 1e6 / secs, int(d) / secs, qs, int(rss) / 1024))
" "$label" "$secs" "$rss_kb" "$bytes" "$docs" "$quotes"
  rm -f "$work/q.jsonl"
}
echo "corpus: $((bytes / 1000000)) MB, $docs documents"
echo "| run                              |  time s |     MB/s |    docs/s |  quotes/s | RSS MiB |"
echo "|----------------------------------|---------|----------|-----------|-----------|---------|"
if command -v pcre2grep >/dev/null; then
  measure "pcre2grep -c quote pair (floor)" pcre2grep -c '["“][^"”]{1,400}["”]' "$corpus"
fi
measure "quotegraph extraction (JSONL)" "$bin" -q "$corpus" --jsonl "$work/q.jsonl"
measure "quotegraph end to end" "$bin" -q "$corpus" --jsonl "$work/q.jsonl" --graphml "$work/g.graphml" --turtle "$work/g.ttl"
