"""The network path under a service failing (#20): a router's syslog (Cisco's %FAC-SEV-CODE
or Junos's bare daemon lines) saying an optic's light is low, a BGP or BFD session to a peer
is down, is the first symptom when it leads the service's errors, even as one line; the
admin's shutdown of a session and a person's configuration of the device are operator
actions (the mitigation, for the person to judge). A link that flaps all day is no symptom.
Driven by retired7's two router incidents (core-link-bgp-flap, edge-transit-loss)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from pm_tui.collectors.logs.line_formats import message_level
from pm_tui.timeline.accept import HIGH_CONFIDENCE
from tests.test_change_records import _collected, at, z

MINUTE = timedelta(seconds=60)


def _app_log(folder: Path, failing: tuple[float, float]) -> None:
    lines = []
    t = at(0)
    while t < at(150):
        m = (t - at(0)).total_seconds() / 60
        if failing[0] <= m < failing[1]:
            lines.append(f"{t:%Y-%m-%dT%H:%M:%S}Z ERROR ledger call failed after 5003 ms: "
                         "java.net.SocketTimeoutException: Read timed out")  # fmt: skip
        lines.append(f"{t:%Y-%m-%dT%H:%M:%S}Z INFO payments POST /v1/transfer 200")
        t += timedelta(seconds=10)
    (folder / "payments-api").mkdir()
    (folder / "payments-api" / "app.log").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _cisco(minute: float, host: str, seq: int, text: str) -> str:
    t = at(minute)
    stamp = f"{t:%b} {t.day:2d} {t:%H:%M:%S}"
    return f"{stamp} {host} {seq}: {stamp}.000: {text}"


def _router_folder(root: Path) -> Path:
    folder = root / "evidence"
    folder.mkdir()
    _app_log(folder, (64, 90.5))
    lines = []
    for i, m in enumerate(range(0, 150, 3)):
        lines.append(_cisco(m + 0.2, "edge-rtr2", 500 + i, "%SEC-6-IPACCESSLOGP: list OUTSIDE-IN "
                            f"denied tcp 45.1.2.{i}(4431) -> 198.51.100.7(22), 1 packet"))  # fmt: skip
    for m in range(5, 150, 35):  # a lab link flapping all day
        lines.append(_cisco(m, "edge-rtr2", 900 + m, "%LINEPROTO-5-UPDOWN: Line protocol on "
                            "Interface GigabitEthernet0/0/3, changed state to down"))  # fmt: skip
        lines.append(_cisco(m + 0.4, "edge-rtr2", 901 + m, "%LINEPROTO-5-UPDOWN: Line protocol "
                            "on Interface GigabitEthernet0/0/3, changed state to up"))  # fmt: skip
    lines.append(_cisco(61, "edge-rtr1", 88420, "%SFF8472-5-THRESHOLD_VIOLATION: Te0/1/0: Rx "
                        "power low warning; Operating value: -14.6 dBm, Threshold value: -14.0 dBm."))  # fmt: skip
    for m in (66, 70, 74, 78, 82, 86):
        lines.append(_cisco(m, "edge-rtr1", 88000 + m, "%BGP-3-NOTIFICATION: sent to neighbor "
                            "169.254.71.1 4/0 (hold time expired) 0 bytes"))  # fmt: skip
        lines.append(_cisco(m, "edge-rtr1", 88100 + m, "%BGP-5-ADJCHANGE: neighbor 169.254.71.1 "
                            "vpn vrf CLOUD Down BGP Notification sent"))  # fmt: skip
        lines.append(_cisco(m + 0.8, "edge-rtr1", 88200 + m, "%BGP-5-ADJCHANGE: neighbor "
                            "169.254.71.1 vpn vrf CLOUD Up"))  # fmt: skip
    lines.append(_cisco(90, "edge-rtr1", 88466, "%BGP-5-ADJCHANGE: neighbor 169.254.71.1 vpn "
                        "vrf CLOUD Down Admin. shutdown"))  # fmt: skip
    lines.append(_cisco(90.05, "edge-rtr1", 88468, "%SYS-5-CONFIG_I: Configured from console "
                        "by nwalker on vty0 (10.40.1.15)"))  # fmt: skip
    lines.sort(key=lambda ln: ln[:15])
    (folder / "edge-routers.log").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_an_optic_losing_light_leads_the_errors_and_the_admin_shutdown_is_the_mitigation(
    tmp_path, capsys
):
    from pm_tui.cli.main import main

    repo, pm, argv, said, rows = _collected(tmp_path, _router_folder(tmp_path), capsys)
    first = [r for r in rows if r["kind"] == "first_symptom"]
    assert first and first[0]["time"] == z(at(61)) and "Rx power low" in first[0]["text"]
    # the service's errors after it are a part's own first failure, not the backbone's start
    later = [r for r in rows if r["time"] == z(at(64)) and "SocketTimeoutException" in r["text"]]
    assert later and later[0]["confidence"] < HIGH_CONFIDENCE
    shut = [r for r in rows if r["kind"] == "mitigation" and r["time"] == z(at(90))]
    assert shut and "Admin. shutdown" in shut[0]["text"]
    assert shut[0]["confidence"] < HIGH_CONFIDENCE  # a line in a device's log: for the person
    assert not [r for r in rows if "GigabitEthernet0/0/3" in r["text"]]  # flaps all day
    assert not [r for r in rows if "IPACCESSLOGP" in r["text"]]  # denies all day, at info
    main([*argv, "timeline", pm.id, "--window", "--format", "json"])
    assert z(at(61)) in capsys.readouterr().out  # the window starts at the optic's warning


def test_a_bfd_session_going_down_leads_the_errors(tmp_path, capsys):
    """Junos daemons write no level: `state Up -> Down` of a BFD session, then BGP idle."""
    folder = tmp_path / "evidence"
    folder.mkdir()
    _app_log(folder, (65, 90))
    lines = []
    for m in range(0, 150, 2):
        lines.append(f"{at(m + 0.3):%Y-%m-%d %H:%M:%S} edge-rtr1.mad1 sshd[4012]: "
                     "SSHD_LOGIN_FAILED: Login failed for user 'admin' from host '10.9.1.4'")  # fmt: skip
    for m in (62, 66, 71, 77, 84):
        lines.append(f"{at(m):%Y-%m-%d %H:%M:%S} edge-rtr1.mad1 bfdd[2113]: BFDD_STATE_UP_TO_DOWN: "
                     "BFD Session 198.51.100.1 (IFL 587) state Up -> Down LD/RD(17/4402) "
                     "Local diag: CtlExpire Reason: Detect Timer Expiry.")  # fmt: skip
        lines.append(f"{at(m):%Y-%m-%d %H:%M:%S} edge-rtr1.mad1 rpd[1843]: bgp_event: peer "
                     "198.51.100.1 (External AS 64500) old state Established event Stop new "
                     "state Idle")  # fmt: skip
    lines.sort()
    (folder / "routers.log").write_text("\n".join(lines) + "\n", encoding="utf-8")
    repo, pm, argv, said, rows = _collected(tmp_path, folder, capsys)
    first = [r for r in rows if r["kind"] == "first_symptom"]
    assert first and first[0]["time"] == z(at(62)) and "Up -> Down" in first[0]["text"]


@pytest.mark.parametrize(
    ("message", "level"),
    [
        (
            "Apr 28 09:07:02.000: %BGP-3-NOTIFICATION: sent to neighbor 10.0.0.1 (hold time expired)",
            "error",
        ),  # fmt: skip
        ("%LINK-3-UPDOWN: Interface Gi0/1, changed state to down", "error"),
        ("Apr 28 09:13:55.888: %SEC-6-IPACCESSLOGP: list OUTSIDE-IN denied tcp", "info"),
        ("%SYS-5-CONFIG_I: Configured from console by nwalker on vty0", "info"),
        ("%ASA-4-106023: Deny tcp src outside:1.2.3.4/5 dst inside:10.0.0.1/22", "warning"),
        ("discount is 15% off-peak", None),
    ],
)
def test_a_network_devices_message_code_gives_its_severity(message, level):
    assert message_level(message) == level


def test_a_failing_record_after_the_series_looked_normal_ends_the_impact():
    """A rate over a minute falls into its band before the last errors: the recovery is the
    last failing record, not the middle between the series' samples."""
    from pm_tui.timeline.reconstruct import impact_end
    from pm_tui.timeline.signals import Signal

    back = Signal(at(96), "recovery", "q back within its baseline", "m", "", 0.7, tags=("normal",))
    back.extra["since"] = at(95)
    stopped = Signal(at(97.4), "recovery", "Errors stop", "logs:app.log", "", 0.65)
    assert impact_end([back], [stopped]) == at(97.4)
    early = Signal(at(94), "recovery", "Errors stop", "logs:app.log", "", 0.65)
    assert impact_end([back], [early]) == at(95) + timedelta(seconds=30)


@pytest.mark.parametrize(
    ("said", "cause"),
    [
        ("it's carrier A: mtr shows ~25% loss at their core hop, our interfaces clean", True),
        ("it's volume, not code: pings at 61k/s since the tenant went live", True),
        ("found it: the Direct Connect is flapping", True),
        ("it's fine, thanks: back to the standup", False),
        ("it's going to take 10 min: restarting one by one", False),
    ],
)
def test_a_stated_cause_is_read_by_its_shape(said, cause):
    from datetime import UTC, datetime

    from pm_tui.collectors.evidence import Evidence
    from pm_tui.timeline.detect_events import chat_signals

    when = datetime(2026, 7, 21, 8, 27, tzinfo=UTC)
    got = chat_signals([Evidence(when, "slack:x", "message", said, {"user": "U1", "actor": "Ann"})])
    assert ("cause" in got[0].tags if got else False) is cause


def test_a_speakers_observation_then_cause_is_dated_by_the_cause(tmp_path, capsys):
    """Lucía says what she sees (a clock time, a count), then, 95 s later, the cause: one
    diagnosis of hers, at the statement of the cause."""
    import json as _json

    folder = tmp_path / "evidence"
    folder.mkdir()
    _app_log(folder, (62, 90))
    chat = folder / "slack"
    (chat / "inc-api").mkdir(parents=True)
    (chat / "channels.json").write_text(_json.dumps([{"id": "C1", "name": "inc-api"}]))
    (chat / "users.json").write_text(
        _json.dumps([{"id": "U1", "name": "lucia", "real_name": "Lucía Ortega"}])
    )
    said = [
        (70, "here. sessions to carrier A keep dropping since 10:02, 11 flaps so far"),
        (71 + 35 / 60, "it's carrier A: mtr shows ~25% loss at their core hop, ours clean"),
    ]
    rows = [{"type": "message", "user": "U1", "text": t, "ts": f"{at(m).timestamp():.6f}"}
            for m, t in said]  # fmt: skip
    (chat / "inc-api" / f"{at(0):%Y-%m-%d}.json").write_text(_json.dumps(rows))
    repo, pm, argv, out, got = _collected(tmp_path, folder, capsys)
    found = [r for r in got if r["kind"] == "diagnosis"]
    assert [r["time"] for r in found] == [z(at(71 + 35 / 60))]


@pytest.mark.parametrize(
    "line",
    [
        "[products-v42/9fS1cQx2Ta2u3lHk4w8aBw] update_mapping [_doc]",
        "%SYS-5-CONFIG_I: Configured from console by nwalker on vty0 (10.40.1.15)",
        "UI_COMMIT: User 'andres' requested 'commit' operation (comment: CHG-1 prefix-list)",
        "%BGP-5-ADJCHANGE: neighbor 169.254.71.1 vpn vrf CLOUD Down Admin. shutdown",
    ],
)
def test_a_mapping_or_device_configuration_changed_is_an_operator_action(line):
    from datetime import UTC, datetime

    from pm_tui.collectors.evidence import Evidence
    from pm_tui.timeline.detect_logs import action_signals
    from pm_tui.timeline.signals import Periods

    t0 = datetime(2026, 5, 5, 10, 0, tzinfo=UTC)
    evidence = [
        Evidence(t0 + timedelta(minutes=5), "logs:/x/device.log", "log", "routine line", {}),
        Evidence(t0 + timedelta(minutes=30), "logs:/x/device.log", "log", line, {}),
    ]
    (got,) = action_signals(evidence, Periods(t0 - timedelta(hours=1), t0))
    assert got.time == t0 + timedelta(minutes=30) and got.family == "change"


def _changes(folder: Path, minute: float, service: str) -> None:
    (folder / "changes.json").write_text(
        json.dumps({"changes": [{"id": "CHG-1", "service": service, "summary": f"{service} update",
                                 "author": "andres", "started_at": z(at(minute))}]}),
        encoding="utf-8",
    )  # fmt: skip


def test_a_change_long_before_a_path_went_down_is_no_trigger(tmp_path, capsys):
    """A path down follows its trigger at once: a change to the same routers 41 minutes
    before the optic's warning is shown, related, but not the trigger at high confidence."""
    folder = _router_folder(tmp_path)
    _changes(folder, 20, "edge-routers")
    repo, pm, argv, said, rows = _collected(tmp_path, folder, capsys)
    change = [r for r in rows if r["time"] == z(at(20))]
    assert change and change[0]["kind"] == "change"
    assert change[0]["confidence"] < HIGH_CONFIDENCE


def test_a_change_long_before_a_resource_ran_out_is_the_trigger(tmp_path, capsys):
    """Memory fills for 40 minutes before the service fails: the deploy before it is the
    trigger however long before."""
    folder = tmp_path / "evidence"
    folder.mkdir()
    lines = []
    t = at(0)
    while t < at(150):
        m = (t - at(0)).total_seconds() / 60
        if 61 <= m < 90:
            lines.append(
                f"{t:%Y-%m-%dT%H:%M:%S}Z ERROR java.lang.OutOfMemoryError: Java heap space"
            )
        lines.append(f"{t:%Y-%m-%dT%H:%M:%S}Z INFO recs GET /v1/recs 200")
        t += timedelta(seconds=10)
    (folder / "recs-api").mkdir()
    (folder / "recs-api" / "app.log").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _changes(folder, 20, "recs-api")
    repo, pm, argv, said, rows = _collected(tmp_path, folder, capsys)
    change = [r for r in rows if r["time"] == z(at(20))]
    assert change and change[0]["kind"] == "change"
    assert change[0]["confidence"] >= HIGH_CONFIDENCE
