"""Distribution against real servers on loopback: aiosmtpd (plain, STARTTLS) and a webhook."""

from __future__ import annotations

import json
import shutil
import socket
import ssl
import subprocess
import threading
from datetime import timedelta
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pm_tui.cli.main import main
from tests.conftest import SAMPLE_ID

USER, PASSWORD = "pm", "secret"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _self_signed(folder) -> tuple[str, str] | None:
    """A certificate for 127.0.0.1 made now: with `cryptography` if present, else openssl."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    try:
        import cryptography  # noqa: F401
    except ImportError:
        if not shutil.which("openssl"):
            return None
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
             "-addext", "subjectAltName=IP:127.0.0.1"],
            check=True, capture_output=True,
        )  # fmt: skip
        return str(cert), str(key)
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    pkey = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    c = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(pkey.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(pkey, hashes.SHA256())
    )  # fmt: skip
    cert.write_bytes(c.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(
        pkey.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(cert), str(key)


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted"


def _authenticator(server, session, envelope, mechanism, auth_data):
    from aiosmtpd.smtp import AuthResult

    ok = auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)


@pytest.fixture(scope="session")
def smtp(tmp_path_factory):
    """Two SMTP servers on loopback: plain (AUTH allowed) and STARTTLS-only (if a cert can be made)."""
    from aiosmtpd.controller import Controller

    inbox = _Inbox()
    plain = Controller(
        inbox, hostname="127.0.0.1", port=_free_port(),
        authenticator=_authenticator, auth_require_tls=False,
    )  # fmt: skip
    plain.start()
    servers = {"inbox": inbox, "plain": plain.port, "starttls": None, "cafile": None}
    controllers = [plain]
    pair = _self_signed(tmp_path_factory.mktemp("tls"))
    if pair:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(*pair)
        tls = Controller(
            inbox, hostname="127.0.0.1", port=_free_port(), tls_context=ctx,
            require_starttls=True, authenticator=_authenticator, auth_required=True,
        )  # fmt: skip
        tls.start()
        controllers.append(tls)
        servers.update(starttls=tls.port, cafile=pair[0])
    yield servers
    for c in controllers:
        c.stop()


class _Webhook(BaseHTTPRequestHandler):
    received: list = []

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        status, text = {"/ok": (200, "ok"), "/gone": (404, "no_team")}.get(
            self.path, (500, "internal_error")
        )
        if status == 200:
            _Webhook.received.append(json.loads(body))
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="session")
def webhook():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Webhook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _clean(monkeypatch, smtp):
    smtp["inbox"].messages.clear()
    _Webhook.received.clear()
    monkeypatch.delenv("PM_TUI_SLACK_WEBHOOK", raising=False)
    monkeypatch.delenv("PM_TUI_SMTP_USER", raising=False)
    monkeypatch.delenv("PM_TUI_SMTP_PASSWORD", raising=False)


def _distribute(repo, *args: str) -> int:
    return main(["--repo", str(repo.root), "distribute", SAMPLE_ID, *args])


def _last_commit(repo) -> str:
    return subprocess.run(
        ["git", "log", "-1", "--format=%s"], cwd=repo.root, capture_output=True, text=True
    ).stdout.strip()


def test_email_over_starttls_with_login_sends_text_and_html(sample_repo, smtp, monkeypatch, capsys):
    if smtp["starttls"] is None:
        pytest.skip("neither the cryptography package nor the openssl command is available")
    monkeypatch.setenv("PM_TUI_SMTP_USER", USER)
    monkeypatch.setenv("PM_TUI_SMTP_PASSWORD", PASSWORD)
    before = len(sample_repo.load(SAMPLE_ID).distribution)
    code = _distribute(
        sample_repo, "--email", "eng@example.com", "sre@example.com",
        "--smtp-host", "127.0.0.1", "--smtp-port", str(smtp["starttls"]),
        "--smtp-tls", "starttls", "--smtp-cafile", smtp["cafile"], "--from", "pm@example.com",
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    err = capsys.readouterr().err
    assert err.startswith("pm-tui: warning: the report goes out") and err.count("\n") == 1
    (envelope,) = smtp["inbox"].messages
    assert envelope.rcpt_tos == ["eng@example.com", "sre@example.com"]
    msg = message_from_bytes(envelope.content, policy=policy.default)
    assert msg["Subject"] == (
        "[Post-mortem P1] API service degradation: database connection pool exhausted (2025-02-09)"
    )
    assert msg["From"] == "pm@example.com" and msg["To"] == "eng@example.com, sre@example.com"
    assert msg.get_content_type() == "multipart/alternative"
    plain = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert plain.startswith("# API service degradation") and "## Action items" in plain
    assert html.startswith("<!DOCTYPE html>") and "<h2>Five Whys</h2>" in html
    pm = sample_repo.load(SAMPLE_ID)
    assert len(pm.distribution) == before + 1
    last = pm.distribution[-1]
    assert last.channel == "email" and last.recipients == ["eng@example.com", "sre@example.com"]
    assert _last_commit(sample_repo) == f"{SAMPLE_ID}: report distributed (email)"


def test_refused_login_is_one_line_and_records_nothing(sample_repo, smtp, monkeypatch, capsys):
    monkeypatch.setenv("PM_TUI_SMTP_USER", USER)
    monkeypatch.setenv("PM_TUI_SMTP_PASSWORD", "wrong")
    head = _last_commit(sample_repo)
    code = _distribute(
        sample_repo, "--email", "eng@example.com", "--smtp-host", "127.0.0.1",
        "--smtp-port", str(smtp["plain"]), "--smtp-tls", "none", "--from", "pm@example.com",
    )  # fmt: skip
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == (
        f"pm-tui: SMTP server 127.0.0.1:{smtp['plain']} refused the login for 'pm' (535): "
        "check $PM_TUI_SMTP_USER and $PM_TUI_SMTP_PASSWORD"
    )
    assert smtp["inbox"].messages == [] and _last_commit(sample_repo) == head


def test_plain_smtp_without_login_and_connection_refused(sample_repo, smtp, capsys):
    args = ["--email", "eng@example.com", "--smtp-host", "127.0.0.1", "--smtp-tls", "none"]
    assert (
        _distribute(sample_repo, *args, "--smtp-port", str(smtp["plain"]), "--from", "a@b.c") == 0
    )
    assert len(smtp["inbox"].messages) == 1
    capsys.readouterr()
    port = _free_port()
    assert _distribute(sample_repo, *args, "--smtp-port", str(port), "--from", "a@b.c") == 1
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        f"pm-tui: cannot connect to SMTP server 127.0.0.1:{port} (connection refused): "
        "check --smtp-host and --smtp-port"
    )


def test_slack_summary_has_the_key_figures_and_is_recorded(
    sample_repo, webhook, monkeypatch, capsys
):
    monkeypatch.setenv("PM_TUI_SLACK_WEBHOOK", f"{webhook}/ok")
    assert _distribute(sample_repo, "--slack-channel", "#incidents") == 0
    (payload,) = _Webhook.received
    assert payload["text"].startswith("Post-mortem P1: API service degradation")
    fields = {
        f["text"].split("\n")[0]: f["text"].split("\n")[1] for f in payload["blocks"][1]["fields"]
    }
    assert fields["*Duration*"] == "1h 35m" and fields["*Action items*"] == "4 (2 open)"
    assert fields["*Durations*"].startswith("detect 7m · acknowledge 11m 05s")
    assert fields["*Failed requests*"] == "182,400" and fields["*Severity*"].startswith(
        "P1: Critical"
    )
    assert f"postmortems/{SAMPLE_ID}.toml" in payload["blocks"][-1]["elements"][0]["text"]
    pm = sample_repo.load(SAMPLE_ID)
    assert (pm.distribution[-1].channel, pm.distribution[-1].recipients) == (
        "slack",
        ["#incidents"],
    )
    assert webhook not in sample_repo.path_for(SAMPLE_ID).read_text()  # the URL is a secret
    assert _last_commit(sample_repo) == f"{SAMPLE_ID}: report distributed (slack)"


@pytest.mark.parametrize(
    ("path", "expected"), [("/gone", "404: no_team"), ("/x", "500: internal_error")]
)
def test_slack_errors_show_status_and_body(
    sample_repo, webhook, monkeypatch, capsys, path, expected
):
    monkeypatch.setenv("TEAM_HOOK", webhook + path)
    assert _distribute(sample_repo, "--slack-webhook-env", "TEAM_HOOK") == 1
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        f"pm-tui: Slack webhook answered {expected}"
    )
    assert sample_repo.load(SAMPLE_ID).distribution[-1].channel == "slack"  # the sample's old one
    assert len(sample_repo.load(SAMPLE_ID).distribution) == 2


def test_missing_webhook_variable_or_nothing_to_send(sample_repo, capsys):
    assert _distribute(sample_repo, "--slack-webhook-env", "NOPE_HOOK") == 1
    assert "$NOPE_HOOK is not set" in capsys.readouterr().err
    assert _distribute(sample_repo) == 2
    assert "nothing to send" in capsys.readouterr().err


def test_late_warning_only_after_48_hours(sample_repo):
    from pm_tui.distribute import late_warning

    pm = sample_repo.load(SAMPLE_ID)
    assert late_warning(pm, pm.window.resolved + timedelta(hours=47)) is None
    assert "49 hours after resolution" in late_warning(pm, pm.window.resolved + timedelta(hours=49))


def test_config_written_by_init_chooses_server_credentials_and_webhook(
    sample_repo, smtp, webhook, monkeypatch, tmp_path
):
    """smtp.tls = false (init's boolean), smtp.user_env/password_env and slack.webhook_env."""
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        "[smtp]\n"
        f'host = "127.0.0.1"\nport = {smtp["plain"]}\ntls = false\nfrom = "pm@example.com"\n'
        'user_env = "TEAM_SMTP_USER"\npassword_env = "TEAM_SMTP_PASSWORD"\n'
        '[slack]\nwebhook_env = "TEAM_SLACK_HOOK"\n'
    )
    monkeypatch.setenv("PM_TUI_CONFIG", str(cfg))
    monkeypatch.setenv("TEAM_SMTP_USER", USER)
    monkeypatch.setenv("TEAM_SMTP_PASSWORD", PASSWORD)
    monkeypatch.setenv("TEAM_SLACK_HOOK", f"{webhook}/ok")
    assert _distribute(sample_repo, "--email", "eng@example.com") == 0
    assert len(smtp["inbox"].messages) == 1 and len(_Webhook.received) == 1
    monkeypatch.setenv("TEAM_SMTP_PASSWORD", "wrong")
    assert _distribute(sample_repo, "--email", "eng@example.com") == 1  # the named variable is used
