#!/usr/bin/env bash
# The graph across a corpus: cross-document entities, statements that travel, conflicting
# attributions, GEXF timeline and DOT with their consumers, shard merge in any order against a
# single run (samples and a corpus built from ../shared/corpus/bbc), --threads 1 vs 2.
# Usage: corpus_test.sh QUOTEGRAPH_BINARY PROJECT_DIR
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
same_outputs() {  # same_outputs DIR_A DIR_B: every output file byte-identical
  local f
  for f in quotes.jsonl graph.graphml graph.gexf graph.ttl graph.nt graph.dot; do
    cmp -s "$1/$f" "$2/$f" || { echo "  $f differs between $1 and $2"; return 1; }
  done
}
run_all() {  # run_all OUT ARGS...: every output format into OUT
  local out=$1; shift
  mkdir -p "$out"
  "$Q" "$@" -q -o "$out" --dot "$out/graph.dot" --co-quotation
}

# --- Who is who (docs/jsonl.md, "Who is who across a corpus"), with invented articles: a lord,
# a prince and a knight are not namesakes; "Ms King" is not Paul King; a surname with the same
# role joins the full name of another article and without evidence stays its article's own;
# organisations never join by a part of their name; every vertex has its type in each format.
cat > people.jsonl <<'JSONL'
{"id": "lords-a", "title": "A", "text": "The inquiry reported on Monday. “The intelligence was thin,” Lord Butler said. “We will publish it all,” he added."}
{"id": "lords-b", "title": "B", "text": "The relay team won silver. “We swam our hearts out,” said swimmer Kathy Butler."}
{"id": "lords-c", "title": "C", "text": "The council met again. “It is a matter for the voters,” Mr Butler said."}
{"id": "princes-a", "title": "D", "text": "The visit ended in Wales. “The garden is a joy,” Prince Charles said."}
{"id": "princes-b", "title": "E", "text": "The album was released on Friday. “Music is my life,” singer Ray Charles said."}
{"id": "knights-a", "title": "F", "text": "The concert sold out in minutes. “I love playing Liverpool,” Sir Paul said."}
{"id": "knights-b", "title": "G", "text": "The results beat forecasts. “Demand is strong,” said Vivek Paul, chief executive of Wipro."}
{"id": "king-a", "title": "H", "text": "The vote was close. “We won the argument,” said Labour MP Paul King."}
{"id": "king-b", "title": "I", "text": "The vote was close. “We lost the argument,” Labour MP Ms King said."}
{"id": "lavrov-a", "title": "J", "text": "The talks resumed. “We are ready to talk,” said Russian Foreign Minister Sergei Lavrov."}
{"id": "lavrov-b", "title": "K", "text": "The talks stalled. “We are still ready,” said Russian Foreign Minister Lavrov."}
{"id": "lavrov-c", "title": "L", "text": "The talks stalled again. “Nothing has changed,” Lavrov said."}
{"id": "orgs-a", "title": "M", "text": "Profits rose. “Lending was strong,” said Ralph Norris, chief executive of Commonwealth Bank of Australia."}
{"id": "orgs-b", "title": "N", "text": "Troops will stay. “We will not cut and run,” said Australian Prime Minister John Howard."}
{"id": "types-a", "title": "O", "text": "The oil firm denied the claims. “The claims are false,” Yukos said. “The plan is flawed,” a confidential concept paper said."}
JSONL
run_all people people.jsonl
check "who is who: ranks, genders, evidence, organisations, types" /usr/bin/python3 - people <<'PY'
import json, sys, networkx as nx, rdflib
out = sys.argv[1]
quotes = [json.loads(l) for l in open(f"{out}/quotes.jsonl")]
by = {(q["doc"], q["speaker"]): q for q in quotes}
sid = lambda doc, name: by[(doc, name)]["speaker_id"]
assert sid("lords-a", "Lord Butler") not in (sid("lords-b", "Kathy Butler"), sid("lords-c", "Butler"))
assert sid("lords-c", "Butler") == "person:lords-c:butler"          # Mr Butler: nobody else's
assert sid("princes-a", "Prince Charles") != sid("princes-b", "Ray Charles")
assert sid("knights-a", "Sir Paul") != sid("knights-b", "Vivek Paul")
assert sid("king-b", "King") != sid("king-a", "Paul King")           # same role, conflicting gender
assert sid("lavrov-b", "Lavrov") == sid("lavrov-a", "Sergei Lavrov")   # same role: one person
assert sid("lavrov-c", "Lavrov") == "person:lavrov-c:lavrov"         # no evidence: a split
assert by[("orgs-b", "John Howard")]["organization_id"] == "org:australia"
assert by[("orgs-a", "Ralph Norris")]["organization_id"] == "org:commonwealth-bank-of-australia"
types = {q["speaker"]: q["speaker_type"] for q in quotes}
assert types["Yukos"] == "name" and types["a confidential concept paper"] == "written_source", types
g = nx.read_graphml(f"{out}/graph.graphml")
vtype = {d["label"]: d["type"] for _, d in g.nodes(data=True) if "label" in d}
assert vtype["Australia"] == "place" and vtype["Commonwealth Bank of Australia"] == "organization", vtype
assert vtype["Yukos"] == "name" and vtype["Lord Butler"] == "person", vtype
assert vtype["a confidential concept paper"] == "written_source", vtype
import xml.etree.ElementTree as ET  # GEXF: the type column of the node (read_gexf is the GEXF work's test)
root = ET.parse(f"{out}/graph.gexf").getroot()
ns = {"g": root.tag.split("}")[0].strip("{")}
type_column = next(a.get("id") for a in root.iterfind(".//g:attributes[@class='node']/g:attribute", ns) if a.get("title") == "kind")
gexf = {n.get("label"): v.get("value") for n in root.iterfind(".//g:node", ns)
        for v in n.iterfind(".//g:attvalue", ns) if v.get("for") == type_column}
assert gexf.get("a confidential concept paper") == "written_source", gexf
rdf = rdflib.Graph(); rdf.parse(f"{out}/graph.ttl", format="turtle")
SDO, RDF = rdflib.Namespace("http://schema.org/"), rdflib.RDF
paper = next(s for s, o in rdf.subject_objects(SDO.name) if str(o) == "a confidential concept paper")
assert (paper, RDF.type, SDO.CreativeWork) in rdf and (paper, RDF.type, SDO.Person) not in rdf
australia = next(s for s, o in rdf.subject_objects(SDO.name) if str(o) == "Australia")
assert (australia, RDF.type, SDO.Country) in rdf and (australia, RDF.type, SDO.Organization) not in rdf
yukos = next(s for s, o in rdf.subject_objects(SDO.name) if str(o) == "Yukos")
assert (yukos, RDF.type, SDO.Person) not in rdf
PY

# --- One person spelt three ways (docs/jsonl.md, rule 1): Müller in a German article, Mueller
# and Muller in English ones, one speaker_id; the name keeps its umlaut in every output.
cat > umlauts.jsonl <<'JSONL'
{"id": "muller-de", "title": "Hafen", "text": "Der Stadtrat von Kiel hat am Montag über den Ausbau des Hafens beraten. „Wir werden den Hafen bis zum Herbst erweitern“, sagte die Bürgermeisterin Anna Müller. Die Opposition ist dagegen. „Die Kosten sind für die Stadt tragbar“, sagte Müller nach der Sitzung."}
{"id": "muller-en", "title": "Port", "text": "The city council met on Monday. “We will expand the port by the autumn,” said Kiel mayor Anna Mueller."}
{"id": "muller-en2", "title": "Port 2", "text": "The work began in October. “The port is open for business,” said Anna Muller, the mayor of Kiel."}
JSONL
run_all umlauts umlauts.jsonl --lang auto
check "Müller, Mueller, Muller: one person, the umlaut kept in JSONL, GraphML and Turtle" /usr/bin/python3 - umlauts <<'PY'
import json, sys, networkx as nx, rdflib
out = sys.argv[1]
quotes = [json.loads(l) for l in open(f"{out}/quotes.jsonl")]
assert [q["speaker"] for q in quotes] == ["Anna Müller", "Anna Müller", "Anna Mueller", "Anna Muller"], quotes
ids = {q["speaker_id"] for q in quotes}
assert len(ids) == 1, ids
person = nx.read_graphml(f"{out}/graph.graphml").nodes[ids.pop()]
assert person["label"] == "Anna Müller" and person["names"] == "Anna Mueller; Anna Muller; Anna Müller", person
rdf = rdflib.Graph(); rdf.parse(f"{out}/graph.ttl", format="turtle")
SDO = rdflib.Namespace("http://schema.org/")
subjects = {s for s, o in rdf.subject_objects(SDO.name) if str(o) in ("Anna Müller", "Anna Mueller", "Anna Muller")}
assert len(subjects) == 1, subjects
assert rdflib.Literal("Anna Müller") in set(rdf.objects(subjects.pop(), SDO.name))
PY

# --- A small dated corpus: one statement travels across three articles (first in b), the
# same words are given to another speaker in d, and one person is spelt two ways.
cat > dated.jsonl <<'JSONL'
{"id": "a", "date": "2022-03-02", "title": "A", "text": "“We will not abandon the people of Kharkiv to the invaders,” said Ukrainian Foreign Minister Dmytro Kuleba on Wednesday."}
{"id": "b", "date": "2022-03-01", "title": "B", "text": "“We will not abandon the people of Kharkiv to the invaders,” Foreign Minister Dmitry Kuleba said."}
{"id": "c", "date": "2022-03-05", "title": "C", "text": "Dmytro Kuleba spoke in Kyiv. “We will not abandon the people of Kharkiv to the invaders,” Kuleba said."}
{"id": "d", "date": "2022-03-06", "title": "D", "text": "“We will not abandon the people of Kharkiv to the invaders,” said Mayor Ihor Terekhov."}
{"id": "e", "date": "2022-03-07", "title": "E", "text": "“Talks must go on,” said Imran Khan. In London, Mayor Sadiq Khan said: “We stand with Ukraine.”"}
JSONL
run_all dated dated.jsonl
check "dated corpus runs" test -s dated/quotes.jsonl
check "entities, statements and conflicts across documents" /usr/bin/python3 - dated <<'PY'
import json, sys, networkx as nx
out = sys.argv[1]
quotes = [json.loads(l) for l in open(f"{out}/quotes.jsonl")]
kharkiv = [q for q in quotes if "Kharkiv" in q["text"]]
assert len(kharkiv) == 4, kharkiv
kuleba = {q["speaker_id"] for q in kharkiv if "Kuleba" in q["speaker"]}
assert len(kuleba) == 1, kuleba                        # Dmytro / Dmitry / Kuleba: one person
assert len({q["statement_id"] for q in kharkiv if q["speaker_id"] in kuleba}) == 1
terekhov = [q for q in kharkiv if q["speaker"] == "Ihor Terekhov"][0]
assert terekhov["conflicting_attribution"] and terekhov["conflicting_speakers"] == sorted(kuleba), terekhov
assert all(q["conflicting_attribution"] for q in kharkiv)
khans = {q["speaker_id"] for q in quotes if q["speaker"].endswith("Khan")}
assert len(khans) == 2, khans                          # two different Khans stay two
g = nx.read_graphml(f"{out}/graph.graphml")
person = g.nodes[next(iter(kuleba))]
assert person["statements"] == 1 and person["documents"] == 3, person
assert person["document_ids"] == "a b c" and person["names"] == "Dmitry Kuleba; Dmytro Kuleba", person
statement = g.nodes[kharkiv[0]["statement_id"] if kharkiv[0]["speaker_id"] in kuleba else kharkiv[1]["statement_id"]]
assert statement["first_date"] == "2022-03-01" and statement["first_document"] == "b", statement
assert statement["documents"] == 3 and statement["conflicting"] is True, statement
conflicts = [e for e in g.edges(data=True) if e[2]["type"] == "conflicts_with"]
assert len(conflicts) == 1, conflicts
co = [(u, v, d["weight"]) for u, v, d in g.edges(data=True) if d["type"] == "co_quoted"]
assert len(co) == 1 and set(co[0][:2]) == khans, co   # the two Khans share article e
print("ok:", len(quotes), "quotes;", g.number_of_nodes(), "vertices")
PY
check "SPARQL: where a statement appeared first" /usr/bin/python3 - "$project/docs/rdf.md" dated/graph.ttl <<'PY'
import re, sys, rdflib
query = re.findall(r"```sparql\n(.*?)```", open(sys.argv[1]).read(), re.S)[3]
g = rdflib.Graph(); g.parse(sys.argv[2], format="turtle")
rows = {(str(r[0]), str(r[1]).rsplit("/", 1)[1], str(r[2])) for r in g.query(query)}
expected = "We will not abandon the people of Kharkiv to the invaders,"
firsts = {(a, d) for t, a, d in rows if t == expected}
assert firsts == {("b", "2022-03-01"), ("d", "2022-03-06")}, rows   # Kuleba's first, Terekhov's only
PY
check "GEXF: GEXF 1.2 namespace, dynamic, loads in networkx's read_gexf as it is" /usr/bin/python3 - dated/graph.gexf <<'PY'
import sys, xml.etree.ElementTree as ET, networkx as nx
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "{http://www.gexf.net/1.2draft}gexf", root.tag
graph = root.find("{http://www.gexf.net/1.2draft}graph")
assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
g = nx.read_gexf(sys.argv[1])
statements = [d for _, d in g.nodes(data=True) if d["kind"] == "statement"]
assert statements and all("start" in d for d in statements), statements[:1]
assert all(isinstance(d["documents"], int) for d in statements)
people = [d for _, d in g.nodes(data=True) if d["kind"] == "person"]
assert people[0]["viz"]["color"]["b"] == 180, people[0]
print("ok: GEXF", g.number_of_nodes(), "nodes", g.number_of_edges(), "edges")
PY
check "DOT: Graphviz draws it" dot -Tsvg dated/graph.dot -o dated/graph.svg

# --- Shards of the samples: partial results merged in two orders equal one run.
mkdir -p s1 s2
cp "$project"/samples/000_*.txt "$project"/samples/002_*.txt s1/
cp "$project"/samples/001_*.txt "$project"/samples/003_*.txt s2/
"$Q" -q s1 --partial s1.part --ntriples s1.nt
"$Q" -q s2 --partial s2.part --ntriples s2.nt
run_all single "$project/samples"
run_all merged12 merge s1.part s2.part
run_all merged21 merge s2.part s1.part
check "samples: merge s1+s2 equals one run" same_outputs merged12 single
check "samples: merge s2+s1 equals one run" same_outputs merged21 single
"$Q" merge -q s2.part s1.part --partial s21.part
run_all merged_again merge s21.part s1.part
check "samples: merging a merged partial again changes nothing" same_outputs merged_again single
check "samples: shard N-Triples concatenated are the merged triples" \
  cmp -s <(cat s1.nt s2.nt | sort -u) <(sort -u single/graph.nt)
check "samples: Blinken, Lavrov and Kuleba are one Person vertex each" /usr/bin/python3 - single/graph.graphml <<'PY'
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
for surname in ("Blinken", "Lavrov", "Kuleba"):
    people = [(n, d) for n, d in g.nodes(data=True) if d["type"] == "person" and d["label"].endswith(surname)]
    assert len(people) == 1, people
    n, d = people[0]
    print(f"  {n}: {d['names']} quoted in {d['document_ids']} ({d['statements']} statements)")
PY

# --- The BBC set as a directory: each of its 2,225 files is a document of its own, named by its
# path below the directory ("business/001" and "sport/001" are two documents), with no warning
# about ids given twice.
if [ -d "$bbc" ]; then
  "$Q" "$bbc" -o bbc_dir 2> bbc_dir.log
  check "BBC directory: no document id reported as given twice" bash -c "! grep -q 'given' bbc_dir.log"
  check "BBC directory: the summary counts 2,225 documents" grep -q '^quotegraph: 2225 documents' bbc_dir.log
  /usr/bin/python3 - "$bbc" bbc_dir/graph.graphml <<'PY'
import pathlib, sys, networkx
files = sorted(pathlib.Path(sys.argv[1]).rglob("*.txt"))
expected = {str(f.relative_to(sys.argv[1]).with_suffix("")) for f in files}
g = networkx.read_graphml(sys.argv[2])
docs = {d["doc"] for _, d in g.nodes(data=True) if d.get("type") == "document"}
assert len(expected) == 2225, len(expected)
assert docs == expected, (len(docs), sorted(expected - docs)[:5])
print(f"  {len(docs)} document vertices, e.g. {sorted(docs)[0]}, {sorted(docs)[-1]}")
PY
  check "BBC directory: every file is a document vertex named by its relative path" test $? -eq 0
  /usr/bin/python3 - "$bbc" bbc_dir/quotes.jsonl <<'PY'
import json, pathlib, sys
root, bad, n = pathlib.Path(sys.argv[1]), 0, 0
for line in open(sys.argv[2]):
    q = json.loads(line)
    text = (root / (q["doc"] + ".txt")).read_bytes().decode("utf-8", "replace")
    c0, c = q["context_start"], q["context"]
    n += 1
    if not (text[q["start"]:q["end"]] == q["text"] and text[c0:c0 + len(c)] == c and
            c0 <= q["start"] and q["end"] <= c0 + len(c) and "\n\n" not in c):
        bad += 1
assert n > 8000 and bad == 0, (n, bad)
print(f"  {n} quotes: text and context at their code point offsets, no context across a blank line")
PY
  check "BBC directory: each quote's text and context are the document's text at their offsets" test $? -eq 0
else
  echo "FAIL: $bbc not found (the tests need ../shared beside the repository)"
  failures=$((failures + 1))
fi

# --- A corpus from the BBC set, in three JSONL shards: merge in two orders equals one run.
if [ -d "$bbc" ]; then
  /usr/bin/python3 - "$bbc" <<'PY'
import json, pathlib, sys
files = sorted(pathlib.Path(sys.argv[1]).rglob("*.txt"))
shards = [open(f"bbc{i}.jsonl", "w") for i in range(3)]
with open("bbc.jsonl", "w") as whole:
    for n, f in enumerate(files):
        text = f.read_bytes().decode("utf-8", "replace")
        line = json.dumps({"id": f"{f.parent.name}-{f.stem}", "text": text}, ensure_ascii=False) + "\n"
        whole.write(line)
        shards[n % 3].write(line)
PY
  for i in 0 1 2; do "$Q" -q bbc$i.jsonl --partial bbc$i.part; done
  run_all bbc_single bbc.jsonl --threads 1
  run_all bbc_m1 merge bbc0.part bbc1.part bbc2.part
  run_all bbc_m2 merge bbc2.part bbc0.part bbc1.part
  check "BBC: merge of three shards equals one run" same_outputs bbc_m1 bbc_single
  check "BBC: no triple written twice" bash -c '[ -z "$(sort bbc_single/graph.nt | uniq -d | head -1)" ]'
  check "BBC: merge in another order equals one run" same_outputs bbc_m2 bbc_single
  run_all bbc_t2 bbc.jsonl --threads 2
  check "BBC: --threads 2 writes the same bytes as --threads 1" same_outputs bbc_t2 bbc_single
  "$Q" -q bbc.jsonl --threads 2 --partial t2.part
  "$Q" -q bbc.jsonl --threads 1 --partial t1.part
  check "BBC: partial results identical for 1 and 2 threads" cmp -s t1.part t2.part
  # The rule file's prefilters only skip patterns where they cannot match: without them, the
  # same results (slower).
  "$Q" --print-data rules.txt | grep -v '^prefilter' > no_prefilters.txt
  "$Q" -q bbc.jsonl --threads 2 --rules no_prefilters.txt --partial np.part
  check "BBC: the same partial results without the rule file's prefilters" cmp -s t1.part np.part
fi

echo "corpus: $failures failed"
[ "$failures" -eq 0 ]
