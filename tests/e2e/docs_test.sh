#!/usr/bin/env bash
# Runs the examples of the README and docs/cli.md (every ```sh block, line by line, with the
# files they name made from samples/) and checks that docs/jsonl.md's example line is what
# quotegraph writes. docs/rules.md and docs/rdf.md are run by cli_test.sh, corpus_test.sh and
# virtuoso_test.sh; docs/performance.md's Dask command by dask_test.sh.
# Usage: docs_test.sh QUOTEGRAPH_BINARY PROJECT_DIR
set -uo pipefail
Q=$(realpath "$1")
project=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
mkdir -p bin build
ln -s "$Q" bin/quotegraph
ln -s "$Q" build/quotegraph
ln -s "$project/samples" samples
/usr/bin/python3 - "$project/samples" <<'PY'
import json, pathlib, sys
docs = [json.dumps({"id": f.stem, "text": f.read_text()}) + "\n" for f in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
for name in ("news.jsonl", "articles.jsonl"):
    open(name, "w").writelines(docs)
for i, name in enumerate(("part-1.jsonl", "part-2.jsonl")):
    open(name, "w").writelines(docs[i::2])
    open(name.replace("part", "shard"), "w").writelines(docs[i::2])
PY
for doc in "$project/README.md" "$project/docs/cli.md"; do
  /usr/bin/python3 -c "
import re, sys
for block in re.findall(r'\`\`\`sh\n(.*?)\`\`\`', open(sys.argv[1]).read(), re.S):
    for line in block.splitlines():
        line = line.split('  #')[0].strip()
        if line and not line.startswith('bash .ci/'):   # the README's two commands are CI itself
            print(line)" "$doc" > commands
  while IFS= read -r command; do
    if PATH="$work/bin:$PATH" bash -c "$command" >/dev/null 2>err; then
      echo "ok: $(basename "$doc"): $command"
    else
      echo "FAIL: $(basename "$doc"): $command"; cat err; failures=$((failures + 1))
    fi
  done < commands
done
"$Q" "$project/samples" -q --jsonl samples.jsonl
example=$(/usr/bin/python3 -c "
import re, sys
print(re.search(r'\`\`\`json\n(\{\"id\".*?)\n\`\`\`', open(sys.argv[1]).read(), re.S).group(1))" "$project/docs/jsonl.md")
if grep -qxF "$example" samples.jsonl; then echo "ok: jsonl.md example is a line quotegraph writes"
else echo "FAIL: jsonl.md example is not in quotegraph's output"; failures=$((failures + 1)); fi
echo "docs: $failures failed"
[ "$failures" -eq 0 ]
