"""Hypothesis fuzzing, bounded in time: the TOML loader, the log readers, the redactor and
the Markdown cell escaper take anything and answer with a result or one domain error."""

from __future__ import annotations

import gzip
import re
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pm_tui.collectors.evidence import CollectorError, CollectWindow
from pm_tui.errors import FileFormatError, PmTuiError
from pm_tui.model import PostMortem
from tests.conftest import SAMPLE_ID, SAMPLES

SAMPLE = (SAMPLES / f"{SAMPLE_ID}.toml").read_text(encoding="utf-8")
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,  # the same examples on every run: a failure is reproducible
)


def _load(text: str) -> None:
    from pm_tui.toml_read import parse_postmortem

    try:
        pm = parse_postmortem(text, "fuzz.toml")
    except FileFormatError as exc:
        assert str(exc).startswith("fuzz.toml:") and "\n" not in str(exc).strip()
        return
    assert isinstance(pm, PostMortem)


@FUZZ
@given(st.text(max_size=2000))
def test_toml_loader_on_any_text(text):
    _load(text)


@st.composite
def mutated_sample(draw):
    """The sample post-mortem with a few random cuts, insertions and replacements."""
    text = SAMPLE
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["cut", "insert", "replace"]))
        junk = draw(
            st.one_of(
                st.text(max_size=12),
                st.sampled_from(['"', "[", "]]", "=", "\n[[timeline]]\n", "-1", "nan", "inf",
                                 "0001-01-01T00:00:00Z", '"x"', "[1, 2]", "{a = 1}", "\\u0000"]),
            )
        )  # fmt: skip
        if op == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif op == "insert":
            text = text[:at] + junk + text[at:]
        else:
            text = text[:at] + junk + text[at + len(junk) :]
    return text


@FUZZ
@given(mutated_sample())
def test_toml_loader_on_a_damaged_post_mortem(text):
    _load(text)


@FUZZ
@given(mutated_sample())
def test_a_loaded_post_mortem_saves_and_loads_again(text):
    """Whatever the loader accepts, pm-tui can write and read back (no file it would refuse)."""
    from pm_tui.toml_read import parse_postmortem
    from pm_tui.toml_write import render_postmortem

    try:
        pm = parse_postmortem(text, "fuzz.toml")
    except FileFormatError:
        return
    assert parse_postmortem(render_postmortem(pm, text), "again.toml") == pm


# --- log readers ------------------------------------------------------------------------

WINDOW = CollectWindow(
    datetime(2025, 2, 9, 10, 0, tzinfo=UTC),
    datetime(2025, 2, 9, 11, 0, tzinfo=UTC),
    timedelta(hours=1),
)
LINE = st.one_of(
    st.text(max_size=300),
    st.builds(
        lambda m, s, msg: f"2025-02-09T10:{m:02d}:{s:02d}Z ERROR {msg}",
        st.integers(0, 59), st.integers(0, 59), st.text(max_size=80),
    ),
    st.builds(
        lambda m, msg: '{"ts":"2025-02-09T10:' + f'{m:02d}' + ':00Z","level":"error","msg":' + msg + "}",
        st.integers(0, 59), st.sampled_from(['"ok"', "1", "null", "[1", '{"a":{"b":[]}}', '"\\ud800"']),
    ),
    st.builds(
        lambda ip, m, code: f'{ip} - - [09/Feb/2025:10:{m:02d}:00 +0000] "GET /x HTTP/1.1" {code} 12 "-" "ua"',
        st.sampled_from(["10.0.0.1", "::1", "x"]), st.integers(0, 59), st.integers(0, 999),
    ),
)  # fmt: skip


def _collect(data: bytes, suffix: str = ".log"):
    from pm_tui.collectors.logs.collect import collect_logs

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            result = collect_logs(path, WINDOW)
        except CollectorError as exc:
            assert "\n" not in str(exc)
            return None
        for e in result.evidence:
            assert (
                WINDOW.read_start - timedelta(minutes=5)
                <= e.time
                <= WINDOW.end + timedelta(minutes=5)
            )
        return result


@FUZZ
@given(st.lists(LINE, max_size=60), st.sampled_from(["\n", "\r\n"]))
def test_log_reader_on_mixed_lines(lines, newline):
    _collect(newline.join(lines).encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.binary(max_size=4000))
def test_log_reader_on_binary(data):
    _collect(data)


@FUZZ
@given(st.lists(LINE, max_size=40))
def test_log_reader_on_gzip(lines):
    _collect(gzip.compress("\n".join(lines).encode("utf-8", "surrogatepass")), ".log.gz")


# --- redaction, escaping, neutralising ------------------------------------------------------


@FUZZ
@given(st.text(max_size=500))
def test_redact_takes_anything(text):
    from pm_tui.redact import redact, redact_fields, redact_many

    out, n = redact(text)
    assert isinstance(out, str) and n >= 0
    outs, _ = redact_many([text, text[::-1]])
    assert len(outs) == 2
    redact_fields({"password": text, "x": [text, {"token": text}]})


@FUZZ
@given(st.text(max_size=300))
def test_a_table_cell_never_breaks_its_table(text):
    from pm_tui.report.markdown import escape_cell
    from pm_tui.safetext import has_controls

    cell = escape_cell(text)
    assert "\n" not in cell and "\r" not in cell and not has_controls(cell)
    assert re.search(r"(?<!\\)\|", cell) is None


@FUZZ
@given(st.text(max_size=300))
def test_prose_links_keep_safe_schemes_only(text):
    from pm_tui.report.markdown import prose

    out = prose(text)
    for m in re.finditer(r"(?<!\\)\[[^\]\n]*\]\(\s*<?([A-Za-z][A-Za-z0-9+.-]*):", out):
        assert m.group(1).lower() in ("http", "https", "mailto"), out


def test_the_fuzzers_error_types_are_domain_errors():
    assert issubclass(FileFormatError, PmTuiError)
