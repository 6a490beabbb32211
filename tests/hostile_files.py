"""A corpus of hostile post-mortem files, made from the sample so each breaks one thing:
malformed, huge but bounded, binary, nested, wrongly typed, wrongly encoded, out of range."""

from __future__ import annotations

import os
import random

from tests.conftest import SAMPLE_ID, SAMPLES


def _sample() -> str:
    return (SAMPLES / f"{SAMPLE_ID}.toml").read_text(encoding="utf-8")


def _with_id(text: str, pm_id: str) -> str:
    return text.replace(f'id = "{SAMPLE_ID}"', f'id = "{pm_id}"', 1)


# odd but readable: a byte-order mark, control characters (shown as symbols), an 8 MB
# summary; every other file of the corpus (20,000 events too) must be refused with one line
READABLE = {f"2025-03-13-{s}" for s in ("bom", "control-chars", "huge-string")}


def hostile_postmortems() -> dict[str, bytes]:
    """{post-mortem id: file bytes}; every id is valid, every file is bad in its own way."""
    base = _sample()
    rnd = random.Random(13)
    cases: dict[str, str | bytes] = {}

    def case(slug: str, text: str | bytes) -> None:
        pm_id = f"2025-03-13-{slug}"
        cases[pm_id] = _with_id(text, pm_id) if isinstance(text, str) else text

    case(
        "services-string", base.replace('services = ["api", "postgres-orders"]', 'services = "api"')
    )
    case("timeline-table", base.split("[[timeline]]")[0] + '[timeline]\nid = "T-1"\n')
    case("title-number", base.replace('title = "API service', 'title = 42\nx = "API service', 1))
    case("time-string", base.replace("started = 2025-02-09T10:05:00Z", 'started = "yesterday"'))
    case(
        "naive-time",
        base.replace("started = 2025-02-09T10:05:00Z", "started = 2025-02-09T10:05:00"),
    )
    case(
        "year-one", base.replace("started = 2025-02-09T10:05:00Z", "started = 0001-01-01T00:00:00Z")
    )
    case(
        "resolved-first",
        base.replace("resolved = 2025-02-09T11:40:00Z", "resolved = 2025-02-09T09:00:00Z"),
    )
    case("negative", _replace_key(base, "failed_requests", "-5"))
    case("nan-cost", _replace_key(base, "estimated_cost", "nan"))
    case("inf-cost", _replace_key(base, "estimated_cost", "inf"))
    case("bad-kind", base.replace('kind = "alert_fired"', 'kind = "explosion"', 1))
    case("nested-arrays", base + "\nx = " + "[" * 5000 + "]" * 5000 + "\n")
    case("nested-tables", base + "\ny = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n")
    case("truncated", base[: len(base) // 2])
    case("unclosed-string", base.replace('title = "API', 'title = """API', 1))
    case("empty", "")
    case("only-comments", "# nothing here\n" * 100)
    case("bom", "\ufeff" + base)
    case("nul-bytes", base.replace("summary", "sum\x00mary", 1))
    case("control-chars", base.replace('title = "API', 'title = "\\u001b]0;pwned\\u0007API', 1))
    case("huge-string", base.replace('summary = """', 'summary = """' + "x" * (8 << 20), 1))
    case(
        "many-events",
        base
        + "".join(
            f'\n[[timeline]]\nid = "T-{i + 100}"\ntime = 2025-02-09T10:{i % 60:02d}:00Z\ntext = "event {i}"\n'
            for i in range(20_000)
        ),
    )
    case("wrong-schema", base.replace("schema_version = 1", "schema_version = 99"))
    case("schema-string", base.replace("schema_version = 1", 'schema_version = "1"'))
    case("id-path", base.replace(f'id = "{SAMPLE_ID}"', 'id = "../../elsewhere/x"'))
    cases["2025-03-13-id-other"] = base  # its id names another post-mortem
    cases["2025-03-13-utf16"] = _with_id(base, "2025-03-13-utf16").encode("utf-16")
    cases["2025-03-13-latin1"] = (
        _with_id(base, "2025-03-13-latin1")
        .replace("summary", "résumé_summary", 1)
        .encode("latin-1", "replace")
    )
    cases["2025-03-13-binary"] = bytes(rnd.getrandbits(8) for _ in range(64 << 10))
    cases["2025-03-13-gzip"] = b"\x1f\x8b\x08\x00" + os.urandom(1000)
    return {k: v.encode("utf-8") if isinstance(v, str) else v for k, v in cases.items()}


def _replace_key(text: str, key: str, value: str) -> str:
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith(f"{key} = "):
            lines[i] = f"{key} = {value}\n"
            return "".join(lines)
    return text.replace("[impact]", f"[impact]\n{key} = {value}", 1)


def plant(repo, files: dict[str, bytes]) -> None:
    """Write each hostile file as `postmortems/<id>.toml` of `repo` (not committed)."""
    for pm_id, data in files.items():
        (repo.postmortems_dir / f"{pm_id}.toml").write_bytes(data)
