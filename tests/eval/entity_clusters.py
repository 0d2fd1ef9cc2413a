#!/usr/bin/env python3
"""Lists what to read when looking for wrong merges and splits of speakers across a corpus.

usage: entity_clusters.py QUOTES.jsonl [--gold GOLD.jsonl --scorer score.py] [--min-names N]

Without gold: every speaker_id that carries two or more distinct names (`speaker` as written),
with its names, their counts and the documents of each, the places to look for a wrong merge.
With gold (and the scorer whose matching it reuses): for the quotes whose speaker is right, each
speaker_id behind which stand several gold people (a wrong merge: what lowers
entity_bcubed_precision) and each gold person spread over several speaker_ids (a split: what
lowers entity_bcubed_recall), by what each costs B-cubed (the losses of one list add up to
1 - precision, resp. 1 - recall).
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
    return items, score


def bcubed_loss(counts, total):
    """What one cluster of len(quotes) costs B-cubed (precision for a speaker_id, recall for a
    gold person): sum over its quotes of 1 - (share of the cluster with the quote's own other
    side), divided by all scored quotes."""
    n = sum(counts)
    return (n - sum(c * c for c in counts) / n) / total if total else 0.0


def report(items, group, other, title):
    groups = collections.defaultdict(list)
    for it in items:
        groups[it[group]].append(it)
    rows = []
    for k, v in groups.items():
        inner = collections.defaultdict(list)
        for it in v:
            inner[it[other]].append(it)
        if len(inner) > 1:
            rows.append((bcubed_loss([len(x) for x in inner.values()], len(items)), k, inner))
    rows.sort(key=lambda r: (-r[0], r[1]))
    print("== %s: %d, B3 loss %.4f" % (title, len(rows), sum(r[0] for r in rows)))
    for loss, k, inner in rows:
        print("%s  (loss %.4f)" % (k, loss))
        for o, its in sorted(inner.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            names = sorted({it[2] for it in its})
            docs = sorted({it[3] for it in its})
            print("    %-32s %3d quotes %2d docs  names %s  e.g. %s" % (o, len(its), len(docs), "; ".join(names[:4]),
                                                                  ", ".join(docs[:2])))


def merge_classes(items, score):
    """Sorts the quotes that lower precision into classes: for each speaker_id with several gold
    people, the quotes of every gold person but its main one (the one with the most quotes) are
    - "gold surname only": the gold speaker is one word, the main person's surname (the gold set
      did not expand "Sanders" in that article; the system did),
    - "gold spelling": the same surname and a given name the scorer itself calls compatible, or
      a gold typo of the surname (Kristen/Kirsten, Rence/Reince, Labbot/Labott),
    - "gold garbled": a gold key that shares a word with the main one but is no name of its own
      ("b sperling", "le remarks", "admiral harris", "ian": the gold parse of the Source),
    - "other": a wrong merge to read.
    Prints the count per class and what precision would be with each class read as the main person."""
    import difflib
    groups = collections.defaultdict(collections.Counter)
    for g, sid, _, _ in items:
        groups[sid][g] += 1
    cls_of = {}
    for sid, c in groups.items():
        if len(c) < 2:
            continue
        main = max(c, key=lambda g: (c[g], len(g.split()), g))
        mw = main.split()
        for g in c:
            if g == main:
                continue
            gw = g.split()
            short, long_ = sorted((gw, mw), key=len)
            if len(short) == 1 and len(long_) >= 2 and short[0] == long_[-1]:
                cls = "gold surname only"
            elif len(gw) >= 2 and len(mw) >= 2 and (
                    (gw[-1] == mw[-1] and score.names_compatible(gw[0], mw[0])) or
                    (gw[0] == mw[0] and difflib.SequenceMatcher(None, gw[-1], mw[-1]).ratio() >= 0.8)):
                cls = "gold spelling"
            elif len(short) == 1 and difflib.SequenceMatcher(None, short[0], long_[-1]).ratio() >= 0.8:
                cls = "gold spelling"
            elif set(gw) & set(mw):
                cls = "gold garbled"  # "b sperling", "le remarks", "admiral harris", "ian": a word shared
            else:
                cls = "other"
            cls_of[(sid, g)] = (cls, main)
    counts = collections.Counter()
    for g, sid, _, _ in items:
        if (sid, g) in cls_of:
            counts[cls_of[(sid, g)][0]] += 1
    p0 = score.bcubed([(g, sid) for g, sid, _, _ in items])[0]
    print("== quotes merged into another gold person's speaker_id, by class (precision %.4f)" % p0)
    for cls in ("gold surname only", "gold spelling", "gold garbled", "other"):
        fixed = [((cls_of[(sid, g)][1] if cls_of.get((sid, g), ("",))[0] == cls else g), sid) for g, sid, _, _ in items]
        print("    %-20s %4d quotes  precision with them read as the main person: %.4f" %
              (cls, counts[cls], score.bcubed(fixed)[0]))
    rest = [((cls_of[(sid, g)][1] if cls_of.get((sid, g), ("other",))[0] != "other" else g), sid)
            for g, sid, _, _ in items]
    print("    precision with every gold class read as the main person: %.4f" % score.bcubed(rest)[0])
    for (sid, g), (cls, main) in sorted(cls_of.items()):
        if cls == "other":
            print("    other: %s holds %r beside %r" % (sid, g, main))


def split_classes(items, score):
    """Sorts the quotes that lower recall into classes: for each gold person on several
    speaker_ids, the quotes on every id but its main one (the one with the most quotes) are
    - "gold surname only": the gold person is a bare surname and the ids are full names of
      different given names (Bernie and Jane Sanders are one "Sanders" to the gold set),
    - "surname kept in its article": a "person:DOC:SURNAME" id (no evidence joined it),
    - "unnamed source": an "anon:" id the scorer takes for the person ("Clinton advisers"),
    - "organisation": an "org:" id ("Israel" for Steve Israel),
    - "another full name": a full-name id of its own (a headline or title read as a given name:
      "Donald Trump Is", "Majority Whip John Cornyn"; a nickname: Joe / Joseph).
    Prints the count per class and what recall would be with each class on the main id."""
    groups = collections.defaultdict(collections.Counter)
    for g, sid, _, _ in items:
        groups[g][sid] += 1
    cls_of = {}
    for g, c in groups.items():
        if len(c) < 2:
            continue
        main = max(c, key=lambda sid: (c[sid], sid))
        for sid in c:
            if sid == main:
                continue
            if len(g.split()) == 1 and sid.count(":") == 1 and main.count(":") == 1:
                cls = "gold surname only"
            elif sid.startswith("person:") and sid.count(":") >= 2:
                cls = "surname kept in its article"
            elif sid.startswith("anon:"):
                cls = "unnamed source"
            elif sid.startswith("org:"):
                cls = "organisation"
            else:
                cls = "another full name"
            cls_of[(g, sid)] = (cls, main)
    counts = collections.Counter()
    for g, sid, _, _ in items:
        if (g, sid) in cls_of:
            counts[cls_of[(g, sid)][0]] += 1
    r0 = score.bcubed([(g, sid) for g, sid, _, _ in items])[1]
    print("== quotes split from their gold person's main speaker_id, by class (recall %.4f)" % r0)
    for cls in ("gold surname only", "surname kept in its article", "unnamed source", "organisation",
                "another full name"):
        fixed = [(g, (cls_of[(g, sid)][1] if cls_of.get((g, sid), ("",))[0] == cls else sid)) for g, sid, _, _ in items]
        print("    %-28s %4d quotes  recall with them on the main id: %.4f" % (cls, counts[cls], score.bcubed(fixed)[1]))


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
    items, score = gold_pairs(quotes, a.gold, a.scorer)
    merge_classes(items, score)
    split_classes(items, score)
    report(items, 1, 0, "speaker_ids with several gold people (wrong merges)")
    report(items, 0, 1, "gold people with several speaker_ids (splits)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
