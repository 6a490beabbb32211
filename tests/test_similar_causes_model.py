"""Recurrence by similar immediate cause: the learned pair model (pm_tui/insights/cause_model.py).

A generated repository whose recurring causes are known by construction, each told by four
different authors (prose, an error string, a chat line, a terse note), next to look-alikes on
the same service (the same component failing another way); and the training script's
leave-one-writer-out floor: retrained without a writer, the model still finds that writer's
recurring causes, mostly right.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from bench.repo_generator import generate
from pm_tui.cli.main import main

# service -> [(key, wordings by different authors)]: one key is one recurring cause; a key
# with one wording is a look-alike, a cause of its own.
CAUSES = {
    "api": [
        ("pool", ("The orders DB connection pool (max 50) was exhausted and requests queued",
                  "HikariPool-1 - Connection is not available, request timed out after 30000ms",
                  "ran out of db connections again, every connection in the pool in use",
                  "All connections of the database pool were in use by long transactions")),
        ("oom", ("API pods were OOMKilled at the 512Mi memory limit",
                 "Container exited with code 137: the API went past its memory limit",
                 "api ran out of memory under the sale traffic",
                 "The kernel OOM killer terminated the API process again")),
        ("threads", ("The API's thread pool was exhausted by slow downstream calls",)),
        ("cpu", ("API pods were CPU throttled at their 2-core limit",)),
        ("logs", ("The API hosts' disk filled with debug logs",)),
    ],
    "payments": [
        ("cert", ("The TLS certificate of the payments gateway expired",
                  "x509: certificate has expired or is not yet valid",
                  "cert on the pay gateway lapsed, auto-renewal had silently failed",
                  "Clients refused the handshake: the gateway certificate had expired")),
        ("revoked", ("The payments gateway certificate was revoked by the CA",)),
        ("timeout", ("The card processor timed out after 30 seconds",)),
    ],
    "search": [
        ("disk", ("Search nodes ran out of disk space",
                  "No space left on device on /var/lib/elasticsearch",
                  "The data volume hit 100% and writes to the index failed",
                  "disk full on the search nodes, indexing failed")),
        ("inodes", ("Search ran out of inodes with millions of small segment files",)),
        ("heap", ("Search heap exhausted during a large aggregation",)),
        ("stall", ("The search index rebuild stalled for two hours without an alert",)),
    ],
    # close cousins, each recurring: one resource or one symptom, another mechanism
    "checkout": [
        ("heap", ("java.lang.OutOfMemoryError: Java heap space while the order export loaded every line into memory",
                  "Checkout JVM ran out of heap: the export job held the whole order set in memory",
                  "The order export OOMed: the Java heap filled with every order line of the month")),
        ("metaspace", ("java.lang.OutOfMemoryError: Metaspace after repeated hot redeploys of the checkout plugin",
                       "Metaspace exhausted: each plugin reload leaked its classloader",
                       "checkout JVM out of metaspace after a day of plugin hot-reloads")),
    ],
    "rabbitmq": [
        ("dst", ("The nightly settlement run fired twice because the clocks went back an hour",
                 "Settlements were sent twice on the night daylight saving time ended: the cron "
                 "job ran at 01:30 both times")),
        ("import", ("The nightly settlement run fired twice because the schedule was imported twice",
                    "Settlement run duplicated: the import script loaded the job definitions twice")),
    ],
}  # fmt: skip


# Close cousins only: on each service one thing (the JVM's memory, a disk, a queue, a firewall,
# a database pool) runs out or breaks in several ways, each way a cause of its own (another
# part of the resource, another way it ran out, the other end of the queue or the traffic,
# another change that set it off); one way per service recurs, told twice. None of these
# wordings is in a labelled set.
COUSINS = {
    "checkout": [
        ("heap", ("OutOfMemoryError: Java heap space in the ledger worker while its statement cache grew without bound",
                  "The ledger worker's heap filled with cached statements until the JVM died")),
        ("metaspace", ("The ledger worker ran out of Metaspace after the rules plugin was hot-reloaded all afternoon",)),
        ("direct", ("Direct buffer memory exhausted in the ledger worker's Netty client",)),
    ],
    "search": [
        ("logs", ("Debug logs filled the data disk of the file store",
                  "The file store's data volume filled up with debug logging left on")),
        ("inodes", ("The file store ran out of inodes from millions of thumbnail files",)),
        ("iops", ("The file store volume used up its IOPS burst credits during the re-index",)),
    ],
    "rabbitmq": [
        ("producer", ("The order producer flooded the queue at ten times its usual rate after a retry bug",)),
        ("consumer", ("The order consumers stopped acknowledging and the queue backed up for an hour",
                      "Order consumers stopped acking messages, so the queue backed up")),
    ],
    "cdn": [
        ("egress", ("An egress firewall rule blocked the edge workers' calls to the payment partner",)),
        ("ingress", ("An ingress rule on the edge load balancer dropped the partner's callbacks",)),
    ],
    "postgres-orders": [
        ("leak", ("Connections leaked on the error path until the database pool was empty",
                  "The DB pool drained because failed queries never returned their connections")),
        ("small", ("A config push cut the database pool to 5 connections and requests queued",)),
        ("spike", ("The campaign spike needed more database connections than max_connections allowed",)),
    ],
}  # fmt: skip


def _rewrite(tmp_path_factory, name: str, table: dict) -> tuple:
    """A generated repository whose chosen incidents' causes are rewritten from `table`, and
    the true key of each rewritten incident."""
    root = tmp_path_factory.mktemp(name) / "repo"
    truth = generate(root, count=150, years=2)
    keys: dict[str, str] = {}
    for service, causes in table.items():
        ids = iter(sorted(i.id for i in truth.incidents if i.service == service))
        for key, wordings in causes:
            for wording in wordings:
                id = next(ids)
                path = root / "postmortems" / f"{id}.toml"
                text = re.sub(
                    r"(?m)^immediate_causes = .*$",
                    f"immediate_causes = [{json.dumps(wording)}]",
                    path.read_text(encoding="utf-8"),
                )
                path.write_text(text, encoding="utf-8")
                keys[id] = f"{service}/{key}"
    for path in (root / "postmortems").glob("*.toml"):  # nothing decided by people: all suggested
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\n\[recurrence\]\n(?:\w.*\n)*", "\n", text), encoding="utf-8")
    shutil.rmtree(root / ".git" / "pm-tui", ignore_errors=True)
    return root, truth, keys


@pytest.fixture(scope="module")
def told(tmp_path_factory):
    """A generated repository whose chosen incidents' causes are rewritten from CAUSES."""
    return _rewrite(tmp_path_factory, "told", CAUSES)


def _cause_groups(root, truth, keys, capsys) -> list[list[str]]:
    """The keys of the rewritten incidents of each suggested group (similar causes)."""
    code = main(["--repo", str(root), "stats", "--format", "json", "--today",
                 truth.today.isoformat()])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0, out
    groups = json.loads(out)["suggested"]  # the model's groups: suggested, for people to decide
    ours = [[keys[i] for i in g["ids"] if i in keys] for g in groups]
    for g, keyed in zip(groups, ours, strict=True):
        if len(keyed) > 1:
            assert g["why"] and g["why"] != "the same cause", g  # says what they share
    return ours


def test_close_cousins_on_one_resource_stay_apart_while_their_recurrence_groups(
    tmp_path_factory, capsys
):
    """The heap against the metaspace, logs filling a disk against its inodes or its I/O
    credits, the producer flooding a queue against its consumers stalling, an egress rule
    against an ingress one, a leaked pool against one sized too small or outgrown: one
    resource, another cause, never one group; the cause that did recur is grouped."""
    root, truth, keys = _rewrite(tmp_path_factory, "cousins", COUSINS)
    grouped = _cause_groups(root, truth, keys, capsys)
    for ours in grouped:
        assert len(set(ours)) <= 1, ours  # never two cousins in one group
    found = {ours[0] for ours in grouped if len(ours) > 1}
    recurring = {k for k in keys.values() if list(keys.values()).count(k) > 1}
    assert len(found) >= len(recurring) - 1, (found, recurring)  # grouping nothing fails


def test_recurring_causes_told_by_different_authors_group_and_look_alikes_stay_out(told, capsys):
    root, truth, keys = told
    code = main(["--repo", str(root), "stats", "--format", "json", "--today",
                 truth.today.isoformat()])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0, out
    groups = json.loads(out)["suggested"]  # the model's groups: suggested, for people to decide
    same = 0
    found: set[str] = set()
    for g in groups:
        ours = [keys[i] for i in g["ids"] if i in keys]
        assert len(set(ours)) <= 1, (g["label"], ours)  # never two causes in one group
        if len(ours) > 1:
            found.add(ours[0])
            same += len(ours) * (len(ours) - 1) // 2
            assert g["why"] and g["why"] != "the same cause", g  # says what they share
    recurring = {k for k in keys.values() if list(keys.values()).count(k) > 1}
    pairs = sum(n * (n - 1) // 2 for n in (list(keys.values()).count(k) for k in recurring))
    # every recurring cause is found, and most of its pairs (the wordings share few words)
    assert found == recurring, (found, recurring)
    assert same >= 0.6 * pairs, (same, pairs)


@pytest.mark.parametrize(
    ("held", "precision", "recall"),
    [
        ("round5", 0.85, 0.24),
        ("round7", 0.76, 0.15),
        ("round8", 0.84, 0.32),
        ("train6a", 0.88, 0.39),
        ("train7a", 0.88, 0.30),
        ("train8a", 0.88, 0.32),
    ],
)
def test_the_model_retrained_without_a_writer_finds_its_recurring_causes_mostly_right(
    held, precision, recall
):
    """The training script's rotation for a writer no vocabulary part was written for (blind
    to the rules, other products, error strings): trained on the other writers, scored on it
    at the shipped threshold. Floors a little under the figures the script prints (round 5
    P .655 R .284 before retired round 6 joined the writers, P .765 R .194 after; with the
    reading of reasons, openings and parts of a resource, train 7a-7c among the writers and
    the threshold the script chose, .7: round 5 P .733 R .328, train 6a P .875 R .519,
    train 7a P .769 R .556 over 18 writers, where the model before them scored train 7a
    P .659 R .537 at .7; with retired round 7 among the writers, before retraining the shipped
    weights: train 7a P .765 R .481; with the slot features, own7's training pairs and close
    cousins weighing twice, 20 writers, threshold .6: round 5 P .718 R .418, round 7 (the
    closest cousins: 78 of its 82 different pairs) P .719 R .338, train 6a P .853 R .537,
    train 7a P .842 R .593; train 8a joining after its first score, 21 writers: round 5
    P .718 R .418, round 7 P .727 R .353, train 6a P .833 R .556, train 7a P .842 R .593,
    train 8a P .875 R .519; round 8 retired into the writers, 22 of them, the features crossed
    pairwise and the threshold chosen for the worst blind writer, .7: round 5 P .889 R .358,
    round 7 P .818 R .265, round 8 P .879 R .426, train 6a P .938 R .556, train 7a P .929
    R .481, train 8a P .920 R .426; round 9 retired into the writers, 23 of them, before retraining the
    shipped weights: train 8a P .909 R .370; round 10 retired into the writers, 24 of them (75 of its
    82 different pairs close cousins), before retraining: train 6a P .926 R .463, train 7a P .920 R .426;
    round 11 retired into the writers, 25 of them, before retraining (the shipped threshold .7; round 11 itself left out scores
    P .657 R .338 there, the worst precision of the rotation): round 5 P .875 R .313 → P .944 R .254,
    round 7 P .895 R .250 → P .846 R .162, round 8 P .871 R .397 → P .885 R .338, train 6a P .926
    R .463 → P .957 R .407, train 7a P .920 R .426 → P .895 R .315, train 8a P .950 R .352 → P .947
    R .333: precision held, recall lower; round 15 retired into the writers, 29 of them, before
    retraining (the shipped threshold .7; round 15 itself left out scores P .917 R .328 there):
    round 5 P .900 R .269 → P .909 R .299, round 7 P .789 R .221 → P .778 R .206 (its floor .78 →
    .76), round 8 P .926 R .368 → P .929 R .382, train 6a P .926 R .463 → P .926 R .463, train 7a
    P .913 R .389 → P .923 R .444, train 8a P .952 R .370 → P .955 R .389);
    grouping nothing scores recall 0, grouping everything precision under .5."""
    import bench.train_similar_causes as training

    data = training.read_writers()
    others = training.weighted(data, held)
    idf, default = training.idf_of(others)
    w, b = training.train(training.featurise(others, idf, default))
    test = training.featurise(data[held], idf, default)
    t = training.shipped_threshold()
    got = training.pr([(y, training.probability(w, b, f, t) >= t) for y, f, *_ in test])
    assert got[0] >= precision and got[1] >= recall, got


def test_a_groups_why_names_its_mechanism_in_words_a_reader_knows():
    from pm_tui.insights import causes
    from pm_tui.insights.cause_model import read_cause, why

    assert set(causes.MECHANISM_LABELS) == set(causes.MECHANISMS)  # every mechanism has a name
    a = "The TLS certificate on the payments gateway expired at midnight"
    b = "Expired certificate on api-gw: renewal job had silently failed"
    text = why(read_cause(a), read_cause(b), (a, b))
    assert "certificate expiry" in text, text
    assert "certexpiry" not in text, text


def test_each_suggestion_says_how_sure_it_is_strong_ones_first(told, capsys):
    """A suggested group is strong or possible (its least sure pair's band, the threshold the
    training script chose from writers left out of training), strong groups listed first, in
    JSON and in text, and `stats --explain` says what each band means."""
    from pm_tui.insights.cause_model import model, read_cause

    root, truth, keys = told
    code = main(["--repo", str(root), "stats", "--format", "json", "--today",
                 truth.today.isoformat()])  # fmt: skip
    groups = json.loads(capsys.readouterr().out)["suggested"]
    assert code == 0 and groups
    bands = [g["confidence"] for g in groups]
    assert set(bands) == {"strong", "possible"}, bands  # both bands occur here
    assert bands == sorted(bands, key=lambda b: b != "strong")  # strong ones first
    # the band is the model's: a group is strong when each newer cause, compared with the
    # first one's, reaches the strong band's threshold
    m = model()
    assert m.threshold < m.strong < 1.0

    def cause(id):
        text = (root / "postmortems" / f"{id}.toml").read_text(encoding="utf-8")
        return read_cause(json.loads(re.search(r"(?m)^immediate_causes = (.*)$", text)[1])[0])

    checked = 0
    for g in groups:
        first, *newer = g["ids"]
        if g["service"] not in CAUSES:
            continue  # (the generator's own services: several causes per incident)
        weakest = min(m.probability(cause(i), cause(first)) for i in newer)
        assert weakest >= m.threshold and (weakest >= m.strong) == (g["confidence"] == "strong")
        checked += 1
    assert checked >= 3
    code = main(["--repo", str(root), "stats", "--today", truth.today.isoformat()])
    text = capsys.readouterr().out.split("Suggested, not counted")[1]
    assert code == 0
    shown = [ln for ln in text.splitlines() if ln.strip()[:1].isdigit() and "x " in ln]
    assert shown and all((" strong " in ln) != (" possible " in ln) for ln in shown), shown
    assert "strong or possible: pm-tui stats --explain" in text
    code = main(["--repo", str(root), "stats", "--explain"])
    explain = capsys.readouterr().out
    assert "strong, possible:" in explain and "19 in 20" in explain


def test_the_kept_out_writer_is_scored_and_never_trained_on():
    """The newest spent blind round (round 11) forecasts the next blind writer only while no
    model, rotation or threshold has seen it: the training script reads it (retired or still
    in tests/heldout/) and scores it, and trains on every writer but it."""
    import bench.train_similar_causes as training

    assert "round11" in training.KEPT_OUT
    paths = training.writers()
    assert "round11" in paths and paths["round11"].is_file()
    small = {"round11": [(True, "a", "b")], "train6a": [(False, "c", "d")]}
    rows = training.weighted(small)
    assert rows == [(False, "c", "d", training.HONEST_WEIGHT)]  # its pairs are not trained on
    assert training.weighted(small, "train6a") == []


def test_the_training_script_help_prints_its_options_and_trains_nothing(monkeypatch, capsys):
    """`bench/train_similar_causes.py --help` once ran the whole training and overwrote the
    shipped weights: the options are read first, `--help` prints them and exits, and an
    unknown option is refused, before any writer is read."""
    import bench.train_similar_causes as training
    from pm_tui.insights.cause_model import WEIGHTS

    def must_not_train():
        raise AssertionError("read the writers before the options")

    monkeypatch.setattr(training, "read_writers", must_not_train)
    before = WEIGHTS.read_bytes()
    with pytest.raises(SystemExit) as done:
        training.main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "--check" in out and "Leave-one-writer-out" in out
    with pytest.raises(SystemExit) as refused:
        training.main(["--chekc"])
    assert refused.value.code == 2
    assert WEIGHTS.read_bytes() == before
