#!/usr/bin/env python3
"""Lists a dev set's errors by kind, each joined with its gold quote and its context, to read.

usage: /usr/bin/python3 bench/dev_errors.py GOLD.jsonl TEXTS_DIR QUOTES.jsonl
           [--kind missed|false|wrong|none] [--limit N] [--counts] [--reliability]

Kinds: missed (a scored gold quote no system quote matches), false (a system quote that matches
no gold quote), wrong (matched, the speaker is another), none (matched, no speaker).
Matching and speaker judgement are the scorer's own (../shared/eval/score.py, imported), so the
counts here add up to its figures. Each line shows the document, the quote, the speakers, the
rule and about 120 characters of text either side of the quote, to find phenomena, not
sentences: read many, then write the rule for what they share.

--reliability prints, instead, the share of right speakers among the scored quotes (matched,
not optional) in each confidence decile, next to the decile's mean confidence: where
confidence means what it says, the two are close. Quotes with no speaker are left out.
"""
import argparse, collections, importlib.util, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCORER = os.path.join(HERE, "..", "..", "shared", "eval", "score.py")
if not os.path.exists(SCORER):
    SCORER = "/work/shared/eval/score.py"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def context(text, quote, width=120):
    """The quote's first occurrence in the text with `width` characters around it."""
    at = text.find(quote[:40]) if quote else -1
    if at < 0:
        return "(not found verbatim)"
    end = at + len(quote)
    return (text[max(0, at - width):at] + "[[" + text[at:end] + "]]" + text[end:end + width]).replace("\n", " / ")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("texts")
    ap.add_argument("quotes")
    ap.add_argument("--kind", choices=["missed", "false", "wrong", "none"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--counts", action="store_true", help="only the count of each kind")
    ap.add_argument("--reliability", action="store_true", help="right speakers per confidence decile")
    ap.add_argument("--by-rule", action="store_true", help="right speakers and mean confidence per rule")
    args = ap.parse_args()
    sc = load_scorer()

    gold = {}
    for line in open(args.gold, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            gold[d["doc"]] = d["quotes"]
    system = {d: [] for d in gold}
    for line in open(args.quotes, encoding="utf-8"):
        if line.strip():
            q = json.loads(line)
            if q.get("doc") in system:
                system[q["doc"]].append(q)

    rows = collections.defaultdict(list)
    scored = []  # (confidence, speaker right) of every scored quote with a speaker
    for doc in sorted(gold):
        gqs, sqs = gold[doc], system[doc]
        path = os.path.join(args.texts, doc + ".txt")
        text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        pairs = []
        for i, s in enumerate(sqs):
            ns = sc.norm_text(s.get("text", ""))
            for j, g in enumerate(gqs):
                r = sc.similar(ns, sc.norm_text(g["text"]))
                if r >= 0.6:
                    pairs.append((r, i, j))
        pairs.sort(reverse=True)
        used_s, used_g, match = set(), set(), {}
        for r, i, j in pairs:
            if i not in used_s and j not in used_g:
                used_s.add(i); used_g.add(j); match[i] = j
        for i, s in enumerate(sqs):
            if i not in match:
                rows["false"].append((doc, s.get("text", ""), None, s, text))
                continue
            g = gqs[match[i]]
            if g.get("optional"):
                continue
            if sc.speaker_name(s):
                scored.append((float(s.get("confidence") or 0.0), sc.speaker_right(sc.speaker_name(s), g), s.get("rule")))
            if not sc.speaker_name(s):
                rows["none"].append((doc, g["text"], g, s, text))
            elif not sc.speaker_right(sc.speaker_name(s), g):
                rows["wrong"].append((doc, g["text"], g, s, text))
        for j, g in enumerate(gqs):
            if j not in used_g and not g.get("optional"):
                rows["missed"].append((doc, g["text"], g, None, text))

    if args.reliability:
        print("| confidence | quotes | mean confidence | share right | gap |")
        print("|---|---|---|---|---|")
        for d in range(10):
            low, high = d / 10, (d + 1) / 10
            cell = [(c, ok) for c, ok, _ in scored if low <= c < high or (d == 9 and c == 1.0)]
            if not cell:
                continue
            mean = sum(c for c, _ in cell) / len(cell)
            right = sum(ok for _, ok in cell) / len(cell)
            print("| %.1f-%.1f | %d | %.3f | %.3f | %+.3f |" % (low, high, len(cell), mean, right, right - mean))
        return 0
    if args.by_rule:
        print("| rule | quotes | mean confidence | share right | gap |")
        print("|---|---|---|---|---|")
        by_rule = collections.defaultdict(list)
        for c, ok, rule in scored:
            by_rule[rule].append((c, ok))
        for rule, cell in sorted(by_rule.items(), key=lambda item: -len(item[1])):
            mean = sum(c for c, _ in cell) / len(cell)
            right = sum(ok for _, ok in cell) / len(cell)
            print("| %s | %d | %.3f | %.3f | %+.3f |" % (rule, len(cell), mean, right, right - mean))
        return 0
    for kind in ["missed", "false", "wrong", "none"]:
        print("%-7s %d" % (kind, len(rows[kind])))
    if args.counts:
        return 0
    for kind in ["missed", "false", "wrong", "none"]:
        if args.kind and kind != args.kind:
            continue
        shown = rows[kind][:args.limit] if args.limit else rows[kind]
        for doc, quote, g, s, text in shown:
            gold_spk = "%s%s" % (g["speaker"], " (anon)" if g.get("anonymous") else "") if g else "-"
            sys_spk = "%s [%s %s]" % (sc.speaker_name(s) or "null", s.get("rule"), s.get("cue")) if s else "-"
            print("\n%s %s\n  gold: %s   system: %s\n  %s" % (kind.upper(), doc, gold_spk, sys_spk,
                                                             context(text, quote)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
