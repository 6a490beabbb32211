"""Elasticsearch and OpenSearch: the index pattern and query string over the window.

`_search` with a `range` on the time field, sorted by time, under a point in time:
Elasticsearch (7.10+) opens it with `POST /INDEX/_pit` and breaks ties with `_shard_doc`,
paging with `search_after`; OpenSearch (2.4+) opens it with `POST /INDEX/_search/point_in_time`
and has no `_shard_doc`, so a page there starts AT the last time seen (a `range`) and skips, with
`from`, the hits already kept at that time (their order is fixed within the point in time).
Times come from the sort values in nanoseconds, whatever the `_source` format. Which product it
is comes from `GET /`. `_source` fields are mapped by `LogSink` (ECS and OpenTelemetry names).
"""

from __future__ import annotations

import threading

from pm_tui.collectors.common import source_name
from pm_tui.collectors.evidence import (
    CollectorError,
    CollectResult,
    CollectWindow,
    Progress,
    no_progress,
)
from pm_tui.collectors.http import JsonClient
from pm_tui.collectors.log_stores import LogSink, LogStoreOptions, slices

DEFAULT_INDEX = "logs-*"
DEFAULT_TIME_FIELD = "@timestamp"
KEEP_ALIVE = "2m"
MAX_FROM = (
    9_000  # hits at one instant skipped with `from` (OpenSearch); index.max_result_window is 10k
)


def collect_elasticsearch(
    options: LogStoreOptions,
    window: CollectWindow,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
    kind: str = "elasticsearch",
) -> CollectResult:
    """Every document the query string matches in the window, as log evidence."""
    index = str(options.extra.get("index") or DEFAULT_INDEX)
    time_field = str(options.extra.get("time_field") or DEFAULT_TIME_FIELD)
    source = source_name(kind, options.http.base_url)
    sink = LogSink(source, window, options.max_records)
    what = "OpenSearch" if kind == "opensearch" else "Elasticsearch"
    with JsonClient(source, options.http, what=what) as client:
        product = _product(client, cancel)
        pit = _open_pit(client, product, index, cancel)
        try:
            pieces = list(slices(window, options.slice_minutes))
            for done, (start, end, last) in enumerate(pieces):
                progress(done, len(pieces), f"{start:%H:%M}")
                pit = _read_slice(
                    client, options, sink, product, pit, time_field, start, end, last, cancel
                )
                if sink.full:
                    break
        finally:
            _close_pit(client, product, pit)
    progress(1, 1, "done")
    query = options.query or "*"
    return sink.result(kind, options.http.base_url, f"{index}: {query}")


def _product(client: JsonClient, cancel) -> str:
    info = client.get_json("/", cancel=cancel)
    version = (info or {}).get("version") or {}
    if not isinstance(version, dict) or "number" not in version:
        raise CollectorError(
            f"{client.source}: the answer to GET / is not Elasticsearch or OpenSearch: check the URL"
        )
    return "opensearch" if version.get("distribution") == "opensearch" else "elasticsearch"


def _open_pit(client: JsonClient, product: str, index: str, cancel) -> str:
    hint = f"no index matches {index!r}: check --index"
    if product == "opensearch":
        body = client.post_json(
            f"/{index}/_search/point_in_time", None, {"keep_alive": KEEP_ALIVE},
            not_found=hint, cancel=cancel,
        )  # fmt: skip
        pit = (body or {}).get("pit_id")
    else:
        body = client.post_json(
            f"/{index}/_pit", None, {"keep_alive": KEEP_ALIVE}, not_found=hint, cancel=cancel
        )
        pit = (body or {}).get("id")
    if not pit:
        raise CollectorError(f"{client.source}: the server opened no point in time for {index!r}")
    return str(pit)


def _close_pit(client: JsonClient, product: str, pit: str) -> None:
    try:
        if product == "opensearch":
            client.send("DELETE", "/_search/point_in_time", json_body={"pit_id": [pit]})
        else:
            client.send("DELETE", "/_pit", json_body={"id": pit})
    except CollectorError:
        pass  # it expires by itself after KEEP_ALIVE


def _read_slice(client, options, sink, product, pit, time_field, start, end, last, cancel) -> str:
    size = max(1, min(options.page_size, 10_000))
    query = options.query.strip()
    sort: list = [{time_field: {"order": "asc", "numeric_type": "date_nanos"}}]
    if product == "elasticsearch":
        sort.append({"_shard_doc": "asc"})
    after: list | None = None
    lower, skip = _nanos_iso(start), 0  # OpenSearch: hits already kept at `lower`
    while True:
        bound = {"gte": lower, ("lte" if last else "lt"): _nanos_iso(end)}
        filters: list = [
            {"range": {time_field: {**bound, "format": "strict_date_optional_time_nanos"}}}
        ]
        if query and query != "*":
            filters.append({"query_string": {"query": query}})
        body: dict = {
            "size": size,
            "query": {"bool": {"filter": filters}},
            "sort": sort,
            "pit": {"id": pit, "keep_alive": KEEP_ALIVE},
            "track_total_hits": False,
        }
        if after is not None:
            body["search_after"] = after
        if skip:
            body["from"] = skip
        answer = client.post_json("/_search", body, cancel=cancel)
        hits = _hits(client.source, answer)
        pit = str(answer.get("pit_id") or pit)
        sink.counts["pages"] += 1
        for hit in hits:
            fields = dict(hit.get("_source") or {})
            fields.pop(time_field, None)
            try:
                t = _from_nanos(int(hit["sort"][0]))
            except (KeyError, IndexError, TypeError, ValueError):
                sink.counts["no_time"] = sink.counts.get("no_time", 0) + 1
                continue
            extra = {"index": hit["_index"]} if hit.get("_index") else None
            if not sink.add_fields(t, fields, extra):
                return pit
        if len(hits) < size:
            return pit
        if product == "elasticsearch":
            after = hits[-1]["sort"]
            continue
        # OpenSearch has no _shard_doc: start again AT the last time seen and skip the hits
        # already kept at it (search_after alone would drop the rest of a tie)
        last_ns = int(hits[-1]["sort"][0])
        if _nanos_iso_value(last_ns) == lower:
            skip += len(hits)
        else:
            lower = _nanos_iso_value(last_ns)
            skip = sum(1 for h in hits if int(h["sort"][0]) == last_ns)
        if skip > MAX_FROM:
            raise CollectorError(
                f"{client.source}: more than {MAX_FROM} documents at one instant: narrow the query"
            )


def _nanos_iso(t) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}000Z"


def _nanos_iso_value(ns: int) -> str:
    from datetime import UTC, datetime

    seconds, frac = divmod(ns, 1_000_000_000)
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{frac:09d}Z"


def _from_nanos(ns: int):
    from datetime import UTC, datetime

    seconds, frac = divmod(ns, 1_000_000_000)
    return datetime.fromtimestamp(seconds, UTC).replace(microsecond=frac // 1000)


def _hits(source: str, answer: object) -> list[dict]:
    try:
        hits = answer["hits"]["hits"]  # type: ignore[index]
    except (KeyError, TypeError):
        raise CollectorError(
            f"{source}: the answer is not a search response: check the URL and the index"
        ) from None
    return list(hits or [])
