#!/usr/bin/env bash
# `cmake --install` and the exported CMake package: install the build into a temporary prefix,
# build tests/install/ (a project of its own that says find_package(quotegraph)) against it, and
# run it; also the installed binary's --version, which comes from the project's one version.
# Usage: install_test.sh BUILD_DIR PROJECT_DIR
set -uo pipefail
build=$1
project=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then echo "ok: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}
cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1
check "cmake --install succeeds" test $? -eq 0
version=$(sed -n 's/^project(quotegraph VERSION \([0-9.]*\).*/\1/p' "$project/CMakeLists.txt")
check "installed binary reports the project's version ($version)" \
  test "$("$work/prefix/bin/quotegraph" --version)" = "quotegraph $version"
check "public headers installed" test -f "$work/prefix/include/quotegraph/extractor.h" -a -f "$work/prefix/include/quotegraph/pipeline.h" -a -f "$work/prefix/include/quotegraph/version.h"
cmake -S "$project/tests/install" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_BUILD_TYPE=Release >"$work/configure.log" 2>&1
check "find_package(quotegraph) in another project" test $? -eq 0 || cat "$work/configure.log"
cmake --build "$work/consumer" >"$work/build.log" 2>&1
check "another project builds against the installed libraries" test $? -eq 0 || tail -20 "$work/build.log"
"$work/consumer/consumer" >"$work/quotes.jsonl"
check "it extracts and writes a quote (its headers' version is the package's)" /usr/bin/python3 -c "
import json, sys
q = [json.loads(l) for l in open(sys.argv[1])]
assert len(q) == 1 and q[0]['speaker'] == 'Ana Lima' and q[0]['text'] == 'We will stay,', q
" "$work/quotes.jsonl"
echo "install: $failures failed"
[ "$failures" -eq 0 ]
