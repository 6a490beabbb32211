"""Evidence saved whole as a document, each of its entries one row of the timeline's evidence.

An SRE drops into the evidence folder what the tools export, not only logs:

- mail: an mbox archive (a NOC's or a carrier's mails, Thunderbird's and `mutt`'s folders,
  Google Takeout), a single `.eml`, a Maildir's message files: each message a row (its Date,
  From and Subject, and the first lines of its body);
- a status page's history: Atom or RSS feeds (Statuspage, Instatus, most vendors' status
  sites), the Statuspage API's JSON (`incidents[].incident_updates[]`): each update a row;
- Windows event logs exported as XML (Event Viewer's "Save as XML", `wevtutil qe /f:xml`,
  `Get-WinEvent | ConvertTo-Xml`): each event a row, its level Windows' own;
- error trackers' and monitoring vendors' event exports: Sentry's events API list
  (`dateCreated`, `title`), Datadog's events API (`events[].date_happened`, `title`,
  `alert_type`);
- ticket exports: Jira's CSV (`Created`, `Summary`, `Issue key`), and any table of tickets
  with a time column and a summary column (ServiceNow, Zendesk, Freshdesk CSV): each ticket a
  row (when it was opened, what it says);
- chat exports that are no Slack export: DiscordChatExporter's JSON, Microsoft Teams
  channel messages from the Graph API (`value[].createdDateTime`, `from`, `body`),
  Mattermost's bulk export (JSON lines of `post`s): each message a chat message (`chat_rows`).

`document_rows(path)` returns (what it is, the rows) or None: each row a dict with `time`
(ISO, UTC), `msg`, `level` when the document says one, and its other fields (`from`,
`subject`, `actor`...). The log collector reads them as JSON lines (`collect._saved_whole`);
`classify` says "logs" with what it is. Nothing is guessed from a file's name.
"""

from __future__ import annotations

import csv
import email
import email.policy
import html
import io
import json
import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from xml.etree import ElementTree as ET

MAX_BYTES = 64 << 20
BODY_LINES = 3
BODY_MORE = 25  # lines of a mail's body read for what it says (`body`), not shown
MAX_BODY = 2000
MAX_MSG = 600

Rows = tuple[str, list[dict]]


def _head(path: Path, text: str | None) -> str | None:
    """The document's text without a leading BOM or blank space: `text` when the caller read
    it already, else read from `path` (None when it cannot be read)."""
    if text is None:
        from pm_tui.collectors.classify import read_document

        try:
            text = read_document(path, MAX_BYTES)
        except OSError:
            return None
    return text.lstrip("\ufeff \t\r\n")


def document_rows(path: Path, text: str | None = None) -> Rows | None:
    """(what the document is, its rows oldest first) for the formats above; None otherwise.
    `text` is the document when the caller has read it already."""
    head = _head(path, text)
    if head is None:
        return None
    for reader in (_mail, _xml, _json_document, _ticket_table):
        try:
            found = reader(head)
        except (ValueError, TypeError, KeyError, ET.ParseError, csv.Error):
            found = None
        if found is not None and found[1]:
            rows = sorted(found[1], key=lambda r: r["time"])
            return found[0], rows
    return None


def sniff(text: str) -> bool:
    """Whether the head of a text file may be one of the documents above (mail, XML feed or
    events, ticket table): cheap, so that a log is never read whole to find out."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("From ") and _MBOX_FROM.match(head):
        return True
    block = head.split("\n\n", 1)[0]
    names = {m.group(1).lower() for m in _HEADER.finditer(block)}
    if {"from", "date"} <= names:
        return True
    if head.startswith("<") and re.search(r"<(?:\w+:)?(?:feed|rss|Events?)\b", head[:4096]):
        return True
    from pm_tui.collectors.classify import plain_name

    first = head.split("\n", 1)[0]
    sep = max(",;\t", key=first.count)
    try:
        names = {plain_name(c) for c in next(csv.reader([first], delimiter=sep), [])}
    except csv.Error:  # a stray carriage return or NUL: no table
        return False
    return bool(names & set(_OPENED)) and bool(names & set(_SUMMARY))


def timed_table(text: str) -> Rows | None:
    """A CSV without a header whose rows each hold a time in the same column, not first
    (Asterisk's call records, `Master.csv`: source, destination, context, channel, ... then
    start, answer and end): each row a record at the first such column's time, its other
    cells its message. Only for a file no log layout reads (the caller checks)."""
    head = text.lstrip("\ufeff \t\r\n")
    lines = [ln for ln in head.splitlines()[:60] if ln.strip()]
    if len(lines) < 3:
        return None
    sep = max(",;\t", key=lines[0].count)
    try:
        table = list(csv.reader(lines, delimiter=sep))
    except csv.Error:
        return None
    width = max(set(map(len, table)), key=[len(r) for r in table].count)
    rows = [r for r in table if len(r) == width]
    if width < 4 or len(rows) * 10 < len(table) * 9:
        return None
    from pm_tui.collectors.deploy_records import looks_like_time

    column = next(
        (i for i in range(width)
         if sum(looks_like_time(r[i]) for r in rows) * 10 >= len(rows) * 9),
        None,
    )  # fmt: skip
    if column is None or looks_like_time(table[0][column]) is False:
        return None
    out = []
    try:
        records = list(csv.reader(head.splitlines(), delimiter=sep))
    except csv.Error:
        return None
    for cells in records:
        if len(cells) != width:
            continue
        when = _time(cells[column])
        if when is None:
            continue
        said = [c.strip() for i, c in enumerate(cells) if i != column and c.strip()]
        out.append({"time": when, "msg": _clip(" | ".join(said))})
    if not out:
        return None
    out.sort(key=lambda r: r["time"])  # a call is written when it ends: ordered by its start
    return (f"a table of timed records without a header (time in column {column + 1})", out)


def chat_rows(path: Path, text: str | None = None) -> Rows | None:
    """(what the export is, its messages oldest first: `time`, `actor`, `text`, `bot`) of a
    chat export that is no Slack export (Discord, Teams, Mattermost); None otherwise."""
    head = _head(path, text)
    if head is None:
        return None
    if head[:1] not in "[{":
        return None
    try:
        data = json.loads(head)
    except ValueError:
        data = _json_lines(head)
    if data is None:
        return None
    for reader in (_discord, _teams, _mattermost):
        found = reader(data)
        if found is not None and found[1]:
            return found[0], sorted(found[1], key=lambda r: r["time"])
    return None


def _iso(t: datetime) -> str:
    """ISO UTC (`...Z`); a time written without an offset stays without one, so that the
    log reader puts it in the file's zone (evidence.toml's tz), UTC by default."""
    if t.tzinfo is None:
        return t.isoformat()
    return t.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _time(value: object) -> str | None:
    """An ISO or RFC 2822 time, or epoch seconds/milliseconds, as ISO UTC; None otherwise."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        if 1e12 <= value < 4e12:
            value = value / 1000
        if 1e9 <= value < 4e9:
            return _iso(datetime.fromtimestamp(value, UTC))
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        return _iso(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return _iso(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    from pm_tui.collectors.deploy_records import spoken_time

    spoken = spoken_time(text)
    return _iso(spoken) if spoken else None


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_MSG else text[: MAX_MSG - 1] + "…"


_TAG = re.compile(r"<[^>]+>")


def _plain(markup: str) -> str:
    """Text of an HTML fragment: tags out, entities resolved, paragraphs as line breaks."""
    markup = re.sub(r"(?i)<\s*(?:br|/p|/div|/li|/h\d)\s*/?>", "\n", markup)
    return html.unescape(_TAG.sub("", markup))


# --- mail ------------------------------------------------------------------------------------
_MBOX_FROM = re.compile(r"^From \S+.*\d{4}\s*$", re.M)
_HEADER = re.compile(r"^([A-Za-z][A-Za-z0-9-]*):[ \t]", re.M)
_GREETING = re.compile(
    r"^(?:dear|hi|hello|hey|hallo|bonjour|good (?:morning|afternoon|evening)|greetings|all)\b.{0,40}[,!:]?$",
    re.I,
)


def _mail(text: str) -> Rows | None:
    """An mbox archive (messages after `From ` lines) or one message (RFC 5322 headers)."""
    if text.startswith("From ") and _MBOX_FROM.match(text):
        chunks = re.split(r"(?m)^From \S+.*\d{4}[ \t]*\r?\n", text)
        rows = [r for c in chunks if c.strip() and (r := _message_row(c)) is not None]
        said = f"mail archive (mbox, {len(rows)} messages)"
        rows += [a for r in rows if (a := _announced_row(r)) is not None]
        return (said, rows) if rows else None
    block = text.split("\n\n", 1)[0]
    names = {m.group(1).lower() for m in _HEADER.finditer(block)}
    if {"from", "date"} <= names and names & {"subject", "to", "message-id"}:
        row = _message_row(text)
        if not row:
            return None
        announced = _announced_row(row)
        return ("mail message (.eml)", [row, announced] if announced else [row])
    return None


def _message_row(raw: str) -> dict | None:
    msg = email.message_from_string(raw, policy=email.policy.default)
    when = _time(msg.get("Date"))
    if when is None:
        return None
    try:
        sent = parsedate_to_datetime(str(msg.get("Date")))
        offset = sent.utcoffset()
    except (TypeError, ValueError, IndexError):
        offset = None
    sender = msg.get("From")
    name = ""
    address = ""
    if sender is not None and getattr(sender, "addresses", None):
        first = sender.addresses[0]
        name, address = first.display_name, first.addr_spec
    subject = str(msg.get("Subject") or "").strip()
    body = ""
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
        if part is not None:
            body = part.get_content()
            if part.get_content_type() == "text/html":
                body = _plain(body)
    except (KeyError, LookupError, ValueError):
        body = ""
    lines = []
    for line in body.splitlines():
        line = line.strip()
        if not line or line.startswith(">") or _GREETING.match(line):
            continue
        if re.match(r"^(?:on .+ wrote:|-- ?$|-----original message-----)", line, re.I):
            break
        lines.append(line)
        if len(lines) >= BODY_MORE:
            break
    more = " ".join(lines)
    said = " ".join(lines[:BODY_LINES])
    row = {
        "time": when,
        "level": "info",
        "msg": _clip(f"{subject} — {said}" if subject and said else subject or said),
        "from": name or address,
        "mail_from": address,
        "subject": subject,
    }
    if offset is not None:
        # the writer's clock: a time said in the body without a zone ("restored at 18:29")
        row["utc_offset"] = int(offset.total_seconds() // 60)
    if len(lines) > BODY_LINES:
        # what the mail says further down (an announcement's "Effective: ..." block): read for
        # what it says happened and when, not shown
        row["body"] = " ".join(more.split())[:MAX_BODY]
    return row


ANNOUNCED_AFTER = timedelta(minutes=30)


def _announced_row(row: dict) -> dict | None:
    """A mail naming a dated time ahead of it ("will be rotated on 2026-03-01 at 09:00 UTC")
    is read again at that time: what it announces happens then, when the incident's window
    may hold it though the mail was sent days before. None when it names no such time."""
    sent = datetime.fromisoformat(row["time"].replace("Z", "+00:00"))
    if sent.tzinfo is None:
        return None
    text = f"{row.get('subject') or ''} — {row['body']}" if row.get("body") else row["msg"]
    for m in _STATED_CLOCK.finditer(text):
        if _stated_date(m.groupdict()) is None:
            continue
        when = stated_time(text[m.start() :], sent, row.get("utc_offset"), True, 30)
        if isinstance(when, datetime) and when > sent + ANNOUNCED_AFTER:
            return {**row, "time": _iso(when), "announced": row["time"],
                    "msg": _clip(f"(announced {sent:%Y-%m-%d %H:%M} UTC) {row['msg']}")}  # fmt: skip
        return None
    return None


# --- times a document states ------------------------------------------------------------
_MONTH_NAMES = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# a clock time a mail writes, after its date when it gives one: `2026-03-01 11:00`, `2026-03-01
# at 11:00 CET`, `01/03/2026 11:00` and `01.03.2026 11:00` (day first, as Europe writes it),
# `2026/03/01`, `1 March 2026 at 11:00`, `March 1, 2026, 11:00 UTC`, `18:29 BST`, `18:29:40`,
# `10:30 PM EDT`, `10pm UTC+2`
_STATED_CLOCK = re.compile(
    r"(?:(?:(?P<Y>20\d\d)[-/](?P<m>[01]?\d)[-/](?P<d>[0-3]?\d)|"
    r"(?P<d2>[0-3]?\d)[/.](?P<m2>[01]?\d)[/.](?P<Y2>20\d\d)|"
    r"(?P<d3>[0-3]?\d) (?P<mon>" + _MONTH_NAMES + r") (?P<Y3>20\d\d)|"
    r"(?P<mon2>" + _MONTH_NAMES + r") (?P<d4>[0-3]?\d)(?:st|nd|rd|th)?,? (?P<Y4>20\d\d))"
    r"(?:T|,? (?:at |from |starting |between )?))?"
    r"(?<![\d:.])(?:(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?(?![\d:])"
    r"(?:\s?(?P<ap>[ap])\.?m\b\.?)?|(?P<H2>1[0-2]|0?[1-9])\s?(?P<ap2>[ap])\.?m\b\.?)"
    r"(?:\s?\(?(?P<z>(?:UTC|GMT)\s?[+-]\d{1,2}(?::?\d\d)?|UTC|GMT|Z|BST|CEST|CET|EEST|EET|EDT|"
    r"EST|CDT|CST|MDT|MST|PDT|PST|IST|JST|AEST|AEDT|[+-]\d\d:?\d\d)\b\)?)?",
    re.I,
)
_ZONES = {"UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
          "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
          "PST": -480, "PDT": -420, "IST": 330, "JST": 540, "AEST": 600, "AEDT": 660}  # fmt: skip


def _zone_minutes(z: str | None) -> int | None:
    """Minutes east of UTC of a zone a mail writes (`CET`, `UTC+2`, `GMT-05:00`, `+0100`)."""
    if not z:
        return None
    z = z.upper().replace(" ", "")
    if z in _ZONES:
        return _ZONES[z]
    m = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d\d))?", z)
    if m is None:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    return -minutes if m.group(1) == "-" else minutes


def _clock(g: dict) -> tuple[int, int, int] | None:
    """(hour, minute, second) of a `_STATED_CLOCK` match, 12-hour clocks on 24 hours."""
    hour = int(g["H"] or g["H2"])
    ap = (g["ap"] or g["ap2"] or "").lower()
    if ap:
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ap == "p" else 0)
    return hour, int(g["M"] or 0), int(g["S"] or 0)


STATED_BEFORE = timedelta(hours=12)  # a time said of what was done is at most this earlier


def stated_time(
    text: str, sent: datetime, offset: int | None, ahead: bool, days: int = 7
) -> datetime | None | bool:
    """The first clock time `text` states ("restored at 18:29 BST", "from 2026-07-16 19:00
    UTC"), in its zone or the writer's (`offset` minutes east of UTC), on the day sent unless a
    date is written; None when there is none or it is not a time of this mail (more than 12 h
    before it was sent, or after it unless `ahead`: a change announced for later); False when
    the first time written is on another day than those (planned works next week)."""
    for m in _STATED_CLOCK.finditer(text):
        g = m.groupdict()
        minutes = _zone_minutes(g["z"])
        if minutes is None:
            minutes = offset if offset is not None else 0
        zone = timezone(timedelta(minutes=minutes))
        day = sent.astimezone(zone)
        dated = _stated_date(g)
        clock = _clock(g)
        if clock is None:
            continue
        try:
            date = dated or (day.year, day.month, day.day)
            t = datetime(*date, *clock, tzinfo=zone)
        except ValueError:
            continue
        t = t.astimezone(UTC)
        if not dated and t > sent + timedelta(minutes=5) and not ahead:
            t -= timedelta(days=1)  # "at 23:50" said just after midnight
        if (
            sent - STATED_BEFORE
            <= t
            <= sent + (timedelta(days=days) if ahead else timedelta(minutes=5))
        ):
            return t
        if dated:
            return False  # what the mail is about happens on another day
    return None


def _stated_date(g: dict) -> tuple[int, int, int] | None:
    """(year, month, day) of a `_STATED_CLOCK` match's date; None when it wrote none."""
    from pm_tui.collectors.logs.timestamps import MONTHS

    if g["Y"]:
        return int(g["Y"]), int(g["m"]), int(g["d"])
    if g["Y2"]:
        return int(g["Y2"]), int(g["m2"]), int(g["d2"])
    if g["Y3"]:
        return int(g["Y3"]), MONTHS[g["mon"][:3].title()], int(g["d3"])
    if g["Y4"]:
        return int(g["Y4"]), MONTHS[g["mon2"][:3].title()], int(g["d4"])
    return None


# --- XML: feeds and Windows events -------------------------------------------------------------
def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml(text: str) -> Rows | None:
    if not text.startswith("<"):
        return None
    head = text[:4096]
    if not re.search(r"<(?:\w+:)?(?:feed|rss|Events?)\b", head):
        return None
    root = ET.fromstring(text.encode("utf-8"))
    name = _local(root.tag)
    if name == "feed":
        return _atom(root)
    if name == "rss":
        return _rss(root)
    if name in ("Events", "Event"):
        return _windows(root)
    return None


def _child(node: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in node if _local(c.tag) == name), None)


def _text(node: ET.Element, name: str) -> str:
    child = _child(node, name)
    return "".join(child.itertext()).strip() if child is not None else ""


def _feed_row(when: str | None, title: str, content: str, source: str) -> dict | None:
    if when is None:
        return None
    # a status page's entry holds every update of the incident, newest first, a paragraph
    # each: the first is the one this entry's time belongs to
    paragraphs = re.split(r"(?i)</p\s*>", content)
    first = next((" ".join(_plain(p).split()) for p in paragraphs if _plain(p).strip()), "")
    return {
        "time": when,
        "level": "info",
        "msg": _clip(f"{title} — {first}" if first and first != title else title),
        "feed": source,
    }


def _atom(root: ET.Element) -> Rows | None:
    source = _text(root, "title")
    rows = []
    for entry in (c for c in root if _local(c.tag) == "entry"):
        when = _time(_text(entry, "updated") or _text(entry, "published"))
        content = _text(entry, "content") or _text(entry, "summary")
        row = _feed_row(when, _text(entry, "title"), content, source)
        if row:
            rows.append(row)
    return (f"Atom feed ({len(rows)} entries)", rows)


def _rss(root: ET.Element) -> Rows | None:
    channel = _child(root, "channel")
    if channel is None:
        return None
    source = _text(channel, "title")
    rows = []
    for item in (c for c in channel if _local(c.tag) == "item"):
        when = _time(_text(item, "pubDate") or _text(item, "date"))
        row = _feed_row(when, _text(item, "title"), _text(item, "description"), source)
        if row:
            rows.append(row)
    return (f"RSS feed ({len(rows)} items)", rows)


# Windows' event levels (the <Level> of <System>)
_WIN_LEVEL = {"1": "critical", "2": "error", "3": "warning", "4": "info", "0": "info", "5": "debug"}


def _windows(root: ET.Element) -> Rows | None:
    events = (
        [root] if _local(root.tag) == "Event" else [e for e in root if _local(e.tag) == "Event"]
    )
    rows = []
    for event in events:
        system = _child(event, "System")
        if system is None:
            continue
        created = _child(system, "TimeCreated")
        when = _time(created.get("SystemTime")) if created is not None else None
        if when is None:
            continue
        provider = _child(system, "Provider")
        source = provider.get("Name", "") if provider is not None else ""
        event_id = _text(system, "EventID")
        rendering = _child(event, "RenderingInfo")
        message = _text(rendering, "Message") if rendering is not None else ""
        if not message:
            data = _child(event, "EventData") or _child(event, "UserData")
            values = [" ".join(d.itertext()).strip() for d in data] if data is not None else []
            message = "; ".join(v for v in values if v)
        rows.append({
            "time": when,
            "level": _WIN_LEVEL.get(_text(system, "Level"), "info"),
            "msg": _clip(f"{source} {event_id}: {message}".strip()),
            "host": _text(system, "Computer"),
            "provider": source,
            "event_id": event_id,
            "channel": _text(system, "Channel"),
        })  # fmt: skip
    return (f"Windows event log (XML, {len(rows)} events)", rows)


# --- JSON documents: status pages, error trackers, monitoring events ------------------------
def _json_document(text: str) -> Rows | None:
    if text[:1] not in "[{":
        return None
    data = json.loads(text)
    for reader in (_statuspage, _sentry, _datadog, _tickets_json, _alarm_history, _aws_health,
                   _job_runs):  # fmt: skip
        found = reader(data)
        if found is not None:
            return found
    return None


def _statuspage(data: object) -> Rows | None:
    """Statuspage's API (`/api/v2/incidents.json`, `.../incidents/ID.json`): each update of
    each incident a row, "Incident name — status: body"."""
    if not isinstance(data, dict):
        return None
    incidents = data.get("incidents")
    if incidents is None and isinstance(data.get("incident"), dict):
        incidents = [data["incident"]]
    incidents = (incidents or []) + (data.get("scheduled_maintenances") or [])
    if not incidents or not all(
        isinstance(i, dict) and isinstance(i.get("incident_updates"), list) for i in incidents
    ):
        return None
    page = data.get("page") if isinstance(data.get("page"), dict) else {}
    rows = []
    for incident in incidents:
        for update in incident["incident_updates"]:
            when = _time(update.get("display_at") or update.get("created_at"))
            if when is None:
                continue
            status = str(update.get("status") or "")
            rows.append({
                "time": when,
                "level": "info",
                "msg": _clip(f"{incident.get('name', '')} — {status}: {update.get('body', '')}"),
                "status_page": page.get("name", ""),
                "status": status,
                "impact": incident.get("impact", ""),
            })  # fmt: skip
    return (f"status page history (Statuspage API, {len(rows)} updates)", rows)


def _sentry(data: object) -> Rows | None:
    """Sentry's events or issues API list: `dateCreated`/`firstSeen` and `title`."""
    if not isinstance(data, list) or not data:
        return None
    items = [d for d in data if isinstance(d, dict)]
    if len(items) != len(data) or not all(
        "title" in d and ("dateCreated" in d or "firstSeen" in d) and
        ("eventID" in d or "culprit" in d or "shortId" in d)
        for d in items
    ):  # fmt: skip
        return None
    rows = []
    for d in items:
        when = _time(d.get("dateCreated") or d.get("firstSeen"))
        if when is None:
            continue
        tags = {t.get("key"): t.get("value") for t in d.get("tags") or [] if isinstance(t, dict)}
        level = str(d.get("level") or tags.get("level") or "error")
        rows.append({
            "time": when,
            "level": level,
            "msg": _clip(f"{d['title']} ({d.get('culprit') or d.get('location') or ''})"),
            "environment": tags.get("environment", ""),
            "group": str(d.get("groupID") or d.get("id") or ""),
        })  # fmt: skip
    return (f"Sentry events ({len(rows)})", rows)


_DD_LEVEL = {"error": "error", "warning": "warning", "info": "info", "success": "info",
             "user_update": "info", "recommendation": "info", "snapshot": "info"}  # fmt: skip


def _datadog(data: object) -> Rows | None:
    """Datadog's events API (v1 `events[]`: `date_happened`, `title`, `alert_type`)."""
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        return None
    events = [e for e in data["events"] if isinstance(e, dict)]
    if not events or not all("date_happened" in e and "title" in e for e in events):
        return None
    rows = []
    for e in events:
        when = _time(e.get("date_happened"))
        if when is None:
            continue
        text = str(e.get("text") or "").replace("%%%", " ").strip()
        rows.append({
            "time": when,
            "level": _DD_LEVEL.get(str(e.get("alert_type")), "info"),
            "msg": _clip(f"{e['title']} — {text}" if text else str(e["title"])),
            "host": str(e.get("host") or ""),
            "tags": ",".join(map(str, e.get("tags") or [])),
        })  # fmt: skip
    return (f"Datadog events ({len(rows)})", rows)


def _alarm_history(data: object) -> Rows | None:
    """CloudWatch's `describe-alarm-history` (`AlarmHistoryItems[]`: `Timestamp`, `AlarmName`,
    `HistorySummary` "Alarm updated from OK to ALARM"): each transition a row, an error when
    the alarm went to ALARM. Alarm transitions are alerts, never changes."""
    if not isinstance(data, dict) or not isinstance(data.get("AlarmHistoryItems"), list):
        return None
    rows = []
    for item in data["AlarmHistoryItems"]:
        if not isinstance(item, dict):
            continue
        when = _time(item.get("Timestamp"))
        summary = str(item.get("HistorySummary") or "")
        if when is None or not summary:
            continue
        firing = bool(re.search(r"\bto ALARM\b", summary))
        rows.append({"time": when, "level": "error" if firing else "info",
                     "msg": _clip(f"{item.get('AlarmName', '')}: {summary}"),
                     "alarm": str(item.get("AlarmName", ""))})  # fmt: skip
    return (f"CloudWatch alarm history ({len(rows)} transitions)", rows)


def _aws_health(data: object) -> Rows | None:
    """AWS Health's `describe-events` (`events[]`: `service`, `eventTypeCode`, `region`,
    `startTime`, `endTime`, `statusCode`): a provider's issue, a row at its start and one at
    its end."""
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        return None
    events = [e for e in data["events"] if isinstance(e, dict)]
    if not events or not all("eventTypeCode" in e and "startTime" in e for e in events):
        return None
    rows = []
    for e in events:
        where = ", ".join(str(e[k]) for k in ("region", "availabilityZone") if e.get(k))
        what = f"AWS Health: {e.get('service', '')} {e['eventTypeCode']}" + (
            f" ({where})" if where else ""
        )
        issue = e.get("eventTypeCategory") == "issue"
        start = _time(e.get("startTime"))
        if start:
            rows.append({"time": start, "level": "warning" if issue else "info",
                         "msg": f"{what} began", "region": e.get("region", "")})  # fmt: skip
        end = _time(e.get("endTime"))
        if end:
            rows.append({"time": end, "level": "info", "msg": f"{what} ended",
                         "region": e.get("region", "")})  # fmt: skip
    return (f"AWS Health events ({len(events)})", rows)


def _job_runs(data: object) -> Rows | None:
    """A job's run history (an integration platform's runs or executions, Airflow's DAG runs:
    `deploy_records.job_history`): each run a row at its start, "name: run Failed — error",
    an error when it failed. A failed run is a symptom of what it could not do, never a change."""
    from pm_tui.collectors.deploy_records import (
        FAILED_RUN,
        _by_words,
        _document_name,
        at,
        explode,
        job_history,
        record_list,
        unwrap,
        words,
    )

    found = record_list(data)
    if found is None:
        return None
    records, where, doc = found
    records, _inner = explode(unwrap(records))
    if not records:
        return None
    from pm_tui.collectors.classify import exact_fields

    sample = records[:50]
    fields = exact_fields(sample)
    by_words, path_words = _by_words(sample)
    for role, path in by_words.items():
        fields.setdefault(role, path)
    if "time" in fields and not any(_time(at(r, fields["time"])) for r in sample):
        fields["time"] = by_words.get("time", "")
    if not fields.get("time"):
        return None
    runs = job_history(sample, fields, path_words, where, _document_name(doc) if where else "")
    if runs is None:
        return None
    rows = []
    for r in records:
        when = _time(at(r, runs["time"]))
        if when is None:
            continue
        status = str(at(r, runs["status"]) or "")
        name = str(at(r, runs["name"]) or "") if "name" in runs else ""
        if sum(c.isdigit() for c in name) * 2 >= len(name):
            name = ""  # a run's number names no job
        error = str(at(r, runs["error"]) or "") if "error" in runs else ""
        failed = bool(set(words(status)) & FAILED_RUN)
        said = f"{name}: run {status}" if name else f"run {status}"
        rows.append({"time": when, "level": "error" if failed else "info",
                     "msg": _clip(f"{said} — {error}" if error and failed else said),
                     "status": status})  # fmt: skip
    return (f"job run history ({len(rows)} runs, status `{runs['status']}`)", rows)


# --- tickets -----------------------------------------------------------------------------------
def _tickets_json(data: object) -> Rows | None:
    """Tickets from a tracker's API: Jira's search (`issues[].key`, `fields.created`,
    `fields.summary`), ServiceNow's Table API (`result[].number`, `opened_at`,
    `short_description`), PagerDuty's incidents (`incidents[].incident_number`, `created_at`,
    `title`), Zendesk's tickets and search (`tickets[]` or `results[]`: `id`, `created_at`,
    `subject`): each ticket a row at its opening."""
    if not isinstance(data, dict):
        return None
    items = next(
        (data[k] for k in _TICKET_LISTS if isinstance(data.get(k), list)), None
    )
    if not items or not all(isinstance(i, dict) for i in items):
        return None
    from pm_tui.collectors.classify import plain_name

    rows = []
    for item in items:
        fields = item.get("fields") if isinstance(item.get("fields"), dict) else {}
        flat = {plain_name(k): v for k, v in {**item, **fields}.items() if isinstance(k, str)}
        opened = next((flat[n] for n in _OPENED if flat.get(n)), None)
        summary = next((flat[n] for n in _SUMMARY if isinstance(flat.get(n), str)), None)
        when = _time(opened)
        if when is None or not summary:
            return None  # every ticket has both, or this is no ticket list
        key = next((flat[n] for n in _TICKET_KEY if flat.get(n) not in (None, "")), "")
        priority = flat.get("priority") or flat.get("urgency") or flat.get("severity")
        if isinstance(priority, dict):
            priority = priority.get("name") or priority.get("summary") or ""
        words = str(priority or "").lower().replace("-", " ").split()
        status = flat.get("status") or flat.get("state") or ""
        if isinstance(status, dict):
            status = status.get("name") or ""
        rows.append({
            "time": when,
            "level": next((_TICKET_LEVEL[w] for w in words if w in _TICKET_LEVEL), "info"),
            "msg": _clip(f"{key}: {summary}" if key else summary),
            "status": str(status),
            "ticket": str(key or summary[:40]),
        })  # fmt: skip
    return (f"ticket export ({len(rows)} tickets)", rows)


_TICKET_LISTS = ("issues", "result", "incidents", "tickets", "results")


# --- ticket tables ---------------------------------------------------------------------------
_OPENED = ("created", "opened_at", "opened", "created_at", "create_date", "date_created",
           "created_date", "created_on", "sys_created_on", "submitted", "reported")  # fmt: skip
_SUMMARY = ("summary", "short_description", "subject", "title", "description")
_TICKET_KEY = ("issue_key", "key", "number", "incident_number", "ticket_id", "id", "issue_id")
_TICKET_LEVEL = {"highest": "error", "critical": "error", "urgent": "error", "blocker": "error",
                 "1": "error", "p1": "error", "high": "warning", "2": "warning", "p2": "warning"}  # fmt: skip


def _ticket_table(text: str) -> Rows | None:
    """A ticket export (Jira's CSV, ServiceNow's, Zendesk's): a header naming when each
    ticket was opened and its summary; each ticket a row at its opening."""
    if text[:1] in "[{<":
        return None
    from pm_tui.collectors.classify import plain_name

    first = text.split("\n", 1)[0]
    sep = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    try:
        header = next(reader)
    except StopIteration:
        return None
    names = [plain_name(h) for h in header]
    opened = next((names.index(n) for n in _OPENED if n in names), None)
    summary = next((names.index(n) for n in _SUMMARY if n in names), None)
    if opened is None or summary is None:
        return None
    key = next((names.index(n) for n in _TICKET_KEY if n in names), None)
    priority = next(
        (i for i, n in enumerate(names) if n in ("priority", "severity", "urgency")), None
    )
    status = next((i for i, n in enumerate(names) if n in ("status", "state")), None)
    rows = []
    for cells in reader:
        if len(cells) <= max(opened, summary):
            continue
        when = _jira_time(cells[opened]) or _time(cells[opened])
        if when is None:
            continue
        level = "info"
        if priority is not None and priority < len(cells):
            words = cells[priority].lower().replace("-", " ").split()
            level = next((_TICKET_LEVEL[w] for w in words if w in _TICKET_LEVEL), "info")
        row = {"time": when, "level": level,
               "msg": _clip(f"{cells[key] + ': ' if key is not None else ''}{cells[summary]}")}  # fmt: skip
        if status is not None and status < len(cells):
            row["status"] = cells[status]
        row["ticket"] = cells[key] if key is not None else cells[summary][:40]
        rows.append(row)
    if not rows:
        return None
    return (f"ticket export ({len(rows)} tickets, opened `{header[opened]}`)", rows)


def _jira_time(text: str) -> str | None:
    """Jira's CSV time (`24/Mar/26 2:31 PM`, `24/Mar/2026 14:31`), in the exporter's zone
    (taken as UTC; evidence.toml's tz does not reach a ticket export)."""
    text = text.strip()
    for layout in ("%d/%b/%y %I:%M %p", "%d/%b/%Y %I:%M %p", "%d/%b/%y %H:%M", "%d/%b/%Y %H:%M"):
        try:
            return _iso(datetime.strptime(text, layout))
        except ValueError:
            continue
    return None


# --- chat exports ----------------------------------------------------------------------------
def _json_lines(text: str) -> list | None:
    out = []
    for line in text.splitlines()[:200_000]:
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except ValueError:
            return None
    return out or None


def _discord(data: object) -> Rows | None:
    """DiscordChatExporter's JSON: `channel`, `messages[]` with `timestamp`, `author`, `content`."""
    if not (isinstance(data, dict) and isinstance(data.get("messages"), list)
            and isinstance(data.get("channel"), dict)):  # fmt: skip
        return None
    rows = []
    for m in data["messages"]:
        if not isinstance(m, dict) or not isinstance(m.get("author"), dict):
            continue
        when = _time(m.get("timestamp"))
        text = str(m.get("content") or "").strip()
        embeds = [e for e in m.get("embeds") or [] if isinstance(e, dict)]
        if not text and embeds:
            text = " — ".join(
                str(embeds[0].get(k)) for k in ("title", "description") if embeds[0].get(k)
            )
        if when is None or not text:
            continue
        author = m["author"]
        rows.append({"time": when, "actor": str(author.get("nickname") or author.get("name") or ""),
                     "text": text, "bot": bool(author.get("isBot"))})  # fmt: skip
    channel = data["channel"].get("name", "")
    for row in rows:
        row["channel"] = str(channel)
        row["category"] = str(data["channel"].get("category") or "")
    return (f"Discord export (#{channel}, {len(rows)} messages)", rows)


def _teams(data: object) -> Rows | None:
    """Microsoft Graph's channel or chat messages (`value[]`: `createdDateTime`, `from`, `body`)."""
    if not (isinstance(data, dict) and isinstance(data.get("value"), list)):
        return None
    items = [m for m in data["value"] if isinstance(m, dict)]
    if not items or not all("createdDateTime" in m and "body" in m for m in items):
        return None
    rows = []
    for m in items:
        if m.get("messageType", "message") != "message" or m.get("deletedDateTime"):
            continue
        when = _time(m.get("createdDateTime"))
        body = m.get("body") if isinstance(m.get("body"), dict) else {}
        text = str(body.get("content") or "")
        if body.get("contentType") == "html":
            text = _plain(text)
        sender = m.get("from") if isinstance(m.get("from"), dict) else {}
        user = sender.get("user") or sender.get("application") or {}
        if when is None or not text.strip():
            continue
        rows.append({"time": when, "actor": str(user.get("displayName") or ""),
                     "text": text.strip(), "bot": bool(sender.get("application"))})  # fmt: skip
    return (f"Microsoft Teams messages ({len(rows)})", rows)


def _mattermost(data: object) -> Rows | None:
    """Mattermost's bulk export (JSON lines): `{"type": "post", "post": {user, message, create_at}}`."""
    if not isinstance(data, list) or not data or not isinstance(data[0], dict):
        return None
    if data[0].get("type") != "version":
        return None
    rows = []
    for line in data:
        if not isinstance(line, dict) or line.get("type") not in ("post", "direct_post"):
            continue
        post = line.get(line["type"]) or {}
        when = _time(post.get("create_at"))
        text = str(post.get("message") or "").strip()
        if when is None or not text:
            continue
        rows.append({"time": when, "actor": str(post.get("user") or ""), "text": text,
                     "bot": False})  # fmt: skip
        for reply in post.get("replies") or []:
            rt = _time(reply.get("create_at")) if isinstance(reply, dict) else None
            if rt and str(reply.get("message") or "").strip():
                rows.append({"time": rt, "actor": str(reply.get("user") or ""),
                             "text": str(reply["message"]).strip(), "bot": False})  # fmt: skip
    return (f"Mattermost export ({len(rows)} posts)", rows)
