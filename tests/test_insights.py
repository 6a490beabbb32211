"""`pm-tui stats` and the repository index on a generated repository whose truths are known.

bench/repo_generator.py decides every incident (durations shrinking 20% a year, recurring
causes, action items and their states, when each was published and followed up) and
writes it with its git history; these tests compare what `stats` finds with those truths.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import shutil
import statistics
import subprocess
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta

import pytest

from bench.repo_generator import generate
from pm_tui.cli.main import main
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("gen") / "repo"
    truth = generate(root, count=90, years=3)
    return root, truth


@pytest.fixture
def fresh(generated, tmp_path):
    """A copy of the generated repository the test may change."""
    root, truth = generated
    copy = tmp_path / "repo"
    shutil.copytree(root, copy, symlinks=True)
    shutil.rmtree(copy / ".git" / "pm-tui", ignore_errors=True)  # as after a clone
    return copy, truth


def _stats(root, capsys, *args: str) -> dict:
    code = main(["--repo", str(root), "stats", "--format", "json", *args])
    out = capsys.readouterr().out
    assert code == 0, out
    return json.loads(out)


def _by_year(truth, minutes):
    groups = defaultdict(list)
    for inc in truth.incidents:
        groups[str(inc.started.year)].append(minutes(inc) * 60)
    return groups


def test_durations_per_year_match_the_generated_ones_and_trend_down(generated, capsys):
    root, truth = generated
    data = _stats(root, capsys, "--by", "year", "--today", truth.today.isoformat())
    assert data["postmortems"] == len(truth.incidents)
    years = {p["period"]: p for p in data["durations"]}
    for metric, minutes in (
        ("resolve", lambda i: i.resolve_min),
        ("detect", lambda i: i.detect_min),
        ("acknowledge", lambda i: i.ack_min),
        ("mitigate", lambda i: i.mitigate_min),
    ):
        for year, values in _by_year(truth, minutes).items():
            got = years[year]["metrics"][metric]
            assert got["count"] == len(values)
            assert got["median_seconds"] == statistics.median(values)
            ordered = sorted(values)
            assert got["p90_seconds"] == ordered[-(-9 * len(values) // 10) - 1]
    # Built to resolve 20% faster each year: every year after the first trends down.
    trends = [years[y]["metrics"]["resolve"]["trend_percent"] for y in sorted(years)]
    assert trends[0] is None and all(t < -5 for t in trends[1:]), trends


def test_filters_select_by_date_service_and_severity(generated, capsys):
    root, truth = generated
    data = _stats(
        root, capsys, "--since", "2022-01-01", "--service", "api", "--severity", "P1,P2",
        "--today", truth.today.isoformat(),
    )  # fmt: skip
    expected = sorted(
        i.id
        for i in truth.incidents
        if i.started.date().isoformat() >= "2022-01-01"
        and i.service == "api"
        and i.severity in ("P1", "P2")
    )
    assert expected and data["postmortems"] == len(expected)
    assert sorted(i for p in data["durations"] for i in p["ids"]) == expected


def test_recurrence_groups_incidents_sharing_a_service_and_a_category(generated, capsys):
    root, truth = generated
    data = _stats(root, capsys, "--today", truth.today.isoformat())
    expected = defaultdict(set)
    for i in truth.incidents:
        for c in {i.category, i.category2}:
            expected[(i.service, c)].add(i.id)
    want = {k: v for k, v in expected.items() if len(v) > 1}
    got = {
        (g["service"], g["label"]): set(g["ids"])
        for g in data["recurrence"]
        if g["kind"] == "category"
    }
    assert got == want
    # The most frequent cause of the generator (api capacity) leads the list.
    top = data["recurrence"][0]
    assert top["service"] == "api"
    # Causes: the groups people confirmed by links (transitively), and nothing else.
    confirmed = {frozenset(g["ids"]) for g in data["recurrence"] if g["kind"] == "confirmed"}
    members = defaultdict(set)
    for pm_id, group in truth.confirmed_groups().items():
        members[group].add(pm_id)
    assert confirmed == {frozenset(m) for m in members.values() if len(m) > 1}
    api_pool = [i.id for i in truth.incidents if i.service == "api" and "pool" in i.cause]
    assert frozenset(api_pool) in confirmed  # linked each time, however worded
    assert {g["kind"] for g in data["recurrence"]} == {"category", "confirmed"}
    # Similar causes not decided are suggested apart, never a pair people decided.
    group = truth.confirmed_groups()
    rejected = {frozenset((i.id, o)) for i in truth.incidents for o in i.not_same_cause_as}
    assert data["suggested"]
    for g in data["suggested"]:
        assert g["ids"][0] == g["pairs"][0][1] and g["why"]
        for newer, older in g["pairs"]:
            assert group[newer] != group[older] and frozenset((newer, older)) not in rejected


def test_follow_through_counts_overdue_and_shares_from_file_and_git_history(generated, capsys):
    root, truth = generated
    today = truth.today
    data = _stats(root, capsys, "--today", today.isoformat())
    assert data["overdue"] == truth.overdue() > 0
    owners = {o["who"]: o for o in data["follow_through"]["owners"]}
    opened = Counter(a["owner"] for i in truth.incidents for a in i.actions)
    assert {k: v["opened"] for k, v in owners.items()} == dict(opened)
    # Published within 48 h: from [[distribution]] or, for half of them, from git alone.
    within = [i for i in truth.incidents if i.published_at - i.resolved <= timedelta(hours=48)]
    assert data["published_within_48h"]["eligible"] == len(truth.incidents)
    assert data["published_within_48h"]["met"] == len(within)
    assert any(not i.distributed for i in within)  # git history was needed
    due = [i for i in truth.incidents if i.follow_up + timedelta(days=7) < today]
    held = [
        i
        for i in due
        if i.follow_up_held
        and i.follow_up - timedelta(days=2) <= i.follow_up_held.date()
        and i.follow_up_held.date() <= i.follow_up + timedelta(days=7)
    ]
    assert data["follow_up_on_time"]["eligible"] == len(due)
    assert data["follow_up_on_time"]["met"] == len(held) > 0


def test_effectiveness_counts_fixes_that_did_not_hold_per_recurring_cause(generated, capsys):
    """By construction most causes stay away for 90 days once their first factor is fixed;
    three (a card processor, a CDN, a hand-sized pool) come back whatever was done. Only the
    same cause coming back counts, however it is worded; the same category with another cause
    of the service does not."""
    root, truth = generated
    eff = _stats(root, capsys, "--today", truth.today.isoformat())["effectiveness"]
    expected = truth.fixes_that_did_not_hold()
    assert expected and eff["fixed_factors"] == len(truth.fixed_factors())
    assert eff["did_not_hold"] == len({(p, f) for p, f, _q in truth.recurred_after_fix()})
    assert 0 < eff["did_not_hold"] < eff["fixed_factors"] / 2
    by_id = {i.id: i for i in truth.incidents}

    def latest(ids) -> list[str]:
        return sorted(ids, key=lambda i: (by_id[i].started, i))[-20:]

    got = {}
    for g in eff["recurred_after_fix"]:
        causes = {(by_id[i].service, by_id[i].cause_key) for i in g["fixed_in"] + g["recurred"]}
        assert len(causes) == 1, g  # one recurring cause per row, however worded
        got[causes.pop()] = (g["fixes"], g["recurrences"], g["fixed_in"], g["recurred"])
    want = {
        key: (len(fixes), len(back), latest({p for p, _f in fixes}), latest(back))
        for key, (fixes, back) in expected.items()
    }
    assert got == want


def test_effectiveness_lists_are_bounded_and_need_the_same_cause_within_the_horizon():
    from datetime import date as day

    from pm_tui.insights.causes import cause_reading
    from pm_tui.insights.compute import MAX_LISTED, InsightsQuery, compute

    class Record:
        def __init__(self, n, service, cause, done=True):
            self.id, self.services, self.severity, self.status = f"pm-{n:03d}", (service,), "P2", ""
            self.started_epoch = 1_700_000_000 + n * 86_400  # one a day
            self.file_name = self.id
            self.categories = {"capacity"}
            self.factor_facts = (("CF-1", "capacity"),)
            self.action_facts = (("ann", None, "done" if done else "open", "CF-1"),)
            self.cause_terms = ((cause, cause_reading(cause)),)
            self.duration_values = (None,) * 4
            self.resolved_epoch = self.first_distribution_epoch = None
            self.follow_up_due_ordinal = day(2023, 12, 1).toordinal()

    def linked(record, *earlier):
        record.same_cause_as = tuple(f"pm-{n:03d}" for n in earlier)
        return record

    pool = ("The database connection pool was exhausted", "All DB connections were in use")
    records = [linked(Record(n, "orders", pool[n % 2]), n - 1) for n in range(40)]  # every day
    records += [
        linked(Record(100, "search", "Search pods ran out of memory")),
        linked(Record(195, "search", "Search pods ran out of memory"), 100),
    ]
    records += [
        Record(200, "cart", "The cart's thread pool was exhausted"),
        Record(201, "cart", "The cart's disk filled up"),
    ]
    # The same words, never confirmed by a person: suggested, never counted.
    records += [Record(300 + n, "payments", "The card processor timed out") for n in range(3)]
    ins = compute(records, InsightsQuery(today=day(2024, 6, 1)))
    assert ins.fixes == len(records)
    assert [g.ids for g in ins.suggested] == [["pm-300", "pm-301", "pm-302"]]
    (orders,) = ins.fixes_that_did_not_hold  # search: 95 days apart; cart: another cause
    assert (orders.service, orders.fixes, orders.recurrences) == ("orders", 39, 39)
    assert orders.fixed_in == [f"pm-{n:03d}" for n in range(39 - MAX_LISTED, 39)]
    assert orders.recurred == [f"pm-{n:03d}" for n in range(40 - MAX_LISTED, 40)]
    assert ins.fixes_not_held == 39


def test_text_explain_html_and_fail_on_overdue(generated, tmp_path):
    root, truth = generated
    today = truth.today.isoformat()
    out = run_cli("--repo", str(root), "stats", "--today", today)
    assert out.returncode == 0, out.stderr
    assert (
        "Durations by quarter" in out.stdout
        and f"Overdue action items: {truth.overdue()}" in out.stdout
    )
    explain = run_cli("stats", "--explain")
    assert explain.returncode == 0 and "p90 is the nearest-rank" in explain.stdout
    page = tmp_path / "insights.html"
    out = run_cli(
        "--repo", str(root), "stats", "--today", today, "--format", "html", "-o", str(page)
    )
    assert out.returncode == 0, out.stderr
    html = page.read_text()
    assert html.count("<svg") >= 5 and "<script" not in html and "Definitions" in html
    late = run_cli("--repo", str(root), "stats", "--today", today, "--fail-on", "overdue")
    assert late.returncode == 1 and "overdue action item(s)" in late.stderr
    early = run_cli("--repo", str(root), "stats", "--today", "2021-01-02", "--fail-on", "overdue")
    assert early.returncode == 0, early.stderr
    bad = run_cli("--repo", str(root), "stats", "--severity", "P9")
    assert bad.returncode != 0 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


# --- the repository index -------------------------------------------------------------------


def test_index_rereads_only_changed_files_and_survives_deletion(fresh):
    from pm_tui import repo_index

    root, truth = fresh
    first = repo_index.load(root)
    assert first.reread == len(truth.incidents) and repo_index.index_path(root).exists()
    again = repo_index.load(root)
    assert again.reread == 0 and [p.id for p in again.postmortems] == [
        p.id for p in first.postmortems
    ]
    # Touched, same bytes (a checkout): the blob id matches, nothing is parsed.
    path = root / "postmortems" / f"{truth.incidents[5].id}.toml"
    os.utime(path, (1, 1))
    assert repo_index.load(root).reread == 0
    # Changed: only that file is read again, and the change shows.
    path.write_text(path.read_text().replace('severity = "', 'severity = "P1" # was "', 1))
    text = path.read_text()
    path.write_text(text.replace('status = "published"', 'status = "in-review"', 1))
    after = repo_index.load(root)
    assert after.reread == 1
    assert next(p for p in after.postmortems if p.id == truth.incidents[5].id).status == "in-review"
    # Deleted: rebuilt from the files, same records.
    assert repo_index.delete(root)
    rebuilt = repo_index.load(root)
    assert rebuilt.reread == len(truth.incidents)
    assert [p.status for p in rebuilt.postmortems] == [p.status for p in after.postmortems]


def test_stats_and_search_read_without_validating_and_list_validates_what_it_shows(fresh):
    """Validation is most of a first build: `stats` and `search` leave it out, `list` (which
    shows the badges) reads those files again once, with the badges a full read gives."""
    from pm_tui import repo_index

    root, truth = fresh
    today = truth.today
    assert repo_index.load_stats(root, today=today).reread == len(truth.incidents)
    assert repo_index.load(root, today=today, badges=False).reread == 0  # search: as stats
    listed = repo_index.load(root, today=today)
    assert listed.reread == len(truth.incidents)
    full = repo_index.load(root, today=today, use_index=False)
    assert {p.id: p.badge(today) for p in listed.postmortems} == {
        p.id: p.badge(today) for p in full.postmortems
    }
    assert any(p.badge(today).errors or p.badge(today).warnings for p in listed.postmortems)
    assert repo_index.load(root, today=today).reread == 0
    assert repo_index.load_stats(root, today=today).reread == 0
    # An edited file read by stats is read again by list, and only that one.
    path = root / "postmortems" / f"{truth.incidents[0].id}.toml"
    path.write_text(path.read_text().replace('severity = "', 'severity = "P1"\n#', 1))
    assert repo_index.load_stats(root, today=today).reread == 1
    assert repo_index.load(root, today=today).reread == 1


def test_a_bad_file_is_reported_and_skipped_never_fatal(fresh):
    root, truth = fresh
    bad = root / "postmortems" / "2022-02-02-broken.toml"
    bad.write_text('schema_version = 1\nid = "2022-02-02-broken"\ntitle = \n')
    (root / "postmortems" / "2022-02-03-latin1.toml").write_bytes(b'title = "caf\xe9"\n')
    os.mkfifo(root / "postmortems" / "2022-02-04-a-fifo.toml")  # opening it would block
    for cmd in (["list"], ["review"], ["search", "pool"], ["stats"]):
        out = run_cli("--repo", str(root), *cmd)
        assert out.returncode == 0, (cmd, out.stderr)
        assert "2022-02-02-broken" in out.stdout + out.stderr, cmd
        assert "Traceback" not in out.stderr
    listed = run_cli("--repo", str(root), "list").stdout
    assert "unreadable" in listed and "not UTF-8" in listed and "not a regular file" in listed


def test_list_review_and_search_read_the_index(fresh):
    root, truth = fresh
    listed = run_cli("--repo", str(root), "list", "--format", "json")
    rows = json.loads(listed.stdout)
    assert [r["id"] for r in rows] == sorted((i.id for i in truth.incidents), reverse=True)
    open_counts = {
        i.id: sum(a["status"] in ("open", "in-progress") for a in i.actions)
        for i in truth.incidents
    }
    assert {r["id"]: r["open_actions"] for r in rows} == open_counts
    review = run_cli(
        "--repo", str(root), "review", "--format", "json", "--today", truth.today.isoformat()
    )
    actions = json.loads(review.stdout)["actions"]
    assert len(actions) == sum(open_counts.values())
    assert sum(a["overdue"] for a in actions) == truth.overdue()
    found = run_cli("--repo", str(root), "search", "card processor", "--format", "json")
    ids = {r["id"] for r in json.loads(found.stdout)}
    assert ids == {i.id for i in truth.incidents if "card processor" in i.cause.lower()}


def test_the_index_lives_in_git_dir_and_is_never_committed(fresh):
    from pm_tui import repo_index

    root, _truth = fresh
    repo_index.load(root)
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    assert status == "" and ".git" in repo_index.index_path(root).parts


def test_a_tampered_history_cache_is_ignored(fresh, tmp_path):
    from pm_tui.repo_history import HISTORY_NAME, file_histories
    from pm_tui.workstate import state_dir

    root, _truth = fresh
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (subprocess.call, (["touch", str(marker)],))

    (state_dir(root)).mkdir(parents=True, exist_ok=True)
    (state_dir(root) / HISTORY_NAME).write_bytes(pickle.dumps((1, "x", {"a": Evil()})))
    histories = file_histories(root)
    assert not marker.exists() and histories
    first = next(iter(histories.values()))
    assert first.commits and datetime.fromtimestamp(first.commits[0], UTC).year >= 2021


def test_the_list_badge_follows_the_day_without_reading_the_file_again(fresh):
    from pm_tui import repo_index
    from pm_tui.postmortem_store import read_postmortem
    from pm_tui.validation import validate

    root, truth = fresh
    inc = next(i for i in truth.incidents if not i.distributed)
    day0 = inc.resolved.date()
    record = next(p for p in repo_index.load(root, today=day0).postmortems if p.id == inc.id)
    pm = read_postmortem(root / "postmortems" / f"{inc.id}.toml")
    seen = set()
    for n in range(6):
        day = day0 + timedelta(days=n)
        findings = validate(pm, today=day)
        expected = (
            sum(f.severity == "error" for f in findings),
            sum(f.severity == "warning" for f in findings),
        )
        badge = record.badge(day)
        assert (badge.errors, badge.warnings) == expected, day
        seen.add(expected)
    assert len(seen) == 2  # "not distributed 48 h after resolution" appears on its day


# --- similar causes ---------------------------------------------------------------------------


def test_recurrence_groups_reworded_causes_of_a_service_but_not_look_alikes():
    from datetime import date as day

    from pm_tui.insights.causes import cause_reading
    from pm_tui.insights.compute import InsightsQuery, compute

    class Record:
        def __init__(self, id, service, cause):
            self.id, self.services, self.severity, self.status = id, (service,), "P2", "published"
            self.started_epoch = 1_700_000_000 + int(id[-2:]) * 86_400
            self.file_name, self.categories = id, set()
            self.factor_facts = self.action_facts = ()
            self.cause_terms = ((cause, cause_reading(cause)),)
            self.duration_values = (None,) * 4
            self.resolved_epoch = self.first_distribution_epoch = None
            self.follow_up_due_ordinal = day(2023, 12, 1).toordinal()

    records = [
        Record("pm-01", "orders", "The database connection pool of 50 connections was exhausted"),
        Record("pm-02", "orders", "All 80 connections in the orders DB pool were in use"),
        Record("pm-03", "orders", "The thread pool of the API was exhausted"),
        Record("pm-04", "orders", "The order pods were OOM-killed at the 512Mi limit"),
        Record("pm-05", "orders", "Order pods ran out of memory again"),
        Record("pm-06", "search", "The database connection pool was exhausted"),
    ]
    ins = compute(records, InsightsQuery(today=day(2024, 1, 1)))
    causes = {(g.service, tuple(g.ids)) for g in ins.suggested}
    assert causes == {("orders", ("pm-01", "pm-02")), ("orders", ("pm-04", "pm-05"))}
    assert not [g for g in ins.recurrence if g.kind != "category"]  # suggested: not counted


def test_stats_groups_one_mechanism_told_in_other_words_and_keeps_look_alikes_apart(fresh, capsys):
    """Six checkout incidents written by different people: two say "OOM" in other words, two
    say "the certificate expired" in other words; the other two name the same things failing
    another way (CPU throttled, a revoked certificate) and stay out of those groups."""
    import re

    root, truth = fresh
    six = [i.id for i in truth.incidents if i.service == "checkout"][:6]
    assert len(six) == 6
    causes = dict(
        zip(
            six,
            (
                "Checkout pods were OOMKilled during the nightly reindex",
                "The checkout containers blew past their RAM limit and the kernel killed them",
                "Checkout pods were CPU throttled during the nightly reindex",
                "The TLS cert on checkout.example.com expired",
                "Clients got handshake errors: the checkout endpoint's certificate had lapsed",
                "The checkout endpoint's certificate was revoked by the CA",
            ),
            strict=True,
        )
    )
    for path in (root / "postmortems").glob("*checkout*.toml"):  # nothing decided by people
        path.write_text(re.sub(r"\n\[recurrence\]\n(?:\w.*\n)*", "\n", path.read_text()))
    for id, cause in causes.items():
        path = root / "postmortems" / f"{id}.toml"
        text = re.sub(
            r"(?m)^immediate_causes = .*$",
            f"immediate_causes = [{json.dumps(cause)}]",
            path.read_text(),
        )
        path.write_text(text)
    data = _stats(root, capsys, "--today", truth.today.isoformat())
    groups = [set(g["ids"]) for g in data["suggested"]]
    groups = [g & set(six) for g in groups if g & set(six)]
    assert sorted(map(sorted, groups)) == sorted([six[0:2], six[3:5]])


@pytest.mark.parametrize("name", ["own", "own2", "own3", "own4", "own5", "own6"])
def test_own_similar_cause_sets_keep_their_scores(name):
    from bench.score_similar_causes import DEFAULT_SET, score

    tp, fp, fn, _tn = score(DEFAULT_SET.with_name(f"similar_causes_{name}.tsv"))
    # trained on, by a model that weighs readings rather than learns each set's words (recall
    # .79-.86 since the threshold is chosen for the worst blind writer's precision, .7)
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.75, (tp, fp, fn)


@pytest.mark.parametrize(
    ("name", "precision", "recall"),
    [("round2", 0.95, 0.62), ("round3", 0.95, 0.85), ("round4", 0.95, 0.85)],
)
def test_retired_held_out_rounds_keep_their_scores(name, precision, recall):
    """Written blind to the rules, scored held out (P .75/.875/.75, R .36/.31/.13; round 4
    again by the slot reading before it was tuned on: P .94 R .47), then tuned on (the slot
    vocabulary) and trained on (the pair model; round 2 R .80 -> .76 when the model learned
    to tell close cousins apart, P 1.0; round 3 R .90+ -> .88 and round 4 -> .90 when close
    cousins weighed twice in training, P 1.0 and .98; round 2 R .76 -> .66 at the threshold
    chosen for the worst blind writer's precision, .7, P 1.0). How the model carries to a writer it
    was not trained on: tests/test_similar_causes_model.py."""
    from bench.score_similar_causes import DEFAULT_SET, score

    path = DEFAULT_SET.parent / "retired_heldout" / name / "similar_causes.tsv"
    tp, fp, fn, _tn = score(path)
    assert tp / (tp + fp) >= precision and tp / (tp + fn) >= recall, (tp, fp, fn)


# --- the index's format, sections and HEAD -----------------------------------------------------


def _rewrite_key(path, key) -> None:
    """The index at `path` with its head's key replaced (as another pm-tui would write it)."""
    from pm_tui.repo_index import _PlainUnpickler

    data = path.read_bytes()
    fh = io.BytesIO(data)
    head = _PlainUnpickler(fh).load()
    path.write_bytes(pickle.dumps((key, *head[1:]), pickle.HIGHEST_PROTOCOL) + data[fh.tell() :])


def test_an_index_from_another_format_version_or_sources_is_rebuilt_never_trusted(fresh):
    from pm_tui import repo_index

    root, truth = fresh
    repo_index.load(root)
    path = repo_index.index_path(root)
    key = repo_index._key()
    assert repo_index.load(root).reread == 0  # its own index is trusted
    n, size, mtimes = key[2]
    for other in (
        (key[0] - 1, key[1], key[2]),  # an older format
        (key[0], key[1] + ".post1", key[2]),  # another version
        (key[0], key[1], (n, size, mtimes + 1)),  # the same version, edited sources
        (key[0], key[1]),  # format 2's key
    ):
        _rewrite_key(path, other)
        assert repo_index.load(root).reread == len(truth.incidents), other
        assert repo_index.load_stats(root).reread == 0  # rebuilt under the right key


def test_stats_records_give_the_same_insights_as_whole_records(fresh):
    from pm_tui import repo_index
    from pm_tui.insights import compute
    from pm_tui.insights.compute import InsightsQuery
    from pm_tui.insights.render import as_dict
    from pm_tui.repo_history import file_histories

    root, truth = fresh
    whole = repo_index.load(root)
    small = repo_index.load_stats(root)
    assert small.reread == 0 and [r.id for r in small.postmortems] == [
        r.id for r in whole.postmortems
    ]
    history = file_histories(root)
    for by in ("quarter", "service"):
        q = InsightsQuery(today=truth.today, by=by)
        assert as_dict(compute(small.postmortems, q, history)) == as_dict(
            compute(whole.postmortems, q, history)
        )


def test_a_damaged_stats_section_is_rebuilt(fresh):
    from pm_tui import repo_index

    root, truth = fresh
    repo_index.load(root)
    path = repo_index.index_path(root)
    stored = repo_index._read(path)
    data = path.read_bytes()
    cut = stored.starts["stats"] + 50
    path.write_bytes(data[:cut] + b"\x00" * 64 + data[cut + 64 :])  # the stats section broken
    again = repo_index.load_stats(root)
    assert again.reread == len(truth.incidents) and len(again.postmortems) == len(truth.incidents)
    assert repo_index.load_stats(root).reread == 0


def _git(root, *args):
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_head_read_from_git_files_matches_git(fresh, tmp_path):
    from pm_tui.repo_history import _head_from_files

    root, _truth = fresh
    assert _head_from_files(root) == _git(root, "rev-parse", "HEAD")  # a loose branch ref
    _git(root, "pack-refs", "--all")
    assert _head_from_files(root) == _git(root, "rev-parse", "HEAD")  # packed-refs
    first = _git(root, "rev-list", "--max-parents=0", "HEAD")
    _git(root, "checkout", "-q", "--detach", first)
    assert _head_from_files(root) == first  # detached
    _git(root, "checkout", "-q", "-")
    linked = tmp_path / "linked"
    _git(root, "worktree", "add", "-q", "-b", "other", str(linked), first)
    assert _head_from_files(linked) == first  # a linked worktree: refs in the main git dir


def test_publication_is_the_recorded_distribution_else_the_first_published_commit(fresh, capsys):
    """A distribution recorded in the file is the publication, even when the file was committed
    as published earlier (as its process/late-distribution badge says); git decides only for
    the files that record none."""
    root, truth = fresh
    within = [i for i in truth.incidents if i.published_at - i.resolved <= timedelta(hours=48)]
    inc = next(i for i in within if i.distributed)
    path = root / "postmortems" / f"{inc.id}.toml"
    late = (inc.resolved + timedelta(hours=72)).strftime("%Y-%m-%dT%H:%M:%SZ")
    text = path.read_text()
    sent = f"sent_at = {inc.published_at.strftime('%Y-%m-%dT%H:%M:%SZ')}"
    assert sent in text
    path.write_text(text.replace(sent, f"sent_at = {late}"))
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "late")
    data = _stats(root, capsys, "--today", truth.today.isoformat())
    shares = data["published_within_48h"]
    assert shares["met"] == len(within) - 1 and inc.id in shares["missed"]
    git_only = next(i for i in within if not i.distributed)
    assert git_only.id not in shares["missed"]  # its first published commit, from git


def test_first_publications_are_read_only_when_asked_and_kept(fresh):
    from pm_tui.repo_history import HistoryReader, file_histories

    root, truth = fresh
    none_asked = HistoryReader(root).result(published_of=[])
    assert none_asked and all(h.first_published is None for h in none_asked.values())
    name = f"{truth.incidents[3].id}.toml"
    one = HistoryReader(root).result(published_of=[name])  # from the kept log, no git log
    assert one[name].first_published == int(truth.incidents[3].published_at.timestamp())
    kept = file_histories(root)
    shutil.rmtree(root / ".git" / "pm-tui")
    assert file_histories(root) == kept and kept[name] == one[name]
