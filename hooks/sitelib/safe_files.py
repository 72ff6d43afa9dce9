"""Reading and writing the repository's text files safely, for the translators' commands.

- A file is read as UTF-8; a byte-order mark and CRLF line endings are noted and written back
  as they were, so that an edit changes only what it means to change.
- A change to several files is all or nothing: every file is written beside its target first,
  then put in place; if anything fails, what was put in place is restored and nothing is left
  half-written.
- A failure is one line naming the file (FileError, which mkdocs also prints as one line).
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

BOM = "\ufeff"


class FileError(PluginError):
    """One line that names the file and why it cannot be read or written."""


@dataclass(frozen=True)
class TextFile:
    """A text file's content with "\\n" line endings, and how it was stored."""

    text: str
    bom: bool = False
    newline: str = "\n"

    # The same content stored the way this file was: byte-order mark and line endings kept.
    def encode(self, text: str) -> bytes:
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return ((BOM if self.bom else "") + text).encode("utf-8")


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Read a text file as UTF-8, noting its byte-order mark and line endings.
def read_text_file(path: Path, name: str) -> TextFile:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise FileError(f"{name}: no such file") from None
    except OSError as error:
        raise FileError(f"{name}: cannot be read ({error.strerror})") from None
    text = decode_utf8(data, name)
    bom = text.startswith(BOM)
    text = text[1:] if bom else text
    newline = "\r\n" if "\r\n" in text else "\n"
    return TextFile(text=text.replace("\r\n", "\n"), bom=bom, newline=newline)


# Bytes as UTF-8 text, or one clear line naming the file and the line of the first bad byte.
def decode_utf8(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileError(f"{name}:{line}: not valid UTF-8 (byte 0x{data[error.start]:02x}); "
                        "save the file as UTF-8") from None


# The text of a file as UTF-8 (without a byte-order mark), or one clear line naming it.
def read_text(path: Path, name: str) -> str:
    return read_text_file(path, name).text


# Write every file or none: `changes` maps each path to its new content, `names` each path to
# the name used in messages. New folders are created and removed again on failure.
def write_all(changes: dict[Path, bytes], names: dict[Path, str]) -> None:
    _check_writable(changes, names)
    created_dirs: list[Path] = []
    temporary: dict[Path, Path] = {}
    replaced: dict[Path, bytes | None] = {}
    current = None
    try:
        for path, content in changes.items():
            current = path
            created_dirs += _make_parents(path.parent)
            temporary[path] = _write_beside(path, content)
        for path, temp in temporary.items():
            current = path
            replaced[path] = path.read_bytes() if path.exists() else None
            os.replace(temp, path)
    except OSError as error:
        _roll_back(replaced, temporary, created_dirs)
        name = names.get(current, str(current))
        raise FileError(f"{name}: cannot be written ({error.strerror}); nothing was changed") \
            from None


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Refuse before writing anything: a read-only file (even for a user who could override it), or a
# folder where no file can be created.
def _check_writable(changes: dict[Path, bytes], names: dict[Path, str]) -> None:
    for path in changes:
        name = names.get(path, str(path))
        if path.exists() and not (os.access(path, os.W_OK) and path.stat().st_mode & stat.S_IWUSR):
            raise FileError(f"{name}: the file is read-only; nothing was changed")
        folder = path.parent
        while not folder.exists():
            folder = folder.parent
        if not os.access(folder, os.W_OK | os.X_OK):
            raise FileError(f"{name}: its folder is read-only; nothing was changed")


# Create the missing folders of a path; return the ones created, outermost first.
def _make_parents(folder: Path) -> list[Path]:
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
    return list(reversed(missing))


# Write content to a new file beside its target, with the target's permissions.
def _write_beside(path: Path, content: bytes) -> Path:
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temp, "xb") as file:
        file.write(content)
    if path.exists():
        shutil.copymode(path, temp)
    return temp


# Undo a partial write: restore replaced files, remove new ones, temporary files and folders.
def _roll_back(replaced: dict[Path, bytes | None], temporary: dict[Path, Path],
               created_dirs: list[Path]) -> None:
    for path, original in replaced.items():
        try:
            if original is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(original)
        except OSError:
            pass
    for temp in temporary.values():
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass
    for folder in created_dirs:
        shutil.rmtree(folder, ignore_errors=True)
