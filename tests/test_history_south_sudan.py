"""Facts of the South Sudan (2206) regime that users check first (regimes/south-sudan.yaml)."""

from __future__ import annotations

import datetime as dt

from sanctions.analysis.mandates import Status, mandate_status
from sanctions.dataset.model import Regime


def test_the_may_2026_renewal_is_not_confirmed_so_the_terms_are_unverified_not_lapsed(bundled: list[Regime]) -> None:
    (regime,) = [r for r in bundled if r.id == "south-sudan"]
    assert regime.verified == dt.date(2026, 5, 28)  # SCR's What's In Blue of 28 May 2026, the last source read
    today = dt.date(2026, 12, 7)
    standing = {key: mandate_status(regime, key, today).status for key in regime.mandates}
    assert standing == {"measures": Status.UNVERIFIED, "arms-embargo": Status.UNVERIFIED, "panel": Status.UNVERIFIED}
