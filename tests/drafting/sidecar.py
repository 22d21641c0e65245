"""The collected press releases (tests/data/press/) and what each says, read field by field.

Shared by tests/drafting/test_draft.py and benchmarks/draft_accuracy.py, so both score the same fields
the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from sanctions.dataset.model import Position
from sanctions.drafting.draft import Draft

PRESS = Path(__file__).parents[1] / "data" / "press"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((PRESS / "expected.yaml").read_text(encoding="utf-8"))
SCORED = ("regime", "date", "kind", "document", "meeting", "press_release", "vote", "in_favour", "against")
SCORED += ("abstaining", "vetoed_by", "penholders", "expiries")


def observed(draft: Draft) -> dict[str, Any]:
    """A draft in the sidecar's terms."""

    def members(position: Position) -> list[str]:
        return [code for code, p in draft.votes.items() if p is position]

    return {
        "regime": draft.regime.id if draft.regime else None,
        "date": draft.date,
        "kind": draft.kind.value if draft.kind else None,
        "document": draft.document,
        "meeting": draft.meeting,
        "press_release": draft.press_release,
        "vote": str(draft.vote) if draft.vote else None,
        "in_favour": members(Position.YES),
        "against": members(Position.AGAINST),
        "abstaining": members(Position.ABSTAIN),
        "vetoed_by": list(draft.vetoed_by),
        "penholders": list(draft.penholders),
        "expiries": dict(draft.expiries),
    }
