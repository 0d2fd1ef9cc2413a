#!/usr/bin/env bash
# The CLI as users call it: exit statuses, messages, --min-confidence, atomic outputs, the
# examples of docs/rules.md, and the SPARQL queries of docs/rdf.md run with rdflib.
# Usage: cli_test.sh QUOTEGRAPH_BINARY PROJECT_DIR
set -uo pipefail
Q=$1
project=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then echo "ok: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}

# Usage errors: exit 2 with a message naming the problem.
"$Q" --bogus x 2>err; check "unknown option exits 2" test $? -eq 2
check "unknown option is named" grep -q "unknown option '--bogus'" err
"$Q" "$project/samples" 2>err; check "missing output exits 2" test $? -eq 2
"$Q" --min-confidence 2 "$project/samples" --jsonl q.jsonl 2>err; check "bad --min-confidence exits 2" test $? -eq 2
"$Q" --rules /nonexistent/rules.txt "$project/samples" --jsonl q.jsonl 2>err; check "unreadable rule file exits 2" test $? -eq 2
check "unreadable rule file is named" grep -q "/nonexistent/rules.txt" err

# Bad inputs: reported with file and line, the rest processed, exit 1.
mkdir in
printf 'Title\n\n“We will stay,” said Ana Lima.\n' > in/good.txt
printf '{"id": "j1", "text": "“Fine,” said Ana Lima."}\nnot json\n{"id": "j3"}\n' > in/mixed.jsonl
"$Q" in missing.txt --jsonl q.jsonl 2>err; status=$?
check "bad input exits 1" test $status -eq 1
check "bad JSONL line named by file and line" grep -q "mixed.jsonl:2: byte [0-9]*: not valid JSON" err
check "missing text field named" grep -q "mixed.jsonl:3: no text field" err
check "missing file named" grep -q "missing.txt: no such file or directory" err
check "good documents still written" test "$(grep -c '"speaker":"Ana Lima"' q.jsonl)" -eq 2

# One id given three times with different content: reported once with the count, one kept, exit 1.
mkdir -p dup/a dup/b dup/c
for d in a b c; do printf 'Title %s\n\n“We will stay in %s,” said Ana Lima.\n' $d $d > dup/$d/x.txt; done
"$Q" dup/a/x.txt dup/b/x.txt dup/c/x.txt --jsonl dup.jsonl 2>err; status=$?
check "an id given with different contents exits 1" test $status -eq 1
check "an id given three times is reported once with the count" \
  test "$(grep -c 'document id x was given 3 times with different content; kept one' err)" -eq 1
check "the summary counts the one document written" grep -q '^quotegraph: 1 documents' err
"$Q" dup --jsonl dupdir.jsonl 2>err; status=$?
check "the same files found under a directory are three documents" test $status -eq 0 -a "$(cut -d'"' -f8 dupdir.jsonl | sort -u | tr '\n' ' ')" = "a/x b/x c/x "

# --min-confidence leaves out weak attributions; a failed run keeps the previous output.
"$Q" "$project/samples" --jsonl all.jsonl -q
"$Q" "$project/samples" --jsonl strong.jsonl -q --min-confidence 0.9
check "--min-confidence filters" test "$(wc -l < strong.jsonl)" -lt "$(wc -l < all.jsonl)"
check "--min-confidence keeps only strong quotes" python3 -c "
import json, sys
sys.exit(0 if all(json.loads(l)['confidence'] >= 0.9 for l in open('strong.jsonl')) else 1)"
cp all.jsonl before.jsonl
"$Q" --rules /nonexistent "$project/samples" --jsonl all.jsonl 2>/dev/null
check "failed run leaves the previous file untouched" cmp -s all.jsonl before.jsonl
check "no temporary files left" test -z "$(ls | grep tmp- || true)"

# RDF in parts (more than one thread): to standard output the same bytes as to a file; a part
# that cannot be written (its scratch file's name is over the 255 bytes a name may have, the
# output's own temporary name is not) fails that output alone, and leaves nothing behind.
"$Q" "$project/samples" --threads 2 -q --turtle t2.ttl --ntriples t2.nt
"$Q" "$project/samples" --threads 2 -q --turtle - > stdout.ttl
check "Turtle in parts: standard output as the file" cmp -s t2.ttl stdout.ttl
long=$(printf 'n%.0s' $(seq 240)).ttl
"$Q" "$project/samples" --threads 2 -q --turtle "$long" --jsonl beside.jsonl 2>err; status=$?
check "unwritable Turtle part exits 2" test $status -eq 2
check "unwritable Turtle part named" grep -q "$long: cannot write the scratch file $long.part1.tmp-" err
check "the other outputs still written" test -s beside.jsonl
check "no Turtle and no scratch files left" test -z "$(ls | grep -e nnnnnnnn -e tmp- || true)"

# docs/rules.md: adding a speech verb and a title through --lexicon-dir.
mkdir my-lexicons ex
"$Q" --print-data speech_verbs.txt > my-lexicons/speech_verbs.txt
echo "grumble grumbled grumbles grumbling" >> my-lexicons/speech_verbs.txt
"$Q" --print-data titles.txt > my-lexicons/titles.txt
echo "ombudsman" >> my-lexicons/titles.txt
printf 'T\n\n“Nobody listens,” grumbled Ombudsman Eva Berg.\n' > ex/x.txt
"$Q" --lexicon-dir my-lexicons ex --jsonl lex.jsonl -q
check "docs: new speech verb and title" grep -q '"speaker":"Eva Berg".*"role":"Ombudsman"' lex.jsonl
# docs/rules.md: a rule added to a copy of the rule file.
"$Q" --print-data rules.txt > my-rules.txt
python3 - <<'PY'
s = open("my-rules.txt").read()
rule = r"rule after.was_quoted_as_saying  after  0.9  ^\h*,?\h*(?<speaker>{SPEAKER})\h+was\h+quoted\h+as\h+(?<cue>saying)"
s = s.replace("rule after.cue_speaker", rule + "\nrule after.cue_speaker", 1)
open("my-rules.txt", "w").write(s)
PY
printf 'T\n\n“We will not pay,” the minister was quoted as saying.\n' > ex/x.txt
"$Q" --rules my-rules.txt ex --jsonl rule.jsonl -q
check "docs: added rule fires" grep -q '"rule":"after.was_quoted_as_saying"' rule.jsonl

# --lang auto: each document in its own language, and every output says which.
mkdir -p mixed
printf 'Streit um die Rente\n\nDie Arbeitsministerin Anna Müller hat die Pläne verteidigt. „Wir werden die Rente sichern“, sagte Müller am Montag in Berlin.\n' > mixed/rente.txt
printf 'Pension row\n\nThe labour minister defended the plans. “We will keep pensions safe,” said Ana Lima on Monday.\n' > mixed/pension.txt
"$Q" mixed --lang auto -o mixed-out -q; check "--lang auto on a mixed folder exits 0" test $? -eq 0
check "--lang auto: each output carries each document's language" /usr/bin/python3 - mixed-out <<'PY'
import json, sys, rdflib, networkx as nx
out = sys.argv[1]
quotes = {q["doc"]: q for q in map(json.loads, open(out + "/quotes.jsonl"))}
assert quotes["rente"]["language"] == "de" and quotes["rente"]["speaker"] == "Anna Müller", quotes["rente"]
assert quotes["pension"]["language"] == "en", quotes["pension"]
SCHEMA = rdflib.Namespace("http://schema.org/")
for name in ("graph.ttl", "graph.nt"):
    g = rdflib.Graph(); g.parse(out + "/" + name, format="turtle" if name.endswith("ttl") else "nt")
    texts = {str(o): o.language for o in g.objects(None, SCHEMA.text)}
    assert texts == {"Wir werden die Rente sichern": "de", "We will keep pensions safe,": "en"}, texts
    languages = {str(s).rsplit("/", 1)[1]: str(o) for s, o in g.subject_objects(SCHEMA.inLanguage) if "/doc/" in str(s)}
    assert languages == {"rente": "de", "pension": "en"}, languages
    assert {str(o) for o in g.objects(None, SCHEMA.name)} >= {"Anna Müller"}
graph = nx.read_graphml(out + "/graph.graphml")
documents = {d["doc"]: d.get("language") for _, d in graph.nodes(data=True) if d["type"] == "document"}
assert documents == {"rente": "de", "pension": "en"}, documents
statements = {d["quote_text"]: d.get("language") for _, d in graph.nodes(data=True) if d["type"] == "statement"}
assert statements == {"Wir werden die Rente sichern": "de", "We will keep pensions safe,": "en"}, statements
print("languages:", {d: q["language"] for d, q in quotes.items()})
PY
check "--lang auto: the GraphML is valid against the schema" \
  xmllint --nonet --noout --schema "$project/../shared/schemas/graphml/graphml.xsd" mixed-out/graph.graphml
"$Q" mixed --lang auto --partial mixed.part -q
sed 's/"language":"de"/"language":"de\\" x"/' mixed.part > badlang.part
"$Q" merge badlang.part --jsonl badlang.jsonl 2>err; status=$?
check "a partial whose language is no language code: merge exits 1" test $status -eq 1
check "a partial whose language is no language code: file, line and reason named" \
  grep -q "badlang.part:[0-9]*: document language is not a language code" err
check "a partial whose language is no language code: the other document is kept" \
  test "$(grep -c '"language":"en"' badlang.jsonl)" -eq 1

# A JSONL article's declared language decides the pack under --lang auto (--language-field names the field).
printf '%s\n' '{"id": "x", "sprache": "en", "text": "Rente\n\n„Wir werden die Rente sichern“, sagte Anna Müller am Montag in Berlin."}' > declared.jsonl
"$Q" declared.jsonl --lang auto --language-field sprache --jsonl declared-out.jsonl -q
check "--language-field: the declared language decides the pack" grep -q '"language":"en"' declared-out.jsonl
"$Q" declared.jsonl --lang auto --jsonl undeclared-out.jsonl -q
check "without the field named, the text decides" grep -q '"language":"de"' undeclared-out.jsonl

# docs/rdf.md: every SPARQL example runs on the samples' Turtle and agrees with the JSONL.
"$Q" "$project/samples" --turtle g.ttl --jsonl s.jsonl -q
check "docs: SPARQL examples answer as the JSONL says" /usr/bin/python3 - "$project/docs/rdf.md" g.ttl s.jsonl <<'PY'
import json, re, sys, rdflib
queries = re.findall(r"```sparql\n(.*?)```", open(sys.argv[1]).read(), re.S)
g = rdflib.Graph(); g.parse(sys.argv[2], format="turtle")
quotes = [json.loads(l) for l in open(sys.argv[3])]
assert len(queries) == 5, len(queries)
blinken_id = {q["speaker_id"] for q in quotes if q["speaker"] == "Antony Blinken"}
assert len(blinken_id) == 1, blinken_id
blinken = {r[0].toPython() for r in g.query(queries[0])}
assert blinken == {q["text"] for q in quotes if q["speaker_id"] in blinken_id}, blinken
russia = {(str(r[0]), str(r[1])) for r in g.query(queries[1])}
assert ("Sergei Lavrov", "Foreign Minister") in russia, russia
anon = {r[2].toPython() for r in g.query(queries[2])}
assert anon == {q["text"] for q in quotes if q["anonymous"]}, (len(anon), sum(q["anonymous"] for q in quotes))
evidence = {(str(r[0]), str(r[1]), int(r[2]), None if r[3] is None else str(r[3])) for r in g.query(queries[4])}
assert evidence == {(q["id"], q["speaker_mention"], q["speaker_start"], q["cue"]) for q in quotes if q["speaker_mention"]}, evidence
print("SPARQL rows:", len(blinken), len(russia), len(anon), len(evidence))
PY

echo "cli: $failures failed"
test $failures -eq 0
