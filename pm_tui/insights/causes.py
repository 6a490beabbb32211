"""When two immediate causes are the same recurring cause, written once (recurrence groups by it).

A cause is reduced to its terms: words in a common form ("ran out of memory", "OOM-killed"
and "hit maxmemory" are all `oom`; "DB" is `database`; plurals and tenses dropped), numbers,
units, versions and small words left out. Two causes are similar when their terms overlap
enough (weighted Dice, or one short cause held in the other), unless they name different
things of one kind: a connection pool is not a thread pool, a full disk is not a failed one,
an expired certificate is not a revoked one (`KINDS`). Tuned on tests/data/similar_causes_own.tsv;
bench/score_similar_causes.py prints precision and recall.
"""

from __future__ import annotations

import functools
import re

# Phrases first (longest first), then single words, to one term.
_PHRASES = {
    "out of memory": "oom", "ran out of memory": "oom", "oom killed": "oom", "oomkilled": "oom",
    "oom-killed": "oom", "hit maxmemory": "oom", "maxmemory": "oom", "memory limit": "oom",
    "out of disk space": "disk exhaust", "out of disk": "disk exhaust",
    "out of space": "exhaust", "no space left": "exhaust", "ran out of": "exhaust", "run out of": "exhaust",
    "in use": "exhaust", "timed out": "timeout", "time out": "timeout", "times out": "timeout",
    "garbage collection": "gc", "garbage-collection": "gc", "full table scan": "scan noindex",
    "missing an index": "noindex", "without an index": "noindex", "no index": "noindex",
    "without a rollback": "norollback", "with no rollback": "norollback",
    "no rollback": "norollback", "without an alert": "noalert", "nothing alerted": "noalert",
    "no alert": "noalert", "without alerting": "noalert", "never alerted": "noalert",
    "fell behind": "lag", "file descriptor": "fd", "file descriptors": "fd",
    "open files": "fd", "at once": "all", "all regions": "all", "went straight to": "all",
    "straight to": "all", "auto-renewal": "renewal", "auto renewal": "renewal",
    "not null": "notnull", "non-nullable": "notnull", "non nullable": "notnull",
    "could not reach": "unreachable", "cannot reach": "unreachable",
    "not reachable": "unreachable", "daylight saving": "dst", "daylight-saving": "dst",
    "load balancer": "lb", "load-balancer": "lb", "read-only": "readonly", "read only": "readonly", "rolled out": "rollout", "pushed": "rollout", "went out": "ship", "health check": "health",
    "health checks": "health", "route withdrawal": "withdraw route", "iam role": "role",
}  # fmt: skip
_WORDS = {
    "db": "database", "postgres": "database", "postgresql": "database", "mysql": "database",
    "cert": "certificate", "certs": "certificate", "ssl": "tls", "prod": "production",
    "lb": "lb", "es": "elasticsearch", "limiter": "limit", "limits": "limit", "lookup": "resolve", "lookups": "resolve",
    "resolution": "resolve", "resolver": "resolve", "resolving": "resolve", "cut": "drop",
    "dropped": "drop", "drops": "drop", "exhausted": "exhaust", "depleted": "exhaust", "starved": "exhaust", "full": "exhaust",
    "filled": "exhaust", "fills": "exhaust", "filling": "exhaust", "saturated": "saturate",
    "pinned": "saturate", "maxed": "saturate", "timeout": "timeout", "timeouts": "timeout",
    "stalled": "stall", "hung": "stall", "hang": "stall", "stuck": "stall", "froze": "stall",
    "expired": "expire", "lapsed": "expire", "expiry": "expire", "expiring": "expire",
    "crashed": "crash", "crashing": "crash", "died": "crash", "leaked": "leak",
    "leaking": "leak", "overloaded": "overload", "overwhelmed": "overload",
    "overloading": "overload", "retried": "retry", "retries": "retry", "retrying": "retry",
    "skipped": "skip", "bypassed": "skip", "bypass": "skip", "deleted": "delete",
    "removed": "delete", "evicted": "evict", "evicting": "evict", "eviction": "evict",
    "lagged": "lag", "lagging": "lag", "behind": "lag", "malformed": "malformed",
    "poison": "malformed", "autoscaler": "autoscale", "autoscaling": "autoscale",
    "maximum": "limit", "max": "limit", "ceiling": "limit", "cap": "limit",
    "withdrew": "withdraw", "withdrawal": "withdraw", "withdrawn": "withdraw",
    "throttled": "throttle", "unindexed": "noindex", "revoked": "revoke",
    "rotated": "rotate", "rotation": "rotate", "failed": "fail", "failing": "fail",
    "failure": "fail", "fails": "fail", "errors": "error",
    "declined": "decline", "declines": "decline", "slow": "slow", "slowly": "slow",
    "wrong": "wrong", "dead": "wrong", "old": "old", "retired": "old",
    "decommissioned": "old", "stale": "stale", "outdated": "stale", "threads": "thread",
    "workers": "worker", "connections": "connection", "pooled": "pool", "typo": "typo",
    "rabbitmq": "broker", "kafka": "broker", "message": "message", "messages": "message",
    "k8s": "kubernetes", "pods": "pod", "resolved": "resolve", "resolves": "resolve",
    "unreachable": "unreachable", "misconfigured": "config", "configured": "config",
    "configuration": "config", "settings": "config", "setting": "config", "set": "config",
    "reassignment": "rebalance", "rebalancing": "rebalance", "partition": "partition",
    "rebuild": "rebuild", "reindex": "rebuild", "heap": "heap", "deploy": "release",
    "deployed": "release", "deployment": "release", "shipped": "ship", "hit": "exhaust",
}  # fmt: skip
_STOP = frozenset(
    """a an and the of to in on for by with was were is are be been being its it at from as
    that this these those which who when while then so but or not no into onto over under
    than too very also again still even only just every each all any some our their his
    her we they there here after before during because until since about per rather instead
    had has have did does do made make makes caused cause causing led leading started
    start began went go got get gets kept keep keeps became become new first second third
    time times minute minutes min mins hour hours second seconds ms s h m day days week
    gb mb kb tb mi gi percent few several many much more most less other another same
    what whole real legitimate up down out off once twice now already could can would should
    enough left came back took take used use nobody anyone someone stay stayed ran run runs
    went made extra instead""".split()
)
# Kinds of thing: two causes naming different members of one kind are different causes.
KINDS = tuple(
    frozenset(t[:-1] if len(t) > 4 and t.endswith("e") else t for t in kind.split())
    for kind in (
        "connection thread worker fd heap oom disk cpu memory",
        "certificate key token password secret",
        "exhaust fail crash stall timeout expire revoke leak lag delete decline outage "
        "wrong evict noindex lock readonly status5xx",
    )
)
_WEAK = frozenset(
    "servic app application server host node request traffic system cluster api production "
    "call data error fail".split()
)
_HTTP_5XX = re.compile(r"\b5\d\d(?:s\b)?")
_NUMBERS = re.compile(r"\b[vV]?\d[\w.:%-]*")
_TOKEN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_PHRASE = re.compile(
    "|".join(r"\b" + re.escape(p) + r"\b" for p in sorted(_PHRASES, key=len, reverse=True))
)
THRESHOLD = 0.5


def _drop_e(term: str) -> str:
    return term[:-1] if len(term) > 4 and term.endswith("e") else term  # serve, served: serv


def _stem(word: str) -> str:
    if word in _WORDS:
        return _WORDS[word]
    base = word
    for end, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e")):
        if len(word) > len(end) + 3 and word.endswith(end):
            base = word[: -len(end)] + keep
            break
    else:
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            base = word[:-1]
    if base in _WORDS:
        return _WORDS[base]
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
        base = base[:-1]  # stopped -> stop
    return base


@functools.lru_cache(maxsize=8192)
def cause_terms(cause: str) -> frozenset[str]:
    """The terms of an immediate cause (see the module's docstring)."""
    text = cause.lower().replace("'s ", " ").replace("’s ", " ")
    text = _NUMBERS.sub(" ", _HTTP_5XX.sub(" status5xx ", text))
    text = _PHRASE.sub(lambda m: " " + _PHRASES[m.group(0)] + " ", text)
    terms = set()
    for word in _TOKEN.findall(text):
        for part in word.split("-") if word not in _PHRASES else (word,):
            if part and part not in _STOP:
                term = _stem(part)
                if term not in _STOP:
                    terms.update(_drop_e(t) for t in term.split())
    return frozenset(terms)


def _weight(term: str) -> float:
    return 0.5 if term in _WEAK else 1.0


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """How much two causes' terms say the same (0 to 1); 0 when they name different things
    of one kind."""
    if not a or not b:
        return 0.0
    for kind in KINDS:
        ka, kb = a & kind, b & kind
        if ka and kb and not ka & kb:
            return 0.0
    shared = sum(_weight(t) for t in a & b)
    wa, wb = sum(_weight(t) for t in a), sum(_weight(t) for t in b)
    dice = 2 * shared / (wa + wb)
    held = shared / min(wa, wb) if shared >= 3 else 0.0
    return max(dice, 0.85 * held)


def similar_causes(a: str, b: str) -> bool:
    """Whether two immediate causes read as the same recurring cause."""
    return similarity(cause_terms(a), cause_terms(b)) >= THRESHOLD


class SimilarCauses:
    """Immediate causes grouped per service: each cause joins the group whose first cause it
    is most similar to (never a chain of look-alikes), else starts a group."""

    def __init__(self):
        self._groups: dict[str, list[tuple[frozenset[str], str, list[str]]]] = {}
        self._by_term: dict[str, dict[str, list[int]]] = {}  # service -> term -> groups
        self._seen: dict[tuple[str, frozenset[str]], int] = {}

    def add(self, service: str, text: str, terms: frozenset[str], id: str) -> None:
        """Count incident `id` of `service` under its cause `text` (whose terms are `terms`)."""
        if not terms:
            return
        groups = self._groups.setdefault(service, [])
        n = self._seen.get((service, terms))
        if n is None:
            by_term = self._by_term.setdefault(service, {})
            best, n = THRESHOLD, -1
            for i in sorted({i for t in terms for i in by_term.get(t, ())}):
                score = similarity(terms, groups[i][0])
                if score >= best and (n < 0 or score > best):
                    best, n = score, i
            if n < 0:
                n = len(groups)
                groups.append((terms, text, []))
                for t in terms:
                    by_term.setdefault(t, []).append(n)
            self._seen[(service, terms)] = n
        ids = groups[n][2]
        if not ids or ids[-1] != id:
            ids.append(id)

    def groups(self) -> list[tuple[str, str, list[str]]]:
        """(service, the group's first cause, incident ids) of every group of two or more."""
        return [
            (service, text, ids)
            for service, groups in self._groups.items()
            for _terms, text, ids in groups
            if len(ids) > 1
        ]
