#!/usr/bin/env bash
# The HTML report in a real browser: Debian's Chromium, headless, opens the report of the samples
# and of a 500-article BBC slice from file:// (no network), and the test reads the DOM it leaves:
# no script error, the numbers of quotes, speakers and conflicts the JSONL and GraphML hold, a
# search that narrows the list to quotes that contain the words, the network's vertices, and the
# time the page took. Screenshots go to SHOT_DIR for a person to look at.
# Usage: report_test.sh QUOTEGRAPH_BINARY PROJECT_DIR SHOT_DIR
set -uo pipefail
Q=$1
project=$2
shots=$3
bbc="$project/../shared/corpus/bbc"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir -p "$shots"
failures=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then echo "ok: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}
command -v chromium >/dev/null || { echo "FAIL: chromium missing (.ci/install-deps installs it)"; exit 1; }
[ -d "$bbc" ] || { echo "FAIL: $bbc not found (the tests need ../shared beside the repository)"; exit 1; }

browse() {  # browse PAGE_URL DOM_FILE: the DOM after the page's script ran; the browser's log in DOM_FILE.log
  timeout 120 chromium --headless=new --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
    --enable-logging=stderr --v=0 --virtual-time-budget=10000 --dump-dom "$1" >"$2" 2>"$2.log"
}
shoot() {  # shoot PAGE_URL PNG
  timeout 120 chromium --headless=new --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
    --window-size=1280,1000 --virtual-time-budget=10000 --screenshot="$2" "$1" >/dev/null 2>&1
}

mkdir bbc500
find "$bbc" -name '*.txt' | sort | head -n 500 | while read -r f; do
  rel=${f#"$bbc"/}; mkdir -p "bbc500/$(dirname "$rel")"; cp "$f" "bbc500/$rel"
done

for corpus in samples bbc500; do
  input=$corpus; [ "$corpus" = samples ] && input="$project/samples"
  "$Q" "$input" -q -o "out-$corpus" 2>/dev/null
  page="file://$work/out-$corpus/report.html"
  term=$(/usr/bin/python3 -c "
import json, collections, sys
names = collections.Counter(json.loads(l)['speaker'] for l in open(sys.argv[1]) if json.loads(l)['speaker'])
print(names.most_common(1)[0][0].split()[-1])" "out-$corpus/quotes.jsonl")
  browse "$page" "$corpus-quotes.html"
  browse "$page#q=$term" "$corpus-search.html"
  browse "$page#view=speakers" "$corpus-speakers.html"
  browse "$page#view=conflicts" "$corpus-conflicts.html"
  shoot "$page" "$shots/$corpus-quotes.png"
  shoot "$page#q=$term" "$shots/$corpus-search.png"
  shoot "$page#view=network" "$shots/$corpus-network.png"
  shoot "$page#view=conflicts" "$shots/$corpus-conflicts.png"
  check "$corpus: the page reads what the outputs hold, a search for '$term' narrows it" \
    /usr/bin/python3 - "$corpus" "out-$corpus" "$term" <<'PY'
import collections, html.parser, json, sys, networkx as nx
corpus, out, term = sys.argv[1:4]

class Dom(html.parser.HTMLParser):
    """The elements of interest: body's data, counts, cards' text, the network's vertices."""
    def __init__(self):
        super().__init__()
        self.body, self.counts, self.cards, self.nodes, self.rows = {}, {}, [], 0, 0
        self.depth_in_card = 0
        self.marks, self.mark = [], None  # per card: [(class, text)] of its <mark>s
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body": self.body = a
        if a.get("id") in ("quote-count", "speaker-count", "conflict-count") and "data-count" in a:
            self.counts[a["id"]] = int(a["data-count"])
        if tag == "li" and "card" in (a.get("class") or "").split() and self.depth_in_card == 0:
            self.cards.append(""); self.marks.append([]); self.depth_in_card = 1
        elif self.depth_in_card: self.depth_in_card += 1
        if tag == "mark" and self.depth_in_card: self.mark = [a.get("class"), ""]
        if tag == "g" and a.get("class") == "node": self.nodes += 1
        if tag == "tr" and "data-speaker" in a: self.rows += 1
    def handle_endtag(self, tag):
        if self.depth_in_card: self.depth_in_card -= 1
        if tag == "mark" and self.mark: self.marks[-1].append(tuple(self.mark)); self.mark = None
    def handle_data(self, data):
        if self.depth_in_card: self.cards[-1] += data
        if self.mark: self.mark[1] += data

def dom(view):
    d = Dom(); d.feed(open(f"{corpus}-{view}.html").read())
    log = open(f"{corpus}-{view}.html.log").read()
    assert "Uncaught" not in log and "CONSOLE" not in log.replace("CONSOLE(0)", ""), log[-2000:]
    assert d.body.get("data-ready") == "1" and "data-errors" not in d.body, d.body
    return d

quotes = [json.loads(l) for l in open(f"{out}/quotes.jsonl")]
g = nx.read_graphml(f"{out}/graph.graphml")
speakers = [d for _, d in g.nodes(data=True) if d["type"] not in ("statement", "document")]
conflicting = sum(q["conflicting_attribution"] for q in quotes)

page = dom("quotes")
assert page.counts["quote-count"] == len(quotes), (page.counts, len(quotes))
assert len(page.cards) == min(100, len(quotes)), len(page.cards)
named = [d for d in speakers if d["type"] != "unnamed_source" and not d.get("anonymous") and int(d.get("statements", 0)) > 0]
assert page.nodes == min(60, len(named)), (page.nodes, len(named))
# Each card marks the quote, and the speaker's mention and the cue exactly where the JSONL's
# offsets put them (when they stand in the paragraph shown).
marked = collections.Counter()
for q, marks in zip(quotes, page.marks):
    expected_marks = [("quote", q["text"])]
    ctx_end = q["context_start"] + len(q["context"])
    for cls, start, end, words in (("speaker", q["speaker_start"], q["speaker_end"], q["speaker_mention"]),
                                   ("cue", q["cue_start"], q["cue_end"], q["cue"])):
        if start is not None and q["context_start"] <= start and end <= ctx_end and not (start < q["end"] and end > q["start"]):
            expected_marks.append((cls, words))
            marked[cls] += 1
    assert sorted(marks) == sorted(expected_marks), (q["id"], marks, expected_marks)
assert marked["speaker"] > 0 and marked["cue"] > 0, marked
render = float(page.body["data-render-ms"])
assert render < 1000, render

found = dom("search")
expected = [q for q in quotes if term.lower() in "\n".join(str(q[k] or "") for k in ("text", "speaker", "role", "organization", "title", "doc")).lower()]
assert 0 < found.counts["quote-count"] < len(quotes), found.counts
assert all(term.lower() in c.lower() for c in found.cards), [c[:200] for c in found.cards if term.lower() not in c.lower()][:2]
search = float(found.body["data-search-ms"])
assert search < 1000, search

who = dom("speakers")
assert who.counts["speaker-count"] == len(speakers), (who.counts, len(speakers))
assert who.rows == min(100, len(speakers)), who.rows

clash = dom("conflicts")
assert (clash.counts["conflict-count"] > 0) == (conflicting > 0), (clash.counts, conflicting)
print(f"  {corpus}: {len(quotes)} quotes, {len(speakers)} speakers, {page.nodes} network vertices, "
      f"{found.counts['quote-count']} quotes for '{term}' ({len(expected)} in the JSONL mention it), "
      f"{clash.counts['conflict-count']} conflicts; page ready in {render:.0f} ms, search in {search:.0f} ms; "
      f"of the first {len(page.marks)} cards, {marked['speaker']} mark the speaker's mention and {marked['cue']} the cue where the JSONL puts them")
PY
done
# Two articles give the same words to two people: each card names the other speaker and article.
mkdir conflict
printf 'Talks\n\n“We will not give up the fight for these people today,” said Ana Lima.\n' > conflict/a.txt
printf 'Talks again\n\n“We will not give up the fight for these people today,” said Ben Ode.\n' > conflict/b.txt
"$Q" conflict -q --html conflict.html 2>/dev/null
browse "file://$work/conflict.html#view=conflicts" conflict.dom
check "conflicts: each card names the other speaker and the article that gives them the words" /usr/bin/python3 - conflict.dom <<'PY'
import re, sys
dom = open(sys.argv[1]).read()
assert 'data-ready="1"' in dom and "data-errors" not in dom
others = re.findall(r'<span class="other"><strong>([^<]*)</strong> in <span>([^<]*)</span>', dom)
assert sorted(others) == [("Ana Lima", "Talks"), ("Ben Ode", "Talks again")], others
print(f"  {others}")
PY

# The CSV read back with Python's csv module (as a spreadsheet would: UTF-8 with its byte-order
# mark, RFC 4180 quoting) holds the JSONL's quotes, field for field.
check "CSV: Python's csv module reads back every quote of the JSONL" /usr/bin/python3 - out-bbc500 <<'PY'
import csv, json, sys
out = sys.argv[1]
quotes = [json.loads(l) for l in open(f"{out}/quotes.jsonl")]
with open(f"{out}/quotes.csv", newline="", encoding="utf-8-sig") as f:
    rows = list(csv.DictReader(f))
assert len(rows) == len(quotes) > 1000, (len(rows), len(quotes))
formula = lambda v: "'" + v if v[:1] in ("=", "+", "-", "@", "\t", "\r") else v
for row, q in zip(rows, quotes):
    for key in ("id", "doc", "text", "speaker", "speaker_id", "role", "organization", "cue", "rule", "context", "title"):
        assert row[key] == formula(q[key] or ""), (key, row[key], q[key])
    assert int(row["start"]) == q["start"] and int(row["end"]) == q["end"] and int(row["context_start"]) == q["context_start"]
    assert row["speaker_mention"] == formula(q["speaker_mention"] or "")
    for key in ("speaker_start", "speaker_end", "cue_start", "cue_end", "sentences_start", "sentences_end"):
        assert row[key] == ("" if q[key] is None else str(q[key])), (key, row[key], q[key])
    assert row["conflicting_speakers"] == " ".join(q["conflicting_speakers"])
    assert row["conflicts"] == "; ".join(f"{c['speaker']} ({c['speaker_id']}):" + "".join(" " + d for d in c["documents"])
                                         for c in q["conflicts"]), (row["conflicts"], q["conflicts"])
    assert abs(float(row["confidence"]) - q["confidence"]) < 1e-9 and row["anonymous"] == str(q["anonymous"]).lower()
print(f"  {len(rows)} rows, each equal to its JSONL line")
PY
echo "screenshots: $shots"
echo "report: $failures failed"
[ "$failures" -eq 0 ]
