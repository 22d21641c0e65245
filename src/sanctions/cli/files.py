"""The commands that write or read files: export, draft, copy-data, validate."""

# No `from __future__ import annotations` here: typer reads the commands' annotations at run time,
# and string annotations would cost it a compile and an eval each on every start.

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from sanctions import streams
from sanctions.errors import UsageError
from sanctions.render import (
    DraftFormat,
    ExportFormat,
    Format,
    inert,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from sanctions.dataset.model import Regime
from sanctions.cli import options
from sanctions.cli.options import (
    AsOfOption,
    DataOption,
    FormatOption,
    OverwriteOption,
    SinceOption,
    ToOption,
    UntilOption,
    _choices,
    _complete_regimes,
    _date,
    _emit,
    _regime_on,
    _regimes,
    _window,
)


def export(
    ctx: typer.Context,
    regime: Annotated[
        Optional[str],
        typer.Argument(
            metavar="REGIME", help="Regime id, alias or resolution number.", autocompletion=_complete_regimes
        ),
    ] = None,
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help=f"Export format: {_choices(ExportFormat)}."),
    ] = ExportFormat.MARKDOWN,
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="File to write ('-' or none: standard output); with --all the folder (DIR) to write into, or the"
            " database file for sqlite.",
        ),
    ] = None,
    all_regimes: Annotated[
        bool, typer.Option("--all", help="Export every regime, one file each into the -o folder (sqlite: one file).")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="With --all: name each file written.")] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    no_chart: Annotated[bool, typer.Option("--no-chart", help="Leave the chart out of markdown and HTML.")] = False,
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV for Excel: start with a UTF-8 byte order mark so accents survive.")
    ] = False,
    as_of: AsOfOption = "today",
    data: DataOption = None,
) -> None:
    """Export a regime as a markdown or HTML report, lossless JSON, CSV or a SQLite database; files are written
    atomically.

    An existing file is kept unless --force is given; a failed or interrupted export leaves no partial file.
    --all -o DIR writes one file per regime into DIR, made if missing (its parent must exist).
    --format sqlite writes one database to -o FILE, holding every regime with --all.

    Example: sanctions export mali --format markdown -o mali.md
    """
    from functools import partial

    from sanctions.analysis.report import build_report
    from sanctions.dataset.files import OutputError, few, write_all, write_atomically, write_into
    from sanctions.errors import UsageError
    from sanctions.render import renderer

    if all_regimes == (regime is not None):
        raise UsageError("name one regime to export, or use --all with -o FOLDER")
    if excel and fmt is not ExportFormat.CSV:
        raise UsageError("--excel applies to --format csv only")
    first, last = _window(since, until)
    if fmt is ExportFormat.SQLITE:
        if output in (None, "-"):
            raise UsageError("--format sqlite writes a database file: give it with -o FILE")
        if since is not None or until is not None:
            raise UsageError(
                "--since and --until do not apply to --format sqlite: it holds every event, select with SQL"
            )
    regimes = _regimes(ctx, data)
    day = _date(as_of) or options._today()
    if fmt is ExportFormat.SQLITE:
        from sanctions.render.sqlite import files

        chosen = regimes if regime is None else [_regime_on(regimes, regime, day)]
        written = files([build_report(r, day) for r in chosen], Path(str(output)))  # and its datasette metadata
        write_all(written, force=force)
        if regime is None:
            for path, _ in written:
                streams.say(f"wrote {inert(str(path))}")
        return
    render = partial(renderer(fmt).export, excel=True) if excel else renderer(fmt).export
    if fmt is ExportFormat.HTML and regime is None:  # the pages of a site link the index and each other
        render = partial(renderer(fmt).export, site=regimes)

    def text_of(chosen: "Regime") -> str:
        return str(render(build_report(chosen, day, first, last), not no_chart))

    if regime is not None:
        content = text_of(_regime_on(regimes, regime, day))
        if output in (None, "-"):
            sys.stdout.write(content)
        else:
            write_atomically(Path(output), content, force=force)
        return
    if output in (None, "-"):
        raise UsageError("--all writes one file per regime: give the folder with -o FOLDER")
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--all writes into a folder: '{folder}' is a file")
    if not folder.parent.is_dir():
        raise UsageError(f"--all makes the folder '{folder}' only inside an existing one: '{folder.parent}' is not")
    pages: dict[Path, Callable[[], str]] = {
        folder / f"{chosen.id}.{fmt.extension}": partial(text_of, chosen) for chosen in regimes
    }
    if fmt is ExportFormat.HTML:  # and the figures of `sanctions stats`, and a page that links them all
        from sanctions.render import stats_html

        if (figures := folder / stats_html.PAGE) in pages:
            raise UsageError(
                f"--all --format html writes the figures to '{figures}': the regime 'stats' needs another id"
            )
        pages[figures] = partial(stats_html.page, regimes, day)
        if (index := folder / "index.html") in pages:
            raise UsageError(f"--all --format html writes the index to '{index}': the regime 'index' needs another id")
        pages[index] = partial(renderer(fmt).index, regimes, day)
        pages.update({folder / name: partial(text, regimes, day) for name, text in renderer(fmt).companions().items()})
    taken = [path for path in pages if path.exists()]
    if taken and not force:
        # The same refusal, and exit code, as a single export's (files.OutputError).
        one = len(taken) == 1
        raise OutputError(
            f"{inert(few(taken))} already exist{'s' if one else ''}: use --force to overwrite {'it' if one else 'them'}"
        )
    # Every report is rendered and written before any is moved into place: a blocked target or a
    # failed write leaves the whole folder as it was, never half a set.
    write_into(folder, [(path, page()) for path, page in pages.items()], force=force)
    if verbose:
        for path in pages:
            streams.say(f"wrote {inert(str(path))}")
    streams.say(f"wrote {len(pages)} files to {inert(os.path.join(output, ''))}")


def draft(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="The press release: text copied from the page, the page saved as HTML, or '-'."
        ),
    ],
    regime: Annotated[
        Optional[str],
        typer.Option("--regime", "-r", metavar="REGIME", help="The regime, if not the one the text names."),
    ] = None,
    date: Annotated[
        Optional[str],
        typer.Option("--date", metavar="DATE", help="The date of a text that says only 'today' (ISO, '30 June 2021')."),
    ] = None,
    url: Annotated[
        Optional[str],
        typer.Option("--url", metavar="URL", help="The release's address: cited as the source, read for its symbol."),
    ] = None,
    fmt: Annotated[
        DraftFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help=f"Output format: {_choices(DraftFormat)}."),
    ] = DraftFormat.YAML,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show every value with the sentence it came from (on standard error).")
    ] = False,
    apply: Annotated[
        bool, typer.Option("--apply", help="Add the event to the regime file in date order, if the file stays valid.")
    ] = False,
    data: DataOption = None,
) -> None:
    """Draft the event a UN press release records, ready for a regime file.

    Reads the regime, date, kind, symbols, vote and every mandate's new end date from the text; what the
    text does not say plainly is left out and named in a warning, never guessed. --apply adds the event to
    the regime file (or the --data copy) in date order, keeping the file's comments, and writes it only if
    the whole file then validates.

    Example: sanctions draft sc15648.txt --date 2024-03-28 --url https://press.un.org/en/2024/sc15648.doc.htm
    """
    from sanctions.analysis.catalogue import find_regime
    from sanctions.dataset.loader import writable_data_dir
    from sanctions.drafting.draft import draft_event, read_press_release
    from sanctions.render import renderer

    # Refused before anything is read or printed: never into the installed package's files.
    folder = writable_data_dir(data) if apply else None
    regimes = _regimes(ctx, data)
    chosen = find_regime(regimes, regime) if regime is not None else None
    text = read_press_release(file, getattr(sys.stdin, "buffer", None))
    drafted = draft_event(text, regimes, url=url, given_date=_date(date), regime=chosen)
    if explain:
        for explanation in drafted.explanations:
            streams.say(f"{explanation.field}: {inert(explanation.value)}")
            streams.say(f"    from: {inert(explanation.source)}")
    for warning in drafted.warnings:
        streams.say(f"sanctions: warning: {inert(warning)}")
    _emit(renderer(fmt).draft(drafted))
    if folder is not None:
        from sanctions.drafting.insert import apply_draft

        path, line = apply_draft(folder, drafted, renderer(DraftFormat.YAML).draft(drafted))
        streams.say(f"added to {inert(str(path))} at line {line}")


def copy_data(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="The folder to copy into (made if missing).")],
) -> None:
    """Copy the bundled regime files into a folder of your own, to edit and use with --data or SANCTIONS_DATA.

    Nothing is copied if any of the files is already there. draft --apply writes only into such a
    copy (or a checkout), never into an installed package.

    Example: sanctions copy-data ./my-regimes && sanctions validate --data ./my-regimes
    """
    from sanctions.dataset.loader import copy_bundled

    copied = copy_bundled(folder)
    streams.say(f"copied {len(copied)} regime files to {inert(os.path.join(folder, ''))}")
    streams.say(f"use them with --data {inert(str(folder))} or SANCTIONS_DATA={inert(str(folder))}")


def validate(
    data: DataOption = None,
    fmt: FormatOption = Format.TABLE,
    output: ToOption = None,
    force: OverwriteOption = False,
) -> None:
    """Check every regime file and list every problem; exit 1 if there is any (warnings alone exit 0).

    Example: sanctions copy-data ./my-regimes && sanctions validate --data ./my-regimes
    """
    from sanctions.dataset.loader import data_dir, regime_files, scan
    from sanctions.dataset.rules import late_renewals
    from sanctions.render import renderer

    folder = data_dir(data)
    files = regime_files(folder)
    if not files:
        raise UsageError(f"no regime files (*.yaml) in '{folder}'")
    regimes, problems = scan(folder)
    warnings = [warning for regime in regimes for warning in late_renewals(regime)]
    _emit(renderer(fmt).problems(problems, warnings, len(files)), output, force)
    if problems:
        raise typer.Exit(1)
