"""The incident told right where the blind sets found it wrong (tests/incidents/retired1 and
retired3, retired into tuning): a cluster-wide alert about what the failing host's records say
detects the incident; an operator's command seen only in a service's log is the mitigation; a
resource metric's coarse sample does not date the first failure; a deploy cancelled before it
ran is no change; actions said in chat in more words. Real evidence folders, a real repository,
the CLI (the helpers of tests/test_timeline_story.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pm_tui.collectors.evidence import Evidence
from pm_tui.timeline.accept import HIGH_CONFIDENCE
from tests.test_timeline_story import MINUTE, RETIRED1, ROOT, _collected, _near, _utc, _window

RETIRED3 = ROOT / "tests" / "incidents" / "retired3"


def test_a_cluster_alert_about_what_the_failing_host_says_detects_the_incident(tmp_path, capsys):
    """The broker's disk fails; its replica fetches fail on partition orders-7. The warning
    `KafkaUnderReplicatedPartitions` is labelled with the cluster, not the host, yet speaks of
    the same replicas and partitions: it is the detection, 2.5 minutes before the page. Its
    flapping refirings stay below high, and the broker's controlled shutdown, written only as
    an info line in its own log, is the mitigation (for the person to judge)."""
    repo, pm, truth, argv, rows = _collected(tmp_path, RETIRED1 / "kafka-disk-failing", capsys)
    detected = _window(argv, pm, capsys)["detected"]
    assert "KafkaUnderReplicatedPartitions" in detected["why"]
    assert abs(_utc(detected["time"]) - _utc(truth["milestones"]["detected"])) <= MINUTE
    firings = [
        r for r in rows if r["text"].startswith("Alert KafkaUnderReplicatedPartitions fires")
    ]
    assert len(firings) >= 3
    assert [r["confidence"] >= HIGH_CONFIDENCE for r in firings][:2] == [True, False]
    shutdown = _near(rows, "2026-08-13T09:33:05Z", "mitigation")
    shutdown = [r for r in shutdown if "controlled shutdown" in r["text"].lower()]
    assert shutdown and "server.log" in " ".join(shutdown[0]["sources"])
    assert shutdown[0]["confidence"] < HIGH_CONFIDENCE
    # an alert of another team that speaks of nothing failing stays background
    snapshot = [r for r in rows if "ElasticsearchSnapshotFailed fires" in r["text"]]
    assert snapshot and all(r["confidence"] < HIGH_CONFIDENCE for r in snapshot)


def test_an_admin_command_in_the_proxy_log_is_the_mitigation(tmp_path, capsys):
    """ProxySQL logs the LOAD MYSQL SERVERS TO RUNTIME that put the primary into the readers'
    hostgroup: the mitigation, at the second the proxy received it."""
    repo, pm, truth, argv, rows = _collected(tmp_path, RETIRED1 / "shop-replica-lag", capsys)
    fix = _near(rows, "2026-10-08T14:25:10Z", "mitigation")
    assert any("LOAD MYSQL SERVERS TO RUNTIME" in r["text"] for r in fix)


def test_the_first_failure_is_dated_by_its_record_not_a_resource_metrics_sample(tmp_path, capsys):
    """CPU throttling sampled once a minute rises at 11:00:00 with the first 504 at 11:00:55:
    the window starts at the 504 (the failure's own record), so the time to mitigate is right."""
    from pm_tui.cli.main import main
    from pm_tui.durations import durations

    folder = RETIRED1 / "search-noisy-neighbour"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    started = _window(argv, pm, capsys)["started"]
    assert abs(_utc(started["time"]) - _utc(truth["milestones"]["started"])) <= timedelta(
        seconds=10
    )
    assert main([*argv, "timeline", pm.id, "--accept-high"]) == 0
    got = durations(repo.load(pm.id)).mitigate
    want = _utc(truth["milestones"]["mitigated"]) - _utc(truth["milestones"]["started"])
    assert got is not None and abs(got - want) <= MINUTE


def test_a_deploy_cancelled_before_it_ran_is_no_change_of_the_story(tmp_path, capsys):
    """A partner-ACL config run cancelled six minutes into the outage changed nothing: shown
    as not applied, a low change, never a mitigation; the revert is the mitigation."""
    repo, pm, truth, argv, rows = _collected(tmp_path, RETIRED3 / "web-lb-healthcheck", capsys)
    cancelled = [r for r in rows if "haproxy-config-partner-acl" in r["text"]]
    assert cancelled and all(
        r["kind"] == "change" and r["confidence"] < HIGH_CONFIDENCE and "not applied" in r["text"]
        for r in cancelled
    )
    revert = _near(rows, "2026-03-04T14:05:40Z", "mitigation")
    assert any(r["confidence"] >= HIGH_CONFIDENCE for r in revert)


def test_alert_relatedness_by_shared_word_stems():
    from pm_tui.timeline.judge import Context, stems

    ctx = Context(None, None)
    ctx.vocabulary = stems(
        "[ReplicaManager broker=4] Error processing fetch with max size <*> from replica [<*>] "
        "on partition <*>: PartitionData(fetchOffset=<*>) (kafka.server.ReplicaManager)"
    )
    assert ctx.speaks_of(
        "KafkaUnderReplicatedPartitions kafka-prod has under-replicated partitions"
    )
    assert not ctx.speaks_of("ElasticsearchSnapshotFailed nightly snapshot to s3-nightly failed")
    # words every alert and log uses relate nothing
    assert not ctx.speaks_of("HighErrorRate error rate above threshold for service requests")


def _line(at: datetime, text: str, source: str = "logs:/var/log/proxy.log") -> Evidence:
    return Evidence(at, source, "log", text, {"level": "info"})


def test_an_operator_action_the_baseline_already_shows_is_routine():
    from pm_tui.timeline.detect_logs import action_signals
    from pm_tui.timeline.signals import Periods

    t0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    p = Periods(t0 - timedelta(hours=1), t0)
    evidence = [
        _line(t0 - timedelta(minutes=30), "[INFO] Received SAVE MYSQL VARIABLES TO DISK command"),
        _line(t0 + timedelta(minutes=20), "[INFO] Received SAVE MYSQL VARIABLES TO DISK command"),
        _line(t0 + timedelta(minutes=25), "[INFO] Received LOAD MYSQL SERVERS TO RUNTIME command"),
        _line(t0 + timedelta(minutes=25, seconds=2), "[INFO] Received LOAD MYSQL USERS TO RUNTIME command"),
        _line(t0 + timedelta(minutes=26), "GET /health 200"),
        _line(t0 + timedelta(minutes=40), "[INFO] Starting controlled shutdown", "logs:/var/log/kafka.log"),
    ]  # fmt: skip
    got = action_signals(evidence, p)
    assert [(s.time - t0, s.family) for s in got] == [
        (timedelta(minutes=25), "change"),
        (timedelta(minutes=40), "change"),
    ]
    assert "LOAD MYSQL SERVERS" in got[0].text and "controlled shutdown" in got[1].text


@pytest.mark.parametrize(
    ("said", "family"),
    [
        ("volume mounted on zk-3b, zookeeper started on zk-3b now", "mitigation"),
        ("EBS volume attached to kfk-prod-04", "mitigation"),
        ("cert reissued and the gateway reloaded", "mitigation"),
        ("errors started at 12:41", None),
        ("should we restart zk-3b?", None),
    ],
)
def test_actions_said_in_chat_in_more_words(said, family):
    from pm_tui.timeline.detect_events import chat_signals

    at = datetime(2026, 5, 13, 13, 20, tzinfo=UTC)
    got = chat_signals([Evidence(at, "slack:x", "message", said, {"user": "U1", "actor": "Ann"})])
    families = [s.family for s in got]
    assert families == [family] if family else "mitigation" not in families


@pytest.mark.parametrize(
    ("status", "applied"),
    [("cancelled", False), ("canceled", False), ("skipped", False), ("succeeded", True),
     ("failed", True), ("", True)],
)  # fmt: skip
def test_a_deploy_record_that_never_ran_is_not_applied(status, applied):
    from pm_tui.collectors.changes import change_evidence
    from pm_tui.timeline.detect_events import change_signals
    from pm_tui.timeline.signals import Periods

    t0 = datetime(2026, 3, 4, 13, 47, 40, tzinfo=UTC)
    record = {"time": "2026-03-04T13:47:40Z", "service": "haproxy-config", "version": "draft"}
    item = change_evidence("changes:deploys.csv", record | ({"status": status} if status else {}))
    (signal,) = change_signals([item], Periods(t0 - timedelta(hours=1), t0))
    assert ("not-applied" not in signal.tags) is applied
    assert ("not applied" in signal.text) is not applied


RETIRED4 = ROOT / "tests" / "incidents" / "retired4"


def test_a_terraform_apply_in_a_ci_log_is_the_trigger_and_its_revert_the_mitigation(
    tmp_path, capsys
):
    """A GitHub Actions job log of `terraform apply` destroys the security-group rule the
    responders name in their diagnosis: the trigger at high confidence, with the resources it
    touched; the revert's apply re-creating it is the mitigation. 'nothing deployed on
    search-api today' is no action."""
    repo, pm, truth, argv, rows = _collected(tmp_path, RETIRED4 / "search-sg-terraform", capsys)
    trigger = _near(rows, "2026-07-08T01:52:31Z", "change")
    assert any(
        "search_alb_from_web_443" in r["text"] and r["confidence"] >= HIGH_CONFIDENCE
        for r in trigger
    )
    revert = _near(rows, "2026-07-08T02:27:12Z", "mitigation")
    assert any("1 added" in r["text"] for r in revert)
    assert not [r for r in rows if "nothing deployed" in r["text"]]


def test_the_paging_alert_after_the_detection_is_detail_and_bold_alert_posts_are_read(
    reconstructed, capsys
):
    """The consumer-lag warning detects; the paging alert ten minutes later (its page is a
    row of its own) is detail below high. Alertmanager's Slack post behind an emoji and in bold
    (`:white_check_mark: *[RESOLVED] Name*`) is the alert's resolve."""
    repo, pm, truth, argv, rows = reconstructed(RETIRED4 / "fulfil-kafka-poison", capsys)
    assert "KafkaConsumerGroupLagHigh" in _window(argv, pm, capsys)["detected"]["why"]
    paging = [r for r in rows if r["text"].startswith("Alert OrdersStuckPendingFulfilment fires")]
    assert paging and all(r["confidence"] < HIGH_CONFIDENCE for r in paging)
    assert _near(rows, "2026-04-14T08:08:20Z", "paged")[0]["confidence"] >= HIGH_CONFIDENCE
    resolved = _near(rows, "2026-04-14T08:47:00Z", "alert_resolved")
    assert any("OrdersStuckPendingFulfilment" in r["text"] for r in resolved)


@pytest.mark.parametrize(
    ("said", "family"),
    [
        ("done, both partitions are moving again, lag going down", "mitigation"),
        ("nothing deployed on search-api today", None),
        ("we haven't rolled back anything yet", None),
        ("customer care told: orders placed since 09:45 ship late", "communication"),
        ("macro live for duplicate October charges: refunded automatically", "communication"),
        ("clocks went back at 02:00 so 01:30 happened twice", "diagnosis"),
        ("partitions are consuming again", "recovery"),
    ],
)
def test_chat_kinds_in_more_words_and_negations(said, family):
    from pm_tui.timeline.detect_events import chat_signals

    at = datetime(2026, 10, 25, 2, 20, tzinfo=UTC)
    got = chat_signals([Evidence(at, "slack:x", "message", said, {"user": "U1", "actor": "Ann"})])
    assert [s.family for s in got] == ([family] if family else [])


def _kube(at: datetime, reason: str, obj: str, message: str) -> Evidence:
    attrs = {"reason": reason, "object": obj, "level": "info", "type": "Normal"}
    return Evidence(at, "kube:events.json", "log", f"{obj}: {reason}: {message}", attrs)


def test_nodes_drained_one_after_another_are_one_change_and_uncordoned_another():
    from pm_tui.timeline.detect_events import change_signals
    from pm_tui.timeline.signals import Periods

    t0 = datetime(2026, 6, 2, 9, 0, tzinfo=UTC)
    evidence = [
        _kube(t0 + timedelta(minutes=m), reason, f"Node/{node}", f"Node {node} status is now: {reason}")
        for m, reason, node in [
            (1, "NodeNotSchedulable", "pool-a-1"),
            (3, "NodeNotSchedulable", "pool-a-2"),
            (40, "NodeSchedulable", "pool-a-1"),
        ]
    ]  # fmt: skip
    got = [s for s in change_signals(evidence, Periods(t0 - timedelta(hours=1), t0))]
    assert [(s.time - t0, s.family) for s in got] == [
        (timedelta(minutes=1), "change"),
        (timedelta(minutes=40), "change"),
    ]
    assert "pool-a-1, pool-a-2 cordoned" in got[0].text and "uncordoned" in got[1].text


def test_a_schema_change_the_database_logs_is_an_operator_action():
    from pm_tui.timeline.detect_logs import action_signals
    from pm_tui.timeline.signals import Periods

    t0 = datetime(2026, 5, 5, 10, 0, tzinfo=UTC)
    source = "logs:/var/log/postgresql.log"
    evidence = [
        _line(t0 + timedelta(minutes=5), "LOG:  statement: SELECT 1", source),
        _line(t0 + timedelta(minutes=30), "LOG:  statement: ALTER TABLE ledger_entries ALTER COLUMN id TYPE bigint", source),
    ]  # fmt: skip
    (got,) = action_signals(evidence, Periods(t0 - timedelta(hours=1), t0))
    assert got.time == t0 + timedelta(minutes=30) and "ALTER TABLE ledger_entries" in got.text


def _series(name: str, values: list[float], t0: datetime) -> Evidence:
    points = [(t0 + timedelta(minutes=i), v) for i, v in enumerate(values)]
    return Evidence(t0, "metrics:m.om", "metric", name, {"name": name, "points": points})


def test_what_should_stay_up_falling_is_a_failure_and_free_space_falling_is_not():
    """A cache's hit ratio collapsing (a CDN cache-key change) fails like errors rising; the
    free bytes of a filling disk fall too, but that is no failure by itself."""
    from pm_tui.timeline.detect_metrics import metric_signals
    from pm_tui.timeline.signals import Periods

    t0 = datetime(2026, 8, 1, 12, 0, tzinfo=UTC)
    steady, fall = [0.95 + 0.01 * (i % 3) for i in range(30)], [0.2] * 10
    hit = _series("cdn_cache_hit_ratio", steady + fall, t0)
    free = _series("node_filesystem_avail_bytes", [v * 1e9 for v in steady + fall], t0)
    p = Periods(t0, t0 + timedelta(minutes=30))
    tags = {
        s.extra["metric"]: s.tags for s in metric_signals([hit, free], p) if s.family == "symptom"
    }
    assert "error" in tags["cdn_cache_hit_ratio"]
    assert "error" not in tags["node_filesystem_avail_bytes"]


def test_a_flapping_background_alert_keeps_one_episode(reconstructed, capsys):
    """An alert that already fired before the incident (a nightly job, a flapping lag alert) is
    background: one firing from the incident's start and its resolve stay for the person to
    see, the other firings and resolves are left out."""
    repo, pm, truth, argv, rows = reconstructed(RETIRED4 / "fulfil-kafka-poison", capsys)
    flapping = [r for r in rows if "KafkaBrokerDiskUsageHigh" in r["text"]]
    assert [r["kind"] for r in flapping] in (["alert_fired", "alert_resolved"], ["alert_fired"])
    assert all(r["confidence"] < HIGH_CONFIDENCE for r in flapping)


def _every(start: float, end: float, text: str, source: str, level: str, step: float = 0.25):
    t0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    out, m = [], start
    while m < end:
        out.append(Evidence(t0 + timedelta(minutes=m), source, "log", text, {"level": level}))
        m += step
    return out


@pytest.mark.parametrize(
    "precursor",
    [
        "[o.e.m.j.JvmGcMonitorService] [es-data-2] [gc][88123] overhead, spent [4.1s] collecting in the last [4.4s]",
        "java.lang.OutOfMemoryError: Java heap space",
        "ICMP frag needed and DF set from 10.4.0.1, mtu 1450",
    ],
)
def test_a_jvm_out_of_heap_or_packets_too_big_lead_the_errors_as_first_symptom(precursor):
    """Warnings of a JVM out of heap (or packets too big for the path) six minutes before
    the customers' errors are the first observable failure."""
    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.timeline import reconstruct

    t0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    window = CollectWindow(start=t0, end=t0 + timedelta(hours=2), baseline=timedelta(minutes=60))
    evidence = [
        *_every(-50, 110, "GET /search 200", "logs:/var/log/search-api.log", "info", 1.0),
        *_every(-50, 110, "[o.e.c.r.a.DiskThresholdMonitor] low disk watermark not exceeded", "logs:/var/log/es-data-2.log", "info", 5.0),
        *_every(28, 60, precursor, "logs:/var/log/es-data-2.log", "warning", 0.2),
        *_every(34, 60, "search backend returned 503 for /search", "logs:/var/log/search-api.log", "error"),
    ]  # fmt: skip
    first = next(c for c in reconstruct(evidence, window) if c.kind == "first_symptom")
    assert first.time == t0 + timedelta(minutes=28)


def test_the_release_a_diagnosis_names_by_version_is_the_trigger_at_its_records_time(
    reconstructed, capsys
):
    """'checkout started sending it with 5.12': the release of checkout-api 5.12.0 is the
    trigger at high confidence, at the second the release record gives (its rollout's first
    pods start 70 s before); the rollback is the mitigation at its record's second too."""
    repo, pm, truth, argv, rows = reconstructed(RETIRED4 / "fulfil-kafka-poison", capsys)
    trigger = [r for r in rows if r["kind"] == "change" and "5.12.0" in r["text"]]
    assert trigger and trigger[0]["time"] == "2026-04-14T07:41:10Z"
    assert trigger[0]["confidence"] >= HIGH_CONFIDENCE
    rollback = [r for r in rows if r["kind"] == "mitigation" and "5.11.3" in r["text"]]
    assert rollback and rollback[0]["time"] == "2026-04-14T08:34:30Z"


@pytest.mark.parametrize(
    ("said", "family"),
    [
        ("should we roll back search-indexer", None),
        ("@mei any chance it's the flag rollout", None),
        ("did we restart the workers already", None),
        ("did the rollback, errors gone now", "recovery"),  # said, not asked
        ("rolled back search-indexer", "mitigation"),
    ],
)
def test_a_question_without_its_question_mark_is_no_action(said, family):
    from pm_tui.timeline.detect_events import chat_signals

    at = datetime(2026, 10, 25, 2, 20, tzinfo=UTC)
    got = chat_signals([Evidence(at, "slack:x", "message", said, {"user": "U1", "actor": "Ann"})])
    assert [s.family for s in got] == ([family] if family else [])


@pytest.mark.parametrize(
    ("precursor", "level"),
    [
        # a kernel table full or overflowing: a syslog line without a level
        ("kernel: [812.4] nf_conntrack: table full, dropping packet", ""),
        ("kernel: [77.1] neighbour: arp_cache: neighbor table overflow!", ""),
        # a replica losing its primary, at the store's warning marker or at info
        ("# Connection with master lost.", "warning"),
        ("Slave I/O thread: error reconnecting to master 'repl@db-1:3306'", "info"),
        ("[ReplicaFetcher replicaId=1, leaderId=3] Error sending fetch request to node 3", "info"),
        # pods no node can take: the consumers drained away, their replacements pending
        (
            "Pod/quote-feed-6d8f: FailedScheduling: 0/9 nodes are available: 9 node(s) didn't match Pod's node affinity/selector",
            "warning",
        ),
        # what customers read going stale past its objective, though nothing errors
        ("live quotes stale: newest tick 95s old, SLO 60s", "warning"),
    ],
)
def test_a_kernel_table_full_a_lost_replica_unschedulable_pods_or_stale_data_lead_errors(
    precursor, level
):
    """Infrastructure failing six minutes before the customers' errors, written at no error
    level (a kernel line has none; a replica's reconnects are logged at info), is the first
    observable failure; so is data going stale past its objective."""
    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.timeline import reconstruct

    t0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    window = CollectWindow(start=t0, end=t0 + timedelta(hours=2), baseline=timedelta(minutes=60))
    evidence = [
        *_every(-50, 110, "GET /quote 200", "logs:/var/log/quote-api.log", "info", 1.0),
        *_every(-50, 110, "CRON[41]: (root) CMD (run-parts /etc/cron.hourly)", "logs:/var/log/messages", "info", 5.0),
        *_every(28, 60, precursor, "logs:/var/log/messages", level, 0.5),
        *_every(34, 60, "upstream returned 503 for /quote", "logs:/var/log/quote-api.log", "error"),
    ]  # fmt: skip
    first = next(c for c in reconstruct(evidence, window) if c.kind == "first_symptom")
    assert first.time == t0 + timedelta(minutes=28)


def test_one_lost_fetch_starts_the_chain_and_the_same_line_every_day_does_not():
    """A follower's first failed fetch, logged once at warn before its reconnects at info, dates
    the first failure; a kernel table full all through the baseline is background."""
    from pm_tui.collectors.evidence import CollectWindow
    from pm_tui.timeline import reconstruct
    from pm_tui.timeline.templates import severity

    t0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    window = CollectWindow(start=t0, end=t0 + timedelta(hours=2), baseline=timedelta(minutes=60))
    broker = "logs:/var/log/kafka/server.log"
    base = [
        *_every(-50, 110, "GET /ingest 200", "logs:/var/log/ingest.log", "info", 1.0),
        *_every(-50, 110, "Rolled new log segment", broker, "info", 5.0),
        *_every(34, 60, "produce failed: timeout", "logs:/var/log/ingest.log", "error"),
    ]
    once = Evidence(
        t0 + timedelta(minutes=28, seconds=7), broker, "log",
        "[ReplicaFetcher replicaId=0, leaderId=2] Error in response for fetch request (type=FetchRequest)",
        {"level": "warning"},
    )  # fmt: skip
    reconnects = _every(28.75, 60, "[ReplicaFetcher replicaId=0, leaderId=2] Error sending fetch request to node 2", broker, "info", 0.5)  # fmt: skip
    first = next(
        c for c in reconstruct([*base, once, *reconnects], window) if c.kind == "first_symptom"
    )
    assert first.time == once.time
    daily = _every(-50, 110, "kernel: nf_conntrack: table full, dropping packet", "logs:/var/log/messages", "", 3.0)  # fmt: skip
    first = next(c for c in reconstruct([*base, *daily], window) if c.kind == "first_symptom")
    assert first.time == t0 + timedelta(minutes=34)
    # read at its own level: a debug line stays quiet, an info line about lost replication warns
    assert (
        severity(Evidence(t0, broker, "log", "Connection with master lost.", {"level": "debug"}))
        is None
    )
    assert (
        severity(Evidence(t0, broker, "log", "Connection with master lost.", {"level": "info"}))
        == "warning"
    )


def test_pods_stopped_minutes_after_a_cordon_are_the_drain_not_someone_stopping_them():
    """A drain cordons the node, then evicts its pods (their replacements may find no node):
    the cordon is the change; the pods stopped are not a `Stop of X` someone did. The same
    stops with no drain before them are still a stop."""
    from pm_tui.timeline.detect_events import change_signals
    from pm_tui.timeline.signals import Periods

    t0 = datetime(2026, 6, 2, 9, 0, tzinfo=UTC)

    def kill(minute: float, pod: str) -> Evidence:
        attrs = {"reason": "Killing", "object": f"Pod/{pod}", "category": "restart"}
        text = f"Pod/{pod}: Killing: Stopping container mailer"
        return Evidence(t0 + timedelta(minutes=minute), "kube:events.json", "change", text, attrs)

    stops = [kill(3, "mailer-6d8f7b9c5d-2xk9f"), kill(3.1, "mailer-6d8f7b9c5d-4ptkz")]
    cordon = _kube(t0 + timedelta(minutes=1), "NodeNotSchedulable", "Node/pool-a-1",
                   "Node pool-a-1 status is now: NodeNotSchedulable")  # fmt: skip
    p = Periods(t0 - timedelta(hours=1), t0)
    drained = change_signals([cordon, *stops], p)
    assert [s.text.split(" (")[0] for s in drained] == ["Node pool-a-1 cordoned"]
    stopped = change_signals(stops, p)
    assert [s.text.split(":")[0] for s in stopped] == ["Stop of mailer"]
