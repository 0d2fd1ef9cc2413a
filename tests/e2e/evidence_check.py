#!/usr/bin/env python3
"""Checks the evidence a quotes JSONL gives against the articles it was made from.

Usage: evidence_check.py QUOTES.jsonl DIR
DIR holds the .txt articles (the document id is the path below DIR without the extension).
For every quote, in code points of the article's text (as docs/jsonl.md counts):
  - text[start:end] is `text`, context at context_start;
  - text[speaker_start:speaker_end] is `speaker_mention`, and every attributed quote has one;
  - text[cue_start:cue_end] is `cue`, and the cue's span is given exactly when `cue` is;
  - `conflicts` names each of `conflicting_speakers`, with a name and articles in which a
    quote of that speaker stands.
Prints the counts; exits 1 on any mismatch."""
import collections, json, os, sys

quotes_path, root = sys.argv[1], sys.argv[2]
texts = {}
for folder, _, files in os.walk(root):
    for name in files:
        if name.endswith(".txt"):
            path = os.path.join(folder, name)
            doc_id = os.path.relpath(path, root)[: -len(".txt")]
            with open(path, encoding="utf-8", errors="replace", newline="") as f:
                texts[doc_id] = f.read()

quotes = [json.loads(line) for line in open(quotes_path, encoding="utf-8")]
speakers_in = collections.defaultdict(set)
for q in quotes:
    speakers_in[q["doc"]].add(q["speaker_id"])

counts = collections.Counter()
problems = []
def problem(q, what):
    problems.append(f"{q['doc']} {q['id']}: {what}")

for q in quotes:
    text = texts.get(q["doc"])
    if text is None:
        problem(q, "no article with this id under " + root)
        continue
    counts["quotes"] += 1
    if text[q["start"]:q["end"]] != q["text"]:
        problem(q, f"text at [{q['start']}, {q['end']}) is not the quote")
    if not text[q["context_start"]:].startswith(q["context"]):
        problem(q, "context is not the text at context_start")
    if q["speaker"] is not None:
        counts["attributed"] += 1
        if q["speaker_start"] is None:
            problem(q, "an attributed quote without the speaker's mention")
    if q["speaker_start"] is not None:
        counts["mentions"] += 1
        at = text[q["speaker_start"]:q["speaker_end"]]
        if at != q["speaker_mention"]:
            problem(q, f"mention at [{q['speaker_start']}, {q['speaker_end']}) is {at!r}, not {q['speaker_mention']!r}")
        if q["speaker_mention"] in ("he", "she", "He", "She", "they", "They", "it", "It"):
            counts["pronoun mentions"] += 1
    if (q["cue"] is None) != (q["cue_start"] is None):
        problem(q, f"cue {q['cue']!r} with span {q['cue_start']}")
    if q["cue_start"] is not None:
        counts["cues"] += 1
        at = text[q["cue_start"]:q["cue_end"]]
        if at != q["cue"]:
            problem(q, f"cue at [{q['cue_start']}, {q['cue_end']}) is {at!r}, not {q['cue']!r}")
    s, e, cs = q["sentences_start"], q["sentences_end"], q["context_start"]
    if not (cs <= s <= q["start"] and q["end"] <= e <= cs + len(q["context"])):
        problem(q, f"sentences [{s}, {e}) do not hold the quote within the context")
    elif q["speaker_start"] is not None and cs <= q["speaker_start"] and q["speaker_end"] <= cs + len(q["context"]) \
            and not (s <= q["speaker_start"] and q["speaker_end"] <= e):
        problem(q, f"sentences [{s}, {e}) leave out the mention in the context")
    else:
        counts["sentences"] += 1
    if [c["speaker_id"] for c in q["conflicts"]] != q["conflicting_speakers"]:
        problem(q, "conflicts do not follow conflicting_speakers")
    for c in q["conflicts"]:
        counts["conflicts"] += 1
        if not c["speaker"] or not c["documents"]:
            problem(q, f"conflict {c} without a name or articles")
        for d in c["documents"]:
            if c["speaker_id"] not in speakers_in[d]:
                problem(q, f"conflict: {d} quotes nobody of id {c['speaker_id']}")

print(f"  {counts['quotes']} quotes ({counts['attributed']} attributed): {counts['mentions']} speaker mentions "
      f"({counts['pronoun mentions']} pronouns), {counts['cues']} cues, {counts['conflicts']} conflicting attributions, {counts['sentences']} sentence spans "
      f"checked; {len(problems)} mismatches")
for p in problems[:20]:
    print("  " + p)
sys.exit(1 if problems or not counts["quotes"] else 0)
