"""Secrets in structured attributes, URLs, shell lines and keys logged line by line never
reach evidence, the post-mortem or git (own set for #13's rules; the held-out score is
reported separately, never tuned on)."""

from __future__ import annotations

import json
from pathlib import Path

from pm_tui.redact import redact, redact_fields, redact_many
from tests.conftest import SAMPLE_ID, run_cli
from tests.hostile import assert_no_traceback, git_history

OWN_SET = Path(__file__).parent / "data" / "redaction_trust_cases.tsv"


def _rows():
    for line in OWN_SET.read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        label, secret, text = line.split("\t", 2)
        yield label == "1", secret, text.replace("\\n", "\n")


def score(rows) -> tuple[float, float, list[str]]:
    """Precision and recall of `redact` on (is secret, secret, text) rows, and the misses."""
    tp = fp = fn = 0
    misses = []
    for positive, secret, text in rows:
        out, n = redact(text)
        if positive:
            if n and secret not in out:
                tp += 1
            else:
                fn += 1
                misses.append(f"missed: {text[:90]}")
        elif n:
            fp += 1
            misses.append(f"false alarm: {out[:90]}")
    return tp / max(1, tp + fp), tp / max(1, tp + fn), misses


def test_own_set_precision_and_recall():
    rows = list(_rows())
    assert sum(p for p, _, _ in rows) >= 25 and sum(not p for p, _, _ in rows) >= 20
    precision, recall, misses = score(rows)
    assert precision >= 0.95 and recall >= 0.95, "\n".join(misses)


def test_structured_attributes_are_redacted_by_key_and_by_value():
    attrs = {
        "password": "hunter2",
        "dbPassword": "x9",
        "user": "bob",
        "upstream": "https://svc:Pa55word9@payments.internal/v1",
        "headers": {"Authorization": "Bearer abcdefghijklmnop", "Accept": "json"},
        "token_count": 12,
        "session": "abc",
        "args": ["--password", "Secr3tArg", "mysql -pInline77"],
    }
    n = redact_fields(attrs)
    text = json.dumps(attrs)
    for secret in ("hunter2", "x9", "Pa55word9", "abcdefghijklmnop", "Inline77"):
        assert secret not in text
    assert attrs["user"] == "bob" and attrs["token_count"] == 12 and attrs["session"] == "abc"
    assert attrs["headers"]["Accept"] == "json"
    assert n >= 5


def test_a_private_key_logged_one_line_per_record_goes_whole():
    body = [
        "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB",
        "aL7o2R1Fh6zD8B4Mh3tQ5sJbW0Wz9s2cQh6yH7sV1jv2L6rTt8ZpQ7cJ8dKx",
    ]
    records = ["loading key", "-----BEGIN RSA PRIVATE KEY-----", *body]
    records += ["-----END RSA PRIVATE KEY-----", "listening on :8080"]
    out, n = redact_many(records)
    assert not any(b in "".join(out) for b in body) and n >= 3
    assert out[0] == "loading key" and out[-1] == "listening on :8080"


def test_collected_json_logs_keep_no_attribute_secret_in_git(sample_repo, tmp_path):
    secrets = [
        "hunter2json",
        "Pa55wordUrl9",
        "PgEnvSecret1",
        "MIIEowIBAAKCAQEAsecretbodyline0123456789",
    ]
    lines = [
        {"ts": "2025-02-09T10:06:00Z", "level": "error", "msg": "login failed",
         "password": secrets[0], "user": "bob"},
        {"ts": "2025-02-09T10:06:01Z", "level": "error", "msg": "upstream failed",
         "url": f"https://svc:{secrets[1]}@payments.internal/v1"},
        {"ts": "2025-02-09T10:06:02Z", "level": "error", "msg": f"PGPASSWORD={secrets[2]} psql failed"},
        {"ts": "2025-02-09T10:06:03Z", "level": "error", "msg": "-----BEGIN PRIVATE KEY-----"},
        {"ts": "2025-02-09T10:06:04Z", "level": "error", "msg": secrets[3]},
        {"ts": "2025-02-09T10:06:05Z", "level": "error", "msg": "-----END PRIVATE KEY-----"},
    ]  # fmt: skip
    log = tmp_path / "api.jsonl"
    log.write_text("".join(json.dumps(x) + "\n" for x in lines))
    out = run_cli("--repo", str(sample_repo.root), "collect", SAMPLE_ID, "--logs", str(log))
    assert_no_traceback(out)
    history = git_history(sample_repo.root)
    evidence = (sample_repo.evidence_dir(SAMPLE_ID) / "evidence.jsonl").read_text()
    for secret in secrets:
        assert secret not in history and secret not in evidence
        assert secret not in out.stdout + out.stderr
    assert "REDACTED" in evidence


def test_a_bare_aws_secret_in_a_chat_message_goes():
    out, n = redact("new key is wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, rotate the old one")
    assert n == 1 and "wJalrXUtnFEMI" not in out


def test_init_refuses_urls_with_credentials_for_the_config_and_the_remote(tmp_path):
    import os

    from pm_tui.config import config_path
    from tests.hostile import assert_clean_failure

    env = {"PM_TUI_CONFIG": os.environ["PM_TUI_CONFIG"]}
    out = run_cli(
        "init", "--yes", "--repo", str(tmp_path / "r"),
        "--prometheus-url", "http://admin:PromPw0rd77@prom.internal:9090", env=env,
    )  # fmt: skip
    assert_clean_failure(out, "credentials")
    assert "PromPw0rd77" not in out.stderr + out.stdout
    assert not config_path().exists()
    remote = run_cli(
        "init", "--yes", "--repo", str(tmp_path / "r2"),
        "--remote", "https://bob:GitPw0rd77@git.example.com/pm.git", env=env,
    )  # fmt: skip
    assert_clean_failure(remote, "credential helper")
    assert "GitPw0rd77" not in remote.stderr + remote.stdout
    git_config = tmp_path / "r2" / ".git" / "config"
    assert not git_config.exists() or "GitPw0rd77" not in git_config.read_text()
