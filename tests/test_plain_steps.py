"""`pm-tui new --plain` / `edit --plain`: the six steps as real prompts on a pipe input."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime

from pm_tui import gitstore
from pm_tui.cli import cmd_edit
from pm_tui.cli.main import build_parser
from tests.conftest import SAMPLE_ID, run_cli
from tests.plain_script import CTRL_C, ENTER, SPACE, UP, down, replace, scripted

NEW_ID = "2025-03-01-checkout-errors-after-deploy"


def _args(*argv: str):
    return build_parser().parse_args(list(argv))


def _saved(repo, pm_id: str) -> dict:
    return tomllib.loads(repo.path_for(pm_id).read_text(encoding="utf-8"))


def _subjects(repo) -> list[str]:
    return gitstore.log_messages(repo.root)


HEADER = [
    ("Title", "Checkout errors after deploy" + ENTER),
    ("Incident start", "2025-03-01T10:00:00Z" + ENTER),
    ("Incident end", "2025-03-01T12:30:00+01:00" + ENTER),
    ("Severity", UP + ENTER),  # from the default P3 up to P2
    ("Affected services", "checkout, payments" + ENTER),
    ("Authors", "Ana Lima" + ENTER),
]

STEP1 = [
    ("Evidence sources: what next?", down(1)),  # Add a source
    ("Kind of source", down(3)),  # logs, kubectl, kube-events, prometheus
    ("Target", "http://127.0.0.1:9090" + ENTER),
    ("Query", "rate(http_requests_total[5m])" + ENTER),
    ("Evidence sources: what next?", ENTER),  # Done
]

STEP2 = [
    ("Timeline (UTC): what next?", down(1)),
    ("Time", "10:05:23" + ENTER),
    ("Kind", down(2)),  # from "other", wrapping round: change, first_symptom
    ("What happened", "First HTTP 500 from checkout" + ENTER),
    ("Who or what acted", ENTER),
    ("Source", "nginx" + ENTER),
    ("Timeline (UTC): what next?", down(1)),
    ("Time", "+5m" + ENTER),
    ("Kind", down(3)),  # alert_fired
    ("What happened", "CheckoutErrors alert fires" + ENTER),
    ("Who or what acted", "alertmanager" + ENTER),
    ("Source", ENTER),
    ("Timeline (UTC): what next?", ENTER),
]

STEP3 = [
    ("Immediate cause: add one", "A config key was renamed in the deploy" + ENTER),
    ("Immediate cause: add one", ENTER),
    ("Contributing factors: what next?", down(1)),
    ("Category", down(1)),  # from "other" round to monitoring
    ("The condition", "No alert on the config reload failing" + ENTER),
    ("Timeline events that show it", SPACE + ENTER),  # tick T-001
    ("Contributing factors: what next?", ENTER),
    ("Systemic issue: add one", "Config changes skip review" + ENTER),
    ("Systemic issue: add one", ENTER),
    ("Five Whys chains: what next?", ENTER),
]

STEP4 = [
    ("Action items: what next?", down(1)),
    ("Action", "Alert when a config reload fails" + ENTER),
    ("Owner", ENTER),  # forgotten: the step's findings say so
    ("Deadline", "2025-13-01" + ENTER + replace("2025-03-20")),  # refused, then fixed
    ("Priority", UP + ENTER),  # from Medium up to High
    ("Addresses which factor?", down(1)),  # CF-1
    ("Action items: what next?", ENTER),
    ("Fix them now or continue?", down(1)),  # go back into step 4
    ("Action items: what next?", down(2)),  # Edit an action
    ("Which action?", ENTER),
    ("Action", ENTER),  # keeps the text
    ("Owner", "ana.lima" + ENTER),
    ("Deadline", ENTER),
    ("Priority", ENTER),
    ("Addresses which factor?", ENTER),
    ("Status", ENTER),
    ("Action items: what next?", ENTER),
]

STEP5 = [
    ("Summary", "Checkout failed for 40 minutes after a deploy." + ENTER),
    ("Impact", "1,200 failed checkouts" + ENTER),
    ("Root cause", "A renamed config key" + ENTER),
    ("Went well: add one", "Fast rollback" + ENTER),
    ("Went well: add one", ENTER),
    ("Went wrong: add one", ENTER),
    ("Where we got lucky: add one", ENTER),
    ("Lesson learned: add one", "Review config changes" + ENTER),
    ("Lesson learned: add one", ENTER),
]

STEP6 = [
    ("Follow-up review date", "2025-03-15" + ENTER),
    ("Status", ENTER),
]


def test_new_plain_walks_six_steps_saves_and_commits_each(tmp_path):
    root = tmp_path / "pm-repo"
    script = HEADER + STEP1 + STEP2 + STEP3 + STEP4 + STEP5 + STEP6
    with scripted(script) as ask:
        code = cmd_edit.run_new_plain(_args("new", "--plain", "--repo", str(root)), ask=ask)
    assert code == 0
    from pm_tui.postmortem_store import Repository

    repo = Repository(root)
    data = _saved(repo, NEW_ID)
    assert data["severity"] == "P2"
    assert data["services"] == ["checkout", "payments"]
    assert data["sources"][0]["kind"] == "prometheus"
    assert data["sources"][0]["query"] == "rate(http_requests_total[5m])"
    times = [e["time"] for e in data["timeline"]]
    assert times == [
        datetime(2025, 3, 1, 10, 5, 23, tzinfo=UTC),
        datetime(2025, 3, 1, 10, 10, 23, tzinfo=UTC),  # "+5m" after the row before
    ]
    assert [e["kind"] for e in data["timeline"]] == ["first_symptom", "alert_fired"]
    factor = data["analysis"]["factors"][0]
    assert (factor["category"], factor["events"]) == ("monitoring", ["T-001"])
    assert data["analysis"]["systemic_issues"] == ["Config changes skip review"]
    action = data["actions"][0]
    assert action["owner"] == "ana.lima"  # fixed after the step's findings
    assert str(action["deadline"]) == "2025-03-20"
    assert (action["priority"], action["factor"]) == ("High", "CF-1")
    assert data["summary"].startswith("Checkout failed")
    assert data["retrospective"]["lessons"] == ["Review config changes"]
    assert str(data["follow_up_review"]) == "2025-03-15"
    assert _subjects(repo) == [
        f"{NEW_ID}: step {n} {name}"
        for n, name in reversed(
            list(enumerate(("collect", "timeline", "factors", "actions", "report", "track"), 1))
        )
    ] + [f"{NEW_ID}: new draft"]
    assert any("owner" in line.lower() for line in ask.said)  # the finding was shown
    assert not repo.has_uncommitted_changes(NEW_ID)


def test_edit_one_field_keeps_the_rest(sample_repo):
    before = _saved(sample_repo, SAMPLE_ID)
    script = [
        ("Timeline (UTC): what next?", down(2)),  # Edit a row
        ("Which row?", down(1)),  # T-002
        ("Time", ENTER),
        ("Kind", ENTER),
        ("What happened", replace("First HTTP 503 burst from the API")),
        ("Who or what acted", ENTER),
        ("Source", ENTER),
        ("Timeline (UTC): what next?", ENTER),
    ]
    with scripted(script) as ask:
        args = _args("edit", SAMPLE_ID, "--plain", "--step", "2", "--repo", str(sample_repo.root))
        assert cmd_edit.run(args, ask=ask) == 0
    after = _saved(sample_repo, SAMPLE_ID)
    changed = after["timeline"][1]
    assert changed["text"] == "First HTTP 503 burst from the API"
    assert {k: v for k, v in changed.items() if k != "text"} == {
        k: v for k, v in before["timeline"][1].items() if k != "text"
    }
    assert after["timeline"][0] == before["timeline"][0]
    assert after["actions"] == before["actions"]
    assert _subjects(sample_repo)[0] == f"{SAMPLE_ID}: step 2 timeline"


def test_ctrl_c_saves_what_was_entered_and_exits_cleanly(sample_repo):
    head = gitstore.head_commit(sample_repo.root)
    script = [
        ("Summary", replace("Half-written summary")),
        ("Impact", CTRL_C),
    ]
    with scripted(script) as ask:
        args = _args("edit", SAMPLE_ID, "--plain", "--step", "5", "--repo", str(sample_repo.root))
        assert cmd_edit.run(args, ask=ask) == 130
    assert _saved(sample_repo, SAMPLE_ID)["summary"].strip() == "Half-written summary"
    assert gitstore.head_commit(sample_repo.root) == head  # saved, not committed
    assert any("saved in" in line for line in ask.said)


def test_end_of_input_is_treated_like_ctrl_c(sample_repo):
    script = [("Follow-up review date", replace("2025-04-01"))]  # then the input ends
    with scripted(script) as ask:
        args = _args("edit", SAMPLE_ID, "--plain", "--step", "6", "--repo", str(sample_repo.root))
        assert cmd_edit.run(args, ask=ask) == 130
    assert str(_saved(sample_repo, SAMPLE_ID)["follow_up_review"]) == "2025-04-01"


def test_edit_plain_yes_changes_nothing_and_exits_0(sample_repo):
    path = sample_repo.path_for(SAMPLE_ID)
    before, head = path.read_bytes(), gitstore.head_commit(sample_repo.root)
    out = run_cli("edit", SAMPLE_ID, "--plain", "--yes", "--repo", str(sample_repo.root))
    assert out.returncode == 0, out.stderr
    assert "Step 6 of 6" in out.stdout and "Traceback" not in out.stderr
    assert path.read_bytes() == before
    assert gitstore.head_commit(sample_repo.root) == head


def test_new_plain_scripted_with_options_and_yes(tmp_path):
    root = tmp_path / "scripted"
    out = run_cli(
        "new", "--plain", "--yes", "--repo", str(root),
        "--title", "Queue backlog", "--started", "2025-05-02T08:00:00+02:00",
        "--source", "logs", "/var/log/worker.log",
        "--event", "06:03", "Queue depth rises", "first_symptom",
        "--event", "+12m", "Backlog alert fires", "alert_fired",
        "--factor", "capacity", "Workers do not autoscale", "T-002",
        "--action", "Autoscale workers on queue depth", "sam", "2025-05-30", "High", "CF-1",
        "--summary", "Jobs were delayed by 40 minutes.",
        "--follow-up-review", "2025-05-20",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    from pm_tui.postmortem_store import Repository

    repo = Repository(root)
    data = _saved(repo, "2025-05-02-queue-backlog")
    assert [e["time"] for e in data["timeline"]] == [
        datetime(2025, 5, 2, 6, 3, tzinfo=UTC),
        datetime(2025, 5, 2, 6, 15, tzinfo=UTC),
    ]
    assert data["analysis"]["factors"][0]["events"] == ["T-002"]
    assert data["actions"][0]["factor"] == "CF-1"
    assert data["sources"][0]["target"] == "/var/log/worker.log"
    assert _subjects(repo)[0] == "2025-05-02-queue-backlog: step 6 track"


def test_bad_scripted_value_is_one_line_error(sample_repo):
    out = run_cli(
        "edit", SAMPLE_ID, "--plain", "--yes", "--repo", str(sample_repo.root),
        "--action", "Do it", "sam", "next week",
    )  # fmt: skip
    assert out.returncode == 2
    assert "not a date" in out.stderr and "Traceback" not in out.stderr


def test_stopping_during_the_header_creates_nothing(tmp_path):
    root = tmp_path / "pm-repo"
    with scripted([("Title", "Half a title" + ENTER)]) as ask:  # then the input ends
        code = cmd_edit.run_new_plain(_args("new", "--plain", "--repo", str(root)), ask=ask)
    assert code == 130
    assert not root.exists()  # not even the repository


def test_new_plain_yes_without_a_title_says_which_option_is_missing(tmp_path):
    out = run_cli("new", "--plain", "--yes", "--repo", str(tmp_path / "r"))
    assert out.returncode == 2
    assert "Title" in out.stderr and "option" in out.stderr and "Traceback" not in out.stderr


def test_a_refused_answer_is_not_kept_in_front_of_the_next():
    # Once the check refused "yesterday 9am", what is typed next is the whole answer.
    from pm_tui.plain.prompts import check_date
    from tests.plain_script import ENTER, scripted

    with scripted([("Deadline", "yesterday 9am" + ENTER + "2025-03-14" + ENTER)]) as ask:
        answer = ask.text("Deadline", check=check_date)
    assert answer == "2025-03-14"
    assert any("type it again" in line for line in ask.said)


def test_new_plain_takes_an_evidence_folder_like_collect(tmp_path):
    """`--evidence DIR` in the plain mode adds one source per file, read as `collect
    --evidence` and the wizard's e read it (#18)."""
    from tests.evidence_folders import build_folder

    ev = build_folder(tmp_path)
    root = tmp_path / "scripted"
    out = run_cli(
        "new", "--plain", "--yes", "--repo", str(root),
        "--title", "Checkout outage", "--started", "2026-03-14T09:00:00Z",
        "--evidence", str(ev),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    from pm_tui.postmortem_store import Repository

    data = _saved(Repository(root), "2026-03-14-checkout-outage")
    kinds = {s["target"].rsplit("/", 1)[-1]: s.get("options", {}).get("evidence_kind", s["kind"])
             for s in data["sources"]}  # fmt: skip
    assert kinds["hooks.ndjson"] == "alertmanager-webhook" and kinds["chat"] == "slack-export"
    assert kinds["notes.txt"] == "other"  # not read, and says why
    notes = next(s for s in data["sources"] if s["target"].endswith("notes.txt"))
    assert "no known format" in notes["options"]["unread"]
