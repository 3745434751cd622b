"""The pre-commit hooks of .pre-commit-hooks.yaml, run by the real pre-commit on a git repository of maps
that installs them from this checkout (as a user's repository installs them from argmap's)."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, needs_tool, run_cli

pytestmark = [
    needs_tool(importlib.util.find_spec("pre_commit"), "pre-commit is not installed (make test installs it with the dev extras)"),
    needs_tool(shutil.which("git"), "git is not installed"),
]

MAP = """\
# yaml-language-server: $schema=argmap.schema.json
argmap: 1
id: cars
statements:
  thesis:
    role: thesis
    text: Cities should tax cars by weight.
  safety:
    text: Heavier cars do more harm to the people they hit.
    supports: thesis
  crash-data:
    role: evidence
    text: Pedestrians struck by heavier vehicles are more likely to die.
    supports: safety
"""
ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
       "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z",
       "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z", "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True,
                          env={**os.environ, **ENV}, timeout=60)
    return done.stdout


@pytest.fixture(scope="module")
def hooks(request) -> tuple[Path, str, Path]:
    """This checkout as a hooks repository (its tracked and new files, committed), its commit, and pre-commit's
    home. Both live in pytest's cache, named by the checkout's content and committed with a fixed date, so
    that an unchanged checkout is the same repository at the same commit and pre-commit reuses the hook
    environment it built (as it does for a user); any change to a file makes a new one."""
    try:
        listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    except subprocess.CalledProcessError:
        pytest.skip("the checkout is not a git repository")
    names = sorted(name for name in filter(None, listed.split("\0")) if (ROOT / name).is_file())
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode() + b"\0" + oct((ROOT / name).stat().st_mode).encode() + b"\0")
        digest.update((ROOT / name).read_bytes() + b"\0")
    cache = request.config.cache.mkdir("pre-commit")
    home, repo = cache / "home", cache / f"hooks-{digest.hexdigest()[:16]}"
    if not repo.exists():
        building = Path(tempfile.mkdtemp(dir=cache, prefix="building-"))
        for name in names:
            (building / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, building / name)
        git(building, "init", "-q")
        git(building, "add", "-A")
        git(building, "commit", "-q", "-m", "hooks")
        try:
            building.rename(repo)
        except OSError:  # another worker made the same repository first
            shutil.rmtree(building)
        for stale in cache.glob("hooks-*"):  # earlier checkouts, and the environments built for them
            if stale != repo:
                shutil.rmtree(stale, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "pre_commit", "gc"], env={**os.environ, "PRE_COMMIT_HOME": str(home)},
                       capture_output=True, timeout=120)
    _wheelhouse(cache)
    return repo, git(repo, "rev-parse", "HEAD").strip(), home


def _wheelhouse(cache: Path) -> Path:
    """The wheels of argmap's dependencies and of its build back end, fetched from the package index once per
    pyproject.toml: pre-commit then builds each new hook environment (a changed checkout) from them, with the
    index turned off, instead of downloading every dependency again."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    wheels = cache / "wheels"
    stamp = wheels / f".for-{wanted}"
    if not stamp.exists():
        shutil.rmtree(wheels, ignore_errors=True)
        building = Path(tempfile.mkdtemp(dir=cache, prefix="wheels-"))
        done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(building),
                               str(ROOT), "setuptools>=77"], capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, done.stdout + done.stderr
        for built in building.glob("argmap-*.whl"):
            built.unlink()  # argmap itself is built from the hook repository, as a user's pre-commit does
        (building / stamp.name).touch()
        try:
            building.rename(wheels)
        except OSError:  # another worker made it first
            shutil.rmtree(building, ignore_errors=True)
    return wheels


def user_repo(base: Path, hooks: tuple[Path, str, Path], hook_list: list[dict]) -> Path:
    repo_path, rev, _ = hooks
    (base / "maps").mkdir()
    (base / "maps" / "map.yaml").write_text(MAP, encoding="utf-8")
    (base / ".github.yaml").write_text("on: push\n", encoding="utf-8")  # not a map: the hooks leave it alone
    config = {"repos": [{"repo": str(repo_path), "rev": rev, "hooks": hook_list}]}
    (base / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(base, "init", "-q")
    git(base, "add", "-A")
    return base


def pre_commit(base: Path, hooks: tuple[Path, str, Path], *args: str) -> tuple[int, str]:
    environment = {**os.environ, **ENV, "PRE_COMMIT_HOME": str(hooks[2]),
                   # a new hook environment is built from the wheels fetched once, never from the index
                   "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(hooks[2].parent / "wheels")}
    environment.pop("GITHUB_ACTIONS", None)
    done = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", *args], cwd=base,
                          env=environment, capture_output=True, text=True, timeout=600)
    output = done.stdout + done.stderr
    assert "An unexpected error has occurred" not in output and "InvalidManifestError" not in output, output
    return done.returncode, output


def test_the_manifest_declares_the_documented_hooks():
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["id"]: hook["entry"] for hook in manifest} == {
        "argmap-check": "argmap check", "argmap-fmt-check": "argmap fmt --check", "argmap-fmt": "argmap fmt",
        "argmap-render-check": "argmap render --check"}
    assert all(hook["language"] == "python" for hook in manifest)


def test_check_and_fmt_hooks_pass_on_a_clean_map_and_fail_on_a_broken_or_unformatted_one(tmp_path, hooks):
    base = user_repo(tmp_path, hooks, [{"id": "argmap-check", "args": ["maps/"]}, {"id": "argmap-fmt-check"}])
    status, output = pre_commit(base, hooks)
    assert status == 0, output
    assert "argmap check" in output and "argmap fmt --check" in output and "Failed" not in output

    broken = MAP.replace("supports: thesis", "supports: thesiss")
    unformatted = broken.replace("argmap: 1\nid: cars\n", "id: cars\nargmap: 1\n")
    (base / "maps" / "map.yaml").write_text(unformatted, encoding="utf-8")
    status, output = pre_commit(base, hooks)
    assert status == 1, output
    assert "ARG101  support target 'thesiss' is not defined; did you mean 'thesis'?" in output
    assert "--- maps/map.yaml\t(as written)\n+++ maps/map.yaml\t(formatted)\n" in output
    assert any(f"-{line}\n" in output and f"+{line}\n" in output for line in ("id: cars", "argmap: 1"))
    assert "would reformat maps/map.yaml\n1 file would be reformatted, 2 other YAML files left alone\n" in output

    # The map's own folder's configuration applies, though the hook runs from the repository's top.
    (base / "maps" / "map.yaml").write_text(broken, encoding="utf-8")
    (base / "maps" / ".argmap.yaml").write_text("rules:\n  dangling-reference: warning\n", encoding="utf-8")
    status, output = pre_commit(base, hooks, "--verbose")
    assert status == 0, output
    assert "warning ARG101  support target 'thesiss' is not defined" in output


def test_the_fmt_hook_rewrites_the_file_and_then_passes(tmp_path, hooks):
    base = user_repo(tmp_path, hooks, [{"id": "argmap-fmt"}])
    (base / "maps" / "map.yaml").write_text(MAP.replace("argmap: 1\nid: cars\n", "id: cars\nargmap: 1\n"),
                                            encoding="utf-8")
    status, output = pre_commit(base, hooks)
    assert status == 1 and "files were modified by this hook" in output and "reformatted maps/map.yaml" in output
    assert (base / "maps" / "map.yaml").read_text(encoding="utf-8") == MAP
    assert pre_commit(base, hooks)[0] == 0


@pytest.mark.needs_dot
def test_the_render_hook_fails_when_the_committed_diagram_is_stale(tmp_path, hooks):
    base = user_repo(tmp_path, hooks, [{"id": "argmap-render-check", "args": ["maps/map.yaml", "-o", "maps/map.svg"]}])
    assert run_cli("render", "maps/map.yaml", "-o", "maps/map.svg", cwd=base)[0] == 0
    git(base, "add", "-A")
    status, output = pre_commit(base, hooks)
    assert status == 0, output
    (base / "maps" / "map.yaml").write_text(MAP.replace("by weight", "by their weight"), encoding="utf-8")
    status, output = pre_commit(base, hooks)
    assert status == 1 and "maps/map.svg is stale" in output, output
