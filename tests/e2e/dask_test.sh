#!/usr/bin/env bash
# The Dask example (cli/dask_quotegraph.py) on a real LocalCluster: 2 worker processes bound to
# 127.0.0.1, started and stopped by the example, over a corpus built from ../shared/corpus/bbc;
# its merged outputs must equal a single-process run byte for byte.
# Usage: dask_test.sh QUOTEGRAPH_BINARY PROJECT_DIR
set -euo pipefail
Q=$1
project=$2
bbc="$project/../shared/corpus/bbc"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
[ -d "$bbc" ] || { echo "FAIL: $bbc not found (the tests need ../shared beside the repository)"; exit 1; }
/usr/bin/python3 -c "import distributed" || { echo "FAIL: python3-distributed missing (bash .ci/install-deps)"; exit 1; }
/usr/bin/python3 - "$bbc" <<'PY'
import json, pathlib, sys
with open("bbc.jsonl", "w") as out:
    for f in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")):
        text = f.read_bytes().decode("utf-8", "replace")
        out.write(json.dumps({"id": f"{f.parent.name}-{f.stem}", "text": text}, ensure_ascii=False) + "\n")
PY
# The example runs in the background so that, should it hang, the test ends it by its PID
# (and only it: the LocalCluster's workers are its children and stop with it).
# The default block size (8 MB, more than the corpus) must still give both workers partitions;
# --merge-args takes a value that starts with '-', as its help shows; out/ prints without '//'.
/usr/bin/python3 "$project/cli/dask_quotegraph.py" --local 2 --quotegraph "$Q" --merge-args --co-quotation \
  bbc.jsonl dask_out/ > dask.log 2>&1 &
pid=$!
for _ in $(seq 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$pid" 2>/dev/null; then
  pkill -TERM -P "$pid" || true; kill -TERM "$pid"; echo "FAIL: the Dask run did not finish in 300 s"; exit 1
fi
wait "$pid" || { cat dask.log; echo "FAIL: the Dask run failed"; exit 1; }
grep "^dask:" dask.log
partitions=$(sed -n 's/^dask: \([0-9]*\) partitions.*/\1/p' dask.log)
[ "$partitions" -ge 4 ] || { echo "FAIL: $partitions partitions for 2 workers"; exit 1; }
if grep -q "//" dask.log; then echo "FAIL: a path printed with //"; cat dask.log; exit 1; fi
"$Q" -q bbc.jsonl -o single --co-quotation || [ $? -eq 1 ]
for f in quotes.jsonl graph.graphml graph.gexf graph.ttl graph.nt; do
  cmp "dask_out/$f" "single/$f" || { echo "FAIL: $f differs from the single-process run"; exit 1; }
done
echo "ok: Dask LocalCluster (2 workers) over $(wc -l < bbc.jsonl) articles equals one process ($(wc -l < single/quotes.jsonl) quotes)"
