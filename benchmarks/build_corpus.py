"""Time ``kg build`` on a corpus and report peak memory, and how time grows with input size.

    python benchmarks/build_corpus.py [CORPUS_DIR] [--repeat 3] [--scale 1,2,4]

Each measurement runs the build in a fresh Python process (``python -m kg build``), so
start-up and imports count as a user would feel them, and peak memory is the child's
maximum resident set size. For the growth series the corpus is copied 1, 2, 4 ... times
into a temporary folder (each copy with one changed byte, so every copy is a distinct
document) and built again.

Prints a Markdown table; the README quotes it.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def run_build(corpus: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of one ``kg build`` in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak_kib, before) / 1024


def replicate(corpus: Path, copies: int, target: Path) -> int:
    """``copies`` distinct copies of every file of ``corpus`` in ``target``; total bytes."""
    total = 0
    for copy in range(copies):
        for source in sorted(p for p in corpus.iterdir() if p.is_file()):
            data = source.read_bytes() + f"\n{copy}\n".encode()
            (target / f"{copy:03d}_{source.name}").write_bytes(data)
            total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", default="1,2,4", help="corpus copies for the growth series")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"benchmark: no corpus folder at {args.corpus}; pass one as the first argument")

    print(f"corpus: {args.corpus} (Python {sys.version.split()[0]}, {args.repeat} runs each)\n")
    print("| copies | input MB | wall s (median) | wall s (min) | s per MB | peak RSS MiB |")
    print("| --- | --- | --- | --- | --- | --- |")
    for copies in (int(x) for x in args.scale.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            size = replicate(args.corpus, copies, corpus)
            times, peaks = [], []
            for _ in range(args.repeat):
                out = Path(tmp) / "out"
                seconds, peak = run_build(corpus, out)
                shutil.rmtree(out, ignore_errors=True)
                times.append(seconds)
                peaks.append(peak)
        megabytes = size / 1e6
        median = statistics.median(times)
        print(
            f"| {copies} | {megabytes:.1f} | {median:.2f} | {min(times):.2f} "
            f"| {median / megabytes:.2f} | {max(peaks):.0f} |"
        )


if __name__ == "__main__":
    main()
