"""`pm-tui completion bash|zsh|fish`: the scripts load in the real shells and complete
commands, options and option values the way a person pressing Tab would see them."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import run_cli


def script(shell: str, tmp_path) -> str:
    done = run_cli("completion", shell)
    assert done.returncode == 0, done.stderr
    path = tmp_path / f"pm-tui.{shell}"
    path.write_text(done.stdout)
    return str(path)


def need(shell: str) -> str:
    found = shutil.which(shell)
    assert found, f"{shell} is missing: bash dev.sh test installs it"
    return found


def bash_complete(path: str, *words: str) -> list[str]:
    words_literal = " ".join(f"'{w}'" for w in words)
    program = (
        f"source {path}; COMP_WORDS=(pm-tui {words_literal}); COMP_CWORD={len(words)}; "
        '_pm_tui; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run([need("bash"), "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return [line for line in done.stdout.splitlines() if line]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("val",), ["validate"]),
        (("do",), ["doctor"]),
        (("validate", "--for"), ["--format"]),
        (("validate", "--format", ""), ["text", "json"]),
        (("review", "--format", ""), ["text", "markdown", "json"]),
        (("config", ""), ["get", "set", "unset", "list", "path"]),
        (("completion", ""), ["bash", "zsh", "fish"]),
        (("--repo", "/tmp/pm-tui-no-such-dir-x"), []),
        (("--de",), ["--debug"]),
    ],
)
def test_bash_completes_commands_options_and_values(tmp_path, words, expected):
    assert bash_complete(script("bash", tmp_path), *words) == expected


def test_bash_completes_directories_for_repo(tmp_path):
    (tmp_path / "postmortems-repo").mkdir()
    got = bash_complete(script("bash", tmp_path), "--repo", str(tmp_path / "postm"))
    assert got == [str(tmp_path / "postmortems-repo")]


def test_fish_completes_commands_options_and_values(tmp_path):
    path = script("fish", tmp_path)

    def complete(line: str) -> list[str]:
        done = subprocess.run(
            [need("fish"), "--no-config", "-c", f"source {path}; complete -C '{line}'"],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        return [row.split("\t")[0] for row in done.stdout.splitlines()]

    assert complete("pm-tui val") == ["validate"]
    assert sorted(complete("pm-tui validate --format ")) == ["json", "text"]
    assert sorted(complete("pm-tui completion ")) == ["bash", "fish", "zsh"]
    assert "--timeout" in complete("pm-tui doctor --")
    assert "--version" not in complete("pm-tui doctor --")  # a global option: before the command


def test_zsh_script_parses_and_registers_for_pm_tui(tmp_path):
    path = script("zsh", tmp_path)
    zsh = need("zsh")
    assert subprocess.run([zsh, "-n", path], capture_output=True).returncode == 0
    done = subprocess.run(
        [zsh, "-f", "-c", f"autoload -U compinit; compinit -u -d {tmp_path}/dump; "
         f"source {path}; print ${{_comps[pm-tui]}}"],
        capture_output=True, text=True, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.stdout.strip() == "_pm_tui", done.stderr
    text = open(path).read()
    assert "'doctor:check the config" in text and "(text json)" in text


def test_unknown_shell_is_a_usage_error():
    done = run_cli("completion", "powershell")
    assert done.returncode == 2 and "invalid choice" in done.stderr
