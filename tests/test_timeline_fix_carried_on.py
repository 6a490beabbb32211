"""The fix carried to a second place after the first recovery is still a mitigation (#20).

heldout13 (spent, tuning material; retired13 once retired): a ranker canary's revert is synced
to the EU router at 14:20 (its share back to 0 at once) and to the US router only at 14:33,
with a sync-window override; a Vault lease expiry breaks meter-ingest and meter-api, restarted
one after the other (09:47, then 09:56). The second sync and the second restart came after the
first recovery, so `pm-tui timeline` showed them as changes nobody made for the incident. A
change within 15 minutes of that recovery that ships the same revision as a fix made during the
impact, or is the same kind of rollout, is the rest of the fix: a mitigation. (Its confidence is no
longer asserted below high: since 715fb1e a partial recovery is not the impact's end, so the
second region's sync is where fernway's impact ends and may rightly be high.)"""

from __future__ import annotations

from tests.test_timeline_story import ROOT, _collected, _near

INCIDENTS = ROOT / "tests" / "incidents"
SET13 = next(
    (INCIDENTS / name for name in ("retired13", "heldout13") if (INCIDENTS / name).is_dir()),
    INCIDENTS / "retired13",
)


def test_the_revert_synced_to_the_second_region_is_a_mitigation(tmp_path, capsys):
    repo, pm, truth, argv, rows = _collected(tmp_path, SET13 / "fernway-ranker-canary", capsys)
    second = _near(rows, "2026-05-14T14:33:58Z", "mitigation")
    assert any("ranking-router-use1" in r["text"] for r in second)
    # the canary's own sync to use1 before anyone knew stays a change
    canary = [r for r in rows if r["text"].startswith("Deploy ranking-router-use1 a1c3e9f")]
    assert canary and all(r["kind"] == "change" for r in canary)


def test_the_second_service_restarted_the_same_way_is_a_mitigation(tmp_path, capsys):
    folder = SET13 / "tallyhq-vault-lease-maxttl"
    repo, pm, truth, argv, rows = _collected(tmp_path, folder, capsys)
    second = _near(rows, "2026-08-11T09:56:30Z", "mitigation")
    assert any("Deployment/meter-api" in r["text"] for r in second)
    # the other team's rollout before the fix stays a change
    indexer = [r for r in rows if "Deployment/search-indexer" in r["text"]]
    assert indexer and all(r["kind"] == "change" for r in indexer)
