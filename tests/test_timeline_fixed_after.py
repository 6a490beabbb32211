"""#20: the impact goes on while responders are still fixing it. Spent tuning material
(retired13, retired14): a Vault lease expiry breaks meter-ingest and meter-api; meter-ingest's
"batch insert failed" errors stop with its restart at 09:47, but meter-api's 500s go on until it
is restarted too at 09:56 ("meter-api uses the same role, its two leases expired"), the
customers' failure stopping at 09:57:12. A push service's "fcm send gave up" errors stop at
15:21 while the duplicates go on until the rollback's rollout finishes at 15:43:20. The recovery
of one failing template read as the end came before the fix responders carried out while the
incident was open; the window's `mitigated` now waits for the recovery that fix brought (within
10 minutes), and says why; a machine's series back then (a node's clock offset) is the
infrastructure mended, not the customers' end."""

from __future__ import annotations

from datetime import timedelta

from tests.test_timeline_story import ROOT, _collected, _utc, _window

INCIDENTS = ROOT / "tests" / "incidents"


def test_the_second_service_restarted_ends_the_impact(tmp_path, capsys):
    folder = INCIDENTS / "retired13" / "tallyhq-vault-lease-maxttl"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    got = _window(argv, pm, capsys)
    mitigated = _utc(got["mitigated"]["time"])
    assert abs(mitigated - _utc("2026-08-11T09:57:12Z")) <= timedelta(seconds=30)
    assert "meter-api" in got["mitigated"]["why"]
    assert "carried out after 09:47:44" in got["mitigated"]["why"]


def test_the_rollback_finishing_ends_the_duplicates(tmp_path, capsys):
    folder = INCIDENTS / "retired14" / "kickly-push-dupes"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    got = _window(argv, pm, capsys)
    mitigated = _utc(got["mitigated"]["time"])
    assert abs(mitigated - _utc("2026-11-21T15:43:20Z")) <= timedelta(seconds=30)
    assert "ROLLBACK notify-fanout" in got["mitigated"]["why"]


def test_the_machine_mended_after_the_customers_recovered_is_not_the_end(tmp_path, capsys):
    """retired3 (spent): a gateway's JWT leeway stopgap ends the 401s at 16:12; the chrony
    revert three minutes later brings the auth nodes' clock offset back (node_exporter's
    series): the machines mended, not what customers got, so the end stays at 16:12."""
    folder = INCIDENTS / "retired3" / "auth-clock-skew"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    got = _window(argv, pm, capsys)
    mitigated = _utc(got["mitigated"]["time"])
    assert abs(mitigated - _utc("2026-08-26T16:12:31Z")) <= timedelta(seconds=30)
    assert "carried out after" not in got["mitigated"]["why"]
