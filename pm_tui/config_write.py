"""Writing config.toml in place: a new file gets every key with a comment saying what it
is; an existing one keeps its comments and other keys (tomlkit, merged key by key).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pm_tui.config_keys import KEYS, REPO_COMMENT, key_spec
from pm_tui.config_values import parse_value
from pm_tui.errors import PmTuiError

HEADER = (
    "pm-tui configuration, written by 'pm-tui init' (run it again to change values; your own\n"
    "comments and keys are kept). Tokens are never stored here: only the NAMES of the\n"
    "environment variables that hold them. Documented in docs/config.md."
)


def flatten(config: dict[str, Any]) -> dict[str, Any]:
    """The current values of the known keys, by dotted name."""
    values: dict[str, Any] = {}
    for k in (("repo",), *(tuple(c.key.split(".")) for c in KEYS)):
        node: Any = config
        for part in k:
            node = node.get(part) if isinstance(node, dict) else None
        if node is not None:
            values[".".join(k)] = node
    return values


def write_config(path: Path, values: dict[str, Any]) -> None:
    """Write `values` into config.toml at `path`, in place, keeping comments and other keys."""
    import tomlkit

    from pm_tui.atomic_write import atomic_write_text

    if path.exists():
        try:
            doc = tomlkit.parse(path.read_text(encoding="utf-8"))
        except Exception as exc:  # tomlkit raises several parse error types
            raise PmTuiError(
                f"{path}: not valid TOML ({exc}); fix or move it, then run init"
            ) from None
    else:
        doc = _template(values)
    for key, value in values.items():
        *tables, leaf = key.split(".")
        node = doc
        for part in tables:
            if part not in node:
                node[part] = tomlkit.table()
            node = node[part]
        if value in ("", [], None):
            if leaf in node:
                del node[leaf]
        elif node.get(leaf) != value:
            node[leaf] = value
    atomic_write_text(path, tomlkit.dumps(doc))


def _template(values: dict[str, Any]):
    """A new config document: every key with a comment saying what it is."""
    import tomlkit

    doc = tomlkit.document()
    for line in HEADER.splitlines():
        doc.add(tomlkit.comment(line))
    doc.add(tomlkit.nl())
    doc.add(tomlkit.comment(REPO_COMMENT))
    if values.get("repo"):
        doc.add("repo", values["repo"])
    else:
        doc.add(tomlkit.comment('repo = "~/src/postmortems"'))
    tables: dict[str, Any] = {}
    for spec in KEYS:
        *parent, leaf = spec.key.split(".")
        node = doc
        if parent:
            if parent[0] not in tables:
                tables[parent[0]] = tomlkit.table()
                doc.add(tomlkit.nl())
                doc.add(parent[0], tables[parent[0]])
            node = tables[parent[0]]
        else:
            doc.add(tomlkit.nl())
        value = values.get(spec.key)
        if not spec.asked and value in ("", [], None):
            continue  # an advanced key appears once it is set
        node.add(tomlkit.comment(spec.comment))
        if value in ("", [], None):
            if spec.example:
                node.add(tomlkit.comment(spec.example))
        else:
            node.add(leaf, value)
    return doc


def set_value(path: Path, key: str, text: str | None) -> Any:
    """Write one key into the config file at `path` (None or "" removes it), keeping the
    file's comments and other keys; returns the value written."""
    spec = key_spec(key)
    value = None if not text else parse_value(spec, text, f"config set {key}")
    write_config(path, {key: "" if value is None else value})
    return value
