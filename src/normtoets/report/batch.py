"""A report for every municipality of a study, rendered in parallel.

National comparative studies give each participant its own report. Each is made by the one
pipeline of `report FILE -o OUT` (report/pipeline: the bytes are those of rendering it alone), in
worker processes over the machine's cores. A worker restarts after a few reports, so the
memory a long run holds stays that of a few reports; a report that fails is reported and
the others go on.
"""

# Deferred imports: normtoets.files, normtoets.report — the worker process loads the pipeline when
# it starts a report, not when the pool is set up.

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from normtoets.report.context.kengetallen import Spreads

REPORTS_PER_WORKER = 8  # then the worker process is replaced: its memory is given back


@dataclass(frozen=True)
class Job:
    """One municipality's report (or factsheet): its assessment, the file to write and how."""

    assessment: Path
    target: Path
    kind: str  # "pdf", "html" or "docx"
    templates: Path | None
    norms: tuple[Path, ...]
    # A joint assessment's report, rendered once, for each of its other municipalities too.
    also: tuple[Path, ...] = ()
    factsheet: bool = False  # the factsheet, not the report
    # Its kengetallen against the study's other units, computed once for all the jobs (the
    # report alone computes the same from the study's folder); None: the worker does that.
    spreads: "Spreads | None" = field(default=None, compare=False, repr=False)

    @property
    def targets(self) -> tuple[Path, ...]:
        return (self.target, *self.also)


@dataclass(frozen=True)
class Outcome:
    job: Job
    error: str | None  # what went wrong, as the user reads it; None: written


def render(job: Job) -> Outcome:
    """One municipality's report, made as `report FILE -o OUT` makes it, and written; never
    raises: a failure is this report's outcome, the others go on."""
    from normtoets.core.errors import RunError, UsageError  # in the worker process
    from normtoets.files.atomic import write_bytes
    from normtoets.report.pipeline import Kind, Request, report_bytes
    from normtoets.report.pipeline import render as make

    kind = Kind.factsheet if job.factsheet else Kind.municipality
    try:
        request = Request(job.assessment, kind, job.templates, job.norms, spreads=job.spreads)
        made = make(request)
        if made.errors:
            first = made.errors[0]
            return Outcome(job, f"{first.file}:{first.line}:{first.column}: [{first.code}] "
                                f"{first.message}")  # fmt: skip
        data = report_bytes(made.html[None], job.kind, job.templates)
        for target in job.targets:
            write_bytes(target, data)
        return Outcome(job, None)
    except (RunError, UsageError) as exc:
        return Outcome(job, str(exc))
    except Exception as exc:  # one report's failure must not stop the others
        return Outcome(job, f"{type(exc).__name__}: {exc}")


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def render_all(
    jobs: list[Job], workers: int, done: Callable[[Outcome], None] | None = None
) -> list[Outcome]:
    """Every job's outcome, in the jobs' order; `done` is called as each one finishes."""
    outcomes = dict(_outcomes(jobs, workers, done or (lambda outcome: None)))
    return [outcomes[job] for job in jobs]


def _outcomes(
    jobs: list[Job], workers: int, done: Callable[[Outcome], None]
) -> Iterator[tuple[Job, Outcome]]:
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            outcome = render(job)
            done(outcome)
            yield job, outcome
        return
    import multiprocessing  # a single report, or --jobs 1, starts no pool

    # spawn: a fresh interpreter per worker, not a copy of this one with its loaded study.
    # multiprocessing.Pool, not ProcessPoolExecutor: the executor's max_tasks_per_child hangs
    # on Python 3.11 once a worker is replaced (seen here after 16 of 40 reports).
    context = multiprocessing.get_context("spawn")
    with context.Pool(min(workers, len(jobs)), maxtasksperchild=REPORTS_PER_WORKER) as pool:
        for outcome in pool.imap_unordered(render, jobs, chunksize=1):
            done(outcome)
            yield outcome.job, outcome
