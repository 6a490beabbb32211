"""Who changed what during an incident (#20): a controller acting on its own (an autoscaler
resizing a workload) is neither a person's change nor a mitigation, and capacity it adds is no
symptom; a custom resource's spec change (an operator's SpecChanged event) is a change; a change
a responder said they were making, carried out by them (a cloud audit record naming only a
volume) is the mitigation, and their next change is other work. Driven by retired7 and heldout8
(retired8): an HPA's scale-ups accepted as the trigger and as mitigations, a replica count rising
taken for the first symptom, volume modifications and a load balancer pool disabled left low;
retired6: a FlinkDeployment's spec change not read. Real files in tmp folders, the CLI, a real
repository."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pm_tui import postmortem_store
from pm_tui.model import new_postmortem
from pm_tui.timeline.accept import HIGH_CONFIDENCE

T0 = datetime(2026, 10, 5, 7, 0, tzinfo=UTC)


def at(minute: float) -> datetime:
    return T0 + timedelta(minutes=minute)


def z(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def _log(folder: Path, service: str, failing: tuple[float, float], error: str) -> None:
    lines = []
    t = at(0)
    while t < at(180):
        m = (t - T0).total_seconds() / 60
        if failing[0] <= m < failing[1]:
            lines.append(f"{t:%Y-%m-%dT%H:%M:%S}Z ERROR {service} {error}")
        lines.append(f"{t:%Y-%m-%dT%H:%M:%S}Z INFO {service} GET /v1/items 200")
        t += timedelta(seconds=15)
    (folder / service).mkdir(parents=True, exist_ok=True)
    (folder / service / "app.out").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _event(minute: float, kind: str, name: str, reason: str, message: str, component: str) -> dict:
    return {
        "apiVersion": "events.k8s.io/v1",
        "kind": "Event",
        "metadata": {"name": f"{name}.{int(minute * 60)}", "namespace": "shop",
                     "creationTimestamp": z(at(minute))},
        "regarding": {"kind": kind, "name": name, "namespace": "shop"},
        "reason": reason,
        "note": message,
        "type": "Normal",
        "deprecatedSource": {"component": component},
        "deprecatedFirstTimestamp": z(at(minute)),
        "deprecatedLastTimestamp": z(at(minute)),
    }  # fmt: skip


def _slack(folder: Path, messages: list[tuple[float, str, str]]) -> None:
    root = folder / "chat"
    root.mkdir()
    (root / "channels.json").write_text(json.dumps([{"id": "C1", "name": "inc-shop-5xx"}]))
    people = sorted({who for _, who, _ in messages})
    users = [{"id": f"U{i}", "name": who.lower().replace(" ", "."), "real_name": who}
             for i, who in enumerate(people)]  # fmt: skip
    (root / "users.json").write_text(json.dumps(users))
    ids = {u["real_name"]: u["id"] for u in users}
    (root / "inc-shop-5xx").mkdir()
    (root / "inc-shop-5xx" / f"{T0:%Y-%m-%d}.json").write_text(json.dumps([
        {"type": "message", "user": ids[who], "text": text, "ts": f"{at(m).timestamp():.6f}"}
        for m, who, text in messages
    ]))  # fmt: skip


def _run(tmp_path: Path, folder: Path, capsys) -> tuple:
    from pm_tui.cli.main import main

    repo = postmortem_store.Repository.open(tmp_path / "repo")
    pm = new_postmortem("shop-5xx", at(60), resolved=at(180))
    repo.save(pm)
    repo.commit(pm, "create")
    argv = ["--repo", str(repo.root)]
    code = main([*argv, "collect", pm.id, "--evidence", str(folder),
                 "--start", z(at(60)), "--end", z(at(180))])  # fmt: skip
    said = capsys.readouterr()
    assert code in (0, 3), said.err
    assert main([*argv, "timeline", pm.id, "--rebuild", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["candidates"]
    return repo, pm, argv, rows


def _autoscaled_incident(root: Path) -> Path:
    """cart-api fails from minute 80 to 140 (a quota it calls is exhausted); its HPA scales it
    out three times meanwhile, and once before; the replica count climbs in the metrics."""
    folder = root / "evidence"
    _log(folder, "cart-api", (80, 140), "quota exceeded calling pricing")
    events = []
    for minute, size in ((70, 22), (95, 26), (120, 30)):
        events.append(_event(minute, "HorizontalPodAutoscaler", "cart-api", "SuccessfulRescale",
                             f"New size: {size}; reason: cpu resource utilization above target",
                             "horizontal-pod-autoscaler"))  # fmt: skip
        events.append(_event(minute + 0.02, "Deployment", "cart-api", "ScalingReplicaSet",
                             f"Scaled up replica set cart-api-6d8f7c9b5 from {size - 4} to {size}",
                             "deployment-controller"))  # fmt: skip
    (folder / "events.json").write_text(json.dumps({"kind": "EventList", "items": events}))
    metric = ["# TYPE kube_deployment_status_replicas_available gauge"]
    for i in range(0, 180 * 60, 30):
        t = at(i / 60)
        value = 18 if i < 70 * 60 else 22 if i < 95 * 60 else 26 if i < 120 * 60 else 30
        metric.append(f'kube_deployment_status_replicas_available{{deployment="cart-api"}} '
                      f"{value} {t.timestamp():.0f}")  # fmt: skip
    (folder / "replicas.om").write_text("\n".join(metric) + "\n# EOF\n", encoding="utf-8")
    return folder


def test_an_autoscalers_scale_ups_are_no_change_of_a_person_nor_a_mitigation(tmp_path, capsys):
    from pm_tui.cli.main import main

    repo, pm, argv, rows = _run(tmp_path, _autoscaled_incident(tmp_path), capsys)
    scaled = [r for r in rows if "cart-api-6d8f7c9b5" in r["text"]]
    assert len(scaled) == 3, [r["text"] for r in rows]
    assert all(r["kind"] == "change" and r["text"].startswith("Autoscaled") for r in scaled)
    assert all(r["confidence"] < HIGH_CONFIDENCE for r in scaled)
    # the capacity the autoscaler added is no symptom: the first symptom is the errors
    first = [r for r in rows if r["kind"] == "first_symptom"]
    assert first and all("replicas" not in r["text"] for r in first)
    assert min(r["time"] for r in first) == z(at(80))
    assert main([*argv, "timeline", pm.id, "--accept-high"]) == 0
    kept = [e.text for e in repo.load(pm.id).timeline]
    assert kept and not any("cart-api-6d8f7c9b5" in t for t in kept)


def test_a_person_scaling_out_is_a_scale_not_a_rollout(tmp_path, capsys):
    folder = tmp_path / "evidence"
    _log(folder, "cart-api", (80, 140), "quota exceeded calling pricing")
    events = [_event(130, "Deployment", "cart-api", "ScalingReplicaSet",
                     "Scaled up replica set cart-api-6d8f7c9b5 to 30 from 6",
                     "deployment-controller")]  # fmt: skip
    (folder / "events.json").write_text(json.dumps({"kind": "EventList", "items": events}))
    _slack(folder, [(82, "Hemi Walker", "acked, cart-api erroring"),
                    (128, "Hemi Walker", "scaling cart-api to 30 replicas")])  # fmt: skip
    _, _, _, rows = _run(tmp_path, folder, capsys)
    (scale,) = [r for r in rows if "cart-api-6d8f7c9b5" in r["text"]]
    assert scale["text"].startswith("Scale of") and scale["kind"] == "mitigation"
    assert scale["confidence"] >= HIGH_CONFIDENCE


def test_a_custom_resources_spec_change_is_a_change_and_its_operator_says_when_it_runs(
    tmp_path, capsys
):
    folder = tmp_path / "evidence"
    _log(folder, "position-api", (80, 150), "live positions stale")
    events = [
        _event(100, "FlinkDeployment", "trip-enricher", "SpecChanged",
               "UPGRADE change(s) detected (FlinkDeploymentSpec[job.parallelism=32] differs from "
               "FlinkDeploymentSpec[job.parallelism=64])", "JobManagerDeployment"),
        _event(100.5, "FlinkDeployment", "trip-enricher", "Suspended",
               "Suspending existing deployment (upgradeMode: last-state).", "JobManagerDeployment"),
        _event(102, "FlinkDeployment", "trip-enricher", "JobStatusChanged",
               "Job status changed from RECONCILING to RUNNING", "Job"),
    ]  # fmt: skip
    (folder / "events.json").write_text(json.dumps({"kind": "EventList", "items": events}))
    _slack(folder, [(85, "Arjun Mehta", "acked. trip-enricher is running but positions are stale"),
                    (99.7, "Arjun Mehta", "applying the FlinkDeployment change now")])  # fmt: skip
    _, _, _, rows = _run(tmp_path, folder, capsys)
    changed = [r for r in rows if r["text"].startswith("Change of FlinkDeployment/trip-enricher")]
    assert changed and changed[0]["time"] == z(at(100)) and changed[0]["kind"] == "mitigation"
    assert changed[0]["confidence"] >= HIGH_CONFIDENCE
    running = [r for r in rows if "in place" in r["text"]]
    assert running and running[0]["time"] == z(at(102))
    assert running[0]["confidence"] < HIGH_CONFIDENCE  # the operator's word: for the person


def test_a_change_a_responder_announced_is_their_mitigation_and_their_next_is_not(tmp_path, capsys):
    from pm_tui.cli.main import main

    folder = tmp_path / "evidence"
    _log(folder, "catalog-api", (80, 125), "query timeout reading products")
    _slack(folder, [
        (84, "Farah Haddad", "acked, catalog-api timing out"),
        (104, "Farah Haddad", "found it: the data volume of pg-catalog-1 is still gp2"),
        (106, "Farah Haddad", "going to modify it to gp3 with 6000 IOPS, online, no restart"),
    ])  # fmt: skip
    trail = {"Events": [
        {"EventName": "ModifyVolume", "EventTime": z(at(112)), "Username": "farah.haddad",
         "EventSource": "ec2.amazonaws.com",
         "Resources": [{"ResourceType": "AWS::EC2::Volume", "ResourceName": "vol-0a7c3e19d5"}]},
        {"EventName": "UpdateService", "EventTime": z(at(118)), "Username": "farah.haddad",
         "EventSource": "ecs.amazonaws.com",
         "Resources": [{"ResourceType": "AWS::ECS::Service", "ResourceName": "search-indexer"}]},
        {"EventName": "UpdateService", "EventTime": z(at(100)), "Username": "ken",
         "EventSource": "ecs.amazonaws.com",
         "Resources": [{"ResourceType": "AWS::ECS::Service", "ResourceName": "billing-worker"}]},
    ]}  # fmt: skip
    (folder / "trail.json").write_text(json.dumps(trail))
    repo, pm, argv, rows = _run(tmp_path, folder, capsys)
    (modify,) = [r for r in rows if "ModifyVolume" in r["text"]]
    assert modify["kind"] == "mitigation" and modify["confidence"] >= HIGH_CONFIDENCE
    later = [r for r in rows if "search-indexer" in r["text"]]
    other = [r for r in rows if "billing-worker" in r["text"]]
    assert later and other
    assert all(r["confidence"] < HIGH_CONFIDENCE for r in later + other)
    assert main([*argv, "timeline", pm.id, "--accept-high"]) == 0
    kept = [e.text for e in repo.load(pm.id).timeline]
    assert any("ModifyVolume" in t for t in kept)
    assert not any("search-indexer" in t or "billing-worker" in t for t in kept)


def _run_record(minute: float, event: str, repo: str, title: str, who: str) -> dict:
    return {"id": int(minute * 100), "name": "deploy", "head_branch": "main",
            "head_sha": f"{int(minute * 1000):040x}", "display_title": title, "event": event,
            "status": "completed", "conclusion": "success", "created_at": z(at(minute)),
            "run_started_at": z(at(minute)), "actor": {"login": who, "type": "User"},
            "repository": {"full_name": f"acme/{repo}", "name": repo}}  # fmt: skip


def test_checks_of_a_pull_request_ship_nothing_and_responders_stating_a_cause_are_heard(
    tmp_path, capsys
):
    folder = tmp_path / "evidence"
    _log(folder, "loyalty-api", (80, 125), "query failed: column tier does not exist")
    runs = {"total_count": 3, "workflow_runs": [
        _run_record(75, "push", "loyalty-schema", "V212 rename tier_code to tier", "dana"),
        _run_record(100, "pull_request", "loyalty-api", "read tier from members.tier", "dana"),
        _run_record(118, "workflow_dispatch", "loyalty-schema", "undo V212", "dana"),
    ]}  # fmt: skip
    (folder / "runs.json").write_text(json.dumps(runs))
    _slack(folder, [
        (84, "Dana Maher", "acked, loyalty-api failing"),
        (96, "Tomasz Kowalczyk", "that's mine, sorry: the V212 rename went out before the api"),
        (98, "Marek Zielinski", "the scorers are crash looping after the migration, every pod"),
        (116, "Dana Maher", "re-running db-migrate with the undo of V212"),
    ])  # fmt: skip
    _, _, _, rows = _run(tmp_path, folder, capsys)
    # the repository object names the service, not its whole JSON
    (checks,) = [r for r in rows if "read tier from members.tier" in r["text"]]
    assert checks["text"].startswith("Deploy loyalty-api ") and "{" not in checks["text"]
    assert "proposed change" in checks["text"] and checks["confidence"] < HIGH_CONFIDENCE
    assert checks["kind"] == "change"
    undo = [r for r in rows if "undo V212" in r["text"]]
    assert undo and undo[0]["kind"] == "mitigation"
    said = {r["time"] for r in rows if r["kind"] == "diagnosis"}
    assert {z(at(96)), z(at(98))} <= said


def test_a_node_cordoned_by_a_problem_detector_is_no_persons_change(tmp_path, capsys):
    folder = tmp_path / "evidence"
    _log(folder, "fraud-api", (80, 140), "scoring failed: model queue full")
    events = [
        _event(83, "Node", "gpu-a-3", "NodeNotSchedulable",
               "Node gpu-a-3 status is now: NodeNotSchedulable", "node-problem-detector"),
        _event(120, "Node", "gpu-b-1", "NodeNotSchedulable",
               "Node gpu-b-1 status is now: NodeNotSchedulable", "kubelet"),
    ]  # fmt: skip
    for e in events:
        e["regarding"].pop("namespace")
    (folder / "events.json").write_text(json.dumps({"kind": "EventList", "items": events}))
    _, _, _, rows = _run(tmp_path, folder, capsys)
    (auto,) = [r for r in rows if "gpu-a-3" in r["text"]]
    assert "by node-problem-detector" in auto["text"] and auto["kind"] == "change"
    assert auto["confidence"] < HIGH_CONFIDENCE
    (person,) = [r for r in rows if "gpu-b-1" in r["text"]]
    assert "by " not in person["text"] and "controller" not in person["tags"]


def test_a_scale_of_a_backlogs_consumers_is_related_by_the_queues_labels(tmp_path, capsys):
    folder = tmp_path / "evidence"
    metric = ["# TYPE rabbitmq_queue_messages_ready gauge"]
    for i in range(0, 180 * 60, 30):
        m = i / 60
        value = (
            20 if m < 80 else 20 + (m - 80) * 500 if m < 130 else max(20, 25000 - (m - 130) * 900)
        )
        metric.append(f'rabbitmq_queue_messages_ready{{queue="email",vhost="mailer"}} {value:.0f} '
                      f"{at(m).timestamp():.0f}")  # fmt: skip
    folder.mkdir()
    (folder / "mq.om").write_text("\n".join(metric) + "\n# EOF\n", encoding="utf-8")
    events = [_event(128, "Deployment", "mailer-worker", "ScalingReplicaSet",
                     "Scaled up replica set mailer-worker-6f7c9d8b5 to 30 from 6",
                     "deployment-controller")]  # fmt: skip
    (folder / "events.json").write_text(json.dumps({"kind": "EventList", "items": events}))
    _, _, _, rows = _run(tmp_path, folder, capsys)
    (scale,) = [r for r in rows if "mailer-worker" in r["text"]]
    assert scale["kind"] == "mitigation" and scale["confidence"] >= HIGH_CONFIDENCE


def test_an_alert_the_chat_bot_posted_on_the_days_before_is_background(tmp_path, capsys):
    folder = tmp_path / "evidence"
    _log(folder, "profile-svc", (80, 140), "decrypt failed: ThrottlingException")
    _slack(folder, [(84, "Hannah Vogel", "acked, profile-svc throttled by KMS")])
    root = folder / "chat"
    channels = json.loads((root / "channels.json").read_text())
    (root / "channels.json").write_text(json.dumps([*channels, {"id": "C9", "name": "alerts"}]))
    (root / "alerts").mkdir()

    def post(t: datetime) -> dict:
        return {"type": "message", "subtype": "bot_message", "text": "", "bot_id": "B1",
                "username": "alertmanager", "ts": f"{t.timestamp():.6f}",
                "attachments": [{"fallback": "[FIRING] KubeJobFailed",
                                 "title": "[FIRING] KubeJobFailed",
                                 "text": "Job profile/gdpr-erasure-sweeper failed to complete"}]}  # fmt: skip

    for days in (3, 2, 1, 0):
        t = at(85) - timedelta(days=days)
        (root / "alerts" / f"{t:%Y-%m-%d}.json").write_text(json.dumps([post(t)]))
    _, _, _, rows = _run(tmp_path, folder, capsys)
    fired = [r for r in rows if "KubeJobFailed" in r["text"] and r["kind"] == "alert_fired"]
    assert [r["time"] for r in fired] == [z(at(85))]  # the days before are no candidates
    assert fired[0]["confidence"] < HIGH_CONFIDENCE and "recurring" in fired[0]["tags"]


def test_another_teams_rollout_is_not_related_by_the_words_of_its_events(tmp_path, capsys):
    folder = tmp_path / "evidence"
    _log(
        folder, "pg-main-replica-1", (80, 140), "canceling statement due to conflict with recovery"
    )
    events = [
        _event(100, "Deployment", "storefront-web", "ScalingReplicaSet",
               "Scaled up replica set storefront-web-5d8f7b9c6 to 3 from 0", "deployment-controller"),
        _event(100.8, "Deployment", "storefront-web", "ScalingReplicaSet",
               "Scaled down replica set storefront-web-7b44c8d9f to 0 from 3",
               "deployment-controller"),
    ]  # fmt: skip
    (folder / "events.json").write_text(json.dumps({"kind": "EventList", "items": events}))
    _, _, _, rows = _run(tmp_path, folder, capsys)
    (rollout,) = [r for r in rows if "storefront-web" in r["text"]]
    assert rollout["text"].startswith("Rollout of") and rollout["confidence"] < HIGH_CONFIDENCE


def test_a_bots_word_that_a_person_changed_something_is_their_change_and_the_failback_is_not(
    tmp_path, capsys
):
    folder = tmp_path / "evidence"
    _log(folder, "fraud-api", (80, 110), "scoring failed: model queue full")
    _slack(folder, [(84, "Ana Lima", "acked, fraud-api scoring errors in eu-west-1")])
    root = folder / "chat"
    day = root / "inc-shop-5xx" / f"{T0:%Y-%m-%d}.json"
    posts = json.loads(day.read_text())

    def bot(minute: float, text: str) -> dict:
        return {"type": "message", "subtype": "bot_message", "text": "", "bot_id": "BT",
                "username": "traffic-bot", "ts": f"{at(minute).timestamp():.6f}",
                "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]}  # fmt: skip

    posts += [bot(108, "*fraud-api* weights changed by ana: eu-west-1 100→0, eu-central-1 0→100"),
              bot(160, "*fraud-api* weights changed by ana: eu-west-1 0→100, eu-central-1 100→0")]  # fmt: skip
    day.write_text(json.dumps(posts))
    _, _, _, rows = _run(tmp_path, folder, capsys)
    moved = sorted(
        (r for r in rows if "weights changed by ana" in r["text"]), key=lambda r: r["time"]
    )
    assert [r["time"] for r in moved] == [z(at(108)), z(at(160))]
    assert moved[0]["kind"] == "mitigation" and moved[0]["confidence"] >= HIGH_CONFIDENCE
    assert moved[0]["actor"] == "ana"
    assert moved[1]["confidence"] < HIGH_CONFIDENCE


def test_a_failover_a_responder_announced_is_theirs_not_automatic(tmp_path, capsys):
    folder = tmp_path / "evidence"
    _log(folder, "wallet-api", (80, 130), "transit decrypt failed: vault sealed or standby")
    (folder / "vault-dr").mkdir()
    lines = [f"{at(m):%Y-%m-%dT%H:%M:%S}.000Z [INFO]  core: replication: heartbeat ok"
             for m in range(0, 180, 5)]  # fmt: skip
    lines.append(f"{at(112):%Y-%m-%dT%H:%M:%S}.000Z [INFO]  core: promoted to DR primary")
    (folder / "vault-dr" / "vault.log").write_text("\n".join(sorted(lines)) + "\n")
    _slack(folder, [(84, "Olu Adeyemi", "acked, wallet-api decrypts failing"),
                    (108, "Olu Adeyemi", "going to fail over to the DR vault in eu-central-1")])  # fmt: skip
    _, _, _, rows = _run(tmp_path, folder, capsys)
    (promoted,) = [r for r in rows if "promoted to DR primary" in r["text"]]
    assert promoted["text"].startswith("Planned failover") and promoted["kind"] == "mitigation"
