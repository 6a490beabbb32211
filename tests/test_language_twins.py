"""The ASCII twins of the tokenising patterns find exactly the tokens of the originals."""

from __future__ import annotations

import random

from pm_tui.language import learned, subjects
from tests.conftest import ROOT

# The characters the alternatives turn on: letters, digits, "@", ".", "-", "'", "_", spaces and
# the marks that are tokens, with the whitespace beyond ASCII's \s that Unicode's \s holds.
ALPHABET = "aAzZ09.@-'_ \t\n\x1c\x1f,;:()?!\"/#"


def _texts() -> list[str]:
    rng = random.Random(10)
    texts = [
        "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 24))) for _ in range(20_000)
    ]
    for path in sorted((ROOT / "tests" / "data").glob("*.tsv")):
        texts += path.read_text(encoding="utf-8").splitlines()
    texts += ["t.okafor@ paged", "S.K.'s change", "e.g. v2.3.0", "@a.b-c", "x@", "Mr.Grant"]
    return texts


def test_learned_tokens_equal_the_pattern_on_every_text():
    texts = _texts()
    assert sum(t.isascii() for t in texts) > 20_000  # the twins are really asked
    for text in texts:
        assert learned._tokens(text) == learned._TOKEN.findall(text), text


def test_subject_tokens_equal_the_pattern_on_every_text():
    for text in [*_texts(), "Zoë and Ødegaard broke it", "O’Brien’s change"]:
        want = subjects._token_re().findall(text)
        assert subjects.tokens(text) == want, text
        assert subjects.first_tokens(text, 6) == want[:6], text
