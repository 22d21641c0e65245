"""The SQLite export's schema, and what datasette says of each of its tables, views and columns."""

from __future__ import annotations

#: Raised whenever the schema changes: `PRAGMA user_version` tells a reader which one it holds.
SCHEMA_VERSION = 3
#: Fixed, so the file's bytes do not depend on the SQLite build's default.
PAGE_SIZE = 4096

SCHEMA = """
CREATE TABLE regimes (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    committee TEXT NOT NULL,
    established_by TEXT,
    established TEXT,
    verified TEXT NOT NULL,
    summary TEXT NOT NULL,
    notes TEXT NOT NULL,
    preceded_by TEXT,
    succeeded_by TEXT
);
CREATE TABLE aliases (
    regime TEXT NOT NULL REFERENCES regimes (id),
    seq INTEGER NOT NULL,
    alias TEXT NOT NULL,
    PRIMARY KEY (regime, seq)
);
CREATE TABLE mandates (
    regime TEXT NOT NULL REFERENCES regimes (id),
    mandate TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    category TEXT NOT NULL,
    short TEXT NOT NULL,
    PRIMARY KEY (regime, mandate)
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    regime TEXT NOT NULL REFERENCES regimes (id),
    date TEXT NOT NULL,
    kind TEXT NOT NULL,
    document TEXT NOT NULL,
    meeting TEXT,
    press_release TEXT,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    in_favour INTEGER,
    against INTEGER,
    abstaining INTEGER,
    notes TEXT NOT NULL,
    dispute TEXT,
    effective TEXT,
    instrument TEXT NOT NULL
);
CREATE INDEX events_by_regime_and_date ON events (regime, date);
CREATE INDEX events_by_date ON events (date);
CREATE INDEX events_by_kind ON events (kind);
CREATE INDEX events_by_document ON events (document);
CREATE TABLE votes (
    event INTEGER NOT NULL REFERENCES events (id),
    member TEXT NOT NULL,
    position TEXT NOT NULL,
    PRIMARY KEY (event, member)
);
CREATE INDEX votes_by_member ON votes (member, position);
CREATE TABLE vetoes (
    event INTEGER NOT NULL REFERENCES events (id),
    seq INTEGER NOT NULL,
    member TEXT NOT NULL,
    PRIMARY KEY (event, seq)
);
CREATE INDEX vetoes_by_member ON vetoes (member);
CREATE TABLE penholders (
    event INTEGER NOT NULL REFERENCES events (id),
    seq INTEGER NOT NULL,
    member TEXT NOT NULL,
    PRIMARY KEY (event, seq)
);
CREATE INDEX penholders_by_member ON penholders (member);
CREATE TABLE sources (
    event INTEGER NOT NULL REFERENCES events (id),
    seq INTEGER NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (event, seq)
);
CREATE TABLE mandate_changes (
    event INTEGER NOT NULL REFERENCES events (id),
    regime TEXT NOT NULL,
    mandate TEXT NOT NULL,
    effect TEXT NOT NULL CHECK (effect IN ('sets', 'would_have_set', 'lapses')),
    value TEXT,
    expires TEXT,
    derived TEXT,
    PRIMARY KEY (event, effect, mandate),
    FOREIGN KEY (regime, mandate) REFERENCES mandates (regime, mandate)
);
CREATE INDEX mandate_changes_by_mandate ON mandate_changes (regime, mandate, effect);
CREATE INDEX mandate_changes_by_expiry ON mandate_changes (expires);
CREATE TABLE deadlines (
    event INTEGER NOT NULL REFERENCES events (id),
    label TEXT NOT NULL,
    due TEXT NOT NULL,
    PRIMARY KEY (event, label)
);
CREATE INDEX deadlines_by_due ON deadlines (due);
CREATE TABLE periods (
    regime TEXT NOT NULL,
    mandate TEXT NOT NULL,
    seq INTEGER NOT NULL,
    starts TEXT NOT NULL,
    ends TEXT,
    set_by INTEGER NOT NULL REFERENCES events (id),
    suspended INTEGER NOT NULL CHECK (suspended IN (0, 1)),
    PRIMARY KEY (regime, mandate, seq),
    FOREIGN KEY (regime, mandate) REFERENCES mandates (regime, mandate)
);
CREATE INDEX periods_by_end ON periods (ends);
CREATE TABLE statuses (
    regime TEXT NOT NULL,
    mandate TEXT NOT NULL,
    as_of TEXT NOT NULL,
    status TEXT NOT NULL,
    expires TEXT,
    days_left INTEGER,
    set_by INTEGER REFERENCES events (id),
    ended_by INTEGER REFERENCES events (id),
    pending INTEGER REFERENCES events (id),
    PRIMARY KEY (regime, mandate),
    FOREIGN KEY (regime, mandate) REFERENCES mandates (regime, mandate)
);
CREATE INDEX statuses_by_status ON statuses (status, expires);
CREATE TABLE members (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    permanent INTEGER NOT NULL CHECK (permanent IN (0, 1))
);
CREATE TABLE seats (
    year INTEGER NOT NULL,
    member TEXT NOT NULL REFERENCES members (code),
    seat TEXT NOT NULL CHECK (seat IN ('permanent', 'elected')),
    PRIMARY KEY (year, member)
);
CREATE TABLE positions (
    event INTEGER NOT NULL REFERENCES events (id),
    member TEXT NOT NULL REFERENCES members (code),
    position TEXT NOT NULL,
    basis TEXT NOT NULL CHECK (basis IN ('recorded', 'derived')),
    PRIMARY KEY (event, member)
);
CREATE INDEX positions_by_member ON positions (member, position);
CREATE VIEW vote_positions AS
SELECT
    events.regime,
    events.date,
    events.kind,
    events.document,
    positions.event,
    positions.member,
    members.name,
    members.permanent,
    positions.position,
    positions.basis
FROM positions
JOIN events ON events.id = positions.event
JOIN members ON members.code = positions.member;
CREATE VIRTUAL TABLE events_fts USING fts5 (title, summary, content=[events], content_rowid=[id]);
CREATE VIEW mandate_status AS
SELECT
    statuses.regime,
    statuses.mandate,
    mandates.name,
    statuses.status,
    statuses.expires,
    statuses.days_left,
    setter.document AS set_by,
    setter.date AS set_by_date,
    ender.document AS ended_by,
    ender.date AS ended_by_date,
    ender.kind AS ended_by_kind,
    (SELECT group_concat(member, ' ') FROM (SELECT member FROM vetoes WHERE event = ender.id ORDER BY seq))
        AS vetoed_by,
    setter.dispute,
    statuses.as_of,
    pender.document AS pending,
    pender.date AS pending_adopted,
    pender.effective AS pending_effective,
    (SELECT value FROM mandate_changes
        WHERE event = pender.id AND mandate = statuses.mandate AND effect = 'sets') AS pending_sets
FROM statuses
JOIN mandates USING (regime, mandate)
LEFT JOIN events AS setter ON setter.id = statuses.set_by
LEFT JOIN events AS ender ON ender.id = statuses.ended_by
LEFT JOIN events AS pender ON pender.id = statuses.pending;
"""


_EVENT = "events.id of the event"
_MEMBER = "the member's ISO 3166-1 alpha-2 code (withdrawn codes such as SU too); see members"
_REGIME = "regimes.id of the regime"
_MANDATE = "the mandate's key in the regime file (measures, panel); see mandates"

#: What datasette shows for each table and view: (description, {column: description}). Every table, view
#: and column of SCHEMA has one (the tests check it), and the names are stable (docs/publishing.md).
TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "regimes": (
        "One row per sanctions regime, as its file in the regimes folder records it.",
        {
            "id": "the regime's id (mali, dprk), as the command line takes it",
            "name": "the regime's name",
            "committee": "the sanctions committee's name",
            "established_by": "the establishing resolution (S/RES/2374 (2017)); NULL for sanctions never established",
            "established": "the date of the establishing event, or NULL",
            "verified": "the date up to which the regime's data was checked against its sources",
            "summary": "a short account of the regime",
            "notes": "what the data leaves out or could not verify",
            "preceded_by": "regimes.id of the regime this one succeeded, or NULL",
            "succeeded_by": "regimes.id of the regime that succeeded this one, or NULL",
        },
    ),
    "aliases": (
        "Other names a regime answers to on the command line.",
        {"regime": _REGIME, "seq": "order in the regime file", "alias": "the other name"},
    ),
    "mandates": (
        "One row per mandate of a regime: the measures, a panel of experts, a monitoring team.",
        {
            "regime": _REGIME,
            "mandate": "the mandate's key in the regime file",
            "name": "the mandate's name",
            "description": "what the mandate covers",
            "category": "measures, monitoring, ombudsperson or other",
            "short": "a short label for a long name, used where space is short; empty when the name is short enough",
        },
    ),
    "events": (
        "One row per event: a resolution, a veto, a failed draft, a lapse, a report. Full-text search"
        " covers title and summary (events_fts).",
        {
            "id": "the event's row id, in the order of the regime files",
            "regime": _REGIME,
            "date": "the day of the event (ISO 8601)",
            "kind": "established, renewed, modified, terminated, suspended, reinstated, lapsed, veto,"
            " failed-draft, designation, delisting, report or related",
            "document": "the UN symbol of the decision or draft (S/RES/2374 (2017), S/2023/638)",
            "meeting": "the meeting record's symbol (S/PV.9408), or NULL",
            "press_release": "the UN press release's symbol (SC/15648), or NULL",
            "title": "what happened, in one line",
            "summary": "what happened, in a few sentences",
            "in_favour": "votes in favour; NULL when no vote was taken or recorded",
            "against": "votes against; NULL when no vote was taken or recorded",
            "abstaining": "abstentions; NULL when no vote was taken or recorded",
            "notes": "what the sources leave open",
            "dispute": "who contests the decision, or NULL",
            "effective": "the day it took effect when not the day of adoption, else NULL",
            "instrument": "resolution, presidential statement, meeting record, press release or document",
        },
    ),
    "votes": (
        "The positions a source records, member by member (often only the permanent members, or none);"
        " positions and vote_positions add those the tally leaves no doubt about.",
        {"event": _EVENT, "member": _MEMBER, "position": "yes, against, abstain or absent"},
    ),
    "vetoes": (
        "The permanent members whose vote against defeated a draft.",
        {"event": _EVENT, "seq": "order in the regime file", "member": _MEMBER},
    ),
    "penholders": (
        "The members who drafted a text.",
        {"event": _EVENT, "seq": "order in the regime file", "member": _MEMBER},
    ),
    "sources": (
        "What each event was read in: a web address, or a UN symbol with a note.",
        {"event": _EVENT, "seq": "order in the regime file", "source": "the source as the regime file cites it"},
    ),
    "mandate_changes": (
        "Each mandate an event set, would have set (a failed draft), or lapsed.",
        {
            "event": _EVENT,
            "regime": _REGIME,
            "mandate": _MANDATE,
            "effect": "sets, would_have_set or lapses",
            "value": "a date, open-ended, terminated, suspended, transferred or unrecorded; NULL for lapses",
            "expires": "the value if it is a date, else NULL",
            "derived": "how the date follows from a term stated as a duration ('13 months from 2009-11-17'), else NULL",
        },
    ),
    "deadlines": (
        "Report deadlines a decision set.",
        {"event": _EVENT, "label": "what is due", "due": "the date it is due"},
    ),
    "periods": (
        "The successive periods of each mandate, as the decisions in effect on the as-of date set them.",
        {
            "regime": _REGIME,
            "mandate": _MANDATE,
            "seq": "order of the period",
            "starts": "the day the period began",
            "ends": "its last day, or NULL for no end date",
            "set_by": "events.id of the decision that set it",
            "suspended": "1 for a stretch the measures were suspended, else 0",
        },
    ),
    "statuses": (
        "Each mandate's status on the as-of date of the export, as sanctions expiry computes it.",
        {
            "regime": _REGIME,
            "mandate": _MANDATE,
            "as_of": "the date the status is judged on",
            "status": "active, expiring, open-ended, lapsed, terminated, suspended, transferred, not-established"
            " or unverified",
            "expires": "its last day in force, or NULL",
            "days_left": "days from as_of to expires while in force, else NULL",
            "set_by": "events.id of the decision that set this status, or NULL",
            "ended_by": "events.id of the decision or failed draft that ended it, or NULL",
            "pending": "events.id of a decision adopted by as_of that takes effect later, or NULL",
        },
    ),
    "members": (
        "Every Council member the data names, and every member of the years seats covers.",
        {
            "code": "ISO 3166-1 alpha-2 code as it stood then (SU for the USSR, ZR for Zaire)",
            "name": "the name shown in tables",
            "permanent": "1 for a permanent member (SU, then RU, for the Soviet seat), else 0",
        },
    ),
    "seats": (
        "Who sat on the Council each year from 1991 to 2026 (1991 lists both SU and RU).",
        {"year": "the calendar year", "member": _MEMBER, "seat": "permanent or elected"},
    ),
    "positions": (
        "Every member's position on every vote: recorded by a source, or derived from the tally when it"
        " leaves only one possibility (a 15-0-0 adoption is a yes from each member of that day's Council),"
        " as sanctions votes derives them.",
        {
            "event": _EVENT,
            "member": _MEMBER,
            "position": "yes, against, abstain or absent",
            "basis": "recorded (a source names it) or derived (from the tally and the day's membership)",
        },
    ),
    "vote_positions": (
        "View: positions with each vote's regime, date, kind and document, and the member's name.",
        {
            "regime": _REGIME,
            "date": "the day of the vote",
            "kind": "the event's kind",
            "document": "the UN symbol of the decision or draft voted on",
            "event": _EVENT,
            "member": _MEMBER,
            "name": "the member's name",
            "permanent": "1 for a permanent member, else 0",
            "position": "yes, against, abstain or absent",
            "basis": "recorded or derived",
        },
    ),
    "mandate_status": (
        "View: each mandate's status on the as-of date with the documents by name, as sanctions expiry"
        " --format json shows it.",
        {
            "regime": _REGIME,
            "mandate": _MANDATE,
            "name": "the mandate's name",
            "status": "the status on as_of",
            "expires": "its last day in force, or NULL",
            "days_left": "days left while in force, else NULL",
            "set_by": "the document of the decision that set the status",
            "set_by_date": "its date",
            "ended_by": "the document of the decision or failed draft that ended the mandate",
            "ended_by_date": "its date",
            "ended_by_kind": "its kind",
            "vetoed_by": "codes of the members who vetoed it, separated by a space",
            "dispute": "who contests the decision that set the status",
            "as_of": "the date the status is judged on",
            "pending": "a decision adopted by as_of that takes effect later",
            "pending_adopted": "its date of adoption",
            "pending_effective": "the day it takes effect",
            "pending_sets": "what it sets the mandate to",
        },
    ),
    "events_fts": (
        "Full-text index (FTS5) of the events' title and summary; its content is the events table.",
        {"title": "events.title", "summary": "events.summary"},
    ),
}
