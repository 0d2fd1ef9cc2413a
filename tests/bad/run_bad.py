#!/usr/bin/python3
"""The bad-input contract of tests/bad/README.md, row by row. Usage: run_bad.py QUOTEGRAPH"""
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

Q = os.path.abspath(sys.argv[1])
INPUTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "inputs")
failures = []


def run(*args, stdin=None, timeout=300):
    """Exit status (None when it timed out), standard error, standard output."""
    try:
        p = subprocess.run([Q, *args], capture_output=True, timeout=timeout, input=stdin)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout} s", b""
    return p.returncode, p.stderr.decode("utf-8", "replace"), p.stdout


def cpu_seconds():
    """The processor time of the children that have ended: what the growth checks compare, as it
    does not grow when other work shares the machine (wall time did, and a check failed)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def quotes(path):
    return [json.loads(line) for line in open(path, encoding="utf-8")] if os.path.exists(path) else []


def check(name, condition, detail=""):
    print(("ok: " if condition else "FAIL: ") + name + ("" if condition else f" -- {detail}"))
    if not condition:
        failures.append(name)


def good_is_complete(out):
    good = [q for q in quotes(out) if q["doc"] == "good"]
    return len(good) == 1 and good[0]["speaker"] == "Ana Lima" and good[0]["text"].startswith("We will open")


def row(name, inputs, status, message=None, extra=()):
    """Runs quotegraph on the good document and `inputs`; checks status, message, completeness."""
    out = os.path.join(work, "q.jsonl")
    if os.path.exists(out):
        os.remove(out)
    code, err, _ = run(os.path.join(INPUTS, "good.txt"), *inputs, "--jsonl", out, "-q", *extra)
    check(f"{name}: exit status {status}", code == status, f"got {code}: {err}")
    if message:
        check(f"{name}: message names it", re.search(message, err) is not None, err)
    check(f"{name}: the other document's output is complete", good_is_complete(out), err)
    return quotes(out), err


def offsets_right(path, found):
    """Every quote's code point span, applied to the file as a reader decodes it, gives its text."""
    text = open(path, "rb").read().decode("utf-8", "replace").lstrip("\ufeff")
    return all(text[q["start"]:q["end"]] == q["text"] for q in found)


work = tempfile.mkdtemp()
try:
    os.chdir(work)
    inp = lambda name: os.path.join(INPUTS, name)

    row("missing file", ["missing.txt"], 1, r"missing\.txt: no such file or directory")
    os.mkdir("emptydir")
    row("directory without readable files", ["emptydir"], 1, r"emptydir: no \.txt or \.jsonl files in directory")
    row("empty file", [inp("empty.txt")], 1, r"empty\.txt: empty file")
    found, _ = row("invalid UTF-8", [inp("latin1.txt")], 1, r"latin1\.txt: byte 3: invalid UTF-8")
    latin = [q for q in found if q["doc"] == "latin1"]
    check("invalid UTF-8: the quote after the bad bytes is found", len(latin) == 1 and latin[0]["speaker"] == "Rui Costa")
    check("invalid UTF-8: offsets still right", offsets_right(inp("latin1.txt"), latin))
    row("NUL byte / binary file", [inp("binary.txt")], 1, r"binary\.txt: byte 6: NUL byte: binary file skipped")
    found, err = row("bad JSONL lines", [inp("bad.jsonl")], 1, r"bad\.jsonl:2: byte 1: not valid JSON")
    for pattern in (r"bad\.jsonl:3: not a JSON object", r"bad\.jsonl:4: no text field", r"bad\.jsonl:5: text field is not a string",
                    r"bad\.jsonl:6: byte 39: not valid JSON"):
        check(f"bad JSONL: {pattern}", re.search(pattern, err) is not None, err)
    check("bad JSONL: the good lines around them are extracted", {q["doc"] for q in found} >= {"ok1", "ok2"})

    # A 50 MB single line: one JSONL article with a quotation every 5 KB.
    paragraph = "“We will keep the bridge open all winter,” said Mayor Ana Lima. " + "The council met again. " * 210
    with open("big.jsonl", "w") as f:
        f.write(json.dumps({"id": "big", "text": (paragraph * (50_000_000 // len(paragraph) + 1))[:50_000_000]}) + "\n")
    check("50 MB line: file is one line of 50 MB or more", os.path.getsize("big.jsonl") >= 50_000_000)
    found, _ = row("50 MB single line", ["big.jsonl"], 0)
    big = [q for q in found if q["doc"] == "big"]
    check("50 MB single line: every quotation found and attributed",
          len(big) == 50_000_000 // len(paragraph) + 1 - (1 if 50_000_000 % len(paragraph) < 60 else 0) and
          all(q["speaker"] == "Ana Lima" for q in big), len(big))

    found, _ = row("only quotation marks", [inp("only_marks.txt")], 0)
    check("only quotation marks: no quote", not [q for q in found if q["doc"] == "only_marks"])
    random.seed(7)
    with open("unbalanced.txt", "w") as f:
        f.write("Unbalanced\n\n" + "".join(random.choice(["“", "”", '"', "word ", "said Ana Lima. "]) for _ in range(250_000)))
    marks = sum(open("unbalanced.txt").read().count(m) for m in "“”\"")
    check("100k unbalanced marks: the input has them", marks >= 100_000, marks)
    found, _ = row("100k unbalanced marks", ["unbalanced.txt"], 0)
    unbalanced = [q for q in found if q["doc"] == "unbalanced"]
    check("100k unbalanced marks: quotes found, offsets right", unbalanced and offsets_right("unbalanced.txt", unbalanced))
    found, _ = row("deeply nested quotes", [inp("nested.txt")], 0)
    check("deeply nested quotes: offsets right", offsets_right(inp("nested.txt"), [q for q in found if q["doc"] == "nested"]))
    found, _ = row("Unicode spaces and dashes", [inp("spaces.txt")], 0)
    spaces = [q for q in found if q["doc"] == "spaces"]
    check("Unicode spaces and dashes: quote attributed", len(spaces) == 1 and spaces[0]["speaker"] == "Ana Lima", spaces)
    check("Unicode spaces and dashes: offsets right", offsets_right(inp("spaces.txt"), spaces))
    for name in ("crlf", "cr", "bom"):
        found, _ = row(f"{name} input", [inp(name + ".txt")], 0)
        mine = [q for q in found if q["doc"] == name]
        check(f"{name}: quotes found and attributed", len(mine) == (1 if name == "bom" else 2) and
              all(q["speaker"] == "Ana Lima" for q in mine), mine)
        check(f"{name}: offsets right", offsets_right(inp(name + ".txt"), mine))

    # A pathological rule: nested quantifiers that backtrack exponentially on a run of words
    # with no digit. The match limit bounds each attempt, so the run stays linear.
    rules = run("--print-data", "rules.txt")[2].decode()
    with open("evil-rules.txt", "w") as f:
        f.write(rules + "\nmention evil person (?<name>(?:\\p{L}+\\h?)+\\d)\n")
    times = []
    for n in (500, 2000):  # the quote comes last: mentions are looked for up to it
        with open(f"crafted{n}.txt", "w") as f:
            f.write("Crafted\n\n" + " ".join(["Aaaa"] * n) + " “We will see,” said Ana Lima.\n")
        start = cpu_seconds()
        code, err, _ = run("--rules", "evil-rules.txt", f"crafted{n}.txt", "--jsonl", "evil.jsonl", timeout=600)
        times.append(cpu_seconds() - start)
        check(f"pathological rule, {n} words: finishes, reports the limit", code == 0 and "mention evil stopped at its match limit" in err, err)
    check(f"pathological rule: 4x the input takes at most 8x the time ({times[0]:.2f} s, {times[1]:.2f} s)",
          times[1] <= 8 * max(times[0], 0.05), times)

    # Deeply nested JSON (150,000 levels, a 300 KB line): parsed without recursion, so nothing
    # overflows the stack. A deep value in an unrelated field leaves the article readable; a line
    # that is nothing but nesting is reported with its line number.
    deep = "[" * 150_000 + "]" * 150_000
    with open("nested.jsonl", "w") as f:
        f.write(json.dumps({"id": "shallow", "text": "“We will see,” said Ana Lima."}) + "\n")
        f.write('{"id": "deep", "extra": ' + deep + ', "text": "“We will go,” said Ana Lima."}\n')
        f.write(deep + "\n")
    found, _ = row("deeply nested JSON", ["nested.jsonl"], 1, r"nested\.jsonl:3: not a JSON object")
    check("deeply nested JSON: the articles around it are read", {q["doc"] for q in found} >= {"shallow", "deep"}, found)
    with open("nested.jsonl", "rb") as f:
        code, err, _ = run("-", "--jsonl", "stdin.jsonl", "-q", stdin=f.read())
    check("deeply nested JSON on stdin: exit 1, line named", code == 1 and "<stdin>:3: not a JSON object" in err, (code, err))
    with open("nested.part", "w") as f:
        f.write('{"document": {"id": "x"}, "quotes": ' + deep + "}\n")
    code, err, _ = run("merge", "nested.part", "--jsonl", "merged.jsonl", "-q")
    check("deeply nested partial: merge reports the line", code == 1 and "nested.part:1: a quote that is not an object" in err, (code, err))

    # A lexicon line of 100,000 characters (the trie of titles recursed once per character and
    # overflowed the stack) and macros that double 40 times (2^40 bytes): rejected at load,
    # naming the file and line, in a moment and a few MB.
    os.mkdir("lexicons")
    with open("lexicons/titles.txt", "w") as f:
        f.write(run("--print-data", "titles.txt")[2].decode() + "x" * 100_000 + "\n")
    titles_line = open("lexicons/titles.txt").read().count("\n")
    code, err, _ = run(inp("good.txt"), "--lexicon-dir", "lexicons", "--jsonl", "lex.jsonl")
    check("100,000-character lexicon line: exit 2, file and line named",
          code == 2 and f"titles.txt:{titles_line}: a line of 100000 bytes" in err, (code, err))
    with open("lexicons/titles.txt", "w") as f:  # a long entry below the limit is read
        f.write(run("--print-data", "titles.txt")[2].decode() + "x" * 4000 + "\n")
    code, err, _ = run(inp("good.txt"), "--lexicon-dir", "lexicons", "--jsonl", "lex.jsonl")
    check("4,000-character title: read", code == 0 and good_is_complete("lex.jsonl"), (code, err))
    with open("doubling-rules.txt", "w") as f:
        f.write(rules + "\ndefine L0 (?:ab)\n" + "".join(f"define L{i} {{L{i - 1}}}{{L{i - 1}}}\n" for i in range(1, 41)))
    doubling_line = rules.count("\n") + 1 + 18
    code, err, _ = run(inp("good.txt"), "--rules", "doubling-rules.txt", "--jsonl", "lex.jsonl", timeout=20)
    check("doubling macros: exit 2, file and line named",
          code == 2 and f"doubling-rules.txt:{doubling_line}: the pattern expands to more than 1 MiB" in err, (code, err))

    # A macro that names itself, or one defined after it: macros expand where they are defined,
    # from those above, so no expansion recurses; a chain of 20,000 single macros hits the cap.
    for extra, line_no, message in (("define SELF {SELF}\n", 1, "unknown macro {SELF}"),
                                    ("define AA {BB}\ndefine BB {AA}\n", 1, "unknown macro {BB}"),
                                    ("define M0 ab\n" + "".join(f"define M{i} {{M{i - 1}}}{{M0}}\n" for i in range(1, 20_001)),
                                     None, "the macros defined up to here hold more than 16 MiB")):
        with open("macro-rules.txt", "w") as f:
            f.write(rules + extra)
        start = time.monotonic()
        code, err, _ = run(inp("good.txt"), "--rules", "macro-rules.txt", "--jsonl", "lex.jsonl", timeout=20)
        where = str(rules.count("\n") + line_no) if line_no else r"\d+"
        check(f"rule file: {message}: exit 2 in a moment, file and line named", code == 2 and
              re.search(r"macro-rules\.txt:" + where + ": " + re.escape(message), err) and time.monotonic() - start < 10,
              (code, err))

    # A run that reads no document (a mistyped input, a partial that is not there) writes
    # nothing: the previous outputs stay as they were.
    os.mkdir("kept")
    code, err, _ = run(inp("good.txt"), "-o", "kept", "-q")
    before = {name: open(os.path.join("kept", name), "rb").read() for name in os.listdir("kept")}
    for args, what in ((["samplez", "-o", "kept"], "mistyped input"), (["merge", "nosuch.part", "-o", "kept"], "merge of a missing partial"),
                       (["samplez", "--partial", "kept/p.part"], "mistyped input, partial")):
        code, err, _ = run(*args)
        after = {name: open(os.path.join("kept", name), "rb").read() for name in os.listdir("kept")}
        check(f"{what}: exit 1, says nothing was read, previous outputs untouched",
              code == 1 and "no document read: no output written" in err and after == before and len(before) == 7,
              (code, err, sorted(after)))

    # Outputs that cannot be written as asked are usage errors, found before any work.
    with open("a.jsonl", "w") as f:
        f.write(json.dumps({"id": "a", "text": "“We will see,” said Ana Lima."}) + "\n")
    a_before = open("a.jsonl").read()
    for args, message in ((["--jsonl", "X", "--graphml", "X"], "--jsonl and --graphml both write 'X'"),
                          (["--jsonl", "kept/../X", "--partial", "./X"], "--jsonl and --partial both write './X'"),
                          (["--jsonl", "a.jsonl"], "--jsonl 'a.jsonl' is also an input"),
                          (["--jsonl", "nodir/q.jsonl"], "--jsonl 'nodir/q.jsonl': no such directory 'nodir'"),
                          (["--graphml", "kept"], "--graphml 'kept' is a directory"),
                          (["-o", "kept", "--turtle", "kept/quotes.jsonl"], "--jsonl and --turtle both write")):
        start = time.monotonic()
        code, err, _ = run("a.jsonl", "big.jsonl", *args)
        check(f"output {' '.join(args)}: exit 2 before any work, message", code == 2 and message in err and
              time.monotonic() - start < 5 and not os.path.exists("X"), (code, err))
    check("an input given as an output is left as it was", open("a.jsonl").read() == a_before)
    os.mkdir("readonly", 0o555)
    # Root may write anywhere but on a file system mounted read-only.
    mounted = os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", "readonly"],
                                                   capture_output=True).returncode == 0
    try:
        if os.geteuid() != 0 or mounted:
            code, err, _ = run("a.jsonl", "--jsonl", "readonly/q.jsonl")
            check("unwritable output directory: exit 2", code == 2 and "cannot write in directory 'readonly'" in err, (code, err))
        else:
            print("skip: unwritable output directory (root, and no read-only tmpfs could be mounted)")
    finally:
        if mounted:
            subprocess.run(["umount", "readonly"])

    # SIGINT, SIGTERM, SIGHUP during a run remove its temporary files, at any moment: while the
    # partial streams, while the graph's formats are written side by side (RDF in parts).
    os.mkdir("signalled")
    with open("manydocs.jsonl", "w") as f:
        for i in range(60_000):
            f.write(json.dumps({"id": f"d{i}", "text": f"“We will keep bridge {i} open all winter,” said Mayor Ana Lima{i % 500}."}) + "\n")
    for n, signal_name in enumerate(("SIGINT", "SIGTERM", "SIGHUP") * 3):
        p = subprocess.Popen([Q, "manydocs.jsonl", "--partial", "signalled/p.part", "-o", "signalled", "-q", "--threads", "2"],
                             stderr=subprocess.DEVNULL)
        delay = 0.2 + n * 0.35
        time.sleep(delay)
        p.send_signal(getattr(signal, signal_name))
        code = p.wait(timeout=120)
        check(f"{signal_name} after {delay:.2f} s: ended by it (or done before it), no temporary file left",
              code in (0, -getattr(signal, signal_name)) and not [f for f in os.listdir("signalled") if ".tmp-" in f],
              (code, os.listdir("signalled")))
        for name in os.listdir("signalled"):
            os.remove(os.path.join("signalled", name))

    # Fields copied onto every quote are capped (a 5 MB id made 16 GB of outputs): reported,
    # cut, and two long ids that share their beginning stay two documents.
    with open("amplified.jsonl", "w") as f:
        for tail in ("a", "b"):
            f.write(json.dumps({"id": "x" * 5_000_000 + tail, "title": "T" * 5_000_000, "url": "http://" + "u" * 10_000,
                                "source": "s" * 1000, "text": "“We will see,” said Ana Lima. " * 20}) + "\n")
    found, err = row("5 MB id and title", ["amplified.jsonl", "-o", "amplified"], 1, r"amplified\.jsonl:1: id of 5000001 bytes cut to 256")
    for message in ("title of 5000000 bytes cut to 1000", "url of 10007 bytes cut to 4096", "source of 1000 bytes cut to 256"):
        check(f"5 MB fields: {message}", message in err, err)
    size = sum(os.path.getsize(os.path.join("amplified", name)) for name in os.listdir("amplified"))
    size += os.path.getsize("q.jsonl")
    check(f"5 MB fields: outputs stay linear in the quotes ({size} bytes for 41)", size < 2_000_000, size)
    check("5 MB ids: two documents", len({q["doc"] for q in found if q["doc"] != "good"}) == 2, found[:1])
    record = json.loads(subprocess.run([Q, inp("good.txt"), "--partial", "-"], capture_output=True).stdout)
    record["document"].update(id="x" * 5_000_000, title="T" * 3_000_000)
    with open("amplified.part", "w") as f:
        f.write(json.dumps(record) + "\n")
    code, err, _ = run("merge", "amplified.part", "-o", "amplified-merge")
    size = sum(os.path.getsize(os.path.join("amplified-merge", name)) for name in os.listdir("amplified-merge"))
    check(f"5 MB id in a partial: merge cuts it too ({size} bytes of outputs)", code == 1 and
          "amplified.part:1: id of 5000000 bytes cut to 256" in err and size < 200_000, (code, err, size))

    # One long line of title words or honorifics before a quote: each word start was matched
    # to the end of the line (time grew with its square: 20,000 "minister " took 11.7 s). Now
    # linear, with a warning where the long-mention budget cut the scan.
    for word, cue in (("minister ", "said: “We will see.”"), ("Mr ", "said: “We will see.”"),
                      ("Aaron Blake Carter Dunn Ellis Foster Grant Hayes ", "“We will see,” said Ana Lima.")):
        times = []
        for n in (100_000, 400_000):
            with open("hostile-line.txt", "w") as f:
                f.write("Hostile line\n\n" + word * (n // len(word)) + cue + "\n")
            start = cpu_seconds()
            code, err, _ = run("hostile-line.txt", "--jsonl", "hostile.jsonl", "--threads", "1", timeout=120)
            times.append(cpu_seconds() - start)
            # Capitalised names end at a pattern's match limit before the budget is spent on 100 KB.
            check(f"a line of {n} bytes of '{word.strip()}': exit 0, the cut reported",
                  code == 0 and ("hostile-line: mention scan cut" in err or (word.startswith("Aaron") and n < 400_000)) and
                  (not word.startswith("Aaron") or [q["speaker"] for q in quotes("hostile.jsonl")] == ["Ana Lima"]),
                  (code, err, quotes("hostile.jsonl")))
        check(f"a line of '{word.strip()}': 4x the input takes at most 6x the time ({times[0]:.2f} s, {times[1]:.2f} s)",
              times[1] <= 6 * max(times[0], 0.1), times)

    # Sentences that each open with a new name ("Neither Zed17 spoke."): every name was compared
    # with every person before it and searched for in the whole text (time grew with the square
    # of the number of names: 8.5 s for 1 MB). Now bounded: the reach back over persons and the
    # text searches have a budget per document.
    times = []
    for n in (100_000, 400_000):
        openers = ("Neither", "Celebrating", "Following", "Trailing")
        with open("many-names.txt", "w") as f:
            f.write("Many names\n\nGary Zed1 came. " +
                    "".join(f"{openers[i % 4]} Zed{i} spoke. " for i in range(n // 20)) + "“We go,” said Zed5.\n")
        start = cpu_seconds()
        code, err, _ = run("many-names.txt", "--jsonl", "many.jsonl", "--threads", "1", timeout=120)
        times.append(cpu_seconds() - start)
        check(f"{n // 20} sentences opening with a new name: exit 0, the quote attributed",
              code == 0 and len(quotes("many.jsonl")) == 1 and quotes("many.jsonl")[0]["speaker"], (code, err))
    check(f"sentences opening with new names: 4x the input takes at most 6x the time ({times[0]:.2f} s, {times[1]:.2f} s)",
          times[1] <= 6 * max(times[0], 0.1), times)

    # A directory walk reports what it cannot read: broken and looping symbolic links to
    # articles, subdirectories without permission (only testable when not root).
    os.makedirs("walked/a")
    shutil.copy(inp("good.txt"), "walked/a/walked.txt")
    os.symlink("nowhere.txt", "walked/broken.txt")
    os.symlink("loop.txt", "walked/loop.txt")
    row("broken symbolic link", ["walked"], 1, r"walked/broken\.txt: broken symbolic link: No such file or directory")
    row("looping symbolic link", ["walked"], 1, r"walked/loop\.txt: broken symbolic link: Too many levels of symbolic links")
    os.makedirs("walked/secret")
    os.chmod("walked/secret", 0)
    if os.geteuid() != 0:
        row("unreadable subdirectory", ["walked"], 1, r"walked/secret: cannot read directory: Permission denied")
    elif shutil.which("setpriv"):
        # Root reads every directory: the walk runs as nobody, over a copy it may read.
        os.chmod(work, 0o755)
        os.makedirs("open", mode=0o777)
        os.chmod("open", 0o777)
        out = os.path.join(work, "open", "q.jsonl")
        p = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", Q, "walked", "--jsonl", out, "-q"],
                           capture_output=True, timeout=120)
        err = p.stderr.decode("utf-8", "replace")
        check("unreadable subdirectory (as nobody): exit 1, errno named, the rest read",
              p.returncode == 1 and "walked/secret: cannot read directory: Permission denied" in err and
              [q["doc"] for q in quotes(out)] == ["a/walked"], (p.returncode, err))
    else:
        print("skip: unreadable subdirectory (root, and no setpriv to drop to nobody)")
    os.chmod("walked/secret", 0o755)

    # Symbolic links to directories: one to a directory outside the walk is followed, once (two
    # links to it read it once); one to a directory inside the walk is not (its files are read
    # under their own path); one to an enclosing directory would loop, and a link to itself is
    # a loop whatever its name: both reported.
    os.makedirs("linked/a")
    os.makedirs("outside/sub")
    shutil.copy(inp("good.txt"), "linked/a/linked.txt")
    shutil.copy(inp("good.txt"), "outside/sub/far.txt")
    os.symlink("../outside", "linked/ext")
    os.symlink("../outside", "linked/ext2")
    os.symlink("a", "linked/inner")
    found, _ = row("symbolic links to directories", ["linked"], 0)
    check("symbolic links to directories: outside followed once, inside not followed",
          sorted(q["doc"] for q in found if q["doc"] != "good") == ["a/linked", "ext/sub/far"], found)
    os.symlink("../outside/sub", "linked/b-sub")  # walked before ext, which holds it: read once, as b-sub/far
    found, _ = row("symbolic links to a directory and to one inside it", ["linked"], 0)
    check("symbolic links to a directory and to one inside it: each file read once",
          sorted(q["doc"] for q in found if q["doc"] != "good") == ["a/linked", "b-sub/far"], found)
    os.remove("linked/b-sub")
    os.symlink("..", "linked/a/up")
    row("symbolic link to an enclosing directory", ["linked"], 1,
        r"linked/a/up: symbolic link to an enclosing directory \(.*\) not followed: Too many levels of symbolic links")
    os.remove("linked/a/up")
    os.symlink("selfloop", "linked/selfloop")
    row("looping symbolic link without an extension", ["linked"], 1,
        r"linked/selfloop: broken symbolic link: Too many levels of symbolic links")
    os.remove("linked/selfloop")

    # An output directory inside the input directory: the run's own outputs are not read back
    # as articles (a note, status 0), nor is an earlier run's quotes JSONL under another name
    # (reported once, status 1). The outputs stay what one run over the articles writes.
    os.makedirs("inside/articles")
    shutil.copy(inp("good.txt"), "inside/articles/good.txt")
    for attempt in (1, 2):
        code, err, _ = run("inside", "-o", "inside/out")
        docs = [q["doc"] for q in quotes("inside/out/quotes.jsonl")]
        check(f"output directory inside the input, run {attempt}: status 0, only the article read",
              code == 0 and docs == ["articles/good"] and
              (attempt == 1 or "inside/out/quotes.jsonl: an output of this run: not read as input" in err), (code, err, docs))
    code, err, _ = run("inside", "--jsonl", "inside/again.jsonl")
    docs = [q["doc"] for q in quotes("inside/again.jsonl")]
    check("an earlier run's quotes JSONL in the input: reported once, skipped, status 1",
          code == 1 and docs == ["articles/good"] and err.count("not articles: file skipped") == 1 and
          "inside/out/quotes.jsonl:1: quotes written by quotegraph (--jsonl), not articles: file skipped" in err, (code, err, docs))
    code, err, _ = run(inp("good.txt"), "--partial", "p.jsonl")
    code, err, _ = run("p.jsonl", "--jsonl", "from-partial.jsonl")
    check("a partial named .jsonl given as articles: said once, skipped, status 1",
          code == 1 and err.count("quotegraph: p.jsonl") == 1 and "p.jsonl:1: a partial result written by quotegraph" in err,
          (code, err))

    # --lexicon-dir that is missing, a file, or holds a misnamed file: exit 2 with the reason.
    os.mkdir("misnamed")
    with open("misnamed/title.txt", "w") as f:
        f.write("harbour master\n")
    for directory, message in (("nolexicons", "nolexicons: no such directory (--lexicon-dir)"),
                               (inp("good.txt"), "good.txt: not a directory"),
                               ("misnamed", "misnamed/title.txt: not a lexicon file (they are speech_verbs.txt, titles.txt")):
        code, err, _ = run(inp("good.txt"), "--lexicon-dir", directory, "--jsonl", "lex.jsonl")
        check(f"--lexicon-dir {os.path.basename(directory)}: exit 2, reason", code == 2 and message in err, (code, err))
    # A lexicon error names the user's file, and a pattern too large names the lexicon in it.
    os.mkdir("grown")
    with open("grown/titles.txt", "w") as f:
        random.seed(3)
        f.write(run("--print-data", "titles.txt")[2].decode() +
                "".join("".join(random.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(10)) + "\n" for _ in range(6000)))
    code, err, _ = run(inp("good.txt"), "--lexicon-dir", "grown", "--jsonl", "lex.jsonl")
    check("a grown titles.txt: the too-large pattern names the lexicon", code == 2 and "regular expression is too large" in err
          and "the pattern holds the lexicon titles.txt (6" in err, (code, err))
    with open("grown/titles.txt", "w") as f:
        f.write("mayor\n")
    with open("grown/countries.tsv", "w") as f:
        f.write("Estonia\n")
    code, err, _ = run(inp("good.txt"), "--lexicon-dir", "grown", "--jsonl", "lex.jsonl")
    check("a bad lexicon line names the user's file", code == 2 and "grown/countries.tsv:1: expected form<TAB>country" in err, (code, err))

    # JSONL: a byte order mark on the first line is dropped; lone-CR lines and UTF-16 are named.
    with open("bom.jsonl", "wb") as f:
        f.write(b"\xef\xbb\xbf" + json.dumps({"id": "bomj", "text": "“We will see,” said Ana Lima."}).encode() + b"\n")
    found, _ = row("BOM on the first JSONL line", ["bom.jsonl"], 0)
    check("BOM on the first JSONL line: the article is read", "bomj" in {q["doc"] for q in found}, found)
    # A number too big for a double in a field nobody reads costs nothing; the article is read.
    with open("bignum.jsonl", "w") as f:
        f.write('{"id": "big", "views": 1e400, "rank": -' + "9" * 400 + ', "text": "“We will see,” said Ana Lima."}\n')
        f.write('{"id": "wrong", "text": 42}\n')
    found, _ = row("a number too big for a double in another field", ["bignum.jsonl"], 1, r"bignum\.jsonl:2: text field is not a string")
    check("a number too big for a double: the article is read", "big" in {q["doc"] for q in found}, found)
    with open("cr.jsonl", "wb") as f:
        f.write(b"".join(json.dumps({"id": f"cr{i}", "text": "x"}).encode() + b"\r" for i in range(3)))
    row("lone-CR JSONL", ["cr.jsonl"], 1, r"cr\.jsonl:1: byte \d+: not valid JSON: .*the lines end in a lone CR: convert them to LF")
    for name, data in (("utf16.txt", "Title\n\n“We will see,” said Ana Lima.\n".encode("utf-16")),
                       ("utf16.jsonl", (json.dumps({"id": "u", "text": "x"}) + "\n").encode("utf-16"))):
        with open(name, "wb") as f:
            f.write(data)
        row(f"UTF-16 {name}", [name], 1, re.escape(name) + r": UTF-16 text: convert it to UTF-8")

    # merge validates partials like any input: invalid UTF-8 and numbers out of range are
    # reported with their line, never written as invalid JSON.
    code, err, _ = run(inp("good.txt"), "--partial", "good.part")
    good_part = open("good.part", "rb").read()
    with open("hostile.part", "wb") as f:
        f.write(good_part.replace(b'"Ana Lima"', b'"Ana \xff Lima"') +
                good_part.replace(b'"good"', b'"g2"').replace(b'"confidence":0.95', b'"confidence":70') +
                good_part.replace(b'"good"', b'"g3"').replace(b'"start":', b'"start":9') + good_part.replace(b'"good"', b'"g4"'))
    code, err, _ = run("merge", "hostile.part", "--jsonl", "merged.jsonl")
    check("hostile partial: exit 1, each bad line named", code == 1 and "hostile.part:1: not JSON: Invalid encoding" in err and
          "hostile.part:2: a quote's confidence is not a number from 0 to 1" in err and
          "hostile.part:3: a quote's span ends before it begins" in err, (code, err))
    merged = quotes("merged.jsonl")
    check("hostile partial: the good line is merged, the output is valid", [q["doc"] for q in merged] == ["g4"], merged)

    # What a careless user expects of a command-line tool.
    code, err, out = run("-V")
    check("-V prints the version", code == 0 and out.startswith(b"quotegraph "), (code, out))
    code, err, _ = run(inp("good.txt"), "--jsonl=equals.jsonl", "-q")
    check("--jsonl=FILE", code == 0 and good_is_complete("equals.jsonl"), (code, err))
    shutil.copy(inp("good.txt"), "-dash.txt")
    code, err, _ = run("--jsonl", "dash.jsonl", "-q", "--", "-dash.txt")
    check("-- ends the options", code == 0 and [q["doc"] for q in quotes("dash.jsonl")] == ["-dash"], (code, err))
    code, err, _ = run(inp("good.txt"), "--jsnl", "x.jsonl")
    check("a mistyped option suggests the nearest", code == 2 and "unknown option '--jsnl' (did you mean --jsonl?)" in err, (code, err))
    with open(inp("good.txt"), "rb") as f:
        code, err, _ = run("-", "--jsonl", "stdin-text.jsonl", stdin=f.read())
    check("a .txt on stdin: one hint, not one message per line", code == 1 and err.count("quotegraph: <stdin>") == 1 and
          "give a .txt file by its path instead" in err, (code, err))
    code, err, _ = run(inp("good.txt"), "--jsonl", "as-partial.jsonl", "-q")
    with open("as-partial.jsonl", "a") as f:
        f.write(open("as-partial.jsonl").read())
    code, err, _ = run("merge", "as-partial.jsonl", "--jsonl", "merged2.jsonl")
    check("merge given quotes JSONL says so once", code == 1 and err.count("not a partial result") == 1, (code, err))

    # A lexicon or rule file that is not UTF-8 (saved as Latin-1): refused as FILE:LINE. The
    # patterns were compiled as if valid, and PCRE2 crashed (found by tests/fuzz/fuzz_rules).
    os.mkdir("latin1-lexicons")
    with open("latin1-lexicons/speech_verbs.txt", "wb") as f:
        f.write(run("--print-data", "speech_verbs.txt")[2] + "d\xe9clarer d\xe9clare\n".encode("latin-1"))
    verbs_line = open("latin1-lexicons/speech_verbs.txt", "rb").read().count(b"\n")
    code, err, _ = run(inp("good.txt"), "--lexicon-dir", "latin1-lexicons", "--jsonl", "lex.jsonl")
    check("Latin-1 lexicon: exit 2, file and line", code == 2 and
          f"latin1-lexicons/speech_verbs.txt:{verbs_line}: byte 2: invalid UTF-8" in err, (code, err))
    with open("latin1-rules.txt", "wb") as f:
        f.write(rules.encode() + "define CAF\xc9 caf\xe9\n".encode("latin-1"))
    code, err, _ = run(inp("good.txt"), "--rules", "latin1-rules.txt", "--jsonl", "lex.jsonl")
    check("Latin-1 rule file: exit 2, file and line", code == 2 and
          f"latin1-rules.txt:{rules.count(chr(10)) + 1}: byte 11: invalid UTF-8" in err, (code, err))

    # On a terminal, the progress line goes on after extraction: resolving, writing, each output.
    import pty
    master, slave = pty.openpty()
    # Long enough (one thread, 180,000 articles) for the line to be drawn during extraction
    # on an idle machine too, where 60,000 on two threads took less than its first half second.
    with open("progressdocs.jsonl", "w") as f:
        for i in range(180_000):
            f.write(json.dumps({"id": f"d{i}", "text": f"“We will keep bridge {i} open all winter,” said Mayor Ana Lima{i % 500}."}) + "\n")
    p = subprocess.Popen([Q, "progressdocs.jsonl", "-o", "progress", "--threads", "1"], stderr=slave, stdout=subprocess.DEVNULL)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    p.wait(timeout=300)
    for stage in (b"resolving people, organisations and statements across 180000 documents", b"writing outputs, GraphML written",
                  b"writing outputs, N-Triples written"):
        check(f"progress on a terminal shows '{stage.decode()}'", stage in shown, shown[-600:])
    # The line covers the run: the share done and the time left, during and after extraction.
    for pattern in (rb"\r(?:\x1b\[K)?quotegraph: \d+%, \d+ documents, .* quotes, about \d+ s left",
                    rb"\rquotegraph: \d+%, (resolving|writing outputs)[^\r]*, about \d+ s left"):
        check(f"progress on a terminal matches {pattern.decode()}", re.search(pattern, shown) is not None, shown[-600:])
    shares = [int(m) for m in re.findall(rb"\rquotegraph: (\d+)%", shown)]
    check("progress: the share never goes back", shares and shares == sorted(shares), shares)

    # Full disk: /dev/full, and a real file system with no room left.
    code, err, _ = run(inp("good.txt"), "--jsonl", "/dev/full")
    check("/dev/full: exit 2 with the reason", code == 2 and "No space left on device" in err, err)
    os.mkdir("tiny")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", "tiny"], capture_output=True).returncode == 0:
        try:
            with open("tiny/q.jsonl", "w") as f:
                f.write("previous\n")
            with open("many.jsonl", "w") as f:
                for i in range(2000):
                    f.write(json.dumps({"id": f"d{i}", "text": "“We will keep the bridge open all winter,” said Mayor Ana Lima."}) + "\n")
            code, err, _ = run("many.jsonl", "--jsonl", "tiny/q.jsonl")
            check("full file system: exit 2 with the reason", code == 2 and "No space left on device" in err, err)
            check("full file system: previous file untouched", open("tiny/q.jsonl").read() == "previous\n")
            check("full file system: no temporary file left", os.listdir("tiny") == ["q.jsonl"], os.listdir("tiny"))
        finally:
            subprocess.run(["umount", "tiny"])
    else:
        print("skip: cannot mount a tmpfs here (not root); /dev/full covers the full disk")

    # A closed pipe: the reader has what it wanted; quotegraph stops quietly with status 0.
    shell = subprocess.run(f"'{Q}' '{inp('good.txt')}' big.jsonl --jsonl - | head -c 100 > /dev/null; echo ${{PIPESTATUS[0]}}",
                           shell=True, executable="/bin/bash", capture_output=True, timeout=300)
    check("closed pipe (--jsonl - | head): status 0, no error", shell.stdout.strip() == b"0" and b"failed" not in shell.stderr, shell)
    shell = subprocess.run(f"'{Q}' big.jsonl '{inp('good.txt')}' --partial - | head -c 100 > /dev/null; echo ${{PIPESTATUS[0]}}",
                           shell=True, executable="/bin/bash", capture_output=True, timeout=300)
    check("closed pipe (--partial - | head): status 0, no error", shell.stdout.strip() == b"0" and b"failed" not in shell.stderr, shell)

    # Invalid options and unreadable rule files: a usage message naming the problem, status 2.
    for args, message in ((["--bogus"], "unknown option '--bogus'"), (["--threads", "0"], "--threads must be"),
                          (["--min-confidence", "x"], "--min-confidence must be"), (["--jsonl"], "--jsonl needs a value"),
                          (["--rules", "/nonexistent/rules.txt"], "/nonexistent/rules.txt: cannot read rule file"),
                          (["--rules", inp("bad.jsonl")], "bad.jsonl:1:"), (["--base", "http://x"], "--base must end")):
        code, err, _ = run(inp("good.txt"), "--partial", "p.part", *args)
        check(f"usage {' '.join(args)}: status 2, message", code == 2 and message in err, (code, err))
finally:
    os.chdir("/")
    shutil.rmtree(work, ignore_errors=True)

print(f"bad: {len(failures)} failed")
sys.exit(1 if failures else 0)
