"""`pm-tui demo`: copy the sample incidents into a scratch repository and open the wizard."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from pm_tui.cli.common import sample_incidents_dir
from pm_tui.errors import PmTuiError

SAMPLE_ID = "2025-02-09-api-service-degradation"


def register(sub) -> None:
    p = sub.add_parser(
        "demo", help="open the wizard on the bundled sample incident (a scratch copy)"
    )
    p.add_argument(
        "--dir", metavar="DIR", help="where to make the demo repository (default: a temp dir)"
    )
    p.add_argument(
        "--no-open", action="store_true", help="only make the repository and print its path"
    )
    p.set_defaults(func=run)


def make_demo_repo(target: Path, *, rebuild: bool = False) -> Path:
    """A git repository at `target` holding the sample post-mortems (and their evidence).

    With `rebuild`, the raw evidence is collected and the timeline candidates reconstructed,
    as step 1 would, so the wizard's step 2 has suggestions to show.
    """
    from pm_tui.postmortem_store import Repository

    src = sample_incidents_dir()
    if not src.is_dir():
        raise PmTuiError(
            f"the sample incidents are missing ({src}): reinstall from the source tree"
        )
    if target.exists() and any(target.iterdir()):
        raise PmTuiError(f"{target} is not empty: choose another --dir")
    repo = Repository.open(target)
    for toml in sorted(src.glob("*.toml")):
        shutil.copy2(toml, repo.postmortems_dir / toml.name)
        evidence = src / toml.stem / "evidence"
        pm = repo.load(toml.stem)
        if evidence.is_dir():
            shutil.copytree(evidence, repo.evidence_dir(toml.stem) / "raw")
        repo.commit(pm, "imported from the bundled sample incidents")
        if rebuild and evidence.is_dir():
            from pm_tui.workflow.candidates import rebuild_candidates

            rebuild_candidates(repo, pm, from_evidence=repo.evidence_dir(toml.stem) / "raw")
            repo.save(pm)
            repo.commit(pm, "evidence collected and timeline candidates rebuilt")
    return repo.root


def run(args) -> int:
    target = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="pm-tui-demo-"))
    print(
        "pm-tui: preparing the demo: collecting the sample evidence (a few seconds)...",
        file=sys.stderr,
    )
    root = make_demo_repo(target, rebuild=True)
    if args.no_open:
        print(root)
        return 0
    from pm_tui.cli.cmd_open import _run_app
    from pm_tui.postmortem_store import Repository

    # Said before the screen takes the terminal, and kept in the header: where edits go.
    print(f"pm-tui: demo repository (a scratch copy, yours to edit): {root}", file=sys.stderr)
    return _run_app(Repository(root), None, banner=f"demo repository {root}")
