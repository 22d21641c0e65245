"""Write synthetic regime files in the real format, for benchmarks.

    python benchmarks/generate.py --regimes 20 --events 500 --out /tmp/bench-data

Each file has one establishing resolution and then a realistic mix: yearly renewals that move
the Panel's expiry forward, modifications, designations with committee press releases, reports,
and now and then a vetoed draft with per-member votes. Titles, summaries and sources are of real
length. `sanctions validate --data DIR` passes on the output. The data is made up: it is never
shipped and never mixed with the real regime files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

START = dt.date(1990, 1, 2)
MEMBERS = ["CN", "FR", "GB", "RU", "US", "BR", "DE", "IN", "JP", "KE", "MX", "NO", "AE", "GH", "GA"]
SUMMARY = (
    "The Council renewed the measures imposed by its earlier resolutions and extended the mandate of the "
    "Panel of Experts, asking it to provide a midterm update and a final report, and expressed its intention "
    "to review the measures in the light of progress on the ground."
)


def _event(regime: str, index: int, day: dt.date, rng: random.Random) -> list[str]:
    number = 1000 + (index % 8999)
    resolution = f"S/RES/{number} ({day.year})"
    meeting = f"S/PV.{5000 + index % 4999}"
    source = f"https://press.un.org/en/{day.year}/sc{10000 + index % 89999}.doc.htm"
    if index == 0:
        return [
            f"  - date: {day.isoformat()}",
            "    kind: established",
            f"    document: {resolution}",
            f"    meeting: {meeting}",
            f"    title: Sanctions regime on {regime} established with a Committee and a Panel of Experts",
            f"    summary: {SUMMARY}",
            "    vote: {in_favour: 15, against: 0, abstaining: 0}",
            f"    sets: {{measures: open-ended, panel: {(day + dt.timedelta(days=400)).isoformat()}}}",
            f"    sources: [{source}]",
        ]
    roll = rng.random()
    if roll < 0.04:
        votes = ", ".join(f"{code}: {'against' if code == 'RU' else 'yes'}" for code in MEMBERS[:14])
        return [
            f"  - date: {day.isoformat()}",
            "    kind: veto",
            f"    document: S/{day.year}/{100 + index % 899}",
            f"    meeting: {meeting}",
            "    title: Draft renewing the Panel of Experts vetoed by a permanent member",
            f"    summary: {SUMMARY}",
            "    vote: {in_favour: 14, against: 1, abstaining: 0}",
            f"    votes: {{{votes}}}",
            "    vetoed_by: [RU]",
            "    penholders: [FR, GB]",
            f"    would_have_set: {{panel: {(day + dt.timedelta(days=500)).isoformat()}}}",
            f"    sources: [{source}]",
        ]
    if roll < 0.45:
        abstaining = rng.choice([0, 0, 0, 1, 2])
        return [
            f"  - date: {day.isoformat()}",
            "    kind: renewed",
            f"    document: {resolution}",
            f"    meeting: {meeting}",
            "    title: Measures renewed and the mandate of the Panel of Experts extended for thirteen months",
            f"    summary: {SUMMARY}",
            f"    vote: {{in_favour: {15 - abstaining}, against: 0, abstaining: {abstaining}}}",
            "    penholders: [FR]",
            f"    sets: {{panel: {(day + dt.timedelta(days=400)).isoformat()}}}",
            f"    sources: [{source}, https://www.securitycouncilreport.org/whatsinblue/{day.year}/renewal.php]",
        ]
    kind, title = rng.choice(
        [
            ("modified", "Arms embargo widened to cover components of improvised explosive devices"),
            ("designation", "Committee adds two individuals and one entity to its sanctions list"),
            ("report", "Final report of the Panel of Experts submitted to the Council"),
            ("related", "Peacekeeping mandate renewed with a request to assist the Committee and its Panel"),
        ]
    )
    document = {"designation": f"SC/{10000 + index % 89999}", "report": f"S/{day.year}/{100 + index % 899}"}
    lines = [
        f"  - date: {day.isoformat()}",
        f"    kind: {kind}",
        f"    document: {document.get(kind, resolution)}",
        f"    title: {title}",
        f"    summary: {SUMMARY}",
    ]
    if kind in ("modified", "related"):
        lines += [f"    meeting: {meeting}", "    vote: {in_favour: 15, against: 0, abstaining: 0}"]
    return [*lines, f"    sources: [{source}]"]


def regime_text(regime: str, events: int, seed: int) -> str:
    """One regime file with `events` events, one a day from 1990 on."""
    rng = random.Random(seed)
    lines = [
        f"id: {regime}",
        f"name: Synthetic regime {regime}",
        f'aliases: ["{9000 + seed}"]',
        f"committee: Security Council Committee established pursuant to resolution 1000 (1990) concerning {regime}",
        "established_by: S/RES/1000 (1990)",
        f"verified: {(START + dt.timedelta(days=events + 1)).isoformat()}",
        "mandates:",
        '  measures: {name: "Arms embargo, travel ban and asset freeze"}',
        "  panel: {name: Panel of Experts}",
        "events:",
    ]
    for index in range(events):
        day = START + dt.timedelta(days=index)
        event = _event(regime, index, day, rng)
        if index == 0:
            event[2] = "    document: S/RES/1000 (1990)"
        lines.extend(event)
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regimes", type=int, required=True)
    parser.add_argument("--events", type=int, required=True, help="events per regime")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for number in range(args.regimes):
        regime = f"synthetic-{number:03d}"
        (args.out / f"{regime}.yaml").write_text(regime_text(regime, args.events, number), encoding="utf-8")


if __name__ == "__main__":
    main()
