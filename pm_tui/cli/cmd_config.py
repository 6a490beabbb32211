"""`pm-tui config get|set|unset|list|path`: read and change config.toml from scripts.

What a command sees for a key: its flag, else `$PM_TUI_<KEY>`, else the file, else the
default (pm_tui.settings). `get` and `list` show that value and where it came from.
"""

from __future__ import annotations

import sys

from pm_tui.cli.output import add_format_option, emit_json, wants_json


def register(sub) -> None:
    p = sub.add_parser(
        "config",
        help="show or change config.toml (KEY is e.g. prometheus.url)",
        description="Read and change config.toml. A flag wins over the environment variable "
        "PM_TUI_<KEY> (prometheus.url: PM_TUI_PROMETHEUS_URL), which wins over the file, "
        "which wins over the default. Keys: docs/config.md.",
    )
    actions = p.add_subparsers(dest="config_action", metavar="ACTION", required=True)
    get = actions.add_parser("get", help="print a key's value (exit 1 when it has none)")
    get.add_argument("key", metavar="KEY")
    add_format_option(get)
    put = actions.add_parser("set", help="write a key into the config file")
    put.add_argument("key", metavar="KEY")
    put.add_argument("value", metavar="VALUE", help="lists comma-separated; true/false")
    unset = actions.add_parser("unset", help="remove a key from the config file")
    unset.add_argument("key", metavar="KEY")
    show = actions.add_parser("list", help="every key, its value and where it comes from")
    add_format_option(show)
    actions.add_parser("path", help="print where the config file is")
    p.set_defaults(func=run)


def _record(setting) -> dict:
    return {
        "key": setting.key,
        "value": setting.value,
        "origin": setting.origin,
        "env": setting.env,
    }


def run(args) -> int:
    from pm_tui.config import config_path
    from pm_tui.config_keys import key_spec
    from pm_tui.config_write import set_value
    from pm_tui.settings import effective

    path = config_path()
    action = args.config_action
    if action == "path":
        print(path)
        return 0
    if action in ("set", "unset"):
        key_spec(args.key)
        value = set_value(path, args.key, args.value if action == "set" else None)
        shown = "removed" if value is None else "set"
        print(f"pm-tui: {args.key} {shown} in {path}", file=sys.stderr)
        return 0
    settings = effective()
    if action == "get":
        key_spec(args.key)
        (setting,) = [s for s in settings if s.key == args.key]
        if wants_json(args):
            emit_json(_record(setting))
        elif setting.origin != "unset":
            print(setting.text())
        return 0 if setting.origin != "unset" else 1
    if wants_json(args):
        emit_json({"path": path, "keys": [_record(s) for s in settings]})
        return 0
    width = max(len(s.key) for s in settings)
    print(f"# {path}{'' if path.exists() else ' (not written yet: pm-tui init)'}")
    for s in settings:
        origin = f"${s.env}" if s.origin == "env" else s.origin
        print(f"{s.key:<{width}}  {s.text() or '-':<40}  ({origin})")
    return 0
