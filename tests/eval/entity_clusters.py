#!/usr/bin/env python3
"""Lists what to read when looking for wrong merges and splits of speakers across a corpus.

usage: entity_clusters.py QUOTES.jsonl [--gold GOLD.jsonl --scorer score.py] [--min-names N]

Without gold: every speaker_id that carries two or more distinct names (`speaker` as written),
with its names, their counts and the documents of each, the places to look for a wrong merge.
With gold (and the scorer whose matching it reuses): for the quotes whose speaker is right, each
speaker_id behind which stand several gold people (a wrong merge: what lowers
entity_bcubed_precision) and each gold person spread over several speaker_ids (a split: what
lowers entity_bcubed_recall), biggest first.
"""
import argparse, collections, importlib.util, json, sys


def load_quotes(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def multi_name_ids(quotes, min_names):
    names = collections.defaultdict(lambda: collections.defaultdict(set))
    for q in quotes:
        if q.get("speaker_id") and not q.get("anonymous"):
            names[q["speaker_id"]][q.get("speaker") or ""].add(q["doc"])
    rows = [(sid, n) for sid, n in names.items() if len(n) >= min_names]
    rows.sort(key=lambda r: (-len(r[1]), r[0]))
    for sid, n in rows:
        print(sid)
        for name, docs in sorted(n.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print("    %-40s %3d docs  e.g. %s" % (name, len(docs), ", ".join(sorted(docs)[:3])))
    print("%d speaker_ids with %d or more names" % (len(rows), min_names))


def gold_pairs(quotes, gold_path, scorer_path):
    spec = importlib.util.spec_from_file_location("score", scorer_path)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = {}
    for line in open(gold_path, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            gold[d["doc"]] = d["quotes"]
    by_doc = collections.defaultdict(list)
    for q in quotes:
        if q.get("doc") in gold:
            by_doc[q["doc"]].append(q)
    items = []  # (gold person, speaker_id, system name, doc)
    for doc, gqs in gold.items():
        sqs = by_doc[doc]
        pairs = sorted(((score.similar(score.norm_text(s.get("text", "")), score.norm_text(g["text"])), i, j)
                        for i, s in enumerate(sqs) for j, g in enumerate(gqs)), reverse=True)
        used_s, used_g = set(), set()
        for r, i, j in pairs:
            if r < 0.6 or i in used_s or j in used_g:
                continue
            used_s.add(i); used_g.add(j)
            s, g = sqs[i], gqs[j]
            if g.get("optional") or g.get("anonymous") or not s.get("speaker_id"):
                continue
            if score.speaker_right(score.speaker_name(s), g) and score.person_key(g):
                items.append((score.person_key(g), s["speaker_id"], score.speaker_name(s), doc))
    return items


def report(items, group, other, title):
    groups = collections.defaultdict(list)
    for it in items:
        groups[it[group]].append(it)
    rows = [(k, v) for k, v in groups.items() if len({it[other] for it in v}) > 1]
    rows.sort(key=lambda r: (-len(r[1]), r[0]))
    print("== %s: %d" % (title, len(rows)))
    for k, v in rows:
        print(k)
        inner = collections.defaultdict(list)
        for it in v:
            inner[it[other]].append(it)
        for o, its in sorted(inner.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            names = sorted({it[2] for it in its})
            docs = sorted({it[3] for it in its})
            print("    %-32s %3d quotes  names %s  e.g. %s" % (o, len(its), "; ".join(names[:4]), docs[0]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("quotes")
    ap.add_argument("--gold")
    ap.add_argument("--scorer")
    ap.add_argument("--min-names", type=int, default=2)
    a = ap.parse_args()
    quotes = load_quotes(a.quotes)
    if not a.gold:
        multi_name_ids(quotes, a.min_names)
        return 0
    if not a.scorer:
        print("--gold needs --scorer (the score.py whose matching is reused)", file=sys.stderr)
        return 2
    items = gold_pairs(quotes, a.gold, a.scorer)
    report(items, 1, 0, "speaker_ids with several gold people (wrong merges)")
    report(items, 0, 1, "gold people with several speaker_ids (splits)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
