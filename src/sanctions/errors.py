"""The one error root of sanctions, and the errors the CLI turns into one line and an exit code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # errors sit below every layer: the model's Location is named, never imported
    from sanctions.dataset.model import Location


class SanctionsError(Exception):
    """Every error the tool expects: the CLI prints it as one line and exits with `exit_code`."""

    exit_code = 1


class UsageError(SanctionsError):
    """The user asked for something that does not exist or cannot be read."""

    exit_code = 2


class UnknownRegimeError(UsageError):
    """A regime name matched no id, alias or resolution number."""

    def __init__(self, name: str, suggestion: str | None) -> None:
        hint = f" — did you mean '{suggestion}'?" if suggestion else " — run 'sanctions regimes' to list them"
        super().__init__(f"unknown regime '{name}'{hint}")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a regime file, with where it is."""

    where: Location
    message: str
    warning: bool = False  # worth a look, but the file loads: `validate` lists it and exits 0

    def __str__(self) -> str:
        return f"{self.where}: {'warning: ' if self.warning else ''}{self.message}"


class DataError(SanctionsError):
    """A regime file (or folder of them) could not be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0])
        more = len(problems) - 1
        suffix = f" (and {more} more: run 'sanctions validate')" if more else ""
        super().__init__(first + suffix)
