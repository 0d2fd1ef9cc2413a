#!/usr/bin/env bash
# What the graph formats promise, checked by their real readers: typed dates (JSONL, GraphML,
# GEXF timeline, RDF datatypes, first appearance), the JSONL's ids on every vertex and kept
# apart in every format (a_1 and a-1), no edge or triple twice, nif:anchorOf equal to the
# input text at [beginIndex, endIndex) in code points (non-BMP characters, CRLF), GEXF loaded
# by networkx's read_gexf and by graphology-gexf as sigma.js uses it, and full names' ids
# independent of the other documents in the run (BBC subsets against the whole set).
# Usage: graph_formats_test.sh QUOTEGRAPH_BINARY PROJECT_DIR
set -uo pipefail
Q=$1
project=$2
bbc="$project/../shared/corpus/bbc"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then echo "ok: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}

# Five articles: a_1 and a-1 (two ids one escaping could confuse) quote the same statement,
# a_1 twice and a-1 in other capitals; a_1 has flags, emoji, a mathematical letter outside the
# BMP and CRLF line breaks; in c a governor speaks for the bank that speaks too (so with
# --co-quotation two edges of different kinds join them). Dates in four formats, one that does
# not exist (line 5).
cat > dated.jsonl <<'JSONL'
{"id": "a_1", "date": "March 1, 2005", "title": "A", "text": "Kharkiv 🇺🇦 talks\r\n\r\n“We will not abandon the people of Kharkiv to the invaders,” said Ukrainian Foreign Minister Dmytro Kuleba.\r\n\r\n“The 𝕏 talks must go on 😀,” a senior Western diplomat said. Later, Kuleba repeated: “We will not abandon the people of Kharkiv to the invaders.”"}
{"id": "a-1", "date": "2005-03-02", "title": "B", "text": "“We will NOT abandon the people of Kharkiv to the invaders,” Foreign Minister Dmytro Kuleba said. “Talks must go on,” a senior Western diplomat said."}
{"id": "c", "date": "Tue, 01 Mar 2005 09:00:00 -0500", "title": "C", "text": "“Prices will rise,” said Bank of England governor Mark Carney. “Rates will stay where they are,” the Bank of England said in a statement."}
{"id": "d", "date": "2005-03-01T14:30:00+01:00", "title": "D", "text": "“Prices will rise,” Mark Carney told reporters."}
{"id": "e", "date": "2005-02-30", "title": "E", "text": "“We stand with Ukraine,” said Mayor Sadiq Khan."}
JSONL
"$Q" dated.jsonl -o out --co-quotation 2> run.log
status=$?
cat run.log
check "a date that does not exist: exit status 1, reported with file and line" \
  bash -c "[ $status -eq 1 ] && grep -q 'dated.jsonl:5: date not understood.*2005-02-30' run.log"

check "dates: ISO 8601 in the JSONL, unparsed_date kept, first appearance by the parsed date" /usr/bin/python3 - out <<'PY'
import json, sys, networkx as nx
out = sys.argv[1]
quotes = [json.loads(l) for l in open(f"{out}/quotes.jsonl")]
dates = {q["doc"]: (q["date"], q["unparsed_date"]) for q in quotes}
assert dates == {"a_1": ("2005-03-01", None), "a-1": ("2005-03-02", None),
                 "c": ("2005-03-01T09:00:00-05:00", None), "d": ("2005-03-01T14:30:00+01:00", None),
                 "e": (None, "2005-02-30")}, dates
g = nx.read_graphml(f"{out}/graph.graphml")
assert g.nodes["doc:e"]["unparsed_date"] == "2005-02-30" and "date" not in g.nodes["doc:e"]
first = {d["first_document"] for _, d in g.nodes(data=True) if d["type"] == "statement" and d["documents"] == 2}
# "March 1, 2005" is before 2 March; 14:30 in Paris (13:30 UTC) is before 09:00 in New York (14:00 UTC).
assert first == {"a_1", "d"}, first
PY

check "RDF: datePublished typed xsd:date / xsd:dateTime, the unparsed date a plain qg:unparsedDate" /usr/bin/python3 - out/graph.ttl <<'PY'
import sys, rdflib
from rdflib.namespace import XSD
g = rdflib.Graph(); g.parse(sys.argv[1], format="turtle")
S = rdflib.Namespace("http://schema.org/"); QG = rdflib.Namespace("http://quotegraph.org/ns#")
base = "http://quotegraph.org/id/doc/"
published = {str(s)[len(base):]: o for s, o in g.subject_objects(S.datePublished)}
assert published["a_1"].datatype == XSD.date and published["a_1"].toPython().isoformat() == "2005-03-01"
assert published["c"].datatype == XSD.dateTime and str(published["c"]) == "2005-03-01T09:00:00-05:00"
assert published["c"].toPython() > published["d"].toPython()   # rdflib compares the instants
assert "e" not in published and str(g.value(rdflib.URIRef(base + "e"), QG.unparsedDate)) == "2005-02-30"
PY

check "nif:anchorOf is the input text at [beginIndex, endIndex) in code points; one isBasedOn per statement and article" \
  /usr/bin/python3 - dated.jsonl out/graph.ttl out/graph.nt out/quotes.jsonl <<'PY'
import json, sys, urllib.parse, rdflib
texts = {d["id"]: d["text"] for d in map(json.loads, open(sys.argv[1]))}
g = rdflib.Graph(); g.parse(sys.argv[2], format="turtle")
NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
S = rdflib.Namespace("http://schema.org/")
base = "http://quotegraph.org/id/doc/"
QG = rdflib.Namespace("http://quotegraph.org/ns#")
spans = evidence = 0
for span in g.subjects(rdflib.RDF.type, NIF.OffsetBasedString):
    doc = urllib.parse.unquote(str(span)[len(base):].split("#")[0])
    begin, end = int(g.value(span, NIF.beginIndex)), int(g.value(span, NIF.endIndex))
    anchor = str(g.value(span, NIF.anchorOf))
    assert anchor == texts[doc][begin:end], (doc, begin, end, anchor, texts[doc][begin:end])
    if g.value(span, QG.quoteId) is not None: spans += 1
    else: evidence += 1
assert spans == 9, spans
# The evidence: every quote's speaker mention and cue, each span described once.
pointed = set(g.objects(None, QG.speakerMention)) | set(g.objects(None, QG.cue))
assert evidence == len(pointed) > 9, (evidence, len(pointed))
assert any(ord(c) > 0xFFFF for c in texts["a_1"][:200]) and "\r\n" in texts["a_1"]
# Kuleba's words: three quotes, two articles: two isBasedOn triples, three spans.
lines = open(sys.argv[3]).read().splitlines()
assert len(lines) == len(set(lines)), "a triple written twice"
based_on = [l for l in lines if "<http://schema.org/isBasedOn>" in l]
quotes = [json.loads(l) for l in open(sys.argv[4])]
assert len(based_on) == len({(q["statement_id"], q["doc"]) for q in quotes}) == 8, based_on
print(f"  {spans} quote spans and {evidence} evidence spans checked against the input text, {len(lines)} triples, none twice")
PY

check "a_1 and a-1: two documents and two unnamed sources in JSONL, GraphML, GEXF and RDF" /usr/bin/python3 - out <<'PY'
import json, sys, networkx as nx, rdflib
out = sys.argv[1]
quotes = [json.loads(l) for l in open(f"{out}/quotes.jsonl")]
anon = {q["speaker_id"] for q in quotes if q["anonymous"]}
assert anon == {"anon:a_1:senior-western-diplomat", "anon:a-1:senior-western-diplomat"}, anon
gm = nx.read_graphml(f"{out}/graph.graphml")
docs = sorted(d["doc"] for _, d in gm.nodes(data=True) if d["type"] == "document")
assert docs == ["a-1", "a_1", "c", "d", "e"], docs
assert {d["speaker_id"] for _, d in gm.nodes(data=True) if d.get("anonymous")} == anon
gx = nx.read_gexf(f"{out}/graph.gexf")
assert {n for n, d in gx.nodes(data=True) if d["kind"] == "document"} == {"doc:a_1", "doc:a-1", "doc:c", "doc:d", "doc:e"}
g = rdflib.Graph(); g.parse(f"{out}/graph.ttl", format="turtle")
S = rdflib.Namespace("http://schema.org/")
assert len(set(g.subjects(rdflib.RDF.type, S.NewsArticle))) == 5
assert len({s for s in g.subjects(rdflib.RDF.type, S.Person) if "/anon/" in str(s)}) == 2
PY

check "every vertex carries its JSONL id; one appears_in per statement and article, listing its places" \
  /usr/bin/python3 - out <<'PY'
import json, sys, collections, networkx as nx
out = sys.argv[1]
quotes = [json.loads(l) for l in open(f"{out}/quotes.jsonl")]
g = nx.read_graphml(f"{out}/graph.graphml")
# Speakers are typed by what they are (person, unnamed_source, place...); the id attribute
# follows the vertex's kind.
id_keys = ("speaker_id", "organization_id", "statement_id")
for n, d in g.nodes(data=True):
    present = [d[k] for k in id_keys if k in d]
    exact = present[0] if present else "doc:" + d["doc"]
    assert len(present) <= 1 and exact == n.replace("_5F", "_"), (n, exact)   # only "_" needed escaping here
ids = {d[k] for _, d in g.nodes(data=True) for k in id_keys if k in d}
for q in quotes:
    assert q["speaker_id"] in ids and q["statement_id"] in ids, q
pairs = collections.Counter((u, v, d["type"]) for u, v, d in g.edges(data=True))
assert max(pairs.values()) == 1, pairs.most_common(2)
assert {d["type"] for u, v, d in g.edges(data=True) if (u, v) == ("person:mrk-carney", "org:bank")} == {"speaks_for", "co_quoted"}
kuleba = [d for u, v, d in g.edges(data=True) if d["type"] == "appears_in" and v == "doc:a_5F1" and d["weight"] == 2]
assert len(kuleba) == 1 and len(kuleba[0]["occurrences"].split()) == 2, kuleba
assert kuleba[0]["quote_ids"].split() == [q["id"] for q in quotes if q["doc"] == "a_1" and "Kharkiv" in q["text"]]
PY

# GEXF, with the readers people use: networkx's read_gexf as it is (Debian's 2.8), and
# graphology-gexf as a sigma.js page loads it (tests/gexf, installed by .ci/install-deps).
gexf_readers() {  # gexf_readers OUT_DIR: both readers agree with the GraphML's counts and kinds
  node "$project/tests/gexf/load_gexf.js" "$1/graph.gexf" > "$1/graphology.json" || return 1
  /usr/bin/python3 - "$1" <<'PY'
import collections, json, sys, networkx as nx
out = sys.argv[1]
ml = nx.read_graphml(f"{out}/graph.graphml")
gx = nx.read_gexf(f"{out}/graph.gexf")
js = json.load(open(f"{out}/graphology.json"))
kinds = dict(collections.Counter(d["type"] for _, d in ml.nodes(data=True)))
edge_kinds = dict(collections.Counter(d["type"] for _, _, d in ml.edges(data=True)))
assert (gx.number_of_nodes(), gx.number_of_edges()) == (ml.number_of_nodes(), ml.number_of_edges())
assert (js["nodes"], js["edges"]) == (ml.number_of_nodes(), ml.number_of_edges()), js
assert js["kinds"] == kinds and js["edge_kinds"] == edge_kinds, (js, kinds, edge_kinds)
assert dict(collections.Counter(d["kind"] for _, d in gx.nodes(data=True))) == kinds
for n, d in gx.nodes(data=True):
    m = ml.nodes[n.replace("_", "_5F")]
    for k in ("label", "speaker_id", "statement_id", "doc", "date", "first_date", "statements", "documents"):
        assert d.get(k) == m.get(k), (n, k, d.get(k), m.get(k))
    assert set(d["viz"]) == {"color", "position", "size"}
    if d["kind"] == "document" and "date" in d:
        assert d["start"] == d["date"][:10], d          # the timeline: the parsed date
print(f"  networkx and graphology: {js['nodes']} nodes, {js['edges']} edges, {kinds}")
PY
}
check "GEXF (dated corpus, co-quotation): networkx read_gexf and graphology-gexf read what GraphML holds" gexf_readers out
check "graphology made a multigraph for the two edges between the governor and the bank" grep -q '"multi":true' out/graphology.json
"$Q" -q "$project/samples" -o samples
check "GEXF (samples): networkx read_gexf and graphology-gexf read what GraphML holds" gexf_readers samples

# Projections (--graph people, --min-statements): GraphML valid, read by networkx with the
# vertices and edge weights the quotes JSONL implies; GEXF and DOT written from the same view.
project_check() {  # project_check DIR MIN: DIR/quotes.jsonl beside DIR/people.graphml
  /usr/bin/python3 - "$1" "$2" <<'PY'
import collections, json, sys, networkx as nx
out, minimum = sys.argv[1], int(sys.argv[2])
quotes = [json.loads(l) for l in open(f"{out}/quotes.jsonl")]
statements = collections.defaultdict(set)  # speaker or organisation -> statement ids (GraphML's measure)
speaks_for = collections.Counter()
in_doc = collections.defaultdict(set)
for q in quotes:
    if not q["speaker_id"]: continue
    statements[q["speaker_id"]].add(q["statement_id"])
    if q["organization_id"] and not q["speaker_id"].startswith("org:"):
        statements[q["organization_id"]].add(q["statement_id"])
        speaks_for[(q["speaker_id"], q["organization_id"])] += 1
    if not q["anonymous"]: in_doc[q["doc"]].add(q["speaker_id"])
kept = {v for v, s in statements.items() if len(s) >= minimum}
co_quoted = collections.Counter()
for speakers in in_doc.values():
    s = sorted(speakers & kept)
    for i in range(len(s)):
        for j in range(i + 1, len(s)): co_quoted[frozenset((s[i], s[j]))] += 1
g = nx.read_graphml(f"{out}/people.graphml", force_multigraph=True)
ids = {n: d.get("speaker_id") or d.get("organization_id") for n, d in g.nodes(data=True)}
assert set(ids.values()) == kept, (set(ids.values()) ^ kept)
assert all(d["type"] not in ("statement", "document") and d["statements"] >= minimum for _, d in g.nodes(data=True))
seen_for, seen_co = {}, {}
for a, b, d in g.edges(data=True):
    if d["type"] == "speaks_for": seen_for[(ids[a], ids[b])] = d["weight"]
    elif d["type"] == "co_quoted": seen_co[frozenset((ids[a], ids[b]))] = d["weight"]
    else: raise AssertionError(d["type"])
assert seen_for == {k: v for k, v in speaks_for.items() if k[0] in kept and k[1] in kept}, seen_for
assert seen_co == dict(co_quoted), (seen_co, co_quoted)
gexf = nx.read_gexf(f"{out}/people.gexf")
assert gexf.number_of_nodes() == g.number_of_nodes(), (gexf.number_of_nodes(), g.number_of_nodes())
dot = open(f"{out}/people.dot").read()
assert dot.count("->") == g.number_of_edges(), (dot.count("->"), g.number_of_edges())
print(f"  at least {minimum} statements: {len(kept)} of {len(statements)} speakers and organisations, "
      f"{len(seen_for)} speaks_for and {len(seen_co)} co_quoted edges (the heaviest {max(seen_co.values(), default=0):.0f} articles), as the JSONL implies")
PY
}
mkdir -p projected
for minimum in 0 2; do
  "$Q" -q "$project/samples" --jsonl projected/quotes.jsonl --graph people --min-statements "$minimum" \
    --graphml projected/people.graphml --gexf projected/people.gexf --dot projected/people.dot
  check "GraphML of --graph people --min-statements $minimum valid against the schema" \
    xmllint --nonet --noout --schema "$project/../shared/schemas/graphml/graphml.xsd" projected/people.graphml
  check "samples, --graph people --min-statements $minimum: the vertices and weights the JSONL implies" project_check projected "$minimum"
done
check "--graph statements and --min-statements -1 are usage errors (exit 2)" bash -c \
  "'$Q' '$project/samples' --graph statements --graphml x.graphml 2>/dev/null; [ \$? -eq 2 ] && \
   '$Q' '$project/samples' --min-statements -1 --graphml x.graphml 2>/dev/null; [ \$? -eq 2 ]"

# Full names' ids do not depend on which other articles are in the run.
if [ -d "$bbc" ]; then
  "$Q" -q "$bbc" --jsonl whole.jsonl --threads 2
  "$Q" -q "$bbc/politics" --jsonl projected/quotes.jsonl --graph people --min-statements 3 \
    --graphml projected/people.graphml --gexf projected/people.gexf --dot projected/people.dot
  check "BBC politics, --graph people --min-statements 3: the vertices and weights the JSONL implies" project_check projected 3
  for subset in business politics; do
    "$Q" -q "$bbc/$subset" --jsonl "$subset.jsonl"
    check "BBC: the ids of names given in full are the same in a run over $subset/ alone and over all" \
      /usr/bin/python3 - "$subset" whole.jsonl "$subset.jsonl" <<'PY'
import json, sys
subset, whole_path, part_path = sys.argv[1:]
whole = {(q["doc"], q["start"]): q for q in map(json.loads, open(whole_path))}
n = 0
for q in map(json.loads, open(part_path)):
    if q["anonymous"] or not (q["speaker_id"] or "").startswith("person:") or len(q["speaker"].split()) < 2:
        continue
    w = whole[(f"{subset}/{q['doc']}", q["start"])]
    assert w["speaker_id"] == q["speaker_id"], (q["speaker"], q["speaker_id"], w["speaker_id"])
    n += 1
assert n > 500, n
print(f"  {n} quotes by full names, the same ids")
PY
  done
else
  echo "FAIL: $bbc not found (the tests need ../shared beside the repository)"
  failures=$((failures + 1))
fi

echo "graph formats: $failures failed"
[ "$failures" -eq 0 ]
