"""The fixed facts of the 2025-02-09 api incident: times, pods, people, secrets.

Every other module of the generator reads its times from here, so the evidence of all
tools agrees. All times are aware UTC datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

DAY = datetime(2025, 2, 9, tzinfo=UTC)
NAMESPACE = "shop"


def at(hhmmss: str) -> datetime:
    """The incident day at HH:MM[:SS] UTC."""
    parts = [int(p) for p in hhmmss.split(":")]
    h, m, s = (parts + [0, 0])[:3]
    return DAY + timedelta(hours=h, minutes=m, seconds=s)


def iso_z(t: datetime, digits: int = 0) -> str:
    """RFC 3339 UTC with a Z and `digits` fractional digits (0, 3, 6 or 9)."""
    base = t.strftime("%Y-%m-%dT%H:%M:%S")
    if digits:
        frac = f"{t.microsecond:06d}"
        frac = (frac + "000")[:digits] if digits == 9 else frac[:digits]
        base += "." + frac
    return base + "Z"


def epoch(t: datetime) -> float:
    return t.timestamp()


# --- the window of the evidence ------------------------------------------------
LOG_START, LOG_END = at("06:00"), at("14:00")
METRICS_START, METRICS_END = at("09:00"), at("12:30")
SCRAPE_STEP = 15

# --- the timeline the evidence must show ------------------------------------------
DEPLOY_START = at("09:41:30")
DEPLOY_DONE = at("09:43:10")
SLOW_QUERIES_START = at("10:03:00")
POOL_EXHAUSTED = at("10:04:30")  # requests queued from here fail 30 s later
FIRST_5XX = at("10:05:00")
ALERT_PENDING = at("10:07:00")
ALERT_FIRING = at("10:12:00")
PAGE_TRIGGERED = at("10:12:20")
PAGE_NOTIFIED = at("10:12:21")
PAGE_ACKED = at("10:16:05")
SLACK_CHANNEL_CREATED = at("10:18:30")
DIAG_POOL = at("10:24:10")
DIAG_SEQSCAN = at("10:31:00")
PD_NOTE = at("10:33:00")
DECISION_CACHE = at("10:45:00")
CACHE_DEPLOY = at("10:51:20")  # deployment/order-cache scaled up
MITIGATION = at("10:52:00")  # api config rollout with ORDER_LOOKUP_CACHE=on
RECOVERY = at("10:58:00")  # last old pod gone; its queued requests fail until 10:58:30
FLUSH_END = at("10:58:30")
ALERT_RESOLVED = at("11:04:00")
INDEX_CREATED = at("11:25:00")
RESOLVED = at("11:40:00")

PD_INCIDENT_ID = "Q1ABCDEF2GHIJK"
PD_SERVICE = "api-production"


@dataclass(frozen=True)
class Pod:
    """One api pod: when it started, became ready, got SIGTERM and exited."""

    name: str
    ip: str
    node: str
    start: datetime
    ready: datetime
    stop: datetime  # SIGTERM
    end: datetime  # process exited
    version: str

    @property
    def replicaset(self) -> str:
        return self.name.rsplit("-", 1)[0]

    @property
    def instance(self) -> str:
        return f"{self.ip}:8080"


_FAR_PAST = DAY - timedelta(days=3, hours=-14, minutes=-7)  # v2.2.4 rolled out 2025-02-06
_FAR_FUTURE = DAY + timedelta(days=1)

OLD_RS, NEW_RS, CACHE_RS = "api-5b8f6c9d7", "api-6f9c7d8b5", "api-7c8d4b9f6"

PODS: tuple[Pod, ...] = (
    Pod(
        "api-5b8f6c9d7-4xk2p",
        "10.42.1.23",
        "ip-10-0-1-17",
        _FAR_PAST,
        _FAR_PAST,
        at("09:41:52"),
        at("09:41:54"),
        "v2.2.4",
    ),
    Pod(
        "api-5b8f6c9d7-9lm7q",
        "10.42.2.31",
        "ip-10-0-2-44",
        _FAR_PAST,
        _FAR_PAST,
        at("09:42:24"),
        at("09:42:26"),
        "v2.2.4",
    ),
    Pod(
        "api-5b8f6c9d7-tz8wd",
        "10.42.3.12",
        "ip-10-0-3-9",
        _FAR_PAST,
        _FAR_PAST,
        at("09:43:00"),
        at("09:43:02"),
        "v2.2.4",
    ),
    Pod(
        "api-6f9c7d8b5-h2x9k",
        "10.42.1.47",
        "ip-10-0-1-17",
        at("09:41:31"),
        at("09:41:50"),
        at("10:54:00"),
        at("10:54:30"),
        "v2.3.0",
    ),
    Pod(
        "api-6f9c7d8b5-q8v4n",
        "10.42.2.52",
        "ip-10-0-2-44",
        at("09:41:55"),
        at("09:42:22"),
        at("10:56:00"),
        at("10:56:30"),
        "v2.3.0",
    ),
    Pod(
        "api-6f9c7d8b5-wr7jt",
        "10.42.3.38",
        "ip-10-0-3-9",
        at("09:42:27"),
        at("09:42:58"),
        at("10:58:00"),
        FLUSH_END,
        "v2.3.0",
    ),
    Pod(
        "api-7c8d4b9f6-m3k8s",
        "10.42.1.61",
        "ip-10-0-1-17",
        at("10:52:01"),
        at("10:52:20"),
        _FAR_FUTURE,
        _FAR_FUTURE,
        "v2.3.0",
    ),
    Pod(
        "api-7c8d4b9f6-b6n2f",
        "10.42.2.66",
        "ip-10-0-2-44",
        at("10:54:01"),
        at("10:54:20"),
        _FAR_FUTURE,
        _FAR_FUTURE,
        "v2.3.0",
    ),
    Pod(
        "api-7c8d4b9f6-j9d5w",
        "10.42.3.71",
        "ip-10-0-3-9",
        at("10:56:01"),
        at("10:56:20"),
        _FAR_FUTURE,
        _FAR_FUTURE,
        "v2.3.0",
    ),
)

# The pod whose `kubectl logs --timestamps` output is shipped (it lived through the incident).
KUBECTL_POD = "api-6f9c7d8b5-wr7jt"
WORKER_POD = "order-sync-worker-7b9c5d6f4-x2l9p"


def serving_pods(t: datetime) -> list[Pod]:
    """Pods that receive new requests at time t (ready and not yet told to stop)."""
    return [p for p in PODS if p.ready <= t < p.stop]


# --- people -------------------------------------------------------------------
@dataclass(frozen=True)
class Person:
    slack_id: str
    pd_id: str
    name: str
    handle: str
    email: str


ALICE = Person("U01ALICE", "PALICE1", "Alice Chen", "alice.chen", "alice.chen@shop.example.com")
BOB = Person("U02BOB", "PBOBOK2", "Bob Okafor", "bob.okafor", "bob.okafor@shop.example.com")
DANA = Person("U03DANA", "PDANAR3", "Dana Ruiz", "dana.ruiz", "dana.ruiz@shop.example.com")
PRIYA = Person("U04PRIYA", "PPRIYA4", "Priya Nair", "priya.nair", "priya.nair@shop.example.com")
PEOPLE = (ALICE, BOB, DANA, PRIYA)

# --- secrets planted in the evidence (redaction must catch every one) ---------------
DB_PASSWORD = "S3cr3tP4ss"
DSN = f"postgres://api:{DB_PASSWORD}@db:5432/shop"
JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
    ".eyJzdWIiOiJ1c3JfODgyMzEiLCJzY29wZSI6Im9yZGVyczpyZWFkIiwiZXhwIjoxNzM5MDk0NDAwfQ"
    ".hN3q8Zk0Yt2vQ1mX7cR5pL9wB4sD6fG8jK0aE2uI3oY"
)
JWT_AT = at("10:14:02")
SLACK_TOKEN = "xoxb-2741389650-5938271046235-Zq8HnR2vLk4TyW7mPc3XsJ1d"
SLACK_TOKEN_AT = at("10:27:40")
