"""Benchmark booklet-extract against the bare libraries it competes with (not a test).

Every figure is a whole process, imports included, as a user pays for it. The
commands run alternately (one of each, then again) and each figure is the
median of --runs runs, so a slow moment of the machine hits all of them alike.

    python scripts/bench.py            # 3 runs, sample + ~500-page document, 20-file batch
    python scripts/bench.py --quick    # smoke run: 1 run, ~100 pages, 6-file batch

What is measured:
- on the 24-page sample and on a long document made by repeating it: our
  pipeline on each backend; bare pdfplumber (page.extract_text() on every
  page); bare pdfminer.high_level.extract_text; bare pypdfium2 get_text_range;
  pdftotext if installed. Pages per second, cost relative to bare pdfplumber,
  and peak RSS of the process (os.wait4 gives each child's own ru_maxrss);
- `extract -j 2` against `-j 1` on a folder of copies of the sample;
- the issue's targets, each with the margin by which it holds or fails;
- a cProfile of our pipeline on the sample: what dominates.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import math
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "learning-city-award-2019.pdf"
PY = sys.executable

BARE_PDFPLUMBER = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text()
"""
BARE_PDFMINER = """
import sys
from pdfminer.high_level import extract_text
extract_text(sys.argv[1])
"""
BARE_PYPDFIUM2 = """
import sys, pypdfium2
pdf = pypdfium2.PdfDocument(sys.argv[1])
for page in pdf:
    textpage = page.get_textpage()
    textpage.get_text_range()
    textpage.close()
    page.close()
pdf.close()
"""
IMPORTS_ONLY = "import booklet_extract.cli"
CPU_BURN = """
import sys
from concurrent.futures import ProcessPoolExecutor
def burn(n):
    return sum(i * i for i in range(n))
jobs = int(sys.argv[1])
with ProcessPoolExecutor(jobs) as pool:
    list(pool.map(burn, [3_000_000] * 4))
"""
"""The same pure-Python work on 1 and 2 processes: how much parallelism the machine gives now."""

TARGET_PLUMBER_COST = 1.25
TARGET_PDFIUM_SPEEDUP = 5.0
TARGET_MEMORY_GROWTH = 1.5


@dataclass(frozen=True)
class Command:
    name: str
    argv: Callable[[Path, Path], list[str]]
    """(input PDF, scratch folder) -> the command line."""


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_mb: float


def ours(backend: str) -> Command:
    return Command(f"extract --backend {backend}",
                   lambda pdf, tmp: [PY, "-m", "booklet_extract", str(pdf), "--backend", backend,
                                     "-o", str(tmp / f"out-{backend}.json")])


def bare(name: str, code: str) -> Command:
    return Command(name, lambda pdf, tmp: [PY, "-c", code, str(pdf)])


def commands() -> list[Command]:
    found = [
        ours("pdfplumber"),
        ours("pdfium"),
        bare("bare pdfplumber extract_text", BARE_PDFPLUMBER),
        bare("bare pdfminer extract_text", BARE_PDFMINER),
        bare("bare pypdfium2 get_text_range", BARE_PYPDFIUM2),
    ]
    if shutil.which("pdftotext"):
        found.append(Command("pdftotext (poppler)", lambda pdf, tmp: ["pdftotext", str(pdf), "-"]))
    return found


# --- measuring ----------------------------------------------------------------------------


def measure(argv: Sequence[str]) -> Sample:
    """Wall time and peak RSS of one child process (its own rusage, via wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    if proc.returncode not in (0, 1):
        command = " ".join(argv[:4])
        raise SystemExit(f"bench: {command}... failed ({proc.returncode}): {err.decode()[-400:]}")
    return Sample(seconds, usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024))


def alternate(jobs: dict[str, list[str]], runs: int) -> dict[str, list[Sample]]:
    """Run every command once per round, rounds `runs` times; samples per command."""
    samples: dict[str, list[Sample]] = {name: [] for name in jobs}
    for round_no in range(runs):
        for name, argv in jobs.items():
            samples[name].append(measure(argv))
        print(f"  round {round_no + 1}/{runs} done", file=sys.stderr)
    return samples


def med_seconds(samples: list[Sample]) -> float:
    return median(s.seconds for s in samples)


def med_peak(samples: list[Sample]) -> float:
    return median(s.peak_mb for s in samples)


# --- inputs -------------------------------------------------------------------------------


def page_count(pdf: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def repeated_pdf(source: Path, pages: int, target: Path) -> Path:
    """`source` repeated (whole copies) until the document has at least `pages` pages."""
    import pypdfium2

    src = pypdfium2.PdfDocument(source)
    out = pypdfium2.PdfDocument.new()
    try:
        for _ in range(math.ceil(pages / len(src))):
            out.import_pages(src)
        out.save(target)
    finally:
        out.close()
        src.close()
    return target


def batch_folder(source: Path, copies: int, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(copies):
        shutil.copy(source, folder / f"booklet-{n:02d}.pdf")
    return folder


# --- reporting ----------------------------------------------------------------------------

BASE = "bare pdfplumber extract_text"
PLUMBER = "extract --backend pdfplumber"
PDFIUM = "extract --backend pdfium"


def document_table(label: str, pages: int, samples: dict[str, list[Sample]]) -> list[str]:
    base = med_seconds(samples[BASE])
    rows = [
        f"\n{label} ({pages} pages)\n",
        "| command | median s | pages/s | time vs bare pdfplumber | peak RSS MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, runs in samples.items():
        seconds = med_seconds(runs)
        rows.append(f"| {name} | {seconds:.2f} | {pages / seconds:.1f} | "
                    f"{seconds / base:.2f}x | {med_peak(runs):.0f} |")
    return rows


def verdict(ok: bool) -> str:
    return "HOLDS" if ok else "MISSED"


def speed_targets(label: str, samples: dict[str, list[Sample]]) -> list[str]:
    plumber, pdfium = med_seconds(samples[PLUMBER]), med_seconds(samples[PDFIUM])
    cost = plumber / med_seconds(samples[BASE])
    speedup = plumber / pdfium
    return [
        (f"- [{label}] pdfplumber backend costs {cost:.2f}x bare pdfplumber "
         f"(target <= {TARGET_PLUMBER_COST}x): {verdict(cost <= TARGET_PLUMBER_COST)}"),
        (f"- [{label}] pdfium backend is {speedup:.2f}x faster than the pdfplumber backend "
         f"(target >= {TARGET_PDFIUM_SPEEDUP}x): {verdict(speedup >= TARGET_PDFIUM_SPEEDUP)}"),
    ]


def targets(short: dict[str, list[Sample]], long: dict[str, list[Sample]],
            short_pages: int, long_pages: int) -> list[str]:
    lines = ["\nTargets (issue 4)"]
    lines += speed_targets(f"{short_pages} pages", short)
    lines += speed_targets(f"{long_pages} pages", long)
    for name in (PLUMBER, PDFIUM):
        growth = med_peak(long[name]) / med_peak(short[name])
        lines.append(f"- [{name}] peak memory {long_pages} pages / {short_pages} pages = "
                     f"{growth:.2f}x (target <= {TARGET_MEMORY_GROWTH}x): "
                     f"{verdict(growth <= TARGET_MEMORY_GROWTH)}")
    return lines


def batch_lines(copies: int, samples: dict[str, list[Sample]]) -> list[str]:
    one, two = med_seconds(samples["-j 1"]), med_seconds(samples["-j 2"])
    burn = med_seconds(samples["burn 1"]) / med_seconds(samples["burn 2"])
    peaks = f"{med_peak(samples['-j 1']):.0f} / {med_peak(samples['-j 2']):.0f} MB"
    return [
        f"\nBatch of {copies} copies of the sample (pdfplumber backend, {os.cpu_count()} CPUs)",
        (f"- -j 1: {one:.2f} s, -j 2: {two:.2f} s: speed-up {one / two:.2f}x "
         f"(peak RSS of the main process: {peaks})"),
        f"- what the machine gives right now (pure-Python work, 2 processes vs 1): {burn:.2f}x",
    ]


def phase_times(run: Callable[[], object]) -> dict[str, float]:
    """Seconds per phase of one unprofiled run, by timing wrappers around the phase functions.

    The profiler slows pure-Python code (the layout, pdfminer) far more than C
    (PDFium), so its shares would mislead; these are real times.
    """
    from booklet_extract import pipeline
    from booklet_extract.sources import layout

    spent = {"source": 0.0, "layout": 0.0, "stages": 0.0}

    def timing(function: Callable[..., Any], phase: str) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[phase] += time.perf_counter() - start
        return wrapper

    load = pipeline.load  # type: ignore[attr-defined]  # imported there from .sources
    with (mock.patch.object(pipeline, "load", timing(load, "source")),
          mock.patch.object(layout, "page_lines", timing(layout.page_lines, "layout")),
          mock.patch.object(pipeline, "build_booklet", timing(pipeline.build_booklet, "stages"))):
        spent["total"] = timed(run)
    return spent


def phase_lines(backend: str, first: float, spent: dict[str, float]) -> list[str]:
    """Where one warm extraction's time goes."""
    total = spent["total"]
    reading = spent["source"] - spent["layout"]
    library = "pdfminer via pdfplumber" if backend == "pdfplumber" else "PDFium via ctypes"
    share = {name: f"{value:.3f} s ({value / total:.0%})" for name, value in
             (("reading", reading), ("layout", spent["layout"]), ("stages", spent["stages"]))}
    return [
        f"\nWhere the time goes, --backend {backend} (sample, warm run: {total:.3f} s)",
        f"- reading glyphs ({library}): {share['reading']}",
        f"- layout (overprint, lines, blocks, reading order): {share['layout']}",
        f"- stages (repairs, sections, fields, validation): {share['stages']}",
        (f"- once per process: the first run took {first:.2f} s (lazy loads: word-frequency "
         f"list, PDF library), on top of the startup above"),
    ]


def profile_lines(top: int = 10) -> list[str]:
    """Phase times and a cProfile of our pipeline on the sample, in this process."""
    sys.path.insert(0, str(ROOT / "src"))
    from booklet_extract.pipeline import extract

    lines = []
    for backend in ("pdfplumber", "pdfium"):
        run = functools.partial(extract, SAMPLE, backend=backend)
        first = timed(run)
        lines += phase_lines(backend, first, phase_times(run))
        profiler = cProfile.Profile()
        profiler.runcall(run)
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).strip_dirs().sort_stats("cumulative").print_stats(top)
        lines += [f"\nProfile, --backend {backend}, warm run, top {top} by cumulative time",
                  text.getvalue().strip()]
    return lines


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


# --- main ---------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per command (median reported)")
    parser.add_argument("--pages", type=int, default=500, help="pages of the long document (about)")
    parser.add_argument("--copies", type=int, default=20, help="files in the -j batch")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 1 run, ~100 pages, 6 copies")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile section")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.pages, args.copies = 1, 100, 6
    return args


def batch_jobs(folder: Path, tmp: Path) -> dict[str, list[str]]:
    """`extract FOLDER -j N` for N = 1, 2, and the same pure-Python work on 1 and 2 processes."""
    jobs = {f"-j {n}": [PY, "-m", "booklet_extract", str(folder), "-o", str(tmp / f"out-j{n}"),
                        "-q", "-j", str(n)] for n in (1, 2)}
    jobs.update({f"burn {n}": [PY, "-c", CPU_BURN, str(n)] for n in (1, 2)})
    return jobs


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="booklet-bench-") as scratch:
        tmp = Path(scratch)
        long_pdf = repeated_pdf(SAMPLE, args.pages, tmp / "long.pdf")
        long_pages, short_pages = page_count(long_pdf), page_count(SAMPLE)
        folder = batch_folder(SAMPLE, args.copies, tmp / "batch")
        cmds = commands()
        print(f"bench: {args.runs} run(s); {short_pages}-page sample, {long_pages}-page repeat",
              file=sys.stderr)
        imports = alternate({"imports": [PY, "-c", IMPORTS_ONLY]}, args.runs)["imports"]
        short = alternate({c.name: c.argv(SAMPLE, tmp) for c in cmds}, args.runs)
        long = alternate({c.name: c.argv(long_pdf, tmp) for c in cmds}, args.runs)
        batch = alternate(batch_jobs(folder, tmp), args.runs)
    report = [(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, median of {args.runs} "
               f"run(s); startup (python + import booklet_extract.cli): "
               f"{med_seconds(imports):.2f} s, {med_peak(imports):.0f} MB")]
    report += document_table("Sample", short_pages, short)
    report += document_table("Repeated sample", long_pages, long)
    report += batch_lines(args.copies, batch)
    report += targets(short, long, short_pages, long_pages)
    if not args.no_profile:
        report += profile_lines()
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
