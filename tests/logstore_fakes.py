"""FAKE Loki and Elasticsearch/OpenSearch servers, written from their documented HTTP APIs.

Neither product runs on this machine, so these small loopback servers speak the parts of the
documented APIs the collectors use, with the documented shapes, limits and errors:

- Loki `GET /loki/api/v1/labels` (the tenant's label names, `{"status": "success", "data":
  [...]}`) and `GET /loki/api/v1/query_range` (Loki HTTP API docs): `query` (a stream selector
  `{k="v",...}` with `|= "text"` line filters), `start`/`end` in Unix nanoseconds (start
  inclusive, end exclusive), `limit` (default 100; more than `max_entries_limit_per_query`,
  5000, is a 400), `direction`; the answer is `resultType: "streams"` with `[ns, line]`
  values grouped by stream; `X-Scope-OrgID` picks the tenant (missing: 401 "no org id").
- Elasticsearch 8 (`GET /` with `tagline`, `POST /INDEX/_pit`, `DELETE /_pit`, `_shard_doc`
  added to the sort of a PIT search and accepted explicitly) and OpenSearch 2.x (`GET /` with
  `version.distribution: "opensearch"`, `POST /INDEX/_search/point_in_time` answering
  `pit_id`, `DELETE /_search/point_in_time`, and NO `_shard_doc`: a 400 "No mapping found for
  [_shard_doc] in order to sort on"). `_search` takes `size`, `from` (from + size over
  `index.max_result_window`, 10000, is a 400), `search_after`, `sort` on a date field with
  `numeric_type: date_nanos` (sort values in nanoseconds), and a `bool.filter` of a `range`
  (`gte`/`gt`/`lt`/`lte`, ISO times) and a `query_string` (`field:value` terms or free words).

Both can be told to fail the next requests (`fail_next`) and to require a bearer token.
"""

from __future__ import annotations

import fnmatch
import json
import re
import threading
from contextlib import contextmanager
from datetime import datetime
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

from tests.local_http import running

MAX_ENTRIES = 5000
MAX_RESULT_WINDOW = 10_000


class _Base:
    def __init__(self):
        self.failures: list[tuple[int, dict, bytes]] = []
        self.requests: list[tuple[str, str, dict]] = []  # (method, path, params/body)
        self.token: str | None = None
        self.lock = threading.Lock()

    def fail_next(self, status: int, body: str = "", headers: dict | None = None) -> None:
        """Answer the next request with `status` (then behave again)."""
        self.failures.append((status, headers or {}, body.encode()))

    def handle(self, method, path, query, headers, body):
        with self.lock:
            self.requests.append((method, path, body if body is not None else query))
            if self.failures:
                return self.failures.pop(0)
        expected = self.token if " " in (self.token or "") else f"Bearer {self.token}"
        if self.token and headers.get("authorization") != expected:
            return 401, {}, b'{"error": "unauthorized"}'
        return self.route(method, path, query, headers, body)

    def route(self, method, path, query, headers, body):  # pragma: no cover - overridden
        raise NotImplementedError


@contextmanager
def serve(fake: _Base):
    """Run `fake` on a free loopback port; yields its base URL."""

    class Handler(BaseHTTPRequestHandler):
        def _any(self):
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw.strip() else None
            status, extra, payload = fake.handle(
                self.command,
                parts.path,
                {k: v[-1] for k, v in parse_qs(parts.query).items()},
                {k.lower(): v for k, v in self.headers.items()},
                body,
            )
            if isinstance(payload, dict | list):
                payload = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            for k, v in extra.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_DELETE = _any  # noqa: N815 (http.server's naming)

        def log_message(self, *args):
            pass

    with running(Handler) as url:
        yield url


def _ns(iso_text: str) -> int:
    """An ISO time with up to nine fraction digits, as Unix nanoseconds."""
    m = re.match(r"(.*?T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?$", iso_text)
    whole = datetime.fromisoformat(m.group(1) + (m.group(3) or "Z").replace("Z", "+00:00"))
    frac = (m.group(2) or "").ljust(9, "0")[:9]
    return int(whole.timestamp()) * 1_000_000_000 + int(frac)


# --- Loki ----------------------------------------------------------------------------------
class FakeLoki(_Base):
    """Streams per tenant: {tenant: [(labels, [(ns, line), ...]), ...]}; tenant "" = single."""

    def __init__(self, multi_tenant: bool = False):
        super().__init__()
        self.streams: dict[str, list[tuple[dict, list[tuple[int, str]]]]] = {}
        self.multi_tenant = multi_tenant

    def push(self, labels: dict, entries: list[tuple[int, str]], tenant: str = "") -> None:
        self.streams.setdefault(tenant, []).append((labels, sorted(entries)))

    def route(self, method, path, query, headers, body):
        if path not in ("/loki/api/v1/query_range", "/loki/api/v1/labels"):
            return 404, {}, b"404 page not found\n"
        tenant = headers.get("x-scope-orgid", "")
        if self.multi_tenant and not tenant:
            return 401, {}, b"no org id\n"
        if path == "/loki/api/v1/labels":
            names = sorted({k for labels, _ in self.streams.get(tenant, []) for k in labels})
            return 200, {}, {"status": "success", "data": names}
        limit = int(query.get("limit", 100))
        if limit > MAX_ENTRIES:
            return (
                400,
                {},
                (
                    f"max entries limit per query exceeded, limit > max_entries_limit "
                    f"({limit} > {MAX_ENTRIES})"
                ).encode(),
            )
        try:
            selector, filters = _logql(query["query"])
        except ValueError as exc:
            return 400, {}, f"parse error : {exc}".encode()
        start, end = int(query["start"]), int(query["end"])
        forward = query.get("direction", "backward") == "forward"
        picked = []
        for labels, entries in self.streams.get(tenant, []):
            if all(labels.get(k) == v for k, v in selector.items()):
                for ns, line in entries:
                    if start <= ns < end and all(f in line for f in filters):
                        picked.append((ns, line, labels))
        picked.sort(key=lambda e: e[0], reverse=not forward)
        picked = picked[:limit]
        grouped: dict[tuple, list] = {}
        for ns, line, labels in picked:
            grouped.setdefault(tuple(sorted(labels.items())), []).append([str(ns), line])
        result = [{"stream": dict(k), "values": v} for k, v in grouped.items()]
        return (
            200,
            {},
            {"status": "success", "data": {"resultType": "streams", "result": result, "stats": {}}},
        )


def _logql(text: str) -> tuple[dict, list[str]]:
    m = re.match(r"\s*\{([^}]*)\}(.*)$", text)
    if not m:
        raise ValueError("syntax error: a log query starts with a stream selector")
    selector = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', m.group(1)))
    filters = re.findall(r'\|=\s*"([^"]*)"', m.group(2))
    return selector, filters


# --- Elasticsearch / OpenSearch ------------------------------------------------------------
class FakeSearch(_Base):
    """Indices of documents {index: [source, ...]}; `product` "elasticsearch" or "opensearch"."""

    def __init__(self, product: str = "elasticsearch"):
        super().__init__()
        self.product = product
        self.indices: dict[str, list[dict]] = {}
        self.pits: dict[str, list[tuple[str, int, dict]]] = {}

    def add(self, index: str, docs: list[dict]) -> None:
        self.indices.setdefault(index, []).extend(docs)

    def route(self, method, path, query, headers, body):
        os_ = self.product == "opensearch"
        if method == "GET" and path == "/":
            if os_:
                return 200, {}, {"name": "fake", "version": {"distribution": "opensearch", "number": "2.11.0"}, "tagline": "The OpenSearch Project: https://opensearch.org/"}  # fmt: skip
            return 200, {}, {"name": "fake", "version": {"number": "8.13.0", "build_flavor": "default"}, "tagline": "You Know, for Search"}  # fmt: skip
        m = re.match(r"^/([^/_][^/]*)/(_pit|_search/point_in_time)$", path)
        if method == "POST" and m:
            if (m.group(2) == "_pit") == os_:
                return 400, {}, _error("illegal_argument_exception", f"no handler for {path}", 400)
            names = [
                n for n in self.indices if any(fnmatch.fnmatch(n, p) for p in m.group(1).split(","))
            ]
            if not names:
                return (
                    404,
                    {},
                    _error("index_not_found_exception", f"no such index [{m.group(1)}]", 404),
                )
            pit = f"pit-{len(self.pits) + 1}"
            # a frozen view: (index, doc id within the PIT, source)
            self.pits[pit] = [
                (n, i, d) for n in sorted(names) for i, d in enumerate(self.indices[n])
            ]
            if os_:
                return (
                    200,
                    {},
                    {"pit_id": pit, "_shards": {"total": 1, "successful": 1}, "creation_time": 0},
                )
            return 200, {}, {"id": pit}
        if method == "DELETE" and path in ("/_pit", "/_search/point_in_time"):
            ids = (body or {}).get("pit_id") if os_ else [(body or {}).get("id")]
            for pit in ids or []:
                self.pits.pop(pit, None)
            return 200, {}, {"succeeded": True, "num_freed": 1}
        if method == "POST" and path == "/_search":
            return self._search(body or {})
        return (
            404,
            {},
            _error("resource_not_found_exception", f"no handler for {method} {path}", 404),
        )

    def _search(self, body):
        pit = (body.get("pit") or {}).get("id")
        if pit not in self.pits:
            return (
                404,
                {},
                _error("search_context_missing_exception", "No search context found", 404),
            )
        size, start = int(body.get("size", 10)), int(body.get("from", 0))
        if start + size > MAX_RESULT_WINDOW:
            return 400, {}, _error("illegal_argument_exception", "Result window is too large", 400)
        sort = body.get("sort") or []
        (field, spec), *rest = (next(iter(s.items())) for s in sort)
        if rest and rest[0][0] == "_shard_doc" and self.product == "opensearch":
            return (
                400,
                {},
                _error(
                    "query_shard_exception",
                    "No mapping found for [_shard_doc] in order to sort on",
                    400,
                ),
            )
        docs = [d for d in self.pits[pit] if self._matches(d[2], body.get("query") or {}, field)]
        # the time in nanoseconds, then the PIT's tiebreaker (ES: _shard_doc; OS: doc order)
        keyed = sorted(([_ns(d[2][field]), d[1]], d) for d in docs)
        if body.get("search_after") is not None:
            after = body["search_after"]
            keyed = [k for k in keyed if k[0][: len(after)] > list(after)]
        page = keyed[start : start + size]
        hits = []
        for key, (index, doc_id, source) in page:
            shown = key if self.product == "elasticsearch" else key[:1]
            hits.append({"_index": index, "_id": str(doc_id), "_source": source, "sort": shown})
        return 200, {}, {"pit_id": pit, "took": 1, "timed_out": False, "hits": {"hits": hits}}

    def _matches(self, source: dict, query: dict, time_field: str) -> bool:
        for clause in (query.get("bool") or {}).get("filter") or []:
            if "range" in clause:
                ((field, bound),) = clause["range"].items()
                t = _ns(source[field])
                for op, value in bound.items():
                    if op == "format":
                        continue
                    v = _ns(value)
                    if not {"gte": t >= v, "gt": t > v, "lt": t < v, "lte": t <= v}[op]:
                        return False
            if "query_string" in clause:
                for term in clause["query_string"]["query"].split(" AND "):
                    key, _, value = term.partition(":")
                    if value:
                        if (
                            str(_get(source, key.strip())).lower()
                            != value.strip().strip('"').lower()
                        ):
                            return False
                    elif key.strip().lower() not in json.dumps(source).lower():
                        return False
        return True


def _get(source: dict, dotted: str):
    if dotted in source:
        return source[dotted]
    value = source
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _error(kind: str, reason: str, status: int) -> dict:
    return {
        "error": {"root_cause": [{"type": kind, "reason": reason}], "type": kind, "reason": reason},
        "status": status,
    }
