"""`extract INPUT... [-o OUT]`: a thin shell around `pipeline.extract`.

It parses arguments, runs the pipeline, writes, and maps `BookletError`s to one
stderr line and an exit code. No field logic lives here.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from ._version import __version__
from .batch import BatchResult, expand_inputs, run_batch
from .compare import compare
from .errors import EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, EXIT_VALIDATION, BookletError, UsageError
from .output import to_json, write_atomic
from .pipeline import extract
from .validate import count_problems

EPILOG = """exit codes:
  0  done
  1  done, but --strict found validation problems, or --expect found differences
  2  usage error (bad option, bad --pages range)
  3  an input could not be read (not a PDF or text, broken, encrypted, no text layer);
     in a batch: at least one input failed, the others were still written
"""


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
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="PDF or text files, or folders of them")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="output file (one input) or folder (several inputs); default: stdout")
    parser.add_argument("--jsonl", metavar="FILE", help="write one JSON line per booklet to FILE")
    parser.add_argument("--password", help="password for encrypted PDFs")
    parser.add_argument("--pages", type=parse_pages, metavar="RANGE", help="PDF pages to read: 3, 2-5 or 4-")
    parser.add_argument("--raw-text", action="store_true", help="keep the printed text in fields (flags still reported)")
    parser.add_argument("--backend", choices=("pdfplumber", "pdfium"), default="pdfplumber",
                        help="PDF text backend (default: pdfplumber)")
    parser.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                        help="worker processes for several inputs (default: number of CPUs)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when validation flags are raised")
    parser.add_argument("--expect", metavar="EXPECTED.json",
                        help="compare the result with a saved output; print differences, exit 1 if any")
    parser.add_argument("--debug-pages", metavar="DIR",
                        help="render each PDF page to DIR/page-NNN.png with the fields' boxes drawn")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="-v info, -vv debug logging")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _error(message: str) -> None:
    print(f"extract: error: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed its message
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="extract: %(levelname)s: %(message)s", stream=sys.stderr)
    if args.verbose == 0:
        # pdfminer warns about every oddity it repairs; the one-line error rule wins unless -v.
        logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        inputs = expand_inputs(args.inputs)
    except UsageError as exc:
        _error(str(exc))
        return EXIT_USAGE
    single = len(inputs) == 1 and not Path(args.inputs[0]).is_dir()
    if args.expect and not single:
        _error("--expect takes exactly one input file")
        return EXIT_USAGE
    if args.debug_pages and not single:
        _error("--debug-pages takes exactly one input file")
        return EXIT_USAGE
    if single and not args.jsonl:
        return _run_single(inputs[0], args)
    if args.output and Path(args.output).is_file():
        _error(f"{args.output}: several inputs need -o to name a folder, not a file")
        return EXIT_USAGE
    if not args.output and not args.jsonl:
        _error("several inputs need -o FOLDER or --jsonl FILE")
        return EXIT_USAGE
    result = run_batch(
        inputs,
        out_dir=Path(args.output) if args.output else None,
        jsonl=Path(args.jsonl) if args.jsonl else None,
        options=_options(args),
        jobs=args.jobs,
        progress=not args.quiet and sys.stderr.isatty(),
    )
    return _finish_batch(result, args)


def _options(args: argparse.Namespace) -> dict[str, object]:
    return {"password": args.password, "pages": args.pages, "raw_text": args.raw_text,
            "backend": args.backend}


def _run_single(path: Path, args: argparse.Namespace) -> int:
    try:
        booklet = extract(path, **_options(args))  # type: ignore[arg-type]
    except BookletError as exc:
        _error(str(exc) if exc.path else f"{path}: {exc}")
        return exc.exit_code
    text = to_json(booklet)
    if args.output:
        write_atomic(args.output, text)
    elif not args.expect:
        sys.stdout.write(text)
    if args.debug_pages:
        from .debug_pages import render_debug_pages

        try:
            written = render_debug_pages(path, booklet, Path(args.debug_pages), password=args.password)
        except BookletError as exc:
            _error(str(exc))
            return exc.exit_code
        if not args.quiet:
            print(f"extract: {written} page image(s) in {args.debug_pages}", file=sys.stderr)
    if args.expect:
        try:
            expected = json.loads(Path(args.expect).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            _error(f"{args.expect}: cannot read expected output ({exc})")
            return EXIT_USAGE
        diffs = compare(expected, booklet.model_dump(mode="json"))
        for diff in diffs:
            print(diff)
        if diffs:
            print(f"extract: {len(diffs)} difference(s) from {args.expect}", file=sys.stderr)
            return EXIT_VALIDATION
    problems = count_problems(booklet)
    if args.strict and problems:
        if not args.quiet:
            print(f"extract: {path}: {problems} validation problem(s) (--strict)", file=sys.stderr)
        return EXIT_VALIDATION
    return EXIT_OK


def _finish_batch(result: BatchResult, args: argparse.Namespace) -> int:
    for failure in result.failures:
        _error(failure)
    if not args.quiet:
        print(
            f"extract: {result.booklets} booklet(s), {result.cities} cities, {result.flags} flags; "
            f"{len(result.failures)} failed",
            file=sys.stderr,
        )
    if result.failures:
        return EXIT_UNREADABLE
    if args.strict and result.problems:
        return EXIT_VALIDATION
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
