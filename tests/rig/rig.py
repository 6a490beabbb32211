"""A real Prometheus and Alertmanager on free loopback ports, preloaded with a past incident.

    rig = Rig(workdir)                   # the default incident (fixture.py, rules.yml, am_seed.json)
    env = rig.start()                    # {"PROM_URL", "AM_URL", "DATA_START", "DATA_END"}
    ...
    rig.stop()                           # stops only the two servers this object started

Or by hand, until Ctrl-C:  python tests/rig/rig.py [--metrics FILE.om[.gz]] [--rules FILE]

How the past gets into Prometheus (it only serves what is in its TSDB blocks at start):
1. the metrics, as OpenMetrics (timestamps in seconds, `# EOF` last), become blocks with
   `promtool tsdb create-blocks-from openmetrics`;
2. the alert history: promtool cannot backfill alerting rules (2.42 writes the rule's value
   under the alert's name and ignores `for:`), so a scratch Prometheus serves the metrics and
   the rules, each alerting rule is evaluated over the window with `query_range` on the rule
   group's evaluation grid, and Prometheus's pending -> firing state machine is replayed to
   write `ALERTS` and `ALERTS_FOR_STATE` as OpenMetrics too (rules are read back from the
   scratch server's `/api/v1/rules`, so no YAML parser is needed);
3. metrics and alert history become ONE set of blocks, the real Prometheus starts on them
   (nothing is scraped), Alertmanager starts (no clustering), and is seeded with alerts and
   silences over its API.
Backfilled series have no staleness markers: instant queries see an alert for the lookback
delta (5 m) after its last sample; read raw samples (range vectors) to find when it stopped.
"""

from __future__ import annotations

import atexit
import gzip
import json
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
HOST = "127.0.0.1"
BINARIES = ("prometheus", "prometheus-alertmanager", "promtool")
# Credentials for a rig whose Prometheus asks for basic auth (`Rig(basic_auth=True)`); the
# hash is bcrypt (cost 4, made once with the `bcrypt` package) of the password.
BASIC_AUTH_USER, BASIC_AUTH_PASSWORD = "pm-tui", "rig-password-ok"
BASIC_AUTH_HASH = "$2b$04$qvTHbrDJu3oKuRAKAmlYQOkgLDhRqG4TpqKB5WpWqgYUi75mRcd.m"
# One block for the whole fixture: promtool's default (one 2 h block per 2 h) is slow for
# long fixtures and gains nothing here.
BLOCK_DURATION = "8760h"


def _die_with_parent() -> None:
    # Linux: the servers get SIGTERM when the test process dies, even by SIGKILL (no orphans)
    import ctypes

    ctypes.CDLL(None, use_errno=True).prctl(1, 15)  # PR_SET_PDEATHSIG, SIGTERM


class RigError(RuntimeError):
    """The rig could not start; the message says which step and shows the server's log."""


def free_port() -> int:
    """A loopback port nobody listens on now (other checkouts run their own rigs)."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def missing_binaries() -> list[str]:
    """The server binaries the rig needs and cannot find on PATH."""
    return [b for b in BINARIES if shutil.which(b) is None]


def _get_json(url: str, timeout: float = 30, headers: dict | None = None, **params) -> dict:
    if params:
        url += "?" + urllib.parse.urlencode(params)
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.load(response)


def _post_json(url: str, body) -> None:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10):
        pass


def _labels(labels: dict[str, str]) -> str:
    def escape(v: str) -> str:
        return v.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')

    return "{" + ",".join(f'{k}="{escape(v)}"' for k, v in sorted(labels.items())) + "}"


def time_span(openmetrics: str) -> tuple[int, int]:
    """First and last sample time (seconds) of an OpenMetrics text."""
    times = [
        float(line.rsplit(" ", 1)[1])
        for line in openmetrics.splitlines()
        if line and not line.startswith("#")
    ]
    if not times:
        raise RigError("the metrics hold no samples")
    if max(times) > 1e11:
        raise RigError("metric timestamps look like milliseconds; OpenMetrics uses seconds")
    return int(min(times)), int(max(times))


def replay_alerts(rules: list[dict], evaluate, start: int, end: int) -> str:
    """ALERTS and ALERTS_FOR_STATE as OpenMetrics for the alerting rules over [start, end].

    `rules` are groups as `/api/v1/rules` returns them; `evaluate(expr, t0, end, step)` returns
    the `query_range` result. Mirrors rules/alerting.go of Prometheus 2.42: a series that
    appears is pending from that evaluation, firing once it has been present for `for`, and
    dropped at the first evaluation without it.
    """
    alerts: dict[tuple, list[tuple[int, int]]] = {}
    for_state: dict[tuple, list[tuple[int, int]]] = {}
    for group in rules:
        interval = int(group["interval"])
        t0 = -(-start // interval) * interval  # the group's first evaluation at or after start
        for rule in group["rules"]:
            if rule.get("type") != "alerting":
                continue
            name, hold = rule["name"], int(rule.get("duration") or 0)
            rule_labels = {k: str(v) for k, v in (rule.get("labels") or {}).items()}
            if any("{{" in v for v in rule_labels.values()):
                raise RigError(f"{name}: templated labels cannot be replayed")
            if rule.get("keepFiringFor"):
                raise RigError(f"{name}: keep_firing_for cannot be replayed")
            present_at: dict[int, set[tuple]] = {}
            for series in evaluate(rule["query"], t0, end, interval):
                labels = {k: v for k, v in series["metric"].items() if k != "__name__"}
                key = tuple(sorted({**labels, **rule_labels, "alertname": name}.items()))
                for t, _value in series["values"]:
                    present_at.setdefault(int(float(t)), set()).add(key)
            active: dict[tuple, list] = {}  # key -> [state, activeAt]
            for t in range(t0, end + 1, interval):
                present = present_at.get(t, set())
                for key in [k for k in active if k not in present]:
                    del active[key]
                for key in sorted(present):
                    state = active.setdefault(key, ["pending", t])
                    if state[0] == "pending" and t - state[1] >= hold:
                        state[0] = "firing"
                    alerts.setdefault(key + (("alertstate", state[0]),), []).append((t, 1))
                    for_state.setdefault(key, []).append((t, state[1]))
    out = []
    for family, series in (("ALERTS", alerts), ("ALERTS_FOR_STATE", for_state)):
        if series:
            out.append(f"# TYPE {family} gauge")
            for key in sorted(series):
                out += [f"{family}{_labels(dict(key))} {v} {t}" for t, v in series[key]]
    out.append("# EOF")
    return "\n".join(out) + "\n"


class Rig:
    """One Prometheus and one Alertmanager serving a past incident, all state in `workdir`."""

    def __init__(
        self,
        workdir: Path,
        metrics: Path | None = None,
        rules: Path | None = None,
        seed: Path | None = HERE / "am_seed.json",
        prometheus_args: tuple[str, ...] = (),
        basic_auth: bool = False,
    ) -> None:
        self.workdir = Path(workdir)
        self.metrics = metrics  # None: fixture.py; a .gz file is read decompressed
        self.rules = rules or HERE / "rules.yml"
        self.seed = seed
        self.prometheus_args = prometheus_args
        self.basic_auth = basic_auth  # Prometheus asks for BASIC_AUTH_USER/PASSWORD
        self._auth_headers: dict[str, str] = {}
        self._procs: dict[str, subprocess.Popen] = {}
        self.env: dict[str, str] = {}

    # --- processes ------------------------------------------------------------------
    def _spawn(self, name: str, *argv: str) -> None:
        log = (self.workdir / f"{name}.log").open("wb")
        self._procs[name] = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent,
        )
        log.close()

    def _wait_ready(self, name: str, url: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        headers = self._auth_headers if name == "prometheus" else {}
        while True:
            try:
                request = urllib.request.Request(url + "/-/ready", headers=headers)
                with urllib.request.urlopen(request, timeout=1):
                    return
            except OSError:
                pass
            if self._procs[name].poll() is not None or time.monotonic() > deadline:
                log = (self.workdir / f"{name}.log").read_text(errors="replace")[-2000:]
                why = "exited" if self._procs[name].poll() is not None else "is not ready"
                raise RigError(f"{name} {why}:\n{log}")
            time.sleep(0.05)

    def _end(self, name: str, kill: bool = False) -> None:
        proc = self._procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        proc.kill() if kill else proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)

    def _promtool(self, *args: str) -> None:
        done = subprocess.run(["promtool", *args], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RigError(f"promtool {args[0]} {args[1]} failed: {done.stderr.strip()[-1000:]}")

    # --- the pipeline ---------------------------------------------------------------
    def _metrics_text(self) -> str:
        if self.metrics is None:
            from tests.rig.fixture import openmetrics

            return openmetrics()
        raw = self.metrics.read_bytes()
        return (gzip.decompress(raw) if self.metrics.suffix == ".gz" else raw).decode()

    def _alert_history(self, metrics_file: Path, rules: Path, start: int, end: int) -> str:
        scratch = self.workdir / "scratch"
        self._promtool(
            "tsdb", "create-blocks-from", "openmetrics", "-q",
            f"--max-block-duration={BLOCK_DURATION}", str(metrics_file), str(scratch),
        )  # fmt: skip
        config = self.workdir / "scratch.yml"
        config.write_text(f"rule_files: [{json.dumps(str(rules))}]\n")
        url = f"http://{HOST}:{free_port()}"
        self._spawn(
            "prom-scratch", "prometheus", f"--config.file={config}",
            f"--storage.tsdb.path={scratch}", "--storage.tsdb.retention.time=100y",
            f"--web.listen-address={url.removeprefix('http://')}",
        )  # fmt: skip
        try:
            self._wait_ready("prom-scratch", url)
            groups = _get_json(url + "/api/v1/rules")["data"]["groups"]

            def evaluate(expr: str, t0: int, t1: int, step: int) -> list:
                body = _get_json(
                    url + "/api/v1/query_range", query=expr, start=t0, end=t1, step=step
                )
                return body["data"]["result"]

            return replay_alerts(groups, evaluate, start, end)
        finally:
            self._end("prom-scratch", kill=True)  # throwaway: its data is discarded
            shutil.rmtree(scratch, ignore_errors=True)

    def start(self) -> dict[str, str]:
        """Build the blocks, start both servers, wait until they answer; PROM_URL, AM_URL..."""
        missing = missing_binaries()
        if missing:
            raise RigError(
                f"missing {', '.join(missing)}: apt-get install prometheus prometheus-alertmanager"
            )
        atexit.register(self.stop)  # never leave servers behind, even when a test run aborts
        self.workdir.mkdir(parents=True, exist_ok=True)
        rules = self.workdir / "rules.yml"
        shutil.copyfile(self.rules, rules)
        self._promtool("check", "rules", str(rules))
        metrics = self._metrics_text()
        if metrics.rstrip("\n").rsplit("\n", 1)[-1] != "# EOF":
            raise RigError("the metrics must end with '# EOF' (OpenMetrics)")
        start, end = time_span(metrics)
        metrics_file = self.workdir / "metrics.om"
        metrics_file.write_text(metrics)
        alerts = self._alert_history(metrics_file, rules, start, end)
        combined = self.workdir / "combined.om"
        combined.write_text(metrics.rstrip("\n").removesuffix("# EOF") + alerts)
        data = self.workdir / "data"
        self._promtool(
            "tsdb", "create-blocks-from", "openmetrics", "-q",
            f"--max-block-duration={BLOCK_DURATION}", str(combined), str(data),
        )  # fmt: skip

        prom_port, am_port = free_port(), free_port()
        (self.workdir / "prometheus.yml").write_text(
            "global: {evaluation_interval: 1m}\n"
            f"rule_files: [{json.dumps(str(rules))}]\n"
            f"alerting: {{alertmanagers: [{{static_configs: [{{targets: ['{HOST}:{am_port}']}}]}}]}}\n"
            "scrape_configs: []\n"  # nothing is scraped: the data is the backfilled blocks only
        )
        # a black-hole receiver; seeded alerts without endsAt stay active for a day
        (self.workdir / "alertmanager.yml").write_text(
            "global: {resolve_timeout: 24h}\n"
            "route: {receiver: blackhole, group_by: [alertname, job]}\n"
            "receivers: [{name: blackhole}]\n"
        )
        web_args: tuple[str, ...] = ()
        if self.basic_auth:
            import base64

            web_config = self.workdir / "web.yml"
            web_config.write_text(f"basic_auth_users: {{{BASIC_AUTH_USER}: '{BASIC_AUTH_HASH}'}}\n")
            web_args = (f"--web.config.file={web_config}",)
            pair = f"{BASIC_AUTH_USER}:{BASIC_AUTH_PASSWORD}".encode()
            self._auth_headers = {"Authorization": "Basic " + base64.b64encode(pair).decode()}
        self._spawn(
            "prometheus", "prometheus", f"--config.file={self.workdir / 'prometheus.yml'}",
            f"--storage.tsdb.path={data}", "--storage.tsdb.retention.time=100y",
            f"--web.listen-address={HOST}:{prom_port}", *web_args, *self.prometheus_args,
        )  # fmt: skip
        self._spawn(
            "alertmanager", "prometheus-alertmanager",
            f"--config.file={self.workdir / 'alertmanager.yml'}",
            f"--storage.path={self.workdir / 'am'}", f"--web.listen-address={HOST}:{am_port}",
            "--cluster.listen-address=",  # no HA gossip (it would bind 0.0.0.0:9094)
        )  # fmt: skip
        prom_url, am_url = f"http://{HOST}:{prom_port}", f"http://{HOST}:{am_port}"
        try:
            self._wait_ready("prometheus", prom_url)
            self._wait_ready("alertmanager", am_url)
            count = _get_json(
                prom_url + "/api/v1/query", headers=self._auth_headers,
                query='count({__name__=~".+"})', time=end,
            )["data"]["result"]  # fmt: skip
            if not count:
                raise RigError(f"Prometheus shows no series at {end}: the backfill failed")
            if self.seed is not None:
                seed = json.loads(self.seed.read_text())
                if seed.get("alerts"):
                    _post_json(am_url + "/api/v2/alerts", seed["alerts"])
                for silence in seed.get("silences", []):
                    _post_json(am_url + "/api/v2/silences", silence)
        except BaseException:
            self.stop()
            raise
        self.env = {
            "PROM_URL": prom_url,
            "AM_URL": am_url,
            "DATA_START": str(start),
            "DATA_END": str(end),
        }
        return self.env

    def stop(self) -> None:
        """Stop the servers this rig started (and only those)."""
        for name in list(self._procs):
            self._end(name)


def main() -> None:
    import argparse
    import sys
    import tempfile

    sys.path.insert(0, str(HERE.parents[1]))  # `tests.rig.fixture` when run as a script
    parser = argparse.ArgumentParser(description="Run the test rig until Ctrl-C.")
    parser.add_argument("--metrics", type=Path, help="OpenMetrics file (.gz too)")
    parser.add_argument("--rules", type=Path, help="Prometheus rule file")
    parser.add_argument("--no-seed", action="store_true", help="start Alertmanager empty")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pm-tui-rig-") as workdir:
        rig = Rig(
            Path(workdir), args.metrics, args.rules, None if args.no_seed else HERE / "am_seed.json"
        )
        try:
            env = rig.start()
        except RigError as exc:
            sys.exit(f"rig: {exc}")
        print("\n".join(f"{k}={v}" for k, v in env.items()), flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            rig.stop()


if __name__ == "__main__":
    main()
