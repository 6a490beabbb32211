"""What pyproject.toml cannot say: the wheel's sample incidents and its generated man page.

- The sample incidents (`sample_incidents/*.toml` and their raw evidence) are copied into the
  built package as `pm_tui/sample_incidents/`, so `pm-tui demo` works from a wheel or pipx.
  An editable install reads them from the source tree instead (pm_tui.cli.common).
- `pm-tui.1` is written from the argument parser at build time and installed to
  share/man/man1 (pipx links it into ~/.local/share/man).
"""

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
MANPAGE = "build/man/pm-tui.1"  # relative: data_files wants paths inside the source tree


class BuildPyWithSamples(build_py):
    """build_py, then the sample incidents into the built pm_tui package."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        source = HERE / "sample_incidents"
        target = Path(self.build_lib) / "pm_tui" / "sample_incidents"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        for toml in sorted(source.glob("*.toml")):
            shutil.copy2(toml, target / toml.name)
            evidence = source / toml.stem / "evidence"
            if evidence.is_dir():
                shutil.copytree(evidence, target / toml.stem / "evidence")


def _write_manpage() -> None:
    sys.path.insert(0, str(HERE))  # the parser of the tree being built, not an installed one
    from pm_tui.cli.manpage import write_manpage

    write_manpage(HERE / MANPAGE)


_write_manpage()
setup(cmdclass={"build_py": BuildPyWithSamples}, data_files=[("share/man/man1", [MANPAGE])])
