#!/usr/bin/env bash
# Loads quotegraph's Turtle into a real Virtuoso (Debian's virtuoso-opensource, installed by
# .ci/install-deps) and runs every SPARQL query of docs/rdf.md over its HTTP endpoint, checking the
# rows against the quotes JSONL. The server is a throwaway: its own config and database in a
# temporary directory, bound to 127.0.0.1 on free ports, stopped by its PID at the end.
# Usage: virtuoso_test.sh QUOTEGRAPH_BINARY PROJECT_DIR
set -euo pipefail
Q=$1
project=$2
if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then
  echo "FAIL: virtuoso-t or isql-vt missing (.ci/install-deps installs virtuoso-opensource)"
  exit 1
fi
work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

# The data: the samples plus a small dated corpus, so that "where a statement appeared first"
# has dates to compare.
mkdir corpus
cp "$project"/samples/*.txt corpus/
cat > corpus/dated.jsonl <<'JSONL'
{"id": "dated-a", "date": "2022-03-02", "title": "A", "text": "“We will not abandon the people of Kharkiv to the invaders,” said Ukrainian Foreign Minister Dmytro Kuleba."}
{"id": "dated-b", "date": "2022-03-01", "title": "B", "text": "“We will not abandon the people of Kharkiv to the invaders,” Foreign Minister Dmitry Kuleba said."}
JSONL
mkdir data
"$Q" corpus -q --turtle data/graph.ttl --jsonl quotes.jsonl

read -r sql_port http_port < <(/usr/bin/python3 -c "
import socket
ports = []
for _ in range(2):
    s = socket.socket(); s.bind(('127.0.0.1', 0)); ports.append(s.getsockname()[1]); s.close()
print(*ports)")
cat > virtuoso.ini <<INI
[Database]
DatabaseFile       = $work/db/virtuoso.db
ErrorLogFile       = $work/db/virtuoso.log
LockFile           = $work/db/virtuoso.lck
TransactionFile    = $work/db/virtuoso.trx
xa_persistent_file = $work/db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = $work/db/virtuoso-temp.db
TransactionFile    = $work/db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0
[Parameters]
ServerPort         = 127.0.0.1:$sql_port
DisableUnixSocket  = 1
MaxClientConnections = 10
CheckpointInterval = 0
CaseMode           = 2
DirsAllowed        = ., $work/data, /usr/share/virtuoso-opensource-7/vad
VADInstallDir      = /usr/share/virtuoso-opensource-7/vad/
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
ThreadsPerQuery    = 2
[HTTPServer]
ServerPort         = 127.0.0.1:$http_port
ServerRoot         = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 5
ServerThreads      = 5
EnabledDavVSP      = 0
Charset            = UTF-8
[SPARQL]
ResultSetMaxRows   = 100000
MaxQueryExecutionTime = 60
INI
mkdir db
virtuoso-t -f -c virtuoso.ini > virtuoso.out 2>&1 &
pid=$!
isql() { isql-vt "127.0.0.1:$sql_port" dba dba "$@"; }
for _ in $(seq 120); do
  isql exec="select 1;" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat virtuoso.out db/virtuoso.log 2>/dev/null | tail -20; echo "FAIL: virtuoso-t exited"; exit 1; }
  sleep 0.5
done
isql exec="select 1;" >/dev/null || { echo "FAIL: Virtuoso did not start"; exit 1; }
echo "ok: virtuoso-t (PID $pid) on 127.0.0.1:$sql_port, SPARQL on 127.0.0.1:$http_port"

# Bulk load (ld_dir + rdf_loader_run), then make sure every file loaded without error.
graph_iri="http://quotegraph.org/test/"
isql exec="ld_dir('$work/data', '*.ttl', '$graph_iri'); rdf_loader_run(); checkpoint;" >load.out 2>&1 \
  || { cat load.out; echo "FAIL: bulk load"; exit 1; }
isql exec="select ll_file, ll_state, ll_error from DB.DBA.LOAD_LIST;" > loadlist.out
grep -q "graph.ttl" loadlist.out && ! grep -q "Error\|error [0-9]" loadlist.out \
  || { cat loadlist.out; echo "FAIL: the Turtle did not load"; exit 1; }

/usr/bin/python3 - "$project/docs/rdf.md" quotes.jsonl "http://127.0.0.1:$http_port/sparql" "$graph_iri" data/graph.ttl <<'PY'
import json, re, sys, urllib.parse, urllib.request
doc, quotes_path, endpoint, graph, ttl = sys.argv[1:]
queries = re.findall(r"```sparql\n(.*?)```", open(doc).read(), re.S)
assert len(queries) == 5, len(queries)
quotes = [json.loads(l) for l in open(quotes_path)]

def select(query):
    data = urllib.parse.urlencode({"query": query, "default-graph-uri": graph,
                                   "format": "application/sparql-results+json"}).encode()
    with urllib.request.urlopen(urllib.request.Request(endpoint, data=data), timeout=60) as r:
        result = json.load(r)
    return [{k: v["value"] for k, v in row.items()} for row in result["results"]["bindings"]]

count = select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
turtle_triples = None
try:
    import rdflib
    turtle_triples = len(rdflib.Graph().parse(ttl, format="turtle"))
except ImportError:
    pass
assert turtle_triples is None or int(count) == turtle_triples, (count, turtle_triples)
print(f"ok: Virtuoso holds {count} triples, as many as rdflib reads from the Turtle")

# Each quotation's words carry its article's language: Virtuoso keeps the tag and filters by it.
tagged = select('PREFIX schema: <http://schema.org/> SELECT (COUNT(*) AS ?n) WHERE '
                '{ ?q a schema:Quotation ; schema:text ?t ; schema:inLanguage "en" FILTER(LANGMATCHES(LANG(?t), "en")) }')
quotations = select('PREFIX schema: <http://schema.org/> SELECT (COUNT(*) AS ?n) WHERE { ?q a schema:Quotation }')
assert int(tagged[0]["n"]) == int(quotations[0]["n"]) > 0, (tagged, quotations)
print(f"ok: all {quotations[0]['n']} quotations are tagged @en and say schema:inLanguage \"en\"")

blinken_ids = {q["speaker_id"] for q in quotes if q["speaker"] == "Antony Blinken"}
rows = select(queries[0])
assert {r["text"] for r in rows} == {q["text"] for q in quotes if q["speaker_id"] in blinken_ids}, rows
assert all(r["article"].rsplit("/", 1)[1] in {q["doc"] for q in quotes} for r in rows)
print(f"ok: query 1 (all quotes by a person): {len(rows)} rows, as the JSONL says")

rows = select(queries[1])
pairs = {(r["name"], r.get("role")) for r in rows}
expected = {(q["speaker"], q["role"]) for q in quotes if q["organization"] == "Russia" and not q["anonymous"]}
assert ("Sergei Lavrov", "Foreign Minister") in pairs and {p for p in expected if p[1]} <= pairs, (pairs, expected)
print(f"ok: query 2 (who speaks for an organisation, in which role): {len(rows)} rows")

rows = select(queries[2])
assert {r["text"] for r in rows} == {q["text"] for q in quotes if q["anonymous"]}, len(rows)
orgs = {(r["text"], r.get("org")) for r in rows}
assert all((q["text"], q["organization"]) in orgs for q in quotes if q["anonymous"] and q["organization"]), orgs
print(f"ok: query 3 (unnamed sources by organisation): {len(rows)} rows")

rows = select(queries[3])
firsts = {(r["text"], r["article"].rsplit("/", 1)[1], r["date"]) for r in rows}
kharkiv = "We will not abandon the people of Kharkiv to the invaders,"
assert firsts == {(kharkiv, "dated-b", "2022-03-01")}, firsts
print(f"ok: query 4 (where a statement appeared first): {sorted(firsts)}")

rows = select(queries[4])
evidence = {(r["quote"], r["mention"], int(r["begin"]), r.get("cue")) for r in rows}
assert evidence == {(q["id"], q["speaker_mention"], q["speaker_start"], q["cue"]) for q in quotes if q["speaker_mention"]}, evidence
print(f"ok: query 5 (the evidence of each attribution): {len(rows)} rows, as the JSONL says")
PY
echo "virtuoso: all queries agree with the JSONL"
