"""How a build uses the Python runtime: the cycle collector, and forked workers.

- :func:`collector_paused`: a build makes millions of small objects (lines, records,
  quads, formatted terms) that live until it ends and form no reference cycles. The
  cycle collector runs every few hundred new objects and now and then walks all of
  them: on the corpus that took a third of the graph stage's time and freed nothing.
  Reference counting frees objects as usual while it is paused.
- :func:`forked_workers` and :func:`in_background`: work done in processes forked from
  this one. A forked process starts with everything the parent holds (the documents,
  the actor pipeline), so only the numbers of the tasks and what they return cross
  between processes. Where forking is not safe (not Linux, or another thread runs:
  forking a threaded process can deadlock the child) the work is done here instead.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block without automatic cycle collection; restore the setting after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def cores() -> int:
    """The CPU cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether work may go to forked processes here: on Linux (macOS's system libraries
    are not safe to fork), from a process that runs no other thread."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


_inherited: Callable[[int], Any] | None = None  # in a worker: the task it was forked with


def _inherit(task: Callable[[int], Any]) -> None:
    global _inherited
    _inherited = task


def _run(number: int) -> Any:
    if _inherited is None:
        raise RuntimeError("a worker ran without the task it was forked for")
    return _inherited(number)


@contextmanager
def forked_workers(
    task: Callable[[int], Any], workers: int
) -> Iterator[Callable[[int], Future[Any]]]:
    """``workers`` forked processes that run ``task(number)`` for each number submitted.

    Yields ``submit(number) -> Future``; what ``task`` returns is pickled back, an
    exception it raises is raised by ``Future.result()``. Call only where
    :func:`can_fork` holds.
    """
    with ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_inherit,
        initargs=(task,),  # forked, not pickled: the worker inherits the task as it is
    ) as pool:
        yield lambda number: pool.submit(_run, number)


@contextmanager
def in_background(job: Callable[[], object]) -> Iterator[None]:
    """Run ``job`` in a forked process while the block runs; wait for it at the end.

    An exception ``job`` raises is raised here. Without forking (or on one core),
    ``job`` runs first, then the block.
    """
    if cores() < 2 or not can_fork():
        job()
        yield
        return
    with forked_workers(lambda _: job(), 1) as submit:
        done = submit(0)
        yield
        done.result()
