"""Whether two immediate causes are one recurring cause: a small learned pair model.

A cause is read once (`read_cause`, kept in the repository index): its terms as
`causes.Vocabulary` reads them (mechanisms, resources, states, components, content words
stemmed, numbers and hosts left out), which of them are names (a product or a service:
written Capitalised inside the sentence, or a hyphenated id like `auth-gw`), and which are
technical words no English dictionary holds (`ndots`, `metaspace`, `etcd`); what happened
apart from why (split at the first connective: "because", "after", "so", "->"); which end of
a queue, a call or a copy it names (producer or consumer, client or server, read or write);
and the first three terms it opens with. A pair of readings gives a few symmetric features
(`pair_features`): whether the slot reading calls them one mechanism, two mechanisms, or
things of one kind that differ; the IDF-weighted overlap of their words, with names and
common words counted apart; the shared states, resources and components; and what tells
close cousins apart (one resource or symptom, another mechanism): reasons that differ or a
reason the other lacks, openings alike that then part ways, opposite ends, another kind of
change that set it off. Each cause is also read as slots (`slots_of`: the thing that ran out
or broke and its part, how, the kind of change that set it off, the way a resource ran out,
the rest of its words), compared slot by slot (agree, clash, one side only), with the close
cousins they make named apart: one thing broken another way, run out another way, set off
by another change, failing at the other end; the commonest features are also crossed two by
two (`CROSSED`). bench/train_similar_causes.py fits a logistic regression over them on every
labelled set (each a writer), close cousins weighing twice, and writes the weights beside this
file with the threshold (a pair at or above it is suggested) and the strong band's
(`PairModel.confidence`); its leave-one-writer-out rotation is the forecast for a writer never
seen. `why` says what a pair shares, for the group's explanation.
"""

from __future__ import annotations

import functools
import json
import math
import re
from pathlib import Path

from pm_tui.insights import causes as slots

WEIGHTS = Path(__file__).with_name("data") / "similar_causes_weights.json"

# (terms, names, technical words, (terms of what happened, terms of why), directions, the
# first three content terms): a cause as the pair model reads it.
Reading = tuple[frozenset, frozenset, frozenset, tuple, frozenset, tuple]
_NONE: frozenset[str] = frozenset()
EMPTY: Reading = (_NONE, _NONE, _NONE, (_NONE, _NONE), _NONE, ())

# A connective that tells what happened from why: the reason follows it ("the pods were
# OOMKilled because -Xmx equalled the limit", "... after the restore") or comes before it
# ("debug logging filled the volume, so the service crashed"). The first one splits.
_REASON_AFTER = (
    r"because(?: of)?|due to|caused by|triggered by|after|when|since|as a result of|following"
    r"|while|whenever|once"
)
_REASON_BEFORE = r"so|so that|which caused|causing|leading to|led to|resulting in|which meant"
_CONNECTIVE = re.compile(
    rf"(?i)\b(?:(?P<after>{_REASON_AFTER})|(?P<before>{_REASON_BEFORE}))\b(?=\s)"
    r"|\s(?P<arrow>->|=>|→)\s"  # the reason, then what it did
)
# The two ends of a direction: which side of a queue, a call, a copy or a transfer failed.
# A pair where each cause names only the other end is two mechanisms (the producer flooded
# the queue; the consumer stopped reading it).
_DIRECTIONS = {
    "produce": "produc producer producers publish published publishing publisher publishers "
               "sender senders send sending sent enqueue enqueued emit emitted emitting",
    "consume": "consum consume consumed consumer consumers consuming subscriber subscribers "
               "receiver receivers receive received receiving dequeue dequeued",
    "read": "read reads reading reader readers",
    "write": "write writes writing writer writers wrote written",
    "client": "client clients client-side clientside caller callers",
    "server": "server-side serverside",
    "upload": "upload uploads uploaded uploading",
    "download": "download downloads downloaded downloading",
    "ingress": "ingress inbound incoming",
    "egress": "egress outbound outgoing",
    "primary": "primary primaries master leader",
    "secondary": "secondary standby follower followers",
}  # fmt: skip
_DIRECTION_OF = {w: d for d, words in _DIRECTIONS.items() for w in words.split()}
_OPPOSITE = {"produce": "consume", "read": "write", "client": "server", "upload": "download",
             "ingress": "egress", "primary": "secondary"}  # fmt: skip
_OPPOSITE.update({v: k for k, v in list(_OPPOSITE.items())})
# What changed: the event a cause says set it off. Two causes each set off by another kind of
# change are two mechanisms even when the same thing broke.
_TRIGGERS = slots._terms_of(
    "releas upgrad migration restor backup failover rotat config autoscal restart reboot "
    "updat patch rollout import purg reload redeploy cleanup rebuild deploy merg renam"
)


# The kinds of change that set a cause off, each a few terms (as `causes` reads them): two
# causes each set off by another kind are two mechanisms even when the same thing broke.
_TRIGGER_KINDS = {
    kind: slots._terms_of(words)
    for kind, words in {
        "release": "releas ship rollout redeploy canary",
        "upgrade": "upgrad updat patch kernelupgrad depupgrad version",
        "config": "config flag toggl",
        "restore": "restor snapshot",
        "failover": "failover promot",
        "rotation": "rotat renew renewal",
        "restart": "restart reboot reload",
        "migration": "migration schema backfill",
        "maintenance": "maintenanc drain",
        "bulk": "backup export import reindex compaction",
        "clock": "dst leapsecond",
        "cleanup": "cleanup purg delet",
        "scaling": "autoscal",
    }.items()
}
# How a resource ran out, each way a few terms: it piled up (a leak, growth without bound),
# a surge of load took it, it was sized too small, one huge piece of work took it all, or a
# slow dependency held it. One resource run out two ways is two causes.
_RUN_OUT = {
    way: slots._terms_of(words)
    for way, words in {
        "piled": "leak grow accumulat retain piled unbound",
        "surge": "spik sale launch campaign peak concurrent stampede",
        "undersized": "below small low lower reduc undersiz sized",
        "oneshot": "singl entir huge bulk dataset",
        "held": "slow downstream wait",
    }.items()
}
# The slots of a cause: the thing that ran out or broke (a resource or a component; its part,
# the heap or the inodes, when it names one), how (a state or a mechanism), what set it off
# (the kinds of change above), and the rest: what ran it out or broke it, in its own words.
_PARTS = slots.MEMORY_AREAS | slots._SUB_RESOURCES
_THING_WORDS = slots.RESOURCES | slots._COMPONENTS | _PARTS
_HOW_WORDS = (
    (slots._MECHANISM_STATES | slots.STATES | slots.MECHANISMS)
    - _THING_WORDS
    - (slots._GENERIC_STATES)
)
_TRIGGER_WORDS = frozenset().union(*_TRIGGER_KINDS.values())
_WAY_WORDS = frozenset().union(*_RUN_OUT.values())

# Features that tell two causes apart even when the slot reading calls them one: a nearly
# repeated cause keeps the model's floor only without any of them.
_DISAGREE = ("reason_differ", "reason_unmatched", "same_opening", "states_differ",
             "trigger_differ", "direction_differ", "mech_extra", "mech_diff", "thing_clash",
             "how_clash", "trigger_clash", "cousin_how", "cousin_agent", "cousin_trigger",
             "cousin_direction", "cousin_part", "part_clash", "way_clash",
             "cousin_way")  # fmt: skip


# The features crossed pairwise (`pair_features` adds the product of each two that fire, named
# "a*b"): the 20 that fire on a quarter or more of the labelled pairs (over 22 writers). One
# feature's evidence depends on the others: words each side keeps to itself say "told in other
# words" when the two agree on the thing and how it failed, and say "two stories" when little
# else is shared; one mechanism with a change named on one side only is a close cousin (the
# sequence at its maximum against the sequence behind after a restore). Leave-one-writer-out over
# the 12 writers blind to the rules: mean average precision .804 -> .836, the worst writer's
# precision at a quarter of its recurrences found .708 -> .810.
CROSSED = ("rule", "rule_score", "dice_idf", "held_idf", "shared_content", "shared_max_idf",
           "short", "unexplained", "unshared_rare", "agent_shared", "mech_extra", "agent_clash",
           "shared_thing", "how_one", "thing_agree", "mech_one", "trigger_one", "how_agree",
           "thing_one", "reason_unmatched")  # fmt: skip

_SLOT_WORDS = slots.RESOURCES | slots.STATES | slots._MECHANISM_STATES | slots.MEMORY_AREAS
_OTHER_WORDS = ("unshared_rare", "unexplained", "names_differ", "tech_differ", "tech_unshared")


def _split(text: str) -> tuple[str, str]:
    """(what happened, why) of a cause, ("", "") when no connective tells them apart."""
    m = _CONNECTIVE.search(text)
    if not m:
        return "", ""
    if not text[: m.start()].strip():  # "After the restore, inserts failed": why comes first
        reason, comma, happened = text[m.end() :].partition(",")
        return (happened, reason) if comma and m.group("after") else ("", "")
    head, tail = text[: m.start()], text[m.end() :]
    if not head.strip() or not tail.strip():
        return "", ""
    return (head, tail) if m.group("after") else (tail, head)


_RAW = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*")
_CAPITALISED = re.compile(r"[A-Z][a-z]+|[A-Z][a-z]+[A-Z][A-Za-z]*|[a-z]+[A-Z][A-Za-z]*")
_SENTENCE_START = re.compile(r"(?:^|[.:;!?]\s+|[\"'(\[]\s*)$")
_KINDS = tuple(slots.KINDS)
_THINGS = slots.RESOURCES | slots._COMPONENTS
_MECH_STATES = slots._MECHANISM_STATES
_GENERIC = slots._WEAK | slots._GENERIC_STATES


@functools.cache
def _english():
    from pm_tui.language.agents import _english as english

    return english


def read_cause(text: str, vocabulary: slots.Vocabulary | None = None) -> Reading:
    """The reading of an immediate cause (see the module's docstring)."""
    terms = (vocabulary.terms if vocabulary else slots.cause_terms)(text)
    if not terms:
        return EMPTY
    stem = (vocabulary or slots._vocabulary()).stem
    english = _english()
    names, technical = set(), set()
    for m in _RAW.finditer(text):
        word = m.group(0)
        low = word.lower()
        if "." in word or "_" in word:
            continue  # a code identifier or a host: its parts are read as words
        if "-" in word:
            parts = low.split("-")
            if any(c.isdigit() for c in word) or not all(english(p) for p in parts if p):
                names.update(stem(p) for p in parts if p and not p.isdigit())  # auth-gw
                names.discard("")
            continue
        if any(c.isdigit() for c in word):
            continue
        base = stem(low)
        if " " in base or base not in terms:
            continue
        if _CAPITALISED.fullmatch(word) and not _SENTENCE_START.search(text[: m.start()]):
            names.add(base)
        elif not english(low) and not word.isupper():
            technical.add(base)
    names = {n for n in names if " " not in n} & terms
    read = vocabulary.terms if vocabulary else slots.cause_terms
    happened, reason = _split(text)
    parts = (read(happened), read(reason)) if happened else (frozenset(), frozenset())
    directions = frozenset(
        d for w in _RAW.findall(text.lower()) for d in (_DIRECTION_OF.get(w),) if d
    )
    opening: list[str] = []  # the first three content terms: what the cause opens with
    for word in _RAW.findall(text):
        for t in stem(word.lower()).split():
            t = slots._drop_e(t)
            if t in terms and t not in _GENERIC and t not in opening:
                opening.append(t)
        if len(opening) >= 3:
            break
    return (terms, frozenset(names - slots.MECHANISMS), frozenset(technical - names), parts,
            directions, tuple(opening[:3]))  # fmt: skip


def _idf(idf: dict, default: float, term: str) -> float:
    return idf.get(term, default)


@functools.lru_cache(maxsize=16384)
def slots_of(reading: Reading) -> tuple[frozenset, ...]:
    """(the thing, its part, how, the kinds of change that set it off, the rest, the ways it
    ran out) of a reading: the slots two causes are compared by (`_slot_features`)."""
    terms, names = reading[0], reading[1]
    thing = terms & _THING_WORDS
    how = terms & _HOW_WORDS
    triggers = frozenset(k for k, words in _TRIGGER_KINDS.items() if terms & words)
    ways = frozenset(k for k, words in _RUN_OUT.items() if terms & words)
    rest = terms - thing - how - _TRIGGER_WORDS - _WAY_WORDS - names - _GENERIC
    return thing, terms & _PARTS, how, triggers, rest - slots._GENERIC_STATES, ways


def _slot_features(a: Reading, b: Reading, f: dict, idf: dict, default: float) -> None:
    """Agreement and disagreement slot by slot, and the close cousins they make: one thing
    that broke another way, ran out for another reason, was set off by another change, or
    failed at the other end."""
    tha, pa, ha, ga, ra, wa = slots_of(a)
    thb, pb, hb, gb, rb, wb = slots_of(b)
    verdict = {}
    for name, x, y in (("thing", tha, thb), ("how", ha, hb), ("trigger", ga, gb), ("way", wa, wb)):
        if x and y:
            verdict[name] = "agree" if x & y else "clash"
        elif x or y:
            verdict[name] = "one"
    if pa and pb and not pa & pb:
        verdict["thing"] = "clash"
        f["part_clash"] = 1.0  # the heap and the metaspace, the inodes and the ports
    for name, v in verdict.items():
        f[f"{name}_{v}"] = 1.0
    da, db = a[4], b[4]
    opposite = any(_OPPOSITE[d] in db - da for d in da - db)
    if da & db and not opposite:
        f["direction_agree"] = 1.0
    if ra and rb:
        common = ra & rb
        if common:
            f["agent_shared"] = sum(_idf(idf, default, t) for t in common) / min(
                sum(_idf(idf, default, t) for t in ra), sum(_idf(idf, default, t) for t in rb)
            )
        elif len(ra) >= 2 and len(rb) >= 2:
            f["agent_clash"] = 1.0  # each says what ran it out, and they share none of it
    if verdict.get("thing") != "agree":
        if verdict.get("thing") == "clash" and verdict.get("how") == "agree":
            f["cousin_part"] = 1.0  # the same way, another thing (disk full, inodes full)
        return
    if verdict.get("how") == "clash":
        f["cousin_how"] = 1.0
    elif "agent_clash" in f:
        f["cousin_agent"] = 1.0
    if verdict.get("trigger") == "clash":
        f["cousin_trigger"] = 1.0
    if verdict.get("way") == "clash":
        f["cousin_way"] = 1.0  # one resource, run out another way
    if opposite:
        f["cousin_direction"] = 1.0
    if verdict.get("how") == "agree" and not any(k.startswith("cousin") for k in f):
        if "clash" not in (verdict.get("trigger"), verdict.get("way")) and "agent_clash" not in f:
            f["same_slots"] = 1.0  # one thing, one way, nothing telling them apart


def pair_features(
    a: Reading, b: Reading, idf: dict, default: float, sparse: tuple = ()
) -> dict[str, float]:
    """The symmetric features of a pair of readings (names of the model's weights); `sparse`
    adds one feature per shared term ("shared"), per term of one side only ("unshared") or
    per pair of unshared terms ("cross")."""
    ta, na, xa, (ea, ra), da, oa = a
    tb, nb, xb, (eb, rb), db, ob = b
    f: dict[str, float] = {}
    score = slots.similarity(ta, tb)
    f["rule"] = 1.0 if score >= slots.THRESHOLD else 0.0
    f["rule_score"] = min(score, 1.0)
    ma, mb = ta & slots.MECHANISMS, tb & slots.MECHANISMS
    if ma & mb:
        f["mech_same"] = 1.0
    elif ma and mb:
        f["mech_diff"] = 1.0
    elif ma or mb:
        f["mech_one"] = 1.0
    if ta & slots.RESOURCES and tb & slots.RESOURCES:
        areas_a, areas_b = ta & slots.MEMORY_AREAS, tb & slots.MEMORY_AREAS
        if (areas_a and areas_b and not areas_a & areas_b) or any(
            (part in ta) != (part in tb) for part in slots._SUB_RESOURCES
        ):
            f["part_differ"] = 1.0  # one resource, another part of it ran out (inodes, heap)
    for k, kind in enumerate(_KINDS):
        ka, kb = ta & kind, tb & kind
        if kind is slots.STATES:
            ka, kb = ka - slots._GENERIC_STATES, kb - slots._GENERIC_STATES
        if ka and kb:
            f[f"kind{k}_same" if ka & kb else f"kind{k}_diff"] = 1.0
    shared = ta & tb
    content = shared - na - nb - _GENERIC
    names = shared & (na | nb)
    wa = sum(_idf(idf, default, t) for t in ta - na)
    wb = sum(_idf(idf, default, t) for t in tb - nb)
    ws = sum(_idf(idf, default, t) for t in content)
    if wa and wb:
        f["dice_idf"] = 2 * ws / (wa + wb)
        f["held_idf"] = ws / min(wa, wb)
    f["shared_content"] = min(len(content), 4) / 4
    f["shared_max_idf"] = max((_idf(idf, default, t) for t in content), default=0.0) / default
    if names:
        f["shared_name"] = 1.0
        if not content:
            f["name_only"] = 1.0
    if (na or nb) and not names and content:
        f["names_differ"] = 1.0
    tech = shared & (xa | xb)
    if tech:
        f["shared_tech"] = min(len(tech), 2) / 2
    if (xa and xb) and not tech:
        f["tech_differ"] = 1.0
    states = shared & _MECH_STATES
    things = shared & _THINGS
    if states:
        f["shared_state"] = 1.0
    if things:
        f["shared_thing"] = 1.0
        if not states and (ta & _MECH_STATES) and (tb & _MECH_STATES):
            f["thing_other_state"] = 1.0  # one service or component, failing another way
    if states and things:
        f["state_and_thing"] = 1.0
    only_a, only_b = ta - tb, tb - ta
    if only_a & _THINGS and only_b & _THINGS:
        f["things_differ"] = 1.0  # each names a resource or component the other does not
    if only_a & _MECH_STATES and only_b & _MECH_STATES:
        f["states_differ"] = 1.0
    if only_a & xa and only_b & xb:
        f["tech_unshared"] = 1.0  # each has a technical word of its own
    rest_a, rest_b = only_a - na - _GENERIC, only_b - nb - _GENERIC
    if rest_a and rest_b:  # how rare the rarest word each side keeps to itself is
        f["unshared_rare"] = (
            min(
                max(_idf(idf, default, t) for t in rest_a),
                max(_idf(idf, default, t) for t in rest_b),
            )
            / default
        )
    if wa and wb:  # how much of each side the other does not explain
        f["unexplained"] = min(
            sum(_idf(idf, default, t) for t in rest_a) / wa,
            sum(_idf(idf, default, t) for t in rest_b) / wb,
        )
        if f["unexplained"] == 0 and len(content) >= 2:
            f["held"] = 1.0  # all one side says (but names) the other says too
    if f.get("dice_idf", 0.0) >= 0.7:
        f["near_same"] = 1.0
    if f["rule"] and ("held" in f or "near_same" in f):
        f["rule_held"] = 1.0  # the slot reading agrees and the words nearly coincide
    if (only_a & slots.MECHANISMS) or (only_b & slots.MECHANISMS):
        f["mech_extra"] = 1.0  # one names a mechanism more (a deeper cause, another one)
    short = min(len(ta), len(tb))
    f["short"] = 1.0 if short <= 3 else 0.0
    # why each says it happened: the words of its reason it does not use for what happened
    why_a = ra - ea - na - _GENERIC - slots.RESOURCES - slots._GENERIC_STATES
    why_b = rb - eb - nb - _GENERIC - slots.RESOURCES - slots._GENERIC_STATES
    if why_a and why_b:
        f["reason_both"] = 1.0
        common = why_a & why_b
        if common:
            f["reason_shared"] = sum(_idf(idf, default, t) for t in common) / min(
                sum(_idf(idf, default, t) for t in why_a), sum(_idf(idf, default, t) for t in why_b)
            )
        else:
            f["reason_differ"] = 1.0  # the same thing happened, each for another reason
            if content and not content - ea - eb:
                f["symptom_only"] = 1.0  # all they share is what happened
    elif why_a or why_b:
        why, other = (why_a, tb - nb) if why_a else (why_b, ta - na)
        if not why & other:
            f["reason_unmatched"] = 1.0  # one says why, and the other says none of it
    for d in da - db:
        if _OPPOSITE[d] in db - da:
            f["direction_differ"] = 1.0  # one end of a queue or a call against the other
            break
    if (
        len(oa) == len(ob) == 3
        and len(set(oa) & set(ob)) >= 2
        and min(len(rest_a), len(rest_b)) >= 2
    ):
        f["same_opening"] = 1.0  # they open alike (one thing, one symptom), then part ways
    ga, gb = ta & _TRIGGERS, tb & _TRIGGERS
    if ga and gb:
        f["trigger_same" if ga & gb else "trigger_differ"] = 1.0
    if content and not content - _SLOT_WORDS:
        # all they share is a resource and a state ("memory", "exhausted"): what each keeps to
        # itself is then how it ran out, not the same mechanism in other words
        f["slot_only"] = 1.0
        for k in _OTHER_WORDS:
            if k in f:
                f[k + "_slot"] = f.pop(k)
    _slot_features(a, b, f, idf, default)
    crossed = [(k, f[k]) for k in CROSSED if f.get(k)]
    for i, (k, v) in enumerate(crossed):
        for k2, v2 in crossed[i + 1 :]:
            f[k + "*" + k2] = v * v2
    if "shared" in sparse:
        for t in shared - na - nb:
            f["s:" + t] = 1.0
    if "unshared" in sparse:
        for t in (ta ^ tb) - na - nb:
            f["u:" + t] = 1.0
    if "cross" in sparse:
        for x in ta - tb - na:
            for y in tb - ta - nb:
                f["x:" + x + "|" + y if x < y else "x:" + y + "|" + x] = 1.0
    return f


def why(a: Reading, b: Reading, texts: tuple[str, ...] = ()) -> str:
    """What two readings share, mechanisms first: the group's explanation (a shared term is
    shown as one of `texts` writes it, when one does)."""
    ta, na = a[0], a[1]
    tb, nb = b[0], b[1]
    shared = ta & tb
    mechanisms = sorted(shared & slots.MECHANISMS)
    rest = sorted(shared - slots.MECHANISMS - slots._STOP - _GENERIC - na - nb)
    written: dict[str, str] = {}
    stem = slots._vocabulary().stem
    for text in texts:
        for word in _RAW.findall(text):
            for term in stem(word.lower()).split():
                written.setdefault(slots._drop_e(term), word.lower())
    parts = []
    if mechanisms:
        parts.append("mechanism " + ", ".join(slots.MECHANISM_LABELS.get(m, m) for m in mechanisms))
    if rest:
        parts.append("words " + ", ".join(written.get(t, t) for t in rest[:6]))
    return "; ".join(parts) or "similar wording"


def decide(weights: dict, bias: float, feats: dict, threshold: float) -> float:
    """The model's probability that a pair with features `feats` is one cause, at least the
    threshold when the slot reading calls them one cause and one's words are all in the other
    (a cause written again nearly as before: in a repository the commonest recurrence) and
    nothing tells them apart (`_DISAGREE`: writers blind to the rules wrote such pairs as
    close cousins, 2 of 4 of them, "TLS handshake failure after X" against "... because Y")."""
    z = bias + sum(weights.get(k, 0.0) * v for k, v in feats.items())
    p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    if "rule_held" in feats and not any(k in feats for k in _DISAGREE):
        return max(p, threshold)
    return p


# How sure a suggestion is (`PairModel.confidence`; definitions.DEFINITIONS["strong, possible"]
# says what each means to a reader): the bands the training script's rotation chose.
STRONG, POSSIBLE = "strong", "possible"


class PairModel:
    """Weights of the pair features, their bias, the IDF of terms, the threshold (a pair at or
    above it is suggested) and the strong band's (`confidence`)."""

    def __init__(self, weights: dict, bias: float, idf: dict, default: float, threshold: float,
                 sparse: tuple = (), strong: float | None = None):  # fmt: skip
        self.weights, self.bias, self.sparse = weights, bias, sparse
        self.idf, self.default, self.threshold = idf, default, threshold
        self.strong = max(strong if strong is not None else 1.0, threshold)

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> PairModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["bias"], data["idf"], data["idf_default"],
                   data["threshold"], tuple(data.get("sparse", ())),
                   data.get("strong"))  # fmt: skip

    def confidence(self, probability: float) -> str:
        """The band of a suggested pair of this probability: STRONG from the strong band's
        threshold up, else POSSIBLE."""
        return STRONG if probability >= self.strong else POSSIBLE

    def probability(self, a: Reading, b: Reading) -> float:
        feats = pair_features(a, b, self.idf, self.default, self.sparse)
        return decide(self.weights, self.bias, feats, self.threshold)

    def similar(self, a: Reading, b: Reading) -> bool:
        return self.probability(a, b) >= self.threshold


@functools.cache
def model() -> PairModel:
    """The shipped model (written by bench/train_similar_causes.py)."""
    return PairModel.load()
