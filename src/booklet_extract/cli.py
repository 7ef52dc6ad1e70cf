"""`extract INPUT... [-o OUT]`: a thin shell around `pipeline.extract`.

It parses arguments, runs the pipeline, writes (through `output.py`), and maps
errors and signals to one stderr line and an exit code. No field logic lives here.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import re
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from . import interrupts
from ._version import __version__
from .debug_pages import DEFAULT_DPI, dpi
from .errors import (
    EXIT_OK,
    EXIT_SIGINT,
    EXIT_SIGPIPE,
    EXIT_SIGTERM,
    EXIT_UNREADABLE,
    EXIT_USAGE,
    EXIT_VALIDATION,
    BookletError,
    Interrupted,
    UsageError,
)
from .inputs import expand_inputs, output_paths
from .models import Booklet
from .output import STDOUT, make_folder, open_output, refuse_inputs, write_json
from .pipeline import extract
from .sources import STDIN
from .validate import NO_SECTIONS, has_no_sections, problem_summary

if TYPE_CHECKING:  # imported where used: a run on one booklet needs neither module
    from .batch import BatchResult, OutcomeSource
    from .exports import Exports

EPILOG = """exit codes:
  0    done
  1    done, but --strict found validation problems (no city sections among them),
       or --expect found differences
  2    usage error (bad option, bad --pages range, an output naming an input)
  3    an input could not be read (not a PDF or text, broken, encrypted, no text);
       in a batch: at least one input failed, the others were still written
  4    the output could not be written (disk full, no permission, read-only file
       system, a folder that cannot be made)
  130  interrupted by Ctrl-C (143: by SIGTERM); finished outputs are kept and listed
  141  stdout was closed early (e.g. piped into head); nothing more is said

INPUT - reads standard input; -o - and --jsonl - write to standard output.
Messages, warnings and the progress bar always go to stderr.
"""

LIBRARY_LOGGERS = ("pdfminer", "pdfplumber", "PIL", "pypdfium2")
"""Loggers of the libraries we use: kept at WARNING (pdfminer: ERROR without -v)
unless --debug-libs."""
_ARGUMENT = re.compile(r"\b(password|pages|backend)=")

# numpy's OpenBLAS starts a thread per CPU as it loads (about 0.05 s of CPU, more than
# reading a short booklet's text with PDFium); nothing here multiplies matrices. Only the
# command sets it, before numpy is first imported (at the first PDF); a user's own value stands.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def parse_pages(text: str) -> tuple[int, int]:
    """'3', '2-5' or '4-' -> an inclusive 1-based range (0 means: to the end)."""
    try:
        if "-" in text:
            first, _, last = text.partition("-")
            start, end = int(first), int(last) if last else 0
        else:
            start = end = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid page range {text!r} (use 3, 2-5 or 4-)") from None
    if start < 1 or (end and end < start):
        raise argparse.ArgumentTypeError(f"invalid page range {text!r}")
    return start, end


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extract",
        description="Turn booklet PDFs (or their raw text) into clean, schema-checked JSON.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="PDF or text files, or folders of them; - for standard input")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="output file or folder (one input; - for stdout), or folder (several "
                             "inputs); default: stdout")
    parser.add_argument("--jsonl", metavar="FILE",
                        help="write one JSON line per booklet to FILE (- for stdout)")
    parser.add_argument("--password", help="password for encrypted PDFs")
    parser.add_argument("--pages", type=parse_pages, metavar="RANGE", help="PDF pages to read: 3, 2-5 or 4-")
    parser.add_argument("--raw-text", action="store_true", help="keep the printed text in fields (flags still reported)")
    parser.add_argument("--backend", choices=("pdfplumber", "pdfium"), default="pdfplumber",
                        help="PDF text backend (default: pdfplumber)")
    parser.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                        help="worker processes for several inputs (default: number of CPUs)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="run a batch on Dask: a scheduler (tcp://HOST:8786), or local:N for a "
                             "local cluster of N worker processes (needs the dask extra); exit 2 "
                             "when the scheduler cannot be reached or is lost")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 when validation flags are raised; print them per kind and where")
    parser.add_argument("--expect", metavar="EXPECTED.json",
                        help="compare the result with a saved output; print differences, exit 1 if any")
    parser.add_argument("--csv", metavar="FILE",
                        help="also write one row per city to FILE (- for stdout), for spreadsheets: "
                             "RFC 4180, UTF-8 with a byte order mark; several inputs share one file")
    parser.add_argument("--csv-no-bom", action="store_true",
                        help="leave the byte order mark out of the CSV (Excel needs it for accents)")
    parser.add_argument("--review", metavar="FILE.html",
                        help="also write a self-contained HTML page to check the result with: each "
                             "field beside the page region it came from; several inputs: a folder "
                             "with one page per input and index.html")
    parser.add_argument("--debug-pages", metavar="DIR",
                        help="render each PDF page read (see --pages) to DIR/page-NNN.png with the "
                             "fields' boxes outlined, labelled and a colour legend")
    parser.add_argument("--dpi", type=dpi, default=DEFAULT_DPI, metavar="N",
                        help=f"resolution of the --debug-pages images (default: {DEFAULT_DPI})")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="-v: one line per stage with times and counts; -vv: debug detail")
    parser.add_argument("--debug-libs", action="store_true",
                        help="with -v/-vv, let the PDF libraries log at that level too")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _say(message: str) -> None:
    print(f"extract: {message}", file=sys.stderr)


def _error(message: str) -> None:
    _say(f"error: {cli_words(message)}")


def cli_words(message: str) -> str:
    """A library message with its argument names (`password=`) as this command's flags."""
    def flag(match: re.Match[str]) -> str:
        after = message[match.end():match.end() + 1]
        return f"--{match.group(1)}" + (" " if after and after not in " ),;:" else "")

    return _ARGUMENT.sub(flag, message)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its message
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_SIGINT
    # What the imports made lives as long as the process: the collector need not walk it
    # again at every full collection while pages are read (a few % of a long run's CPU).
    # Once per process: a program calling `main` again keeps its later garbage collectable.
    if not gc.get_freeze_count():
        gc.freeze()
    with _logging(args.verbose, args.debug_libs), _sigterm_raises():
        try:
            return _main(args)
        except BookletError as exc:
            _error(str(exc))
            return exc.exit_code
        except BrokenPipeError:
            return _closed_stdout()
        except KeyboardInterrupt:
            _say("interrupted")
            return EXIT_SIGINT
        except Interrupted:
            _say("terminated")
            return EXIT_SIGTERM


def _main(args: argparse.Namespace) -> int:
    inputs = expand_inputs(args.inputs)
    single = len(inputs) == 1 and (args.inputs[0] == STDIN or not Path(args.inputs[0]).is_dir())
    if args.expect and not single:
        raise UsageError("--expect takes exactly one input file")
    if args.debug_pages and (not single or args.inputs[0] == STDIN):
        raise UsageError("--debug-pages takes exactly one input file (not standard input)")
    if args.review and args.inputs[0] == STDIN:
        raise UsageError("--review reads the input again for its crops: give a file, not standard input")
    if args.csv or args.review:
        from .exports import single_target
    if args.csv:
        args.csv = single_target(args.csv, inputs[0], ".csv") if single else args.csv
        refuse_inputs(args.csv, inputs)
    if args.review and single and not args.jsonl:
        args.review = single_target(args.review, inputs[0], ".html")
        refuse_inputs(args.review, inputs)
    if single and not args.jsonl:
        output = _single_output(args.output, inputs[0])
        if output is not None:
            refuse_inputs(output, inputs)
        _one_stdout(output, args)
        return _run_single(inputs[0], output, args)
    if args.output == STDOUT:
        raise UsageError("-o - writes one input to stdout; for several use --jsonl -")
    if args.output and Path(args.output).exists() and not Path(args.output).is_dir():
        raise UsageError("several inputs need -o to name a folder, not a file", args.output)
    if not args.output and not args.jsonl and not args.csv and not args.review:
        raise UsageError("several inputs need -o FOLDER, --jsonl FILE, --csv FILE or --review FOLDER")
    _one_stdout(None, args)
    if args.review:
        from .exports import prepare_review_folder

        args.review_pages = prepare_review_folder(args.review, inputs)
        for target in args.review_pages:
            refuse_inputs(target, inputs)
    out_dir = Path(args.output) if args.output else None
    for target in [*(output_paths(inputs, out_dir) if out_dir else []), *([args.jsonl] if args.jsonl else [])]:
        refuse_inputs(target, inputs)
    if out_dir is not None:
        make_folder(out_dir)  # fail before any work when it cannot be made
    if args.scheduler:
        from .cluster import on_cluster

        with on_cluster(args.scheduler, inputs) as outcomes_from:
            return _run_batch(inputs, out_dir, args, outcomes_from)
    return _run_batch(inputs, out_dir, args)


def _one_stdout(output: str | None, args: argparse.Namespace) -> None:
    """Only one output may go to standard output."""
    if [output, args.jsonl, args.csv, args.review].count(STDOUT) > 1:
        raise UsageError("only one output can go to stdout (-)")


def _exports(args: argparse.Namespace) -> Exports | None:
    """The exports beside the JSON that this run writes, or None."""
    if not args.csv and not args.review:
        return None
    from .exports import Exports

    pages = getattr(args, "review_pages", None)
    return Exports(csv=args.csv, bom=not args.csv_no_bom, review=args.review,
                   review_pages=pages[:-1] if pages else None, backend=args.backend, password=args.password)


def _single_output(output: str | None, source: Path) -> str | None:
    """Where one input's JSON goes: a file, `-` (stdout), or None (stdout too).

    An existing folder means that folder, as in a batch: FOLDER/STEM.json.
    """
    if output is None or output == STDOUT or not Path(output).is_dir():
        return output
    return str(output_paths([source], Path(output))[0])


def _options(args: argparse.Namespace) -> dict[str, object]:
    return {"password": args.password, "pages": args.pages, "raw_text": args.raw_text,
            "backend": args.backend}


def _run_single(path: Path, output: str | None, args: argparse.Namespace) -> int:
    try:
        booklet = extract(path, **_options(args))  # type: ignore[arg-type]
    except BookletError as exc:
        exc.path = exc.path or str(path)
        raise
    if has_no_sections(booklet) and not args.strict:  # --strict reports it among the problems
        _say(f"warning: {path}: {NO_SECTIONS}")
    if output is not None and output != STDOUT:
        write_json(output, booklet)
    elif output == STDOUT or not (args.expect or args.csv or args.review):  # else only with -o -
        write_json(STDOUT, booklet)
    exports = _exports(args)
    if exports is not None:
        from .exports import write_exports

        write_exports(booklet, exports)
    if args.debug_pages:
        from .debug_pages import render_debug_pages

        written = render_debug_pages(path, booklet, Path(args.debug_pages), password=args.password,
                                     resolution=args.dpi, pages=args.pages, backend=args.backend)
        if not args.quiet:
            _say(f"{written} page image(s) in {args.debug_pages}")
    if args.expect:
        code = _expect(booklet, args)
        if code != EXIT_OK:
            return code
    summary = problem_summary(booklet)
    if args.strict and summary:
        _say(f"{path}: {summary} (--strict)")
        return EXIT_VALIDATION
    return EXIT_OK


def _expect(booklet: Booklet, args: argparse.Namespace) -> int:
    from .compare import NOT_COMPARED, compare

    try:
        expected = json.loads(Path(args.expect).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot read expected output ({exc})", args.expect) from None
    diffs = compare(expected, booklet.model_dump(mode="json"))
    if diffs:
        with open_output(STDOUT) as write:
            write("".join(f"{diff}\n" for diff in diffs))
        _say(f"{len(diffs)} difference(s) from {args.expect} (not compared: {NOT_COMPARED})")
        return EXIT_VALIDATION
    if not args.quiet:
        _say(f"no difference from {args.expect} (not compared: {NOT_COMPARED})")
    return EXIT_OK


def _run_batch(inputs: list[Path], out_dir: Path | None, args: argparse.Namespace,
               outcomes_from: OutcomeSource | None = None) -> int:
    from .batch import BatchResult, run_batch

    result = BatchResult()
    try:
        run_batch(
            inputs,
            out_dir=out_dir,
            jsonl=args.jsonl,
            options=_options(args),
            jobs=args.jobs,
            progress=not args.quiet and sys.stderr.isatty(),
            result=result,
            exports=_exports(args),
            outcomes_from=outcomes_from,
        )
    except (KeyboardInterrupt, Interrupted) as exc:
        code, how = (EXIT_SIGINT, "interrupted") if isinstance(exc, KeyboardInterrupt) else (EXIT_SIGTERM, "terminated")
        written = ", ".join(result.written) if result.written else "none"
        failed = f" ({len(result.failures)} failed)" if result.failures else ""
        _say(f"{how} after {result.booklets + len(result.failures)} of {result.total} input(s){failed}; "
             f"complete outputs: {written}")
        return code
    except BookletError as exc:  # an output could not be written: the batch stops
        _report_batch(result, args)
        _error(str(exc))
        return exc.exit_code
    return _report_batch(result, args)


def _report_batch(result: BatchResult, args: argparse.Namespace) -> int:
    for failure in result.failures:
        _error(failure)
    if args.strict:  # the no_sections inputs are among these
        for line in result.strict:
            _say(f"{line} (--strict)")
    else:
        for path in result.no_sections:
            _say(f"warning: {path}: {NO_SECTIONS}")
    if not args.quiet:
        with_sections = result.booklets - len(result.no_sections)
        _say(f"{with_sections} booklet(s), {result.cities} cities, {result.flags} flags; "
             f"{len(result.no_sections)} without city sections; {len(result.failures)} failed")
    if result.failures:
        return EXIT_UNREADABLE
    if args.strict and result.problems:
        return EXIT_VALIDATION
    return EXIT_OK


def _closed_stdout() -> int:
    """The reader of stdout went away (`| head`): end quietly, as other Unix tools do.

    Point stdout at /dev/null so the interpreter's last flush does not fail again.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (a test's capture)
        pass
    return EXIT_SIGPIPE


@contextmanager
def _sigterm_raises() -> Iterator[None]:
    """SIGTERM raises `Interrupted` (like Ctrl-C's KeyboardInterrupt), so cleanup runs.

    Both stops are also remembered (`interrupts`), so that one raised inside a
    finalizer, where Python drops it, is raised again at the next page or input.
    """

    def on_term(signum: int, frame: FrameType | None) -> None:
        interrupts.request(lambda: Interrupted(signum))

    def on_int(signum: int, frame: FrameType | None) -> None:
        interrupts.request(KeyboardInterrupt)

    previous_hook = sys.unraisablehook

    def quiet_stops(unraisable: Any) -> None:
        # A stop dropped inside a finalizer is remembered and raised again: not worth a traceback.
        if not isinstance(unraisable.exc_value, (KeyboardInterrupt, Interrupted)):
            previous_hook(unraisable)

    try:
        previous = signal.signal(signal.SIGTERM, on_term)
        previous_int = signal.signal(signal.SIGINT, on_int)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    sys.unraisablehook = quiet_stops
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
        sys.unraisablehook = previous_hook
        interrupts.clear()


@contextmanager
def _logging(verbose: int, debug_libs: bool) -> Iterator[None]:
    """Our logger at INFO (-v) or DEBUG (-vv); other libraries' stay at WARNING unless --debug-libs.

    The handler is removed on the way out, so `main` can run several times in one process.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    root, ours = logging.getLogger(), logging.getLogger("booklet_extract")
    libs = [logging.getLogger(name) for name in LIBRARY_LOGGERS]
    saved = [(logger, logger.level) for logger in (root, ours, *libs)]
    handler = logging.StreamHandler(sys.stderr)
    detail = "%(name)s: " if verbose >= 2 else ""
    handler.setFormatter(logging.Formatter(f"extract: %(levelname)s: {detail}%(message)s"))
    root.addHandler(handler)
    root.setLevel(level if debug_libs else logging.WARNING)
    ours.setLevel(level)
    for lib in libs:
        lib.setLevel(logging.NOTSET if debug_libs else logging.WARNING)
    if verbose == 0 and not debug_libs:
        # pdfminer warns about every oddity it repairs; the one-line error rule wins unless -v.
        logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        yield
    finally:
        root.removeHandler(handler)
        for logger, old in saved:
            logger.setLevel(old)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
