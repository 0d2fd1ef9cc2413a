#!/usr/bin/env bash
# Time on hostile lines (issue 28, item 2): one line of N bytes before a quotation, made of
#   - "minister " repeated (title words: a name pattern runs over them all, then fails at "said");
#   - capitalised words (names the pattern keeps extending);
#   - "Mr " repeated (honorifics);
# at 0.1, 0.5 and 1 MB (or the sizes given, in MB), one thread. Prints seconds per size (wall
# and CPU) and the ratio of the largest CPU time to the smallest against the ratio of their
# sizes: linear time keeps the two close (quadratic would square it). Usage: bench/adversarial.sh [MB...]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${QUOTEGRAPH:-build/quotegraph}
[ -x "$bin" ] || { echo "build first: cmake --build build --target quotegraph" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(0.1 0.5 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$work" "${sizes[@]}" <<'PY'
import sys
work, sizes = sys.argv[1], sys.argv[2:]
words = ["Aaron", "Blake", "Carter", "Dunn", "Ellis", "Foster", "Grant", "Hayes"]
for mb in sizes:
    n = int(float(mb) * 1_000_000)
    lines = {
        "minister": "minister " * (n // 9) + "said: “We will see.”",
        "capitalised": " ".join(words[i % 8] for i in range(n // 6)) + " “We will see,” said Ana Lima.",
        "honorific": "Mr " * (n // 3) + "said: “We will see.”",
    }
    for name, line in lines.items():
        with open(f"{work}/{name}-{mb}.txt", "w") as f:
            f.write("Hostile line\n\n" + line + "\n")
PY
# Each cell: wall seconds / CPU seconds (user + system) of the process. On a shared machine the
# CPU time is the steadier figure: the growth is computed from it.
printf '%-12s' line; for mb in "${sizes[@]}"; do printf '%16s' "${mb} MB"; done; printf '   CPU growth (size x%s)\n' \
  "$(/usr/bin/python3 -c "print(round(${sizes[-1]} / ${sizes[0]}, 1))")"
for name in minister capitalised honorific; do
  printf '%-12s' "$name"
  cpus=()
  for mb in "${sizes[@]}"; do
    read -r wall cpu < <(/usr/bin/python3 - "$bin" "$work/$name-$mb.txt" "$work/out.jsonl" <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
subprocess.run([sys.argv[1], sys.argv[2], "--jsonl", sys.argv[3], "--threads", "1", "-q"], stderr=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{time.monotonic() - start:.2f} {usage.ru_utime + usage.ru_stime:.2f}")
PY
)
    cpus+=("$cpu")
    printf '%16s' "${wall} / ${cpu} s"
  done
  printf '   x%s\n' "$(/usr/bin/python3 -c "print(round(${cpus[-1]} / max(${cpus[0]}, 0.01), 1))")"
done
