"""How well `sanctions draft` reads real press releases: field by field, over tests/data/press/.

    python benchmarks/draft_accuracy.py

Two tables. The first scores each drafted field against what the text itself says (the hand-read
sidecar tests/data/press/expected.yaml): a value is right, left out (and warned about), or wrong.
A wrong value is the failure that matters, since a left-out one is named in a warning; `misses` in
the sidecar names the values known to be wrong or left out. The second
compares each draft with the event the bundled regime file records for that day, showing how much
of a hand-written event a press release alone gives. Exits 1 when a drafted value is wrong that the
sidecar does not name as a known miss, or when fewer than 95 % of the fields are right.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from sanctions.dataset.loader import data_dir, load_all
from sanctions.dataset.model import Event, Position, Regime
from sanctions.drafting.draft import draft_event

# The sidecar and the reading of a draft are the tests' own (tests/drafting/sidecar.py): both score alike.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.drafting.sidecar import EXPECTED, PRESS, SCORED, observed

EMPTY = (None, [], {})


def recorded(event: Event) -> dict[str, Any]:
    def members(position: Position) -> list[str]:
        return sorted(code for code, p in event.votes.items() if p is position)

    return {
        "date": event.date,
        "kind": event.kind.value,
        "document": event.document,
        "meeting": event.meeting,
        "press_release": event.press_release,
        "vote": str(event.vote) if event.vote else None,
        "against": members(Position.AGAINST),
        "abstaining": members(Position.ABSTAIN),
        "vetoed_by": sorted(event.vetoed_by),
        "penholders": sorted(event.penholders),
        "expiries": dict(event.would_have_set if event.kind.is_failed else event.sets),
    }


def main() -> int:
    regimes = load_all(data_dir())
    by_id: dict[str, Regime] = {regime.id: regime for regime in regimes}
    tally = {field: {"right": 0, "left out": 0, "wrong": 0} for field in SCORED}
    agreement = {field: [0, 0] for field in ("date", "kind", "document", "meeting", "press_release", "vote")}
    agreement.update({field: [0, 0] for field in ("against", "abstaining", "vetoed_by", "penholders", "expiries")})
    wrong: list[str] = []
    differences: list[str] = []
    warnings = 0
    for name, expected in sorted(EXPECTED.items()):
        text = (PRESS / name).read_text(encoding="utf-8")
        given = expected.get("given_date")
        draft = draft_event(text, regimes, url=expected["url"], given_date=given)
        warnings += len(draft.warnings)
        got = observed(draft)
        for field in SCORED:
            if got[field] == expected[field]:
                tally[field]["right"] += 1
            elif got[field] in EMPTY:
                tally[field]["left out"] += 1
            else:
                tally[field]["wrong"] += 1
                known = " (a known miss)" if field in expected.get("misses", ()) else ""
                wrong.append(f"{name}: {field} is {got[field]!r}, the text says {expected[field]!r}{known}")
        regime = by_id[expected["regime"]]
        day = expected["date"] if isinstance(expected["date"], dt.date) else None
        filed = next((e for e in regime.events if e.date == day and e.kind.value == expected["kind"]), None)
        if filed is None:
            continue
        for field, value in recorded(filed).items():
            mine = sorted(got[field]) if isinstance(got[field], list) else got[field]
            agreement[field][1] += 1
            agreement[field][0] += mine == value
            if mine != value:
                differences.append(f"{name}: {field} drafted {mine!r}, filed {value!r}")

    count = len(EXPECTED)
    covered = len({fixture["regime"] for fixture in EXPECTED.values()})
    print(f"sanctions draft on {count} press releases ({covered} regimes)")
    print()
    print("Against what each text says:")
    print(f"  {'field':<14} {'right':>6} {'left out':>9} {'wrong':>6}   accuracy")
    for field, counts in tally.items():
        share = counts["right"] / count
        print(f"  {field:<14} {counts['right']:>6} {counts['left out']:>9} {counts['wrong']:>6}   {share:>7.0%}")
    right = sum(c["right"] for c in tally.values())
    left_out = sum(c["left out"] for c in tally.values())
    total = count * len(SCORED)
    print(f"  {'all fields':<14} {right:>6} {left_out:>9} {len(wrong):>6}   {right / total:>7.0%}")
    print(f"  warnings printed: {warnings} ({warnings / count:.1f} per release)")
    print()
    print("Against the event the regime file records (hand-written from these and other sources):")
    for field, (same, compared) in agreement.items():
        print(f"  {field:<14} {same:>3} of {compared:<3} the same")
    print()
    print("Where they differ (tests/data/press/expected.yaml notes why):")
    for line in differences:
        print(f"  {line}")
    if wrong:
        print()
        print("Wrong values:")
        for line in wrong:
            print(f"  {line}")
    unexpected = [line for line in wrong if not line.endswith("(a known miss)")]
    return 1 if unexpected or right / total < 0.95 else 0


if __name__ == "__main__":
    sys.exit(main())
