"""The one way the core runs git: `run_git(repo, args)`, the command line as git-cola uses it.

Git runs as a program, never through a shell, so the user's hooks, credential helpers, SSH
and LFS all take part as they do in a terminal. Output meant for parsing is asked for in the
C locale and with `core.quotepath=off`, so names with spaces or accents come back as they are.
Git never prompts on a terminal the app does not have: `GIT_TERMINAL_PROMPT=0`, unless the
caller passes an askpass program, which git then asks instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from editor.core.errors import PostError

# Long enough for a slow network pull; a local command that takes this long is stuck.
DEFAULT_TIMEOUT = 120.0


class GitError(PostError):
    """Git failed, could not run, or is missing; the message carries git's own words."""


class GitMissing(GitError):
    """No `git` program on PATH: the app hides its git parts."""


@dataclass(frozen=True)
class GitResult:
    """What one git command gave: its exit code and its output, as bytes (the -z formats)
    and decoded."""

    returncode: int
    stdout: bytes
    stderr: bytes

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", "replace")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", "replace")


def git_available() -> bool:
    """Whether a `git` program is on PATH."""
    return shutil.which("git") is not None


def git_environment(env: Mapping[str, str] | None = None, askpass: str | None = None) -> dict:
    """The environment git runs in: the user's, in the C locale, never prompting on a
    terminal; `askpass` (a program) answers git's questions for a password instead."""
    merged = dict(os.environ)
    merged.update({"LC_ALL": "C", "LANGUAGE": "", "GIT_TERMINAL_PROMPT": "0"})
    # An editor would wait for a terminal that is not there (a merge message, a rebase).
    merged.setdefault("GIT_EDITOR", "true")
    if askpass:
        merged.update({"GIT_ASKPASS": askpass, "SSH_ASKPASS": askpass})
        merged["SSH_ASKPASS_REQUIRE"] = "force"  # OpenSSH asks it even with a terminal
        del merged["GIT_TERMINAL_PROMPT"]
    if env:
        merged.update(env)
    return merged


def run_git(
    repo: Path,
    args: Sequence[str],
    input: bytes | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    check: bool = True,
    askpass: str | None = None,
) -> GitResult:
    """Run `git -C repo args...` and return its result.

    `input` goes to git's standard input; `env` adds to (or overrides) the environment of
    `git_environment`. With `check` (the default), a non-zero exit raises GitError with
    git's standard error (or its output, when it said nothing there: hooks print to either).
    GitMissing when git is not installed; GitError when it times out.
    """
    command = ["git", "-C", str(repo), "-c", "core.quotepath=off", *args]
    try:
        done = subprocess.run(
            command,
            input=input,
            capture_output=True,
            env=git_environment(env, askpass),
            timeout=timeout,
            check=False,
            stdin=None if input is not None else subprocess.DEVNULL,
        )
    except FileNotFoundError as error:
        raise GitMissing("git is not installed (no ‘git’ program on PATH)") from error
    except subprocess.TimeoutExpired as error:
        raise GitError(f"git {args[0] if args else ''} took longer than {timeout:g} s") from error
    result = GitResult(done.returncode, done.stdout, done.stderr)
    if check and done.returncode != 0:
        raise GitError(failure_message(args, result))
    return result


def failure_message(args: Sequence[str], result: GitResult) -> str:
    """A failed command in the words git used, on as many lines as it said them."""
    said = result.err.strip() or result.out.strip() or f"exit code {result.returncode}"
    name = args[0] if args else "git"
    return f"git {name} failed: {said}"


# "Receiving objects:  45% (9/20)": git's progress lines, ended by \r while they count.
_PROGRESS = re.compile(r"^(?:remote: )?([A-Z][A-Za-z ]+):\s+(\d+)%")


def parse_progress(line: str) -> tuple[str, int] | None:
    """A progress line's stage and percentage ("Writing objects", 80), or None."""
    match = _PROGRESS.match(line.strip())
    return (match.group(1), int(match.group(2))) if match else None


def stream_git(
    repo: Path,
    args: Sequence[str],
    progress: Callable[[str, int], None],
    askpass: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> GitResult:
    """Run a network command (`push --progress`, `pull --progress`), calling `progress(stage,
    percent)` as git counts on standard error; the result as `run_git(check=False)` gives it."""
    command = ["git", "-C", str(repo), "-c", "core.quotepath=off", *args]
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=git_environment(None, askpass),
        )
    except FileNotFoundError as error:
        raise GitMissing("git is not installed (no ‘git’ program on PATH)") from error
    assert process.stderr is not None and process.stdout is not None
    said = bytearray()
    piece = bytearray()
    # Standard output is drained beside (a pull's long diffstat would fill its pipe and stop
    # git), and a stalled network is ended by the clock, not waited on for ever.
    out = bytearray()
    drain = threading.Thread(target=lambda: out.extend(process.stdout.read()), daemon=True)
    drain.start()
    timed_out = threading.Event()

    def stop() -> None:
        timed_out.set()
        process.kill()

    clock = threading.Timer(timeout, stop)
    clock.start()
    try:
        while chunk := process.stderr.read1(4096):
            said += chunk
            for byte in chunk:
                if byte in b"\r\n":
                    found = parse_progress(piece.decode("utf-8", "replace"))
                    if found:
                        progress(*found)
                    piece.clear()
                else:
                    piece.append(byte)
        code = process.wait()
        drain.join()
    finally:
        clock.cancel()
    if timed_out.is_set():
        raise GitError(f"git {args[0]} took longer than {timeout:g} s and was stopped")
    # Progress lines are noise in a message: keep what git said besides them.
    kept = [line for line in re.split(r"[\r\n]", said.decode("utf-8", "replace")) if line]
    kept = [line for line in kept if parse_progress(line) is None]
    return GitResult(code, bytes(out), "\n".join(kept).encode("utf-8"))
