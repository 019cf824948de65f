"""Real site generators for the tests that build fixture sites (tests/scenarios/generators/):
where each one is, how to build with it, and `post-editor` run as a process beside it.

Hugo and Jekyll are system packages; Astro and Eleventy are the npm packages pinned in
tests/generators/package.json, installed by `.ci/run` with `npm ci --prefix tests/generators`.
A generator the machine lacks skips its tests locally and fails them in CI (unavailable.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from paths import TESTS
from unavailable import unavailable

NODE_BIN = TESTS / "generators" / "node_modules" / ".bin"
NPM_TOOLS = {"astro", "eleventy"}
BUILD_TIMEOUT = 180  # seconds; an Astro build of a small site takes about ten
COMMAND_TIMEOUT = 60


def generator(name: str) -> str:
    """The path of generator `name` (hugo, jekyll, astro, eleventy), or skip / fail the test."""
    if name in NPM_TOOLS:
        found = NODE_BIN / name
        if found.is_file() and shutil.which("node"):
            return str(found)
        unavailable(f"{name} is not installed: npm ci --prefix tests/generators")
    found_on_path = shutil.which(name)
    if found_on_path is None:
        unavailable(f"{name} is not installed: apt-get install {name}")
    return found_on_path


def gray_matter(path: Path) -> dict:
    """The front matter of the post at `path` as a Next.js blog reads it: gray-matter's `data`
    (dates as ISO text), from the package pinned in tests/generators."""
    module = TESTS / "generators" / "node_modules" / "gray-matter"
    node = shutil.which("node")
    if node is None or not module.is_dir():
        unavailable("gray-matter is not installed: npm ci --prefix tests/generators")
    script = (
        "const matter = require(process.argv[1]);"
        "const fs = require('fs');"
        "const post = matter(fs.readFileSync(process.argv[2], 'utf8'));"
        "process.stdout.write(JSON.stringify(post.data));"
    )
    done = subprocess.run(
        [node, "-e", script, str(module), str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=COMMAND_TIMEOUT,
    )
    assert done.returncode == 0, f"gray-matter could not read {path}:\n{done.stderr}"
    return json.loads(done.stdout)


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write each file (path relative to `root`: text as UTF-8 or bytes) and return `root`."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def build(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a generator's build in `cwd`, output captured; the caller judges the exit status."""
    # Jekyll would load a Gemfile found above the fixture; the tests use the system's gems.
    env = {**os.environ, "JEKYLL_NO_BUNDLER_REQUIRE": "true", "ASTRO_TELEMETRY_DISABLED": "1"}
    return subprocess.run(
        command,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=BUILD_TIMEOUT,
    )


def built(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """`build`, which must succeed: its output is in the assertion message when it does not."""
    done = build(command, cwd)
    assert done.returncode == 0, f"{command[0]} build failed:\n{done.stdout}\n{done.stderr}"
    return done


def post_editor(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`post-editor ARGS` run as a writer runs it, in `cwd`."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "editor", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=COMMAND_TIMEOUT,
    )


def check(folder: Path) -> list[dict]:
    """The problems `post-editor check --json FOLDER` reports, paths relative to the folder."""
    done = post_editor("check", "--json", ".", cwd=folder)
    assert done.returncode in (0, 1), done.stderr
    return [
        {**problem, "path": Path(problem["path"]).as_posix()} for problem in json.loads(done.stdout)
    ]


def errors(folder: Path) -> dict[str, list[str]]:
    """Each path with errors, to its errors as 'field: message'."""
    found: dict[str, list[str]] = {}
    for problem in check(folder):
        if problem["severity"] == "error":
            found.setdefault(problem["path"], []).append(
                f"{problem['field']}: {problem['message']}"
            )
    return found


def listing(folder: Path) -> dict[str, dict]:
    """`post-editor list --json FOLDER`, as each row by its path relative to the folder."""
    done = post_editor("list", "--json", ".", cwd=folder)
    assert done.returncode == 0, done.stderr
    return {Path(row["path"]).as_posix(): row for row in json.loads(done.stdout)}
