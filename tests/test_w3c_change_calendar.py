"""`pm-tui collect ID --evidence FOLDER` with two formats a blind set found unread: the W3C
Extended Log File Format (an Amazon CloudFront standard log, tab-separated, gzip; an IIS log,
space-separated, restarted mid-file) and a change calendar CSV (ServiceNow-like columns).
Constructed files, a real repository, the CLI as a user runs it."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta

import pytest

from pm_tui import postmortem_store
from pm_tui.collectors.classify import classify
from pm_tui.collectors.evidence_store import load_evidence
from pm_tui.model import new_postmortem

START = datetime(2026, 9, 24, 14, 0, tzinfo=UTC)
END = datetime(2026, 9, 24, 15, 0, tzinfo=UTC)

CLOUDFRONT_FIELDS = (
    "date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status "
    "cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id "
    "x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher "
    "x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port "
    "time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len "
    "sc-range-start sc-range-end"
)
UA = "Mozilla/5.0%20(X11;%20Linux%20x86_64)%20Firefox/141.0"


def _cloudfront_row(t: datetime, path: str, status: int, result: str, detail: str) -> str:
    cols = [
        t.strftime("%Y-%m-%d"), t.strftime("%H:%M:%S"), "FRA56-P3", "5120", "203.0.113.9",
        "GET", "d111111abcdef8.cloudfront.net", path, str(status), "-", UA, "-", "-", result,
        "abc123==", "shop.example", "https", "310", "0.412", "-", "TLSv1.3",
        "TLS_AES_128_GCM_SHA256", result, "HTTP/2.0", "-", "-", "51234", "0.410", detail,
        "text/html", "5120", "-", "-",
    ]  # fmt: skip
    return "\t".join(cols)


def write_cloudfront(path) -> None:
    """CloudFront's standard log: two directives, then tab-separated rows, UTC; a 504 wave
    between 14:20 and 14:30 among hits and a steady 404."""
    lines = ["#Version: 1.0", f"#Fields: {CLOUDFRONT_FIELDS}"]
    for i in range(190):  # 12:55 .. 14:29:30, one row every 30 s
        t = START - timedelta(minutes=65) + timedelta(seconds=30 * i)
        if t >= START + timedelta(minutes=20):
            lines.append(_cloudfront_row(t, "/cart", 504, "Error", "OriginReadTimeout"))
        elif i % 10 == 3:
            lines.append(_cloudfront_row(t, "/favicon.ico", 404, "Error", "Error"))
        else:
            lines.append(_cloudfront_row(t, "/p/boots", 200, "Hit", "Hit"))
    with gzip.open(path, "wt") as fh:
        fh.write("\n".join(lines) + "\n")


IIS_HEAD = (
    "#Software: Microsoft Internet Information Services 10.0\n"
    "#Version: 1.0\n"
    "#Date: {date}\n"
    "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip "
    "cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n"
)


def _iis_row(t: datetime, stem: str, status: int, taken: int) -> str:
    return (
        f"{t:%Y-%m-%d %H:%M:%S} 10.0.0.4 POST {stem} id=7 443 - 198.51.100.7 "
        f"Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - {status} 0 0 {taken}"
    )


def write_iis(path) -> None:
    """An IIS log (space-separated, `+` for spaces) that restarts at 14:10 and so writes its
    directives again; a 500 at 14:12, a 401 at 14:15."""
    rows = [IIS_HEAD.format(date="2026-09-24 12:55:00")]
    for minute in range(-65, 10):
        rows.append(_iis_row(START + timedelta(minutes=minute), "/api/orders", 200, 31) + "\n")
    rows.append(IIS_HEAD.format(date="2026-09-24 14:10:00"))
    rows.append(_iis_row(START + timedelta(minutes=12), "/api/orders", 500, 15040) + "\n")
    rows.append(_iis_row(START + timedelta(minutes=15), "/api/login", 401, 8) + "\n")
    path.write_text("".join(rows))


def write_change_calendar(path) -> None:
    """A change calendar exported from a change-management tool: a start column (no `time`),
    the configuration item, the assignee; an open change without an end."""
    path.write_text(
        "number,start,end,ci,type,short_description,assigned_to,state\n"
        "CHG-101,2026-09-23T21:00:00Z,2026-09-23T22:00:00Z,db-prod,standard,"
        "nightly index rebuild,ola.berg,closed\n"
        "CHG-107,2026-09-24T14:05:10Z,2026-09-24T14:06:00Z,lb-prod,emergency,"
        '"drain az2 from the load balancer, cordon its nodes",tomas.ruiz,closed\n'
        "CHG-108,2026-09-24T14:40:00Z,,grafana,standard,grafana upgrade,lotte.smit,"
        "in_progress\n"
    )


def write_change_export(path) -> None:
    """The same kind of export with the column titles a change tool's CSV download uses."""
    path.write_text(
        "Number;Planned start date;Planned end date;Configuration item;Short description;"
        "Assigned to;State\n"
        "CHG-7;2026-09-24 14:31:00;2026-09-24 14:35:00;cdn-prod;revert cache policy;"
        "jonas.web;Closed\n"
    )


@pytest.fixture()
def repo(tmp_path):
    """A repository holding the incident (git identity and an absent config: conftest)."""
    repo = postmortem_store.Repository.open(tmp_path / "pm-repo")
    pm = new_postmortem("Edge 504s", START, resolved=END)
    repo.save(pm)
    repo.commit(pm, "create")
    return repo, pm


@pytest.fixture()
def folder(tmp_path):
    ev = tmp_path / "evidence"
    ev.mkdir()
    write_cloudfront(ev / "E2ABCDEF.2026-09-24-14.1a2b3c4d.gz")
    write_iis(ev / "u_ex260924.log")
    write_change_calendar(ev / "calendar.csv")
    write_change_export(ev / "export.csv")
    return ev


def test_kinds_by_content(folder):
    kinds = {p.name: classify(p).kind for p in folder.iterdir()}
    assert kinds == {
        "E2ABCDEF.2026-09-24-14.1a2b3c4d.gz": "logs",
        "u_ex260924.log": "logs",
        "calendar.csv": "deploys",
        "export.csv": "deploys",
    }


def test_collect_reads_w3c_logs_and_change_calendars(folder, repo, capsys):
    from pm_tui.cli.main import main

    r, pm = repo
    code = main(["--repo", str(r.root), "collect", pm.id, "--evidence", str(folder)])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    assert "UNREAD" not in out and "FAILED" not in out, out
    evidence = load_evidence(r.evidence_dir(pm.id) / "evidence.jsonl")
    by_source: dict[str, list] = {}
    for e in evidence:
        by_source.setdefault(e.source.split("/")[-1], []).append(e)

    # CloudFront: each row's time from its date and time columns, level from the status
    cdn = by_source["E2ABCDEF.2026-09-24-14.1a2b3c4d.gz"]
    errors = [e for e in cdn if e.attrs.get("level") == "error"]
    assert min(e.time for e in errors) == START + timedelta(minutes=20)
    assert {e.text for e in errors} == {"GET /cart 504 Gateway Timeout (OriginReadTimeout)"}
    assert {e.attrs.get("level") for e in cdn if e.attrs.get("status") == 404} == {"warning"}
    hit = next(e for e in cdn if e.attrs.get("status") == 200)
    assert hit.text == "GET /p/boots 200 OK (Hit)" and hit.attrs["level"] == "info"
    assert hit.attrs["user_agent"] == "Mozilla/5.0 (X11; Linux x86_64) Firefox/141.0"
    assert hit.attrs["duration_ms"] == 412.0  # CloudFront writes seconds
    assert min(e.time for e in cdn) == START - timedelta(minutes=60)  # the baseline's start

    # IIS: space-separated, read across its restart's second header block
    iis = by_source["u_ex260924.log"]
    assert len([e for e in iis if e.time >= START]) == 12
    failed = next(e for e in iis if e.attrs.get("status") == 500)
    assert failed.time == START + timedelta(minutes=12)
    assert failed.attrs["level"] == "error" and failed.text == (
        "POST /api/orders 500 Internal Server Error"
    )
    assert failed.attrs["duration_ms"] == 15040  # IIS writes milliseconds
    assert failed.attrs["user_agent"] == "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"
    denied = next(e for e in iis if e.attrs.get("status") == 401)
    assert denied.attrs["level"] == "warning" and denied.time == START + timedelta(minutes=15)

    # the change calendar: changes at their start, by configuration item and assignee
    cal = {e.time: e for e in by_source["calendar.csv"]}
    drain = cal[START + timedelta(minutes=5, seconds=10)]
    assert drain.kind == "change" and drain.text == (
        "drain az2 from the load balancer, cordon its nodes"
    )
    assert drain.attrs["service"] == "lb-prod" and drain.attrs["actor"] == "tomas.ruiz"
    assert START + timedelta(minutes=40) in cal  # the open change, without an end
    export = by_source["export.csv"]
    assert [(e.time, e.attrs["service"], e.attrs["actor"], e.text) for e in export] == [
        (START + timedelta(minutes=31), "cdn-prod", "jonas.web", "revert cache policy")
    ]


def test_w3c_local_time_and_rows_without_a_date(tmp_path):
    """Windows Firewall writes local times (`#Time Format: Local`) and no status: its rows
    read in the source's zone, as their own columns. A file without a `date` column takes the
    `#Date` directive's day, the next day once the rows pass midnight."""
    from zoneinfo import ZoneInfo

    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.collectors.logs.collect import collect_logs

    berlin = ZoneInfo("Europe/Berlin")
    fw = tmp_path / "pfirewall.log"
    fw.write_text(
        "#Version: 1.5\n#Software: Microsoft Windows Firewall\n#Time Format: Local\n"
        "#Fields: date time action protocol src-ip dst-ip src-port dst-port size path\n\n"
        "2026-09-24 16:05:00 DROP TCP 10.0.0.9 10.0.0.4 51544 5432 52 RECEIVE\n"
        "2026-09-24 16:06:00 ALLOW TCP 10.0.0.4 10.0.0.7 50001 443 0 SEND\n"
    )
    window = CollectWindow(START, END)
    rows = collect_logs(fw, window, tz=berlin).evidence
    assert [(e.time, e.text) for e in rows] == [
        (START + timedelta(minutes=5), "DROP TCP 10.0.0.9 10.0.0.4 51544 5432 52 RECEIVE"),
        (START + timedelta(minutes=6), "ALLOW TCP 10.0.0.4 10.0.0.7 50001 443 0 SEND"),
    ]
    late = tmp_path / "ex260924.log"
    late.write_text(
        "#Software: Microsoft Internet Information Services 6.0\n#Version: 1.0\n"
        "#Date: 2026-09-24 23:59:00\n#Fields: time c-ip cs-method cs-uri-stem sc-status\n"
        "23:59:30 198.51.100.7 GET /health 200\n00:00:30 198.51.100.7 GET /health 503\n"
    )
    night = CollectWindow(
        datetime(2026, 9, 24, 23, 0, tzinfo=UTC), datetime(2026, 9, 25, 1, 0, tzinfo=UTC)
    )
    rows = collect_logs(late, night).evidence
    assert [(e.time, e.attrs["level"]) for e in rows] == [
        (datetime(2026, 9, 24, 23, 59, 30, tzinfo=UTC), "info"),
        (datetime(2026, 9, 25, 0, 0, 30, tzinfo=UTC), "error"),
    ]
