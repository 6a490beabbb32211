"""Score the log reader's timestamps and levels, per line, against a manifest of true values.

For each file: the reader learns the format from the file's first lines (as `collect` does),
then every line is read; a line's time is right when it equals the true UTC time (at the
precision the line carries), a continuation is right when no time is read from it, and a
level is right when it equals the true one ("" for none). Prints one row per file and totals.

    .venv/bin/python bench/score_logformats.py tests/data/logformats        # own set (tuning)
    .venv/bin/python bench/score_logformats.py tests/heldout/logformats     # held-out: score only

The manifest (`manifest.toml` in the folder) has, per file: tz, year, lines (ISO UTC times or
"continuation"), levels (debug/info/warning/error/critical or "").
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _truth_time(text: str) -> datetime:
    text = re.sub(r"(\.\d{6})\d+", r"\1", text.replace("Z", "+00:00"))
    return datetime.fromisoformat(text).astimezone(UTC)


def _precision(text: str) -> int:
    m = re.search(r"\.(\d+)", text)
    return min(len(m.group(1)), 6) if m else 0


def _cut(t: datetime, digits: int) -> datetime:
    micro = t.microsecond - t.microsecond % (10 ** (6 - digits)) if digits < 6 else t.microsecond
    return t.replace(microsecond=micro)


def _read(lines: list[str], tz: str, year: int | None, name: str) -> list:
    """(time, level) per line as the log reader reads them."""
    try:
        from pm_tui.collectors.logs.line_formats import times_and_levels
    except ImportError:  # the reader before the layouts mechanism (#18): detect + parse
        return _read_before(lines, tz, year)
    return times_and_levels(lines, tz=tz, year=year, name=name)


def _read_before(lines: list[str], tz: str, year: int | None) -> list:
    from zoneinfo import ZoneInfo

    from pm_tui.collectors.logs.line_formats import Context, detect

    anchor = datetime(year or 2026, 7, 1, tzinfo=UTC)
    zone = UTC if tz in ("UTC", "", None) else ZoneInfo(tz)
    ctx = Context(anchor=anchor, year=year, tz=zone)
    parser = detect([ln for ln in lines[:200] if ln.strip()], ctx)
    out = []
    for line in lines:
        rec = parser.parse(line) if line.strip() else None
        out.append((rec[0], rec[1]) if rec else (None, None))
    return out


def score_file(path: Path, entry: dict) -> dict:
    """Per-file figures: times right/total, continuations right/total, levels right/total."""
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    got = _read(lines, entry.get("tz", "UTC"), entry.get("year"), path.name)
    out = {"time_ok": 0, "times": 0, "cont_ok": 0, "conts": 0, "level_ok": 0, "levels": 0}
    for (t, level), truth, true_level in zip(got, entry["lines"], entry["levels"], strict=True):
        if truth == "continuation":
            out["conts"] += 1
            out["cont_ok"] += t is None
            continue
        out["times"] += 1
        want = _truth_time(truth)
        if t is not None and _cut(t.astimezone(UTC), _precision(truth)) == want:
            out["time_ok"] += 1
        out["levels"] += 1
        out["level_ok"] += (level or "") == true_level
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("folder", help="a folder with manifest.toml and the log files it names")
    p.add_argument("--quiet", action="store_true", help="totals only")
    args = p.parse_args(argv)
    folder = Path(args.folder)
    manifest = tomllib.loads((folder / "manifest.toml").read_text(encoding="utf-8"))["files"]
    totals = dict.fromkeys(("time_ok", "times", "cont_ok", "conts", "level_ok", "levels"), 0)
    perfect = 0
    if not args.quiet:
        print(f"{'file':34} {'times':>9} {'levels':>9} {'contin.':>8}")
    for name in sorted(manifest):
        try:
            r = score_file(folder / name, manifest[name])
        except Exception as exc:  # a scorer prints every file's figure, whatever one does
            print(f"{name:34} error: {type(exc).__name__}: {exc}")
            r = {
                "time_ok": 0,
                "times": len([x for x in manifest[name]["lines"] if x != "continuation"]),
            }
            r |= {"cont_ok": 0, "conts": 0, "level_ok": 0, "levels": r["times"]}
        for k in totals:
            totals[k] += r[k]
        perfect += r["time_ok"] == r["times"] and r["level_ok"] == r["levels"]
        if not args.quiet:
            print(
                f"{name:34} {r['time_ok']:>4}/{r['times']:<4} {r['level_ok']:>4}/{r['levels']:<4}"
                f" {r['cont_ok']:>3}/{r['conts']:<3}"
            )

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:.1f}%" if b else "-"

    print(
        f"TOTAL {len(manifest)} files: times {totals['time_ok']}/{totals['times']} "
        f"({pct(totals['time_ok'], totals['times'])}), levels {totals['level_ok']}/{totals['levels']} "
        f"({pct(totals['level_ok'], totals['levels'])}), continuations {totals['cont_ok']}/{totals['conts']} "
        f"({pct(totals['cont_ok'], totals['conts'])}), files fully right {perfect}/{len(manifest)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
