"""Time ``kg build`` on a corpus and report peak memory, and how time grows with input size.

    python benchmarks/build_corpus.py [CORPUS_DIR] [--repeat 3] [--scale 1,2,4]

Each measurement runs the build in a fresh Python process (``python -m kg build``), so
start-up and imports count as a user would feel them. The build extracts documents in
worker processes forked from it, so its memory is that of the whole process tree: the
peak of the summed proportional set sizes (PSS: a page two processes share counts half
in each), sampled every 50 ms from ``/proc``. Where ``/proc`` has no PSS, the peak
resident set of the largest process is shown instead. For the growth series the corpus
is copied 1, 2, 4 ... times into a temporary folder (each copy with one changed byte, so
every copy is a distinct document) and built again.

Prints a Markdown table; the README quotes it.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SAMPLE_SECONDS = 0.05
RESCAN_EVERY = 5  # samples between two looks for new processes (scanning /proc costs)


def process_tree(root: int) -> list[int]:
    """``root`` and all its descendants, from the parent ids in ``/proc/*/stat``."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended meanwhile
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, frontier = [root], [root]
    while frontier:
        kids = children.get(frontier.pop(), [])
        found.extend(kids)
        frontier.extend(kids)
    return found


def pss_kib(pid: int) -> int:
    """Proportional set size of ``pid`` in KiB (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class TreeMemory:
    """Samples the summed PSS of a process tree in a thread; ``peak`` in KiB."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        pids: list[int] = []
        for count in range(sys.maxsize):
            if self._stop.wait(SAMPLE_SECONDS):
                return
            if count % RESCAN_EVERY == 0:
                pids = process_tree(self.root)
            self.peak = max(self.peak, sum(pss_kib(pid) for pid in pids))


def run_build(corpus: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB) of one ``kg build`` in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out)],
        stdout=subprocess.DEVNULL,
    )
    with TreeMemory(child.pid) as memory:
        if child.wait():
            raise subprocess.CalledProcessError(child.returncode, child.args)
    seconds = time.perf_counter() - start
    if memory.peak:
        return seconds, memory.peak / 1024
    largest_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(largest_kib, before) / 1024


def replicate(corpus: Path, copies: int, target: Path) -> int:
    """``copies`` distinct copies of every file of ``corpus`` in ``target``; total bytes."""
    total = 0
    for copy in range(copies):
        for source in sorted(p for p in corpus.iterdir() if p.is_file()):
            data = source.read_bytes() + f"\n{copy}\n".encode()
            (target / f"{copy:03d}_{source.name}").write_bytes(data)
            total += len(data)
    return total


def machine() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{platform.machine()}, {cores} cores, Python {sys.version.split()[0]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", default="1,2,4", help="corpus copies for the growth series")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"benchmark: no corpus folder at {args.corpus}; pass one as the first argument")

    print(f"corpus: {args.corpus} ({machine()}, {args.repeat} runs each)\n")
    print("| copies | input MB | wall s (median) | wall s (min) | s per MB | peak memory MiB |")
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
