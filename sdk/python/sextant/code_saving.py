"""Git state and code saving for the Python client, like sdk/src/code-saving.ts.

Every run records the git remote (credentials stripped) and commit. With code saving on (the
team's "code saving by default", `save_code=True`, or SEXTANT_SAVE_CODE) the run also gets
`diff.patch` (uncommitted changes against HEAD), `code/<entry script>` and the dependency files
of the working directory.
"""

import os
import shutil
import subprocess
import tempfile
import urllib.parse

DEPENDENCY_FILES = ("requirements.txt", "pyproject.toml", "environment.yml", "package.json")


def _git(args, cwd):
    try:
        result = subprocess.run(["git"] + args, cwd=cwd, capture_output=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else None


def _without_credentials(remote):
    parts = urllib.parse.urlsplit(remote)
    if not parts.scheme or "@" not in parts.netloc:
        return remote
    return urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def git_state(cwd=None):
    cwd = cwd or os.getcwd()
    root = (_git(["rev-parse", "--show-toplevel"], cwd) or "").strip() or None
    if not root:
        return {"root": None, "remote": None, "commit": None}
    remote = (_git(["config", "--get", "remote.origin.url"], cwd) or "").strip() or None
    commit = (_git(["rev-parse", "HEAD"], cwd) or "").strip() or None
    return {"root": root, "remote": remote and _without_credentials(remote), "commit": commit}


def wants_code_saving(save_code, team_default):
    if save_code is not None:
        return bool(save_code)
    env = (os.environ.get("SEXTANT_SAVE_CODE") or "").lower()
    if env in ("true", "1"):
        return True
    if env in ("false", "0"):
        return False
    return bool(team_default)


def collect_code(state, entry=None, cwd=None):
    """A folder laid out as the run's files should be named, and the files in it (or None)."""
    cwd = cwd or os.getcwd()
    folder = tempfile.mkdtemp(prefix="sextant-code-")
    files = []
    if state.get("root"):
        diff = _git(["diff", "--no-ext-diff", "--binary", "HEAD"], state["root"])
        if diff and diff.strip():
            with open(os.path.join(folder, "diff.patch"), "w") as out:
                out.write(diff)
            files.append("diff.patch")
    if entry and os.path.isfile(entry):
        os.makedirs(os.path.join(folder, "code"), exist_ok=True)
        shutil.copyfile(entry, os.path.join(folder, "code", os.path.basename(entry)))
        files.append("code/" + os.path.basename(entry))
    for name in DEPENDENCY_FILES:
        if os.path.isfile(os.path.join(cwd, name)):
            shutil.copyfile(os.path.join(cwd, name), os.path.join(folder, name))
            files.append(name)
    return (folder, files) if files else None
