"""The shared HTTP client turns every failure into one line naming the source and the fix."""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
import time

import pytest

from pm_tui.collectors.evidence import CollectorError
from pm_tui.collectors.http import HttpOptions, JsonClient
from tests.local_http import serve

calls: dict[str, int] = {}


def route(path, query, headers):
    calls[path] = calls.get(path, 0) + 1
    if path == "/open":
        sent = "authorization" in headers
        return 200, "application/json", json.dumps({"open": not sent}).encode()
    if path == "/html":
        return 200, "text/html", b"<!DOCTYPE html><html><title>Sign in - Corp SSO</title></html>"
    if path == "/badjson":
        return 200, "application/json", b'{"status": "success", "data": '
    if path == "/secret":
        if headers.get("authorization") != "Bearer right-token":
            return 401, "application/json", b'{"error": "unauthorized"}'
        return 200, "application/json", b'{"ok": true}'
    if path == "/basic":
        ok = headers.get("authorization", "").startswith("Basic ")
        return (200 if ok else 401), "application/json", b"{}"
    if path == "/slow":
        time.sleep(1.5)
        return 200, "application/json", b"{}"
    if path == "/flaky":
        if calls[path] == 1:
            return 503, "text/plain", b"busy"
        return 200, "application/json", json.dumps({"attempt": calls[path]}).encode()
    if path == "/bad-request":
        return 400, "application/json", b'{"status":"error","error":"parse error at char 4"}'
    return 404, "text/plain", b"404 page not found"


@pytest.fixture(scope="module")
def server():
    with serve(route) as url:
        yield url


def client(url, **kw):
    return JsonClient(
        "prometheus:test", HttpOptions(base_url=url, backoff=0.01, **kw), what="Prometheus"
    )


def test_html_page_instead_of_json(server):
    with pytest.raises(CollectorError, match=r"HTML page \('Sign in - Corp SSO'\) instead of JSON"):
        client(server).get_json("/html")


def test_bad_json(server):
    with pytest.raises(CollectorError, match=r"prometheus:test: bad JSON from .*/badjson"):
        client(server).get_json("/badjson")


def test_401_names_the_token_variable(server, monkeypatch):
    monkeypatch.setenv("PM_TEST_TOKEN", "wrong")
    with pytest.raises(CollectorError, match=r"HTTP 401\): check the token in \$PM_TEST_TOKEN"):
        client(server, token_env="PM_TEST_TOKEN").get_json("/secret")
    monkeypatch.setenv("PM_TEST_TOKEN", "right-token")
    assert client(server, token_env="PM_TEST_TOKEN").get_json("/secret") == {"ok": True}


def test_unset_token_variable_means_no_token(server, monkeypatch):
    # the default config names PROMETHEUS_TOKEN: a server without auth must still work
    monkeypatch.delenv("PM_TEST_TOKEN", raising=False)
    assert client(server, token_env="PM_TEST_TOKEN").get_json("/open") == {"open": True}
    with pytest.raises(
        CollectorError, match=r"HTTP 401\): it needs credentials: \$PM_TEST_TOKEN is not set"
    ):
        client(server, token_env="PM_TEST_TOKEN").get_json("/secret")


def test_basic_auth_from_environment(server, monkeypatch):
    monkeypatch.setenv("PM_TEST_USER", "alice")
    monkeypatch.setenv("PM_TEST_PASS", "s3cret")
    opts = {"username_env": "PM_TEST_USER", "password_env": "PM_TEST_PASS"}
    assert client(server, **opts).get_json("/basic") == {}


def test_404_asks_about_the_base_url(server):
    with pytest.raises(CollectorError, match=r"HTTP 404\): is this the Prometheus base URL"):
        client(server).get_json("/api/v1/query_range")


def test_400_shows_the_server_error(server):
    with pytest.raises(CollectorError, match="HTTP 400: parse error at char 4"):
        client(server).get_json("/bad-request")


def test_timeout(server):
    started = time.monotonic()
    with pytest.raises(CollectorError, match=r"no answer from .*/slow within 0.3s"):
        client(server, timeout=0.3).get_json("/slow")
    assert time.monotonic() - started < 1.4  # read timeouts are not retried


def test_5xx_is_retried(server):
    calls.pop("/flaky", None)
    assert client(server).get_json("/flaky") == {"attempt": 2}


def test_connection_refused():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(
        CollectorError, match=r"cannot connect to .*connection refused.*check the URL"
    ):
        client(f"http://127.0.0.1:{port}").get_json("/api/v1/query")


def test_not_a_url():
    with pytest.raises(CollectorError, match="not an http"):
        client("localhost:9090").get_json("/api/v1/query")


def test_tls_failure_then_ca_bundle(tmp_path):
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with serve(lambda p, q, h: (200, "application/json", b'{"tls": true}'), context) as url:
        with pytest.raises(CollectorError, match=r"TLS verification failed .*CA bundle"):
            client(url).get_json("/x")
        assert client(url, ca_bundle=str(cert)).get_json("/x") == {"tls": True}
