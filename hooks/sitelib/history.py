"""The repository's history, read once: every file's versions, newest first, with their dates.

One `git log` gives, for each commit, its date and the blob of every file it changed, so that
"last updated" dates and the English text a translation was made from come from the same read.
A file's content at a version is read only when asked for, through one `git cat-file --batch`
process. Without a history (a copy that is not a Git repository, or no commit yet) every file
has no versions; a shallow clone has only the versions it fetched.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from sitelib.build_state import once_per_build

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# No git command may hold the build up for longer than this.
GIT_SECONDS = 120


@dataclass(frozen=True)
class Version:
    """A file as one commit left it."""

    commit: str
    day: date
    blob: str  # the blob id, or "" where the commit deleted the file


@dataclass
class History:
    """Each file's versions, newest first, by its path from the repository's root folder."""

    root: Path
    versions: dict[str, list[Version]] = field(default_factory=dict)
    available: bool = False  # whether there is a history at all
    shallow: bool = False
    _reader: subprocess.Popen | None = field(default=None, repr=False)
    _texts: dict[str, str | None] = field(default_factory=dict, repr=False)

    # The date of a file's last commit, or None.
    def last_changed(self, path: str) -> date | None:
        versions = self.versions.get(path)
        return versions[0].day if versions else None

    # The texts a file had, newest first (deleted versions left out), read as they are asked for.
    def texts(self, path: str):
        for version in self.versions.get(path, []):
            if version.blob:
                text = self._read_blob(version.blob)
                if text is not None:
                    yield text

    # Stop the blob reader.
    def close(self) -> None:
        if self._reader is not None:
            self._reader.stdin.close()
            self._reader.wait(timeout=GIT_SECONDS)
            self._reader = None

    # One blob as UTF-8 text (None where it is not text), from the one reader process.
    def _read_blob(self, blob: str) -> str | None:
        if blob in self._texts:
            return self._texts[blob]
        if self._reader is None:
            self._reader = subprocess.Popen(["git", "cat-file", "--batch"], cwd=self.root,
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._reader.stdin.write(blob.encode("ascii") + b"\n")
        self._reader.stdin.flush()
        header = self._reader.stdout.readline().split()
        if len(header) != 3:
            self._texts[blob] = None
            return None
        data = self._reader.stdout.read(int(header[2]) + 1)[:-1]
        try:
            text = data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
        except UnicodeDecodeError:
            text = None
        self._texts[blob] = text
        return text


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The history of the build's repository (the folder of its mkdocs.yml), read once per build.
def build_history(config) -> History:
    root = Path(config.config_file_path).resolve().parent
    return once_per_build(config, "history", lambda: read_history(root))


# The history of the repository holding `root` (paths relative to `root`), from one `git log`.
def read_history(root: Path) -> History:
    history = History(root=root)
    try:
        log = subprocess.run(
            ["git", "log", "--format=@%H %ct", "--raw", "--no-abbrev", "--no-renames",
             "--relative", "--", "."],
            cwd=root, capture_output=True, text=True, encoding="utf-8", errors="replace",
            timeout=GIT_SECONDS,
        )
        shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=root,
                                 capture_output=True, text=True, timeout=GIT_SECONDS)
    except (OSError, subprocess.TimeoutExpired):
        return history
    if log.returncode != 0:
        return history
    history.available = bool(log.stdout.strip())
    history.shallow = shallow.stdout.strip() == "true"
    commit, day = "", None
    for line in log.stdout.splitlines():
        if line.startswith("@"):
            commit, stamp = line[1:].split()
            day = datetime.fromtimestamp(int(stamp), tz=timezone.utc).date()
        elif line.startswith(":") and "\t" in line and day is not None:
            fields, path = line.split("\t", 1)
            blob = fields.split()[3]
            history.versions.setdefault(path, []).append(
                Version(commit, day, "" if set(blob) == {"0"} else blob))
    return history
