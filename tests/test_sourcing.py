"""Every event cites a source the UN published, and each source is labelled by who published it."""

from __future__ import annotations

import re

import pytest

from sanctions.dataset.model import Regime, Sourcing, source_sourcing

# Who publishes what is read at each host, and so how a source there is labelled. The UN's own
# pages (documents, press releases, meeting records, the library) are UN sources; a copy of a UN
# text on anyone else's site is labelled by that site, whatever it copies.
PUBLISHERS = {
    "undocs.org": ("United Nations (Official Document System)", Sourcing.UN),
    "press.un.org": ("United Nations (Meetings Coverage and Press Releases)", Sourcing.UN),
    "www.un.org": ("United Nations", Sourcing.UN),
    "news.un.org": ("United Nations (UN News)", Sourcing.UN),
    "digitallibrary.un.org": ("United Nations (Dag Hammarskjöld Library)", Sourcing.UN),
    "unis.unvienna.org": ("United Nations Information Service, Vienna", Sourcing.UN),
    "www.unmultimedia.org": ("United Nations (UN Multimedia)", Sourcing.UN),
    "www.securitycouncilreport.org": ("Security Council Report", Sourcing.SCR),
    "www.whatsinblue.org": ("Security Council Report (What's in Blue)", Sourcing.SCR),
    "github.com": ("the repository's owner (intreleng-research/unsc-dataset: a copy of UN library tables)", None),
    "unscr.com": ("unscr.com, a private copy of resolution texts", None),
    "www.globalsecurity.org": ("GlobalSecurity.org, republishing UN press releases", None),
    "reliefweb.int": ("ReliefWeb (OCHA), republishing press releases", None),
    "www.miragenews.com": ("Mirage News, republishing UN press releases", None),
    "lawglobalhub.com": ("LawGlobal Hub, a private copy of resolution texts", None),
}
_HOST = re.compile(r"https?://([^/?#:\s)]+)", re.I)


def _host(source: str) -> str | None:
    found = _HOST.search(source)
    return found[1].lower() if found else None


def _events(bundled: list[Regime]) -> list[tuple[str, tuple[str, ...]]]:
    return [(regime.id, event.sources) for regime in bundled for event in regime.events]


def test_events_cite_a_source_the_un_published(bundled: list[Regime], capsys: pytest.CaptureFixture[str]) -> None:
    rows: dict[str, list[int]] = {}
    for regime_id, sources in _events(bundled):
        counts = rows.setdefault(regime_id, [0, 0])
        counts[0] += any(source_sourcing(source) is Sourcing.UN for source in sources)
        counts[1] += 1
    table = [f"{'regime':<20} {'UN-sourced':>10} {'events':>6} {'share':>7}"]
    table += [f"{rid:<20} {un:>10} {total:>6} {un / total:>7.1%}" for rid, (un, total) in sorted(rows.items())]
    cited, total = sum(un for un, _ in rows.values()), sum(n for _, n in rows.values())
    table.append(f"{'all':<20} {cited:>10} {total:>6} {cited / total:>7.1%}")
    with capsys.disabled():
        print("\n" + "\n".join(table))
    assert cited / total >= 0.95, "\n".join(table)


@pytest.mark.parametrize(("host", "publisher"), sorted(PUBLISHERS.items()))
def test_a_source_is_labelled_by_its_publisher(host: str, publisher: tuple[str, Sourcing | None]) -> None:
    expected = publisher[1] or Sourcing.SECONDARY
    assert source_sourcing(f"https://{host}/page") is expected
    # A UN symbol read in a copy is labelled by the copy's publisher, not by the UN text it copies.
    assert source_sourcing(f"SC/7721 (the UN press release) read in a copy (https://{host}/page)") is expected


def test_every_source_in_the_data_is_labelled_by_its_host(bundled: list[Regime]) -> None:
    wrong = []
    for regime_id, sources in _events(bundled):
        for source in sources:
            host = _host(source)
            if host is None:
                continue
            label = source_sourcing(source)
            publisher = PUBLISHERS.get(host)
            expected = publisher[1] or Sourcing.SECONDARY if publisher else None
            if expected is not None and label is not expected:
                wrong.append((regime_id, source, label.value, expected.value))
            if expected is None and label is Sourcing.UN and not host.endswith(("un.org", "undocs.org")):
                wrong.append((regime_id, source, label.value, "a UN host"))
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("S/RES/661 (1990)", Sourcing.UN),
        ("SC/7313 press release, read on the UN Information Service Vienna site", Sourcing.UN),
        ("S/RES/985 (1995) text, read in a mirror of the UN's resolution pages", Sourcing.SECONDARY),
        ("S/RES/1532 (2004) text (paragraph 1), read on LawGlobal Hub", Sourcing.SECONDARY),
        ("S/PV.1056 UN library meetings table (tests/reference/dhl-meetings-1946-2022.csv)", Sourcing.SECONDARY),
    ],
)
def test_a_note_without_an_address_is_labelled_by_the_copy_it_names(note: str, expected: Sourcing) -> None:
    assert source_sourcing(note) is expected


def test_copies_of_un_tables_are_not_labelled_as_the_un(bundled: list[Regime]) -> None:
    for regime in bundled:
        if regime.id not in ("south-africa", "southern-rhodesia"):
            continue
        for event in regime.events:
            copies = [source for source in event.sources if "UN library" in source]
            assert all(source_sourcing(source) is Sourcing.SECONDARY for source in copies), copies
            undocs = [source for source in event.sources if source.startswith("https://undocs.org/en/")]
            assert undocs, (regime.id, event.document)


@pytest.mark.parametrize(
    ("regime_id", "document", "address"),
    [
        ("sudan", "S/RES/2791 (2025)", "https://press.un.org/en/2025/sc16165.doc.htm"),
        ("yemen", "S/RES/2801 (2025)", "https://press.un.org/en/2025/sc16222.doc.htm"),
        ("isil-al-qaida", "S/RES/2734 (2024)", "https://press.un.org/en/2024/sc15722.doc.htm"),
    ],
)
def test_press_releases_read_in_copies_cite_the_un_address(
    bundled: list[Regime], regime_id: str, document: str, address: str
) -> None:
    regime = next(r for r in bundled if r.id == regime_id)
    (event,) = [e for e in regime.events if e.document == document and e.sets]
    assert address in event.sources
    assert event.sourcing is Sourcing.UN
