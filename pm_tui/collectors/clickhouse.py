"""ClickHouse: rows of a logs table over the window, through the HTTP interface (`:8123`).

Defaults fit the OpenTelemetry exporter's `otel_logs` table (Timestamp, SeverityText, Body,
ServiceName, LogAttributes); other tables name their time column. Rows come as
`FORMAT JSONEachRow`, ordered by (time, a hash of the row) so the order is total, and a page
starts AT the last time read, skipping (OFFSET) the rows already kept at it: nothing is
lost or doubled at a page boundary, even with many rows in one second.

Window bounds travel as query parameters (`{name:Type}`, ClickHouse 19.15+); a server too
old for them (it answers "Unknown setting param_...") gets the same values as quoted
literals. The person's filter (`--query`) is their own SQL condition on their own server,
wrapped in parentheses; the table and column names must be plain identifiers.
"""

from __future__ import annotations

import json
import re
import threading

from pm_tui.collectors.common import parse_time, source_name
from pm_tui.collectors.evidence import (
    CollectorError,
    CollectResult,
    CollectWindow,
    Progress,
    no_progress,
)
from pm_tui.collectors.http import JsonClient
from pm_tui.collectors.log_stores import LogSink, LogStoreOptions, slices

DEFAULT_TABLE = "otel_logs"
DEFAULT_TIME_COLUMN = "Timestamp"
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")
_TIME_ALIAS = "__pm_time"
_HASH_ALIAS = "__pm_row"
# ClickHouse column names of the OpenTelemetry schema -> the keys JSON-line logs use
_OTEL_NAMES = {"SeverityText": "level", "Body": "message", "ServiceName": "service"}
_DROP = ("SeverityNumber", "TimestampTime", "TraceFlags")


def quote(value: str) -> str:
    """`value` as a ClickHouse string literal (backslash and quote escaped)."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def identifier(name: str, what: str) -> str:
    """`name` (`table` or `db.table`) back-quoted, or a CollectorError if it is not plain."""
    if not _IDENT.match(name):
        raise CollectorError(
            f"clickhouse: {what} {name!r} is not a plain name: use letters, digits and _ "
            "(db.table for another database)"
        )
    return ".".join(f"`{part}`" for part in name.split("."))


class _Server:
    """Runs SQL over HTTP; remembers whether the server takes query parameters."""

    def __init__(self, client: JsonClient, cancel: threading.Event | None):
        self.client, self.cancel = client, cancel
        self.parameters = True

    def rows(self, sql: str, values: dict[str, str]) -> list[dict]:
        if self.parameters:
            params = {f"param_{k}": v for k, v in values.items()}
            text = _fill(sql, {k: f"{{{k}:String}}" for k in values})
            response = self._post(text, params)
            if response.status_code >= 400 and "Unknown setting param_" in response.text:
                self.parameters = False  # before 19.15: fall back to quoted literals
            else:
                return self._decode(response)
        text = _fill(sql, {k: quote(v) for k, v in values.items()})
        return self._decode(self._post(text, None))

    def _post(self, sql: str, params):
        return self.client.send(
            "POST", "/", params=params, content=sql.encode("utf-8"), cancel=self.cancel
        )

    def _decode(self, response) -> list[dict]:
        self.client.check_status(response, "is this the ClickHouse HTTP interface (port 8123)?")
        if response.status_code >= 400:
            detail = response.text.strip().splitlines()[0][:240] if response.text.strip() else ""
            raise CollectorError(
                f"{self.client.source}: ClickHouse refused the query (HTTP "
                f"{response.status_code}): {detail}"
            )
        rows = []
        for line in response.text.splitlines():
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError as exc:
                    raise CollectorError(
                        f"{self.client.source}: not JSONEachRow from the server ({exc}): "
                        "is this the ClickHouse HTTP interface?"
                    ) from exc
        return rows


def _fill(sql: str, values: dict[str, str]) -> str:
    """Put each value at its `<<name>>` mark (never str.format: the person's SQL has braces)."""
    for key, value in values.items():
        sql = sql.replace(f"<<{key}>>", value)
    return sql


def collect_clickhouse(
    options: LogStoreOptions,
    window: CollectWindow,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> CollectResult:
    """Every row of the table in the window (and the person's filter), as log evidence."""
    table_name = str(options.extra.get("table") or DEFAULT_TABLE)
    table = identifier(table_name, "table")
    column_name = str(options.extra.get("time_column") or DEFAULT_TIME_COLUMN)
    column = identifier(column_name, "column")
    source = source_name("clickhouse", options.http.base_url)
    sink = LogSink(source, window, options.max_records)
    with JsonClient(source, options.http, what="ClickHouse") as client:
        server = _Server(client, cancel)
        convert = _converter(server, table_name, column_name)
        where = f"({options.query})" if options.query.strip() else "1"
        size = max(1, options.page_size)
        select = (
            f"SELECT toString({column}, 'UTC') AS {_TIME_ALIAS}, cityHash64(*) AS {_HASH_ALIAS}, * "
            f"FROM {table} WHERE {column} >= {convert.format('<<lower>>')} "
            f"AND {column} OP {convert.format('<<upper>>')} AND {where} "
            f"ORDER BY {column}, {_HASH_ALIAS} LIMIT {size} OFFSET SKIP FORMAT JSONEachRow"
        )
        pieces = list(slices(window, options.slice_minutes))
        for done, (start, end, last) in enumerate(pieces):
            progress(done, len(pieces), f"{start:%H:%M}")
            _read_slice(server, select, size, sink, (start, end, last), column_name)
            if sink.full:
                break
    progress(len(pieces), len(pieces), "done")
    query = table_name + (f" WHERE {options.query}" if options.query.strip() else "")
    return sink.result("clickhouse", options.http.base_url, query)


def _converter(server: _Server, table: str, column: str) -> str:
    """The SQL turning a UTC time string into the time column's type ('...{}...')."""
    db, _, name = table.rpartition(".")
    sql = (
        "SELECT type FROM system.columns WHERE table = <<table>> AND name = <<column>>"
        + (" AND database = <<db>>" if db else " AND database = currentDatabase()")
        + " FORMAT JSONEachRow"
    )
    rows = server.rows(sql, {"table": name, "column": column, **({"db": db} if db else {})})
    if not rows:
        raise CollectorError(
            f"{server.client.source}: table {table!r} has no column {column!r}: "
            "check --table and the time column (time_column)"
        )
    kind = str(rows[0].get("type", ""))
    if kind.startswith("Nullable("):
        kind = kind[len("Nullable(") : -1]
    if kind.startswith("DateTime64"):
        precision = re.search(r"\((\d+)", kind)
        return f"toDateTime64({{}}, {precision.group(1) if precision else 3}, 'UTC')"
    if kind.startswith("DateTime"):
        return "toDateTime({}, 'UTC')"
    raise CollectorError(
        f"{server.client.source}: column {column!r} of {table!r} is {kind}, not a DateTime: "
        "name the time column (time_column)"
    )


def _read_slice(server, select, size, sink, piece, time_column) -> None:
    start, end, last = piece
    lower, skip = start.strftime("%Y-%m-%d %H:%M:%S"), 0
    upper = end.strftime("%Y-%m-%d %H:%M:%S")
    select = select.replace(" OP ", " <= " if last else " < ")
    while True:
        rows = server.rows(
            select.replace("OFFSET SKIP", f"OFFSET {skip}"), {"lower": lower, "upper": upper}
        )
        sink.counts["pages"] += 1
        stamps = [str(row.pop(_TIME_ALIAS, "")) for row in rows]
        for stamp, row in zip(stamps, rows, strict=True):
            row.pop(_HASH_ALIAS, None)
            row.pop(time_column, None)
            try:
                t = parse_time(stamp.replace(" ", "T"))
            except ValueError:
                sink.counts["no_time"] = sink.counts.get("no_time", 0) + 1
                continue
            if not sink.add_fields(t, _fields(row), None):
                return
        if len(rows) < size:
            return
        # the next page starts AT the last time read, skipping the rows kept at it
        if stamps[-1] == lower:
            skip += len(rows)
        else:
            lower, skip = stamps[-1], stamps.count(stamps[-1])


def _fields(row: dict) -> dict:
    """A row with the OpenTelemetry column names as a JSON-line log's keys."""
    fields: dict = {}
    for key, value in row.items():
        if key in _DROP or value in ("", None) or value == {}:
            continue
        if isinstance(value, dict):  # LogAttributes, ResourceAttributes (Map columns)
            for k, v in value.items():
                fields.setdefault(k, v)
            continue
        fields[_OTEL_NAMES.get(key, key)] = value
    return fields
