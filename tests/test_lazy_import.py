"""Modules held by pm_tui.lazy_import load at their first use, not with their importer."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

SAMPLE = ROOT / "sample_incidents" / "2025-02-09-api-service-degradation.toml"


def test_validation_loads_the_language_checks_and_rtoml_only_when_it_runs():
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pm_tui.toml_read import parse_postmortem\n"
        "from pm_tui.validation import validate\n"
        "lazy = ('rtoml', 'pm_tui.validation.rules', 'pm_tui.language.prose')\n"
        "print([m for m in lazy if m in sys.modules])\n"
        f"text = Path({str(SAMPLE)!r}).read_text(encoding='utf-8')\n"
        'text = text.replace(\'summary = """\\n\', \'summary = """\\nBob forgot to renew it. \', 1)\n'
        "findings = validate(parse_postmortem(text), text=text)\n"
        "print([m for m in lazy if m in sys.modules])\n"
        "print(sorted({f.rule for f in findings if f.rule.startswith('blame/')}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    before, after, blame = out.stdout.splitlines()
    assert before == "[]"
    assert after == "['rtoml', 'pm_tui.validation.rules', 'pm_tui.language.prose']"
    assert blame == "['blame/person-fault']"
