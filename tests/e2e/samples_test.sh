#!/usr/bin/env bash
# End to end over samples/: runs quotegraph, scores it against the gold annotations, and checks
# every output with its real consumer. Usage: samples_test.sh QUOTEGRAPH_BINARY PROJECT_DIR
set -euo pipefail
bin=$1
project=$2
shared="$project/../shared"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$bin" "$project/samples" -o "$out" --quiet || fail "quotegraph exited $?"

# Accuracy with the project's scorer (thresholds of issue #2; the figures are printed).
[ -f "$shared/eval/score.py" ] || fail "$shared/eval/score.py not found (the tests need ../shared beside the repository)"
scores=$(python3 "$shared/eval/score.py" "$shared/eval/samples-gold.jsonl" "$out/quotes.jsonl" --json)
echo "scores: $scores"
python3 - "$scores" <<'PY' || fail "accuracy below threshold"
import json, sys
s = json.loads(sys.argv[1])
ok = s["quote_f1"] >= 0.90 and s["e2e_f1"] >= 0.80
sys.exit(0 if ok else 1)
PY

# GraphML: the schema, then networkx with typed attributes.
xmllint --nonet --noout --schema "$shared/schemas/graphml/graphml.xsd" "$out/graph.graphml" \
  || fail "GraphML not valid against the schema"
/usr/bin/python3 - "$out/graph.graphml" <<'PY' || fail "networkx cannot read the GraphML"
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
types = {d.get("type") for _, d in g.nodes(data=True)}
assert {"person", "statement", "document", "organization"} <= types, types
assert all(isinstance(d["weight"], float) for _, _, d in g.edges(data=True))
assert all(isinstance(d["start"], int) for _, _, d in g.edges(data=True) if d.get("type") == "appears_in")
print("networkx: %d nodes, %d edges" % (g.number_of_nodes(), g.number_of_edges()))
PY

# Turtle and N-Triples: serdi, rapper and rdflib agree on the triple count.
serdi_count=$(serdi -i turtle -o ntriples "$out/graph.ttl" | grep -c . ) || fail "serdi rejects the Turtle"
rapper_count=$(rapper -i turtle -c "$out/graph.ttl" 2>&1 | sed -n 's/.*returned \([0-9]*\) triples.*/\1/p')
[ -n "$rapper_count" ] || fail "rapper rejects the Turtle"
nt_count=$(rapper -i ntriples -c "$out/graph.nt" 2>&1 | sed -n 's/.*returned \([0-9]*\) triples.*/\1/p')
rdflib_count=$(/usr/bin/python3 -c "
import sys, rdflib
g = rdflib.Graph(); g.parse(sys.argv[1], format='turtle'); print(len(g))" "$out/graph.ttl") || fail "rdflib rejects the Turtle"
echo "triples: serdi $serdi_count, rapper $rapper_count, rdflib $rdflib_count, N-Triples $nt_count"
[ "$serdi_count" = "$rapper_count" ] && [ "$rapper_count" = "$rdflib_count" ] && [ "$nt_count" = "$rapper_count" ] \
  || fail "parsers disagree on the triple count"

# The golden quotes JSONL (produced by the code and reviewed): any change in behaviour shows here.
diff -u "$project/samples/expected/quotes.jsonl.expected" "$out/quotes.jsonl" || fail "quotes differ from samples/expected/quotes.jsonl.expected"
echo "samples end to end: OK"
