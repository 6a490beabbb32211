"""Write the own (tuning) set of real-world-style log samples and their manifest.

Each sample imitates a format real systems write (invented content); the manifest gives each
line's true UTC time (at the precision the line carries, or "continuation") and its level
from the format's level field ("" when none), the same shape as the held-out set's manifest.
This set is for tuning the log reader; tests/heldout/logformats is never used for that.

    python tests/data/logformats/make_samples.py
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
START = datetime(2026, 3, 29, 0, 40, 5, 250_000, tzinfo=UTC)  # spans the EU DST change
LEVELS = ["info", "info", "info", "warning", "error", "debug", "info", "critical"]
WORDS = [
    "connection reset by peer",
    "retrying in 200ms",
    "cache miss for key user:4411",
    "upstream timed out (110: Connection timed out)",
    "flushed 412 rows",
    "error state 6 in replica lag probe",
    "WARN threshold reached for queue depth",
    "request completed in 12ms",
    "worker pool resized to 16",
    "failed to renew lease",
]
MON = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
DOW = "Mon Tue Wed Thu Fri Sat Sun".split()


def iso_z(t: datetime, digits: int) -> str:
    t = t.astimezone(UTC)
    base = t.strftime("%Y-%m-%dT%H:%M:%S")
    if digits:
        base += "." + f"{t.microsecond:06d}"[:digits]
    return base + "Z"


def cut(t: datetime, digits: int) -> datetime:
    step = 10 ** (6 - digits)
    return t.replace(microsecond=t.microsecond - t.microsecond % step)


def frac(t: datetime, digits: int) -> str:
    return f"{t.microsecond:06d}"[:digits]


SAMPLES = {}


def sample(name, fmt, tz="UTC", year=2026, note="", digits=0, step=97, n=14):
    def wrap(render):
        SAMPLES[name] = (fmt, tz, year, note, digits, step, n, render)
        return render

    return wrap


# render(local_time, level, word, i, rnd) -> (line, level_written, [continuations])


@sample(
    "rsyslog_berlin.log",
    "RFC 3164 syslog, local time, no year",
    "Europe/Berlin",
    note="two spaces after the host on some lines; sshd error: prefix; DST change",
)
def _(t, lvl, w, i, r):
    host = "db-7" + ("  " if i % 3 == 0 else " ")
    if lvl == "error":
        return (
            f"{MON[t.month - 1]} {t.day:2d} {t:%H:%M:%S} {host}sshd[{900 + i}]: error: kex_exchange_identification: {w}",
            "error",
            [],
        )
    return f"{MON[t.month - 1]} {t.day:2d} {t:%H:%M:%S} {host}backupd[{4000 + i}]: {w}", "", []


@sample("syslog_pri.log", "syslog with PRI, no year", "UTC")
def _(t, lvl, w, i, r):
    sev = {"debug": 7, "info": 6, "warning": 4, "error": 3, "critical": 2}[lvl]
    return (
        f"<{8 * 3 + sev}>{MON[t.month - 1]} {t.day:2d} {t:%H:%M:%S} edge-2 haproxyctl[77]: {w}",
        lvl,
        [],
    )


@sample("apache22_error.log", "Apache 2.2 error log", "America/New_York")
def _(t, lvl, w, i, r):
    word = {"warning": "warn", "critical": "crit"}.get(lvl, lvl)
    return (
        f"[{DOW[t.weekday()]} {MON[t.month - 1]} {t.day:02d} {t:%H:%M:%S} {t.year}] [{word}] [client 10.2.{i}.9] {w}",
        lvl,
        [],
    )


@sample("apache24_error.log", "Apache 2.4 error log with module:level", "Europe/Lisbon", digits=6)
def _(t, lvl, w, i, r):
    word = {"warning": "warn", "critical": "crit"}.get(lvl, lvl)
    return (
        f"[{DOW[t.weekday()]} {MON[t.month - 1]} {t.day:02d} {t:%H:%M:%S}.{frac(t, 6)} {t.year}] [proxy_fcgi:{word}] [pid {300 + i}:tid 1400{i}] [client 10.0.0.{i}:5{i}12] {w}",
        lvl,
        [],
    )


@sample("spark_yy.log", "two-digit year yy/mm/dd hh:mm:ss", "UTC")
def _(t, lvl, w, i, r):
    word = {"warning": "WARN", "critical": "ERROR"}.get(lvl, lvl.upper())
    return (
        f"{t:%y/%m/%d %H:%M:%S} {word} storage.ShuffleBlockFetcher: {w}",
        {"critical": "error"}.get(lvl, lvl),
        [],
    )


@sample("hdfs_yymmdd.log", "yymmdd hhmmss with a thread id", "UTC")
def _(t, lvl, w, i, r):
    word = {"warning": "WARN", "critical": "FATAL"}.get(lvl, lvl.upper())
    return f"{t:%y%m%d %H%M%S} {100 + i} {word} dfs.FSNamesystem: {w}", lvl, []


@sample("logcat_tokyo.log", "Android logcat threadtime (no year)", "Asia/Tokyo", digits=3)
def _(t, lvl, w, i, r):
    letter = {"debug": "D", "info": "I", "warning": "W", "error": "E", "critical": "F"}[lvl]
    return (
        f"{t:%m-%d %H:%M:%S}.{frac(t, 3)}  {1200 + i}  {1250 + i} {letter} PowerManager: {w}",
        lvl,
        [],
    )


@sample(
    "stepcounter.log", "yyyymmdd-hh:mm:ss:SSS pipe separated, no level", "Asia/Shanghai", digits=3
)
def _(t, lvl, w, i, r):
    return (
        f"{t:%Y%m%d-%H:%M:%S}:{frac(t, 3)}|Step_SPUtils|{30002312 + i}|setTodayTotalDetailSteps={i * 97}",
        "",
        [],
    )


@sample("proxy_client.log", "[MM.DD hh:mm:ss] no year, no level", "Europe/Warsaw")
def _(t, lvl, w, i, r):
    return (
        f"[{t:%m.%d %H:%M:%S}] firefox.exe - cdn{i}.example.net:443 close, {i * 311} bytes sent",
        "",
        [],
    )


@sample(
    "bluegene.log",
    "epoch column, yyyy.mm.dd, yyyy-mm-dd-hh.mm.ss.ffffff",
    "America/Chicago",
    digits=6,
)
def _(t, lvl, w, i, r):
    word = {"warning": "WARNING", "critical": "FATAL", "debug": "INFO"}.get(lvl, lvl.upper())
    e = int(t.timestamp())
    return (
        f"- {e} {t:%Y.%m.%d} R21-M0-N{i % 9}-C:J0{i % 7}-U01 {t:%Y-%m-%d-%H.%M.%S}.{frac(t, 6)} R21-M0-N{i % 9}-C:J0{i % 7}-U01 RAS KERNEL {word} {w}",
        {"debug": "info"}.get(lvl, lvl),
        [],
    )


@sample("supercomputer_syslog.log", "epoch column before a local syslog time", "America/Denver")
def _(t, lvl, w, i, r):
    e = int(t.timestamp())
    return (
        f"- {e} {t:%Y.%m.%d} an{i % 4} {MON[t.month - 1]} {t.day} {t:%H:%M:%S} an{i % 4}/an{i % 4} ntpd[{2000 + i}]: {w}",
        "",
        [],
    )


@sample("epoch_ms_worker.log", "epoch milliseconds in the second column", "UTC", digits=3)
def _(t, lvl, w, i, r):
    word = {"warning": "WARN", "critical": "FATAL"}.get(lvl, lvl.upper())
    return f"worker-{i % 3} {int(t.timestamp() * 1000)} {word} {w}", lvl, []


@sample(
    "grep_prefixed.log", "grep -H output: a file name with a date before the time", "UTC", digits=3
)
def _(t, lvl, w, i, r):
    word = {"warning": "WARN", "critical": "FATAL"}.get(lvl, lvl.upper())
    return (
        f"orders-2026-03-28.log:{t:%Y-%m-%d %H:%M:%S},{frac(t, 3)} {word} [pool-2-thread-{i}] c.e.orders.Sync - {w}",
        lvl,
        [],
    )


@sample("cbs_paris.log", "Windows CBS", "Europe/Paris")
def _(t, lvl, w, i, r):
    word = {
        "warning": "Warning",
        "error": "Error",
        "critical": "Error",
        "debug": "Info",
        "info": "Info",
    }[lvl]
    return (
        f"{t:%Y-%m-%d %H:%M:%S}, {word:<21} CBS    {w}",
        {"debug": "info", "critical": "error"}.get(lvl, lvl),
        [],
    )


@sample("rails_app.log", "Ruby Logger (Rails)", "UTC", digits=6)
def _(t, lvl, w, i, r):
    word = {"warning": "WARN", "critical": "FATAL"}.get(lvl, lvl.upper())
    cont = [f"  app/models/invoice.rb:{10 + i}:in `total'"] if lvl == "error" else []
    return (
        f"{word[0]}, [{t:%Y-%m-%dT%H:%M:%S}.{frac(t, 6)} #{4100 + i}] {word:>5} -- : {w}",
        lvl,
        cont,
    )


@sample("redis_server.log", "Redis server log", "UTC", digits=3)
def _(t, lvl, w, i, r):
    mark, level = {
        "debug": (".", "debug"),
        "warning": ("#", "warning"),
        "error": ("#", "warning"),
        "critical": ("#", "warning"),
    }.get(lvl, ("*", "info"))
    return (
        f"{5 + i}:M {t.day:02d} {MON[t.month - 1]} {t.year} {t:%H:%M:%S}.{frac(t, 3)} {mark} {w}",
        level,
        [],
    )


@sample("nginx_error_local.log", "nginx error log, local time", "Europe/Berlin")
def _(t, lvl, w, i, r):
    word = {"warning": "warn", "critical": "crit", "debug": "notice"}.get(lvl, lvl)
    return (
        f"{t:%Y/%m/%d %H:%M:%S} [{word}] {1500 + i}#{1500 + i}: *{77 + i} {w}, client: 10.1.1.{i}",
        {"debug": "info"}.get(lvl, lvl),
        [],
    )


@sample("mysql55_err.log", "MySQL 5.5 error log (yymmdd, hour padded with a space)", "UTC")
def _(t, lvl, w, i, r):
    word = {
        "warning": "Warning",
        "error": "ERROR",
        "critical": "ERROR",
        "info": "Note",
        "debug": "Note",
    }[lvl]
    return (
        f"{t:%y%m%d} {t.hour:2d}:{t:%M:%S} [{word}] InnoDB: {w}",
        {"debug": "info", "critical": "error"}.get(lvl, lvl),
        [],
    )


@sample("mysql8_err.log", "MySQL 8 error log", "UTC", digits=6)
def _(t, lvl, w, i, r):
    word = {
        "warning": "Warning",
        "error": "ERROR",
        "critical": "ERROR",
        "info": "System",
        "debug": "Note",
    }[lvl]
    return (
        f"{iso_z(t, 6)} {i} [{word}] [MY-0{10000 + i}] [Server] {w}",
        {"debug": "info", "critical": "error"}.get(lvl, lvl),
        [],
    )


@sample("postgres_cet.log", "PostgreSQL with a zone abbreviation", "Europe/Paris", digits=3)
def _(t, lvl, w, i, r):
    word = {
        "debug": "DEBUG1",
        "info": "LOG",
        "warning": "WARNING",
        "error": "ERROR",
        "critical": "FATAL",
    }[lvl]
    level = {"debug": ""}.get(lvl, lvl)
    abbr = "CEST" if t.utcoffset() == timedelta(hours=2) else "CET"
    cont = (
        [f"\tSTATEMENT:  UPDATE accounts SET balance = balance - {i} WHERE id = {i}"]
        if lvl == "error"
        else []
    )
    return f"{t:%Y-%m-%d %H:%M:%S}.{frac(t, 3)} {abbr} [{2200 + i}] {word}:  {w}", level, cont


@sample("go_std.log", "Go standard library log (no level)", "UTC", digits=6)
def _(t, lvl, w, i, r):
    cont = (
        ["goroutine 1 [running]:", "main.main()", "\t/src/main.go:42 +0x1d"]
        if lvl == "critical"
        else []
    )
    return f"{t:%Y/%m/%d %H:%M:%S}.{frac(t, 6)} server.go:{100 + i}: {w}", "", cont


@sample("log4j_threads.log", "log4j with thread and stack traces", "Europe/Madrid", digits=3)
def _(t, lvl, w, i, r):
    word = {"warning": "WARN", "critical": "FATAL"}.get(lvl, lvl.upper())
    cont = (
        [
            "java.lang.IllegalStateException: pool closed",
            "\tat com.example.Pool.borrow(Pool.java:88)",
            "\t... 12 more",
        ]
        if lvl == "error"
        else []
    )
    return (
        f"{t:%Y-%m-%d %H:%M:%S},{frac(t, 3)} [http-nio-8443-exec-{i}] {word:<5} com.example.Checkout - {w}",
        lvl,
        cont,
    )


@sample("journal_klog.log", "journalctl -o short-iso with klog inside", "UTC")
def _(t, lvl, w, i, r):
    letter = {"debug": "I", "info": "I", "warning": "W", "error": "E", "critical": "E"}[lvl]
    return (
        f'{t:%Y-%m-%dT%H:%M:%S}+0000 node-4 kubelet[{880 + i}]: {letter}{t:%m%d %H:%M:%S}.{frac(t, 6)}    {880 + i} kubelet.go:{2000 + i}] "{w}"',
        {"I": "info", "W": "warning", "E": "error"}[letter],
        [],
    )


@sample("cri_container.log", "CRI (containerd) container log", "UTC", digits=6)
def _(t, lvl, w, i, r):
    word = {"warning": "warn", "critical": "fatal"}.get(lvl, lvl)
    stream = "stderr" if lvl in ("error", "critical") else "stdout"
    local = t.astimezone(ZoneInfo("Europe/Helsinki"))
    offset = f"{local:%z}"
    return (
        f'{local:%Y-%m-%dT%H:%M:%S}.{frac(t, 6)}{offset[:3]}:{offset[3:]} {stream} F level={word} msg="{w}"',
        {"critical": "critical"}.get(lvl, lvl),
        [],
    )


@sample("angle_levels.log", "ISO time then <level> (busybox/daemon style)", "UTC")
def _(t, lvl, w, i, r):
    word = {"warning": "warning", "error": "err", "critical": "crit"}.get(lvl, lvl)
    return f"{t:%Y-%m-%d %H:%M:%S} <{word}> dnsmasq[{300 + i}]: {w}", lvl, []


def write() -> None:
    rnd = random.Random(18)
    lines_toml = ["# written by make_samples.py: true UTC times and levels per line", ""]
    for name, (fmt, tz, year, note, digits, step, n, render) in SAMPLES.items():
        zone = ZoneInfo(tz)
        rows, times, levels = [], [], []
        t = START
        for i in range(n):
            t = t + timedelta(
                seconds=step + rnd.randrange(0, 400), microseconds=rnd.randrange(0, 999_999)
            )
            local = t.astimezone(zone)
            lvl = LEVELS[(i + len(name)) % len(LEVELS)]
            line, level, cont = render(local, lvl, WORDS[(i * 7 + len(name)) % len(WORDS)], i, rnd)
            rows.append(line)
            times.append(iso_z(cut(t, digits), digits))
            levels.append(level)
            for c in cont:
                rows.append(c)
                times.append("continuation")
                levels.append("")
        (HERE / name).write_text("\n".join(rows) + "\n", encoding="utf-8")
        lines_toml.append(f'[files."{name}"]')
        lines_toml.append(f'format = "{fmt}"')
        lines_toml.append(f'tz = "{tz}"')
        lines_toml.append(f"year = {year}")
        if note:
            lines_toml.append(f'note = "{note}"')
        lines_toml.append("lines = [" + ", ".join(f'"{x}"' for x in times) + "]")
        lines_toml.append("levels = [" + ", ".join(f'"{x}"' for x in levels) + "]")
        lines_toml.append("")
    (HERE / "manifest.toml").write_text("\n".join(lines_toml), encoding="utf-8")


if __name__ == "__main__":
    write()
