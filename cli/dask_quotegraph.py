#!/usr/bin/python3
"""Runs quotegraph over a JSONL corpus on a Dask cluster and merges the partial results.

Each partition of the corpus (lines of JSONL articles) is piped through `quotegraph - --partial -`
on a worker: quotegraph is a streaming filter, articles in, one partial-result line per article
out. The partials are gathered and joined by `quotegraph merge`, which writes exactly what one
run over the whole corpus would write (merge is associative and commutative).

    /usr/bin/python3 cli/dask_quotegraph.py --local 2 corpus.jsonl out/
    /usr/bin/python3 cli/dask_quotegraph.py --scheduler tcp://10.0.0.5:8786 corpus.jsonl out/

With --local N it starts (and stops) a LocalCluster of N worker processes bound to 127.0.0.1.
On a real cluster the corpus path must be readable by the workers (shared storage) and
--quotegraph must name the binary on them. Needs Debian's python3-distributed (/usr/bin/python3).
"""
import argparse
import os
import subprocess
import sys
import tempfile

import dask.bag as db
from dask.utils import parse_bytes
from distributed import Client, LocalCluster


def extract_partition(lines, quotegraph, extra_args):
    """Pipes one partition's articles through quotegraph; returns its partial-result lines."""
    articles = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    run = subprocess.run([quotegraph, "-", "--partial", "-", "--quiet", "--threads", "1", *extra_args],
                         input=articles.encode("utf-8"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Status 1 = some articles had problems (reported on stderr, the rest extracted).
    if run.returncode not in (0, 1):
        raise RuntimeError(f"quotegraph failed ({run.returncode}): {run.stderr.decode(errors='replace')}")
    for message in run.stderr.decode(errors="replace").splitlines():
        print(message, file=sys.stderr)
    return run.stdout.decode("utf-8").splitlines()


def attach_merge_args(argv):
    """`--merge-args --co-quotation` as its help suggests: argparse would take the value for an
    option of its own, so a value starting with '-' is attached (--merge-args=--co-quotation)."""
    out = []
    i = 0
    while i < len(argv):
        if argv[i] == "--merge-args" and i + 1 < len(argv):
            out.append("--merge-args=" + argv[i + 1])
            i += 2
            continue
        out.append(argv[i])
        i += 1
    return out


def partition_bytes(corpus_bytes, wanted, workers):
    """The block size: as asked, but small enough that every worker gets two partitions (a
    small corpus in 8 MB blocks was one partition, and one worker did all the work)."""
    return max(64 * 1024, min(wanted, corpus_bytes // (2 * workers)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--local", type=int, metavar="N", help="start a LocalCluster of N workers on 127.0.0.1")
    where.add_argument("--scheduler", metavar="ADDRESS", help="connect to a running Dask scheduler")
    parser.add_argument("--quotegraph", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                                            "build", "quotegraph"), help="the quotegraph binary")
    parser.add_argument("--blocksize", default="8MB",
                        help="bytes of corpus per partition (default 8MB; smaller when the corpus would not "
                             "give every worker two partitions)")
    parser.add_argument("--merge-args", default="", help="extra options for `quotegraph merge`, e.g. --co-quotation")
    parser.add_argument("corpus", help="JSONL articles, one per line")
    parser.add_argument("output_dir", help="where quotes.jsonl, graph.graphml, graph.gexf, graph.ttl, graph.nt go")
    args = parser.parse_args(attach_merge_args(sys.argv[1:]))
    quotegraph = os.path.abspath(args.quotegraph)

    cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, host="127.0.0.1",
                           dashboard_address=None, processes=True) if args.local else None
    try:
        with Client(cluster or args.scheduler) as client:
            if args.local:
                client.wait_for_workers(args.local)  # all of them, before the partitions are sized
            workers = max(1, len(client.scheduler_info()["workers"]))
            blocksize = partition_bytes(os.path.getsize(args.corpus), parse_bytes(args.blocksize), workers)
            articles = db.read_text(os.path.abspath(args.corpus), blocksize=blocksize)
            partials = articles.map_partitions(extract_partition, quotegraph, []).compute()
            print(f"dask: {articles.npartitions} partitions on {len(client.scheduler_info()['workers'])} workers",
                  file=sys.stderr)
    finally:
        if cluster:
            cluster.close()
    os.makedirs(args.output_dir, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".part", delete=False, encoding="utf-8") as part:
        part.write("".join(line + "\n" for line in partials))
    try:
        merge = [quotegraph, "merge", part.name, "-o", args.output_dir, *args.merge_args.split()]
        return subprocess.run(merge).returncode
    finally:
        os.unlink(part.name)


if __name__ == "__main__":
    sys.exit(main())
