"""Atom (RFC 4287): every regime's events as one feed, newest first, for feed readers to follow the HTML site."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from urllib.parse import quote
from xml.etree import ElementTree

from sanctions import __version__
from sanctions.council import members
from sanctions.dataset.model import Event, Regime
from sanctions.render import inert
from sanctions.render.html import CALENDAR, FEED, anchors, page_name

ATOM = "http://www.w3.org/2005/Atom"
TITLE = "Decisions on UN Security Council sanctions regimes"


def entry_id(regime: Regime, anchor: str) -> str:
    """An entry's id: a name-based UUID (RFC 9562, version 5) of the regime and the event's anchor on its page.

    The same event keeps its id in every export, and the id is an absolute IRI, as Atom requires, without
    the site's address, which the export does not know.
    """
    return uuid.uuid5(uuid.NAMESPACE_URL, f"sanctions:{regime.id}.html#{anchor}").urn


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _summary(event: Event) -> str:
    parts = [event.summary or event.title, f"Document: {event.document}."]
    if event.vote is not None:
        vetoed = f", vetoed by {', '.join(map(members.member_name, event.vetoed_by))}" if event.vetoed_by else ""
        parts.append(f"Vote: {event.vote}{vetoed}.")
    return " ".join(parts)


def _add(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = inert(text)  # XML 1.0 cannot hold most control characters, escaped or not
    return element


def feed(regimes: Sequence[Regime], as_of: dt.date) -> str:
    """Every event of the regimes as an Atom feed, newest first, each linking its row on its page: what the
    pages' timelines show, as of `as_of`.

    Links are relative to the feed, which `export --all --format html` writes beside the pages.
    """
    entries: list[tuple[dt.date, int, int, Regime, Event, str]] = []
    for number, regime in enumerate(regimes):
        ids = anchors(regime.events)
        for order, event in enumerate(regime.events):
            entries.append((event.date, -number, order, regime, event, ids[id(event)]))
    # Newest first; on one day, regimes in the order given and each regime's events in file order.
    entries.sort(key=lambda item: (item[0], item[1], -item[2]), reverse=True)
    # Atom is the default namespace of every element: declared once on the root, no prefix.
    root = ElementTree.Element("feed", xmlns=ATOM)
    _add(root, "id", uuid.uuid5(uuid.NAMESPACE_URL, "sanctions:" + FEED).urn)
    _add(root, "title", TITLE)
    _add(root, "subtitle", f"Every recorded event of {len(regimes)} regimes, as of {as_of.isoformat()}")
    _add(root, "updated", _stamp(entries[0][0] if entries else as_of))
    _add(root, "link", rel="self", href=FEED, type="application/atom+xml")
    _add(root, "link", rel="alternate", href="index.html", type="text/html")
    _add(root, "link", rel="related", href=CALENDAR, type="text/calendar")
    author = _add(root, "author")
    _add(author, "name", "sanctions, from UN Security Council documents")
    _add(root, "generator", "sanctions", version=__version__)
    for day, _, _, regime, event, anchor in entries:
        entry = _add(root, "entry")
        _add(entry, "id", entry_id(regime, anchor))
        _add(entry, "title", f"{regime.name}: {event.title}")
        _add(entry, "published", _stamp(day))
        _add(entry, "updated", _stamp(day))
        _add(entry, "link", rel="alternate", href=f"{quote(page_name(regime))}#{anchor}", type="text/html")
        _add(entry, "category", term=event.kind.value, label=event.kind.value.replace("-", " "))
        _add(entry, "category", term=regime.id, label=regime.name)
        _add(entry, "summary", _summary(event), type="text")
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
