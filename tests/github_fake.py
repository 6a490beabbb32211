"""A local HTTP server speaking the subset of GitHub's REST API that pm-tui uses.

State lives in memory: repositories, issues (numbered per repository), known users.
Error bodies follow GitHub's documented shapes (message, errors, documentation_url).
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

TOKEN = "ghp_test_token"
DOCS = "https://docs.github.com/rest"


class FakeGitHub:
    def __init__(self):
        self.repos: dict[str, list[dict]] = {}
        self.users = {"alice", "marco"}
        self.rate_limited = False
        self.max_per_page = 100  # GitHub's cap; tests lower it to exercise pagination
        self.posts_before_limit: int | None = None  # rate-limit POSTs after this many
        self.requests: list[tuple[str, str]] = []
        self.payloads: list[tuple[str, str, dict]] = []  # method, path, JSON body sent
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def reset(self) -> None:
        with self.lock:
            self.repos = {"acme/api": []}
            self.rate_limited = False
            self.max_per_page = 100
            self.posts_before_limit = None
            self.requests = []
            self.payloads = []

    def count(self, method: str) -> int:
        return sum(1 for m, _ in self.requests if m == method)

    def issue(self, repo: str, number: int) -> dict:
        return self.repos[repo][number - 1]


def _handler(gh: FakeGitHub):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output clean
            pass

        def _send(self, status: int, body, headers: dict | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

        def _error(self, status: int, message: str, **extra) -> None:
            self._send(status, {"message": message, "documentation_url": DOCS, **extra})

        def _handle(self, method: str) -> None:
            parts = urlsplit(self.path)
            gh.requests.append((method, self.path))
            auth = self.headers.get("Authorization", "")
            if auth not in (f"Bearer {TOKEN}", f"token {TOKEN}"):
                return self._error(401, "Bad credentials")
            limited = (
                gh.posts_before_limit is not None
                and method == "POST"
                and (gh.count("POST") > gh.posts_before_limit)
            )
            if gh.rate_limited or limited:
                reset = str(int(time.time()) + 600)
                self._send(
                    403,
                    {
                        "message": "API rate limit exceeded for user ID 1.",
                        "documentation_url": DOCS,
                    },
                    {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset},
                )
                return None
            m = re.fullmatch(r"/repos/([^/]+/[^/]+)(/issues(?:/(\d+))?)?", parts.path)
            if not m or m.group(1) not in gh.repos:
                return self._error(404, "Not Found")
            repo, issues = gh.repos[m.group(1)], gh.repos[m.group(1)]
            if m.group(2) is None:
                return self._send(200, {"full_name": m.group(1)})
            length = int(self.headers.get("Content-Length") or 0)
            payload = json.loads(self.rfile.read(length)) if length else {}
            if payload:
                gh.payloads.append((method, parts.path, json.loads(json.dumps(payload))))
            with gh.lock:
                if m.group(3) is None and method == "POST":
                    return self._create(m.group(1), repo, payload)
                if m.group(3) is None and method == "GET":
                    return self._list(m.group(1), issues, parse_qs(parts.query))
                n = int(m.group(3))
                if not 1 <= n <= len(issues):
                    return self._error(404, "Not Found")
                if method == "GET":
                    return self._send(200, issues[n - 1])
                if method == "PATCH":
                    if not self._valid(payload):
                        return None
                    issue = issues[n - 1]
                    for key in ("title", "body", "state", "state_reason"):
                        if key in payload:
                            issue[key] = payload[key]
                    if "labels" in payload:
                        issue["labels"] = [{"name": x} for x in payload["labels"]]
                    if "assignees" in payload:
                        issue["assignees"] = [{"login": x} for x in payload["assignees"]]
                    return self._send(200, issue)
            return self._error(404, "Not Found")

        def _valid(self, payload: dict) -> bool:
            if "title" in payload and not str(payload["title"]).strip():
                self._error(
                    422,
                    "Validation Failed",
                    errors=[{"resource": "Issue", "field": "title", "code": "missing_field"}],
                )
                return False
            for login in payload.get("assignees", []):
                if login not in gh.users:
                    self._error(
                        422,
                        "Validation Failed",
                        errors=[
                            {
                                "value": login,
                                "resource": "Issue",
                                "field": "assignees",
                                "code": "invalid",
                            }
                        ],
                    )
                    return False
            return True

        def _create(self, name: str, issues: list, payload: dict) -> None:
            if "title" not in payload:
                payload["title"] = ""
            if not self._valid(payload):
                return None
            n = len(issues) + 1
            issue = {
                "number": n,
                "html_url": f"{gh.url}/{name}/issues/{n}",
                "title": payload["title"],
                "body": payload.get("body", ""),
                "state": "open",
                "state_reason": None,
                # Labels that do not exist are created on the fly, as on GitHub.
                "labels": [{"name": x} for x in payload.get("labels", [])],
                "assignees": [{"login": x} for x in payload.get("assignees", [])],
            }
            issues.append(issue)
            self._send(201, issue)
            return None

        def _list(self, name: str, issues: list, query: dict) -> None:
            state = query.get("state", ["open"])[0]
            label = query.get("labels", [None])[0]
            per_page = min(int(query.get("per_page", ["30"])[0]), gh.max_per_page)
            page = int(query.get("page", ["1"])[0])
            chosen = [
                i
                for i in issues
                if (state == "all" or i["state"] == state)
                and (label is None or label in [x["name"] for x in i["labels"]])
            ]
            chunk = chosen[(page - 1) * per_page : page * per_page]
            headers = {}
            if page * per_page < len(chosen):
                nxt = f"{gh.url}/repos/{name}/issues?state={state}&per_page={per_page}&page={page + 1}"
                if label:
                    nxt += f"&labels={label}"
                headers["Link"] = f'<{nxt}>; rel="next"'
            self._send(200, chunk, headers)

        def do_GET(self):
            self._handle("GET")

        def do_POST(self):
            self._handle("POST")

        def do_PATCH(self):
            self._handle("PATCH")

    return Handler
