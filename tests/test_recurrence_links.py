"""Recurrence decided by people: `[recurrence]` links in the file, `pm-tui link`, and what
`stats` counts (confirmed groups) and only suggests (similar causes not decided yet).

A real git repository in a temporary folder, written by the store and committed with known
dates: A, B and C are one database pool running out (B confirmed as A's cause, C not yet
decided), D is a thread pool (a look-alike), E and F are memory running out and a person said
they are not the same cause.
"""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, date, datetime, timedelta

import pytest

from pm_tui.cli.main import main
from pm_tui.model import ActionItem, ContributingFactor, new_postmortem
from pm_tui.postmortem_store import Repository
from tests.conftest import run_cli

TODAY = "2024-12-01"
INCIDENTS = {  # key: (start, cause, actions done)
    "a": ("2024-01-01", "The database connection pool of 50 connections was exhausted", True),
    "b": ("2024-02-01", "All 80 connections in the orders DB pool were in use", False),
    "c": ("2024-03-01", "The orders database pool ran out of connections again", False),
    "d": ("2024-04-01", "The thread pool of the API was exhausted", False),
    "e": ("2024-05-01", "The order pods were OOM-killed at the 512Mi limit", False),
    "f": ("2024-06-01", "Order pods ran out of memory again", False),
}
COMMENT = "# reviewed with the SREs: another kind of memory"


def _git(root, *args) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """The six incidents, each committed a week after it started; B names A as the same cause,
    F rejects E (with a comment beside it)."""
    root = tmp_path / "pms"
    repo = Repository.open(str(root))
    ids = {}
    for key, (start, cause, done) in INCIDENTS.items():
        started = datetime.fromisoformat(start).replace(hour=10, tzinfo=UTC)
        pm = new_postmortem(
            f"Orders incident {key}", started, resolved=started + timedelta(hours=1),
            severity="P2", services=["orders"], authors=["ana"],
        )  # fmt: skip
        pm.analysis.immediate_causes = [cause]
        pm.analysis.factors = [ContributingFactor("CF-1", "capacity", f"{cause}.")]
        pm.actions = [
            ActionItem("AI-001", "Alert when the pool is 80% used for 5 minutes", "ana",
                       started.date() + timedelta(days=5), status="done" if done else "open",
                       factor="CF-1")
        ]  # fmt: skip
        ids[key] = pm.id
        if key == "b":
            pm.recurrence.same_cause_as = [ids["a"]]
        if key == "f":
            pm.recurrence.not_same_cause_as = [ids["e"]]
        path = repo.save(pm)
        if key == "f":
            text = path.read_text()
            path.write_text(text.replace("[recurrence]\n", f"[recurrence]\n{COMMENT}\n"))
        when = (started + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
        monkeypatch.setenv("GIT_COMMITTER_DATE", when)
        monkeypatch.setenv("GIT_AUTHOR_DATE", when)
        repo.commit(pm, "new")
    monkeypatch.delenv("GIT_COMMITTER_DATE")
    monkeypatch.delenv("GIT_AUTHOR_DATE")
    return root, ids


def _stats(root, capsys) -> dict:
    assert main(["--repo", str(root), "stats", "--format", "json", "--today", TODAY]) == 0
    return json.loads(capsys.readouterr().out)


def _confirmed(data) -> list[set]:
    return [set(g["ids"]) for g in data["recurrence"] if g["kind"] == "confirmed"]


def test_confirmed_groups_count_suggestions_are_apart_and_rejected_never_come_back(repo, capsys):
    root, ids = repo
    data = _stats(root, capsys)
    assert _confirmed(data) == [{ids["a"], ids["b"]}]
    # C reads as A's cause but nobody decided: suggested, with why, never counted.
    assert [(g["ids"], g["pairs"]) for g in data["suggested"]] == [
        ([ids["a"], ids["c"]], [[ids["c"], ids["a"]]])
    ]
    assert data["suggested"][0]["why"] and data["suggested"][0]["service"] == "orders"
    everywhere = {i for g in data["suggested"] for i in g["ids"]}
    assert ids["e"] not in everywhere and ids["f"] not in everywhere  # rejected
    assert ids["d"] not in everywhere  # a thread pool is not a connection pool
    # The fix of A's pool did not hold: B came back within 90 days; C is not counted yet.
    eff = data["effectiveness"]
    assert (eff["fixed_factors"], eff["did_not_hold"]) == (1, 1)
    (row,) = eff["recurred_after_fix"]
    assert (row["fixed_in"], row["recurred"]) == ([ids["a"]], [ids["b"]])

    # Confirmed: C joins the group (transitively with B), leaves the suggestions and counts.
    assert main(["--repo", str(root), "link", ids["c"], ids["a"]]) == 0
    capsys.readouterr()
    data = _stats(root, capsys)
    assert _confirmed(data) == [{ids["a"], ids["b"], ids["c"]}]
    assert data["suggested"] == []
    (row,) = data["effectiveness"]["recurred_after_fix"]
    assert row["recurred"] == [ids["b"], ids["c"]]

    # Rejected the other way round (named older first): the group loses C, never suggested.
    assert main(["--repo", str(root), "link", ids["a"], ids["c"], "--reject"]) == 0
    capsys.readouterr()
    data = _stats(root, capsys)
    assert _confirmed(data) == [{ids["a"], ids["b"]}]
    assert data["suggested"] == []  # C to A rejected; nothing else reads alike

    # Removed: undecided again, so suggested again.
    assert main(["--repo", str(root), "link", ids["c"], ids["a"], "--remove"]) == 0
    capsys.readouterr()
    assert [g["ids"] for g in _stats(root, capsys)["suggested"]] == [[ids["a"], ids["c"]]]


def test_link_writes_the_newer_file_keeps_comments_and_commits_it_alone(repo):
    root, ids = repo
    unrelated = root / "notes.txt"
    unrelated.write_text("not mine\n")  # another change in the tree is never committed
    out = run_cli("--repo", str(root), "link", ids["a"], ids["c"][:-3])  # a unique part
    assert out.returncode == 0, out.stderr
    assert f"{ids['c']}: same cause as {ids['a']}" in out.stdout and "committed" in out.stdout
    text = (root / "postmortems" / f"{ids['c']}.toml").read_text()
    assert f'same_cause_as = ["{ids["a"]}"]' in text
    assert _git(root, "log", "-1", "--format=%s") == (
        f"{ids['c']}: recurrence: same cause as {ids['a']}"
    )
    assert _git(root, "show", "--name-only", "--format=", "HEAD") == f"postmortems/{ids['c']}.toml"
    assert _git(root, "status", "--porcelain") == "?? notes.txt"
    shown = run_cli("--repo", str(root), "show", ids["c"]).stdout
    assert f"recurs    same cause as {ids['a']}" in shown
    # F's rejection and the comment beside it survive a decision written into the same file.
    out = run_cli("--repo", str(root), "link", ids["d"], ids["f"], "--reject")
    assert out.returncode == 0, out.stderr
    text = (root / "postmortems" / f"{ids['f']}.toml").read_text()
    assert f'[recurrence]\n{COMMENT}\nnot_same_cause_as = ["{ids["e"]}", "{ids["d"]}"]' in text
    # The same decision again writes nothing and commits nothing.
    head = _git(root, "rev-parse", "HEAD")
    out = run_cli("--repo", str(root), "link", ids["f"], ids["d"], "--reject")
    assert out.returncode == 0 and "Nothing to write" in out.stdout
    assert _git(root, "rev-parse", "HEAD") == head
    # Removing the last link removes the table, and the file reads as before it.
    out = run_cli("--repo", str(root), "link", ids["c"], ids["a"], "--remove", "--format", "json")
    assert out.returncode == 0, out.stderr
    reply = json.loads(out.stdout)
    assert reply["pairs"] == [{"newer": ids["c"], "older": ids["a"]}] and reply["commit"]
    assert "[recurrence]" not in (root / "postmortems" / f"{ids['c']}.toml").read_text()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["2024-09-09-nothing", "a"], "no post-mortem '2024-09-09-nothing'"),
        (["a", "a"], "twice"),
    ],
)
def test_link_refuses_bad_input_with_one_line(repo, args, says):
    root, ids = repo
    args = [ids.get(a, a) for a in args]
    head = _git(root, "rev-parse", "HEAD")
    out = run_cli("--repo", str(root), "link", *args)
    assert out.returncode != 0 and says in out.stderr, out.stderr
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert _git(root, "rev-parse", "HEAD") == head and _git(root, "status", "--porcelain") == ""


def test_link_with_one_id_lists_what_is_decided_and_what_to_decide(repo):
    root, ids = repo
    out = run_cli("--repo", str(root), "link", ids["a"], "--format", "json")
    assert out.returncode == 0, out.stderr
    view = json.loads(out.stdout)
    assert view["confirmed_group"] == [ids["a"], ids["b"]]
    assert [s["id"] for s in view["suggested"]] == [ids["c"]]
    text = run_cli("--repo", str(root), "link", ids["f"]).stdout
    assert f"not the same cause   {ids['e']}" in text and "Suggested, to decide (0)" in text
    text = run_cli("--repo", str(root), "link", ids["c"]).stdout
    assert f"pm-tui link {ids['c']} {ids['a']}" in text


def test_link_refuses_a_file_with_changes_not_committed(repo):
    root, ids = repo
    path = root / "postmortems" / f"{ids['c']}.toml"
    edited = path.read_text() + "# a half-done edit\n"
    path.write_text(edited)
    out = run_cli("--repo", str(root), "link", ids["c"], ids["a"])
    assert out.returncode == 1 and out.stderr.count("\n") == 1
    assert "changes not committed" in out.stderr and ids["c"] in out.stderr
    assert path.read_text() == edited  # nothing written
    out = run_cli("--repo", str(root), "link", ids["c"], ids["a"], "--no-commit")
    assert out.returncode == 0 and "not committed" in out.stdout  # asked not to commit: fine


def test_validation_names_self_unknown_and_contradicting_links(repo):
    root, ids = repo
    path = root / "postmortems" / f"{ids['d']}.toml"
    path.write_text(
        path.read_text()
        + f'\n[recurrence]\nsame_cause_as = ["{ids["d"]}", "2023-01-01-gone", "{ids["a"]}"]\n'
        + f'not_same_cause_as = ["{ids["a"]}"]\n'
    )
    out = run_cli("--repo", str(root), "validate", ids["d"])
    lines = [line for line in out.stdout.splitlines() if " recurrence/" in line]
    assert len(lines) == 3, out.stdout
    self_link, unknown, both = lines
    assert "recurrence/self-link" in self_link and ids["d"] in self_link
    assert "recurrence/unknown-id" in unknown and "2023-01-01-gone" in unknown
    assert "recurrence/confirmed-and-rejected" in both and ids["a"] in both
    line = int(self_link.split(":")[1])
    assert path.read_text().splitlines()[line - 1].startswith("same_cause_as")
    # stats: the contradicted pair counts as neither; the unknown id is left out.
    data = json.loads(
        run_cli("--repo", str(root), "stats", "--format", "json", "--today", TODAY).stdout
    )
    assert not any(ids["d"] in g for g in _confirmed(data))


def test_validate_all_checks_each_file_against_its_own_folder(repo, tmp_path):
    """validate --all reads each folder's ids once: a link is known by the folder its file is
    in, and a copy in another post-mortem folder is checked against that folder instead."""
    root, ids = repo
    path = root / "postmortems" / f"{ids['d']}.toml"
    path.write_text(path.read_text() + '\n[recurrence]\nsame_cause_as = ["2023-01-01-gone"]\n')
    other = tmp_path / "other" / "postmortems"
    other.mkdir(parents=True)
    copy = other / f"{ids['d']}.toml"
    copy.write_text(path.read_text())
    (other / "2023-01-01-gone.toml").write_text("")  # that folder holds the linked id
    loose = tmp_path / "loose" / f"{ids['d']}.toml"  # not in a post-mortem folder: unchecked
    loose.parent.mkdir()
    loose.write_text(path.read_text())
    out = run_cli("--repo", str(root), "validate", "--all", str(copy), str(loose))
    unknown = [line for line in out.stdout.splitlines() if "recurrence/unknown-id" in line]
    assert len(unknown) == 1 and unknown[0].startswith(str(path)), out.stdout
    assert "2023-01-01-gone" in unknown[0]
    # B's link to A (a file beside it) is known: no recurrence finding for B
    assert not [
        line for line in out.stdout.splitlines() if " recurrence/" in line and ids["b"] in line
    ]


def test_stats_text_html_and_explain_keep_suggestions_apart(repo):
    root, ids = repo
    text = run_cli("--repo", str(root), "stats", "--today", TODAY).stdout
    counted, suggested = text.split("Suggested, not counted")
    (confirmed,) = [line for line in counted.splitlines() if "(confirmed)" in line]
    assert confirmed.endswith(f"{ids['a']}, {ids['b']}") and "2x orders" in confirmed
    assert f"{ids['a']} ← {ids['c']}" in suggested.split("Follow-through")[0]
    assert "pm-tui link NEWER OLDER" in suggested
    explain = run_cli("stats", "--explain").stdout
    assert "recurrence.same_cause_as" in explain and "never counted" in explain
    html = run_cli("--repo", str(root), "stats", "--format", "html", "--today", TODAY).stdout
    recurrence = html.split('<section id="recurrence">')[1].split("</section>")[0]
    suggested = html.split('<section id="suggested-recurrence">')[1].split("</section>")[0]
    (confirmed,) = [row for row in recurrence.split("<tr>") if "(confirmed)" in row]
    assert ids["c"] not in confirmed and ids["b"] in confirmed
    assert ids["c"] in suggested and f"pm-tui link {ids['c']} {ids['a']}" in suggested


def test_the_index_carries_the_links_and_rereads_only_the_linked_file(repo, capsys):
    from pm_tui import repo_index

    root, ids = repo
    before = repo_index.load_stats(root, today=date(2024, 12, 1))
    assert {r.id: r.same_cause_as for r in before.postmortems}[ids["b"]] == (ids["a"],)
    assert {r.id: r.not_same_cause_as for r in before.postmortems}[ids["f"]] == (ids["e"],)
    assert main(["--repo", str(root), "link", ids["c"], ids["a"]]) == 0
    after = repo_index.load_stats(root, today=date(2024, 12, 1))
    assert after.reread == 1
    assert {r.id: r.same_cause_as for r in after.postmortems}[ids["c"]] == (ids["a"],)
    whole = {r.id: r for r in repo_index.load(root, badges=False).postmortems}
    assert whole[ids["c"]].same_cause_as == (ids["a"],)
