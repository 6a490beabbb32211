"""Log files as nginx, the api pods, the order-sync worker and `kubectl logs` write them."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime

from . import scenario as sc
from .traffic import Request

NGINX_LOG_FORMAT = (
    "log_format timed '$remote_addr - $remote_user [$time_local] \"$request\" '\n"
    "                 '$status $body_bytes_sent \"$http_referer\" '\n"
    "                 '\"$http_user_agent\" $request_time';"
)

LOOKUP_SQL = "SELECT id, status, total_cents, created_at FROM orders WHERE customer_ref = $1 ORDER BY created_at DESC LIMIT 50"
POOL_MSG = "QueuePool limit of size 20 overflow 10 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)"
SA = "/usr/local/lib/python3.11/site-packages/sqlalchemy"


def _dt(t: float) -> datetime:
    return datetime.fromtimestamp(t, UTC)


def _ms_z(t: float) -> str:
    return sc.iso_z(_dt(t), 3)


def nginx_line(r: Request) -> str:
    """One line in the `timed` log_format (combined plus $request_time)."""
    tl = _dt(r.done).strftime("%d/%b/%Y:%H:%M:%S +0000")
    return f'{r.client} - - [{tl}] "{r.method} {r.path} HTTP/1.1" {r.status} {r.size} "{r.referer}" "{r.ua}" {r.duration:.3f}'


def access_log(reqs: list[Request]) -> str:
    return "".join(nginx_line(r) + "\n" for r in reqs)


def _traceback(where: str, func: str, exc: str) -> str:
    return (
        "Traceback (most recent call last):\n"
        f'  File "{where}", line 88, in {func}\n'
        "    with engine.connect() as conn:\n"
        f'  File "{SA}/engine/base.py", line 3268, in connect\n'
        "    return self._connection_cls(self)\n"
        f'  File "{SA}/engine/base.py", line 145, in __init__\n'
        "    self._dbapi_connection = engine.raw_connection()\n"
        f'  File "{SA}/pool/impl.py", line 157, in _do_get\n'
        "    raise exc.TimeoutError(\n"
        f"{exc}"
    )


class AppLog:
    """Collects (time, pod, json line) for the api pods and writes them merged by time."""

    def __init__(self) -> None:
        self.rows: list[tuple[float, int, str, str]] = []

    def add(self, t: float, level: str, logger: str, msg: str, pod: str, **extra: object) -> None:
        rec = {"ts": _ms_z(t), "level": level, "logger": logger, "msg": msg, "pod": pod}
        rec.update(extra)
        self.rows.append((round(t, 3), len(self.rows), pod, json.dumps(rec, separators=(",", ":"))))

    def sorted(self) -> list[tuple[float, int, str, str]]:
        return sorted(self.rows)


def _lifecycle(log: AppLog) -> None:
    for p in sc.PODS:
        s = p.start.timestamp()
        if p.start > sc.LOG_START:
            log.add(s + 2.114, "INFO", "api", f"starting api {p.version} (git 4f2a9c1)", p.name)
            log.add(
                s + 2.301,
                "INFO",
                "api.db",
                f"connecting to database {sc.DSN} pool_size=20 max_overflow=10 pool_timeout=30",
                p.name,
            )
            if p.name.startswith(sc.CACHE_RS):
                log.add(
                    s + 2.402,
                    "INFO",
                    "api.cache",
                    "order lookup cache enabled (ORDER_LOOKUP_CACHE=on, redis://order-cache:6379/0, ttl=300s)",
                    p.name,
                )
            if p.name == "api-6f9c7d8b5-h2x9k":
                log.add(
                    s + 2.950,
                    "INFO",
                    "api.migrations",
                    "migration applied: 0142_drop_orders_legacy_status (ALTER TABLE orders DROP COLUMN legacy_status) in 0.84s",
                    p.name,
                )
            log.add(
                s + 3.120, "INFO", "api", "listening on 0.0.0.0:8080 (gunicorn, 4 workers)", p.name
            )
        if p.stop < sc.LOG_END:
            log.add(
                p.stop.timestamp() + 0.004,
                "INFO",
                "api",
                "received SIGTERM, shutting down gracefully (timeout 30s)",
                p.name,
            )
            log.add(p.end.timestamp() - 0.010, "INFO", "api", "shutdown complete", p.name)


def app_log(reqs: list[Request], rng: random.Random) -> AppLog:
    """The api pods' JSON lines: one INFO per request plus warnings, errors and lifecycle."""
    log = AppLog()
    _lifecycle(log)
    n_pool = 0
    for r in reqs:
        if r.kind == "health":
            continue  # the app does not log health checks
        extra = {"request_id": r.request_id}
        if r.kind == "legacy":
            log.add(
                r.done - 0.02,
                "WARNING",
                "api.deprecation",
                "deprecated endpoint /v1/legacy-orders called",
                r.pod,
                client=r.client,
                **extra,
            )
        if r.db_seconds > 1.0:
            log.add(
                r.done - 0.002,
                "WARNING",
                "api.db",
                f"slow query {r.db_seconds:.2f}s: {LOOKUP_SQL}",
                r.pod,
                **extra,
            )
        if r.error == "pool_timeout":
            n_pool += 1
            fields = dict(extra, path=r.path.split("?")[0])
            if n_pool % 10 == 1:
                fields["exc_info"] = _traceback(
                    "/app/api/orders.py",
                    "lookup_orders",
                    "sqlalchemy.exc.TimeoutError: " + POOL_MSG,
                )
            log.add(r.done - 0.003, "ERROR", "api.db", POOL_MSG, r.pod, **fields)
        elif r.error == "statement_timeout":
            log.add(
                r.done - 0.003,
                "ERROR",
                "api.db",
                "canceling statement due to statement timeout",
                r.pod,
                exc_type="psycopg2.errors.QueryCanceled",
                statement_timeout="15s",
                **extra,
            )
        elif r.error == "shutdown":
            log.add(
                r.done - 0.003,
                "ERROR",
                "api",
                "request aborted during shutdown while waiting for a database connection",
                r.pod,
                **extra,
            )
        elif r.error == "unhandled":
            exc = rng.choice(
                (
                    "KeyError: 'sku'",
                    "ValueError: invalid literal for int() with base 10: ''",
                    "AttributeError: 'NoneType' object has no attribute 'currency'",
                )
            )
            log.add(
                r.done - 0.003,
                "ERROR",
                "api.errors",
                f"unhandled exception in {r.method} {r.path.split('?')[0]}: {exc}",
                r.pod,
                **extra,
            )
        log.add(
            r.done,
            "INFO",
            "api.access",
            f"{r.method} {r.path} {r.app_status}",
            r.pod,
            method=r.method,
            path=r.path,
            status=r.app_status,
            duration_ms=round(r.duration * 1000, 1),
            **extra,
        )
    _recommendation_timeouts(log, reqs, rng)
    jwt_pod = sc.KUBECTL_POD
    log.add(
        sc.JWT_AT.timestamp() + 0.412,
        "WARNING",
        "api.auth",
        f"rejected request: token expired; headers={{'Host': 'api.shop.internal', 'Authorization': 'Bearer {sc.JWT}', 'User-Agent': 'okhttp/4.12.0'}}",
        jwt_pod,
        request_id="5f0c2e9a7b3d4c1e8a6f2d0b9c7e5a31",
    )
    m3 = sc.PODS[6].name
    log.add(
        sc.at("11:13:58").timestamp() + 0.207,
        "INFO",
        "api.migrations",
        "migration started: 0143_orders_customer_ref_idx (CREATE INDEX CONCURRENTLY orders_customer_ref_idx ON orders (customer_ref))",
        m3,
    )
    log.add(
        sc.INDEX_CREATED.timestamp() + 0.031,
        "INFO",
        "api.migrations",
        "migration applied: 0143_orders_customer_ref_idx (CREATE INDEX CONCURRENTLY orders_customer_ref_idx ON orders (customer_ref)) in 661.8s",
        m3,
    )
    return log


def _recommendation_timeouts(log: AppLog, reqs: list[Request], rng: random.Random) -> None:
    t, end = sc.LOG_START.timestamp(), sc.LOG_END.timestamp()
    while True:
        t += rng.expovariate(1 / 240)
        if t >= end:
            return
        pods = sc.serving_pods(_dt(t))
        log.add(
            t,
            "ERROR",
            "api.clients.recommendations",
            "upstream timed out calling recommendations-svc (timeout 2s)",
            rng.choice(pods).name,
            url="http://recommendations-svc.shop.svc:8080/v1/recommendations",
        )


def app_jsonl(log: AppLog) -> str:
    return "".join(line + "\n" for _, _, _, line in log.sorted())


def kubectl_logs(log: AppLog, pod: str, rng: random.Random) -> str:
    """`kubectl logs --timestamps` of one pod: RFC 3339 nano time, a space, the line."""
    out = []
    for t, _, p, line in log.sorted():
        if p != pod:
            continue
        stamp = _dt(t)
        nanos = stamp.microsecond * 1000 + rng.randint(20_000, 480_000)
        out.append(f"{stamp:%Y-%m-%dT%H:%M:%S}.{nanos:09d}Z {line}\n")
    return "".join(out)


def worker_log(rng: random.Random) -> str:
    """The order-sync worker: Python logging's `%(asctime)s %(levelname)s %(name)s: %(message)s`, UTC."""
    pool_msg = "QueuePool limit of size 5 overflow 2 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)"
    lines: list[tuple[float, str]] = []

    def emit(t: float, level: str, name: str, msg: str) -> None:
        d = _dt(t)
        lines.append(
            (t, f"{d:%Y-%m-%d %H:%M:%S},{d.microsecond // 1000:03d} {level} {name}: {msg}")
        )

    t = sc.LOG_START.timestamp() + 7.0
    fail_from, fail_to = sc.FIRST_5XX.timestamp() + 35, sc.RECOVERY.timestamp() + 20
    while t < sc.LOG_END.timestamp():
        start = t + rng.uniform(0.0, 0.4)
        if fail_from <= start + 30 < fail_to:
            emit(
                start + 30.0 + rng.uniform(0.002, 0.02),
                "ERROR",
                "worker",
                f"order sync failed: {pool_msg}",
            )
            tb = _traceback(
                "/app/worker/sync.py", "sync_orders", "sqlalchemy.exc.TimeoutError: " + pool_msg
            )
            lines[-1] = (lines[-1][0], lines[-1][1] + "\n" + tb)
        else:
            emit(
                start + rng.uniform(0.4, 1.2),
                "INFO",
                "worker",
                f"synced {rng.randint(18, 96)} orders in {rng.uniform(0.4, 1.2):.2f}s",
            )
        if int(t - sc.LOG_START.timestamp()) % 900 < 60:
            emit(
                start + 1.5,
                "INFO",
                "worker.heartbeat",
                f"alive: pod={sc.WORKER_POD} queue_depth={rng.randint(0, 4)}",
            )
        t += 60.0
    lines.sort(key=lambda x: x[0])
    return "".join(line + "\n" for _, line in lines)
