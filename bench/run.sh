#!/usr/bin/env bash
# Throughput benchmark (issue #6). Builds a corpus of about SIZE_MB from ../shared/corpus/bbc
# (repeated, ids made unique) in two forms, JSONL and a directory of .txt files, then times:
#   - the floor: a single-pattern PCRE2 JIT scan of the same JSONL bytes (pcre2grep -o, every
#     quote pair), which reads the bytes once and does nothing else;
#   - extraction only (--partial: extract and write per document, nothing across documents);
#   - end to end (extraction, corpus resolution, graph, JSONL + GraphML + Turtle);
# each with 1 and 2 threads, and prints MB/s, documents/s, quotes/s, peak RSS and the ratio to
# the floor. Usage: bench/run.sh [SIZE_MB] (default 200). Needs a build (bash .ci/test).
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-200}
bin=build/quotegraph
[ -x "$bin" ] || { echo "build first: bash .ci/test" >&2; exit 2; }
command -v pcre2grep >/dev/null || bash .ci/install-deps >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus.jsonl"
/usr/bin/python3 - "$corpus" "$work/txt" "$size_mb" <<'PY'
import json, os, pathlib, sys
out, txt_dir, target = sys.argv[1], sys.argv[2], int(sys.argv[3]) * 1_000_000
files = sorted(pathlib.Path("../shared/corpus/bbc").rglob("*.txt"))
if not files:  # repeating nothing would never reach the size: it would fill the disk instead
    sys.exit(f"bench: no .txt articles under {pathlib.Path('../shared/corpus/bbc').resolve()}")
texts = [(f"{f.parent.name}-{f.stem}", f.read_bytes()) for f in files]
written, round_ = 0, 0
with open(out, "w", encoding="utf-8") as o:
    while written < target:
        os.makedirs(f"{txt_dir}/{round_:04d}")
        for doc_id, raw in texts:
            text = raw.decode("utf-8", "replace")
            line = json.dumps({"id": f"{doc_id}-{round_}", "text": text}, ensure_ascii=False) + "\n"
            o.write(line)
            with open(f"{txt_dir}/{round_:04d}/{doc_id}.txt", "wb") as t:
                t.write(raw)
            written += len(line.encode())
            if written >= target:
                break
        round_ += 1
PY
bytes=$(stat -c %s "$corpus")
docs=$(wc -l < "$corpus")
floor_secs=""
measure() {  # measure LABEL COMMAND...: times the command, prints a table row
  local label=$1; shift
  # Each run starts alike: no output of an earlier run to replace (dropping a replaced file's
  # pages is charged to the run that replaces it) and none still being written back to disk.
  rm -f "$work/out.part" "$work/q.jsonl" "$work/g.graphml" "$work/g.ttl"
  sync
  # Exit status 1 (an input problem, such as the BBC file with a Latin-1 byte) is fine here.
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || [ "$(tail -n 1 "$work/time" | grep -c status)" = 0 ] \
    || grep -q "exited with non-zero status 1" "$work/time" || { cat "$work/err" >&2; exit 1; }
  local secs rss_kb quotes vertices
  read -r secs rss_kb < <(tail -n 1 "$work/time")
  quotes=$(grep -o '[0-9]* quotes' "$work/err" | head -n 1 | cut -d' ' -f1 || true)
  vertices=$(grep -o '[0-9]* vertices' "$work/err" | head -n 1 | cut -d' ' -f1 || true)
  [ -z "$floor_secs" ] && floor_secs=$secs
  /usr/bin/python3 -c "
import sys
label, secs, rss, b, d, q, v, floor = sys.argv[1:]
secs = max(float(secs), 1e-3)
qs = '%.0f' % (int(q) / secs) if q else '-'
per_vertex = '%.0f' % (int(rss) * 1024 / int(v)) if v else '-'
print('| %-40s | %7.2f | %7.1f | %7.0f | %8s | %7.0f | %9s | %6.1fx |' % (label, secs, int(b) / 1e6 / secs,
      int(d) / secs, qs, int(rss) / 1024, per_vertex, secs / max(float(floor), 1e-3)))
" "$label" "$secs" "$rss_kb" "$bytes" "$docs" "${quotes:-}" "${vertices:-}" "$floor_secs"
}
echo "corpus: $((bytes / 1000000)) MB of JSONL, $docs documents (also as .txt files); $(nproc) cores"
echo "| run                                      |  time s |    MB/s |  docs/s | quotes/s | RSS MiB | B/vertex  | / floor |"
echo "|------------------------------------------|---------|---------|---------|----------|---------|-----------|---------|"
measure "floor: pcre2grep -o quote pair (JIT)" pcre2grep -o '["“][^"”]{1,400}["”]' "$corpus"
for threads in 1 2; do
  measure "extraction only, JSONL in, $threads thread(s)" "$bin" "$corpus" --threads "$threads" --partial "$work/out.part"
done
measure "extraction only, .txt files in, 2 thread(s)" "$bin" "$work/txt" --threads 2 --partial "$work/out.part"
for threads in 1 2; do
  measure "end to end, $threads thread(s)" "$bin" "$corpus" --threads "$threads" --jsonl "$work/q.jsonl" \
    --graphml "$work/g.graphml" --turtle "$work/g.ttl"
done
