"""The domain model's own rules: how an event's sources are classified."""

from __future__ import annotations

import datetime as dt

import pytest

from sanctions.dataset.model import Event, Kind, Sourcing, source_sourcing
from sanctions.render.markdown import web_address


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("https://press.un.org/en/2025/sc16077.doc.htm", Sourcing.UN),
        ("https://www.un.org/securitycouncil/sanctions/2206", Sourcing.UN),
        ("https://documents.un.org/doc/undoc/gen/n25/123/45/pdf/n2512345.pdf", Sourcing.UN),
        ("https://digitallibrary.un.org/record/4081111", Sourcing.UN),
        ("https://undocs.org/S/RES/2781(2025)", Sourcing.UN),
        ("http://UN.ORG/en/sc", Sourcing.UN),
        ("S/RES/2206 (2015) as read in the UN Digital Library", Sourcing.UN),
        ("https://www.securitycouncilreport.org/whatsinblue/2025/05/south-sudan.php", Sourcing.SCR),
        ("http://www.whatsinblue.org/2019/08/mali-sanctions-regime-renewal-2.php", Sourcing.SCR),
        ("https://unmiss.unmissions.org/security-council-renews-sanctions-south-sudan", Sourcing.SECONDARY),
        ("https://radiotamazuj.org/en/news/article/un-panel", Sourcing.SECONDARY),
        ("https://un.org.example.com/fake", Sourcing.SECONDARY),
        ("https://notun.org/page", Sourcing.SECONDARY),
        ("https://securitycouncilreport.org.evil.net/x", Sourcing.SECONDARY),
    ],
)
def test_each_source_is_classified_by_its_host(source: str, expected: Sourcing) -> None:
    assert source_sourcing(source) is expected


def _event(*sources: str) -> Event:
    return Event(date=dt.date(2025, 5, 30), kind=Kind.RENEWED, document="S/RES/2781 (2025)", title="t", sources=sources)


@pytest.mark.parametrize(
    ("sources", "expected", "deciding"),
    [
        (("https://blog.example/a", "https://www.securitycouncilreport.org/b", "https://press.un.org/c"), "un", 2),
        (("https://blog.example/a", "https://www.securitycouncilreport.org/b"), "scr", 1),
        (("https://blog.example/a", "https://news.example/b"), "secondary", 0),
    ],
)
def test_an_event_is_sourced_by_its_best_source(sources: tuple[str, ...], expected: str, deciding: int) -> None:
    event = _event(*sources)
    assert event.sourcing == expected
    assert event.deciding_source == (sources[deciding],)


def test_an_event_without_sources_is_secondary() -> None:
    assert _event().sourcing is Sourcing.SECONDARY
    assert _event().deciding_source == ()


def test_a_user_name_or_port_does_not_hide_the_host() -> None:
    assert source_sourcing("https://press.un.org@blog.example/x") is Sourcing.SECONDARY
    assert source_sourcing("https://press.un.org:443/en/2025/sc16077.doc.htm") is Sourcing.UN
    assert source_sourcing("HTTPS://WWW.SECURITYCOUNCILREPORT.ORG/x") is Sourcing.SCR


@pytest.mark.parametrize(
    "address",
    [
        "https://evil.example\\@press.un.org/x",  # a browser reads the backslash as a slash: host evil.example
        "https://evil.example\\press.un.org/x",
        "https://press.un.org@evil.example/x",  # a user name before the real host
        "https://user:pw@evil.example\\@www.un.org/",
    ],
)
def test_a_source_is_rated_by_the_host_a_browser_would_open(address: str) -> None:
    assert source_sourcing(address) is Sourcing.SECONDARY
    assert web_address(address) is None  # never linked


def test_a_plain_un_address_is_still_a_un_source() -> None:
    assert source_sourcing("https://press.un.org/en/2023/sc15400.doc.htm") is Sourcing.UN
    assert source_sourcing("https://user@press.un.org/en/2023/sc15400.doc.htm") is Sourcing.UN
