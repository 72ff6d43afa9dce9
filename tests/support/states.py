"""The repository states the suite checks: the repository as it is, and the repository after the
pull requests its contributors make every week.

The contributors' state is made from whatever the repository holds, so that no test can rely on
today's texts or languages: a test that pins a sentence, a translation's state or a language
code fails in the change that adds it. On top of the repository's own history (so that
translations find the English text they were made from), one commit each:

1. translators fix every translated page section and every translated FAQ answer (the sentences
   of each paragraph in another order: new text, the same facts and structure);
2. an English author edits every section of every English page and every English FAQ answer (a
   sentence of the section said once more), so every translation is now out of date;
3. a new language is added with `new-language`: German, or the first language Material knows
   that the site does not have yet.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))

from sitelib.add_language import add_language  # noqa: E402
from sitelib.languages import SiteLanguages, load_site_languages  # noqa: E402
from sitelib.sections import parse_page  # noqa: E402
from sitelib.translation_status import FAQ_FILE, english_pages  # noqa: E402
from support.projects import unused_locales  # noqa: E402

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

REPOSITORY = "repository"
CONTRIBUTORS = "contributors"
STATES = (REPOSITORY, CONTRIBUTORS)

# The language a new-language pull request adds when the site does not have it yet.
PREFERRED_NEW_LANGUAGE = "de"

_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")


@dataclass(frozen=True)
class Plan:
    """What a state's languages will be, known before the state is made (for test parameters)."""

    name: str
    locales: tuple[str, ...]
    default: str
    new_locale: str | None

    @property
    def translated(self) -> list[str]:
        return [locale for locale in self.locales if locale != self.default]


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# The languages of each state, from the repository's mkdocs.yml.
def plans(root: Path = ROOT) -> dict[str, Plan]:
    languages = load_site_languages(root / "mkdocs.yml")
    locale = new_locale(languages.locales)
    return {
        REPOSITORY: Plan(REPOSITORY, tuple(languages.locales), languages.default, None),
        CONTRIBUTORS: Plan(CONTRIBUTORS, tuple(languages.locales) + (locale,), languages.default,
                           locale),
    }


# The language a new-language pull request adds: German, or the first one the site lacks.
def new_locale(existing: list[str]) -> str:
    unused = unused_locales(existing)
    return PREFERRED_NEW_LANGUAGE if PREFERRED_NEW_LANGUAGE in unused else unused[0]


# Make the contributors' state of `source` in `target` (which must not exist): a Git repository.
def make_contributors_state(source: Path, target: Path) -> Path:
    _copy_with_history(source, target)
    languages = load_site_languages(target / "mkdocs.yml")
    _fix_translations(target, languages)
    _commit(target, "Translators: every translated section and FAQ answer reworded")
    _edit_english(target, languages)
    _commit(target, "English: every section and FAQ answer says one more sentence")
    locale = new_locale(languages.locales)
    add_language(target, locale, _native_name(locale), existing=languages.locales,
                 default=languages.default)
    _commit(target, f"Add the language {locale}")
    return target


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# A clone of the source repository's history with its working tree as it is now, committed.
def _copy_with_history(source: Path, target: Path) -> None:
    _git(source.parent, "clone", "--quiet", "--local", "--no-checkout", str(source), str(target))
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=source, capture_output=True, text=True, check=True).stdout
    for name in filter(None, listed.split("\0")):
        file = source / name
        if file.is_file() and not file.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, target / name)
    _commit(target, "The repository as it is")


# Translators reword every paragraph of every translated page and every translated FAQ answer.
def _fix_translations(project: Path, languages: SiteLanguages) -> None:
    for language in languages.translated:
        for page in english_pages(project / "docs", languages.default):
            path = project / "docs" / language.locale / page
            if path.is_file():
                _rewrite_paragraphs(path, _reordered)
    faq = project / FAQ_FILE
    entries = yaml.safe_load(faq.read_text(encoding="utf-8"))
    for entry in entries:
        for language in languages.translated:
            block = entry.get(language.locale)
            if isinstance(block, dict):
                block["answer"] = _reordered(block["answer"].strip()) + "\n"
    _write_yaml(faq, entries)


# An English author says one more sentence in every section and every FAQ answer.
def _edit_english(project: Path, languages: SiteLanguages) -> None:
    for page in english_pages(project / "docs", languages.default):
        _add_a_sentence_to_each_section(project / "docs" / languages.default / page)
    faq = project / FAQ_FILE
    entries = yaml.safe_load(faq.read_text(encoding="utf-8"))
    for entry in entries:
        english = entry[languages.default]
        english["answer"] = _said_again(english["answer"].strip()) + "\n"
    _write_yaml(faq, entries)


# Every paragraph of a page (inside admonitions too) replaced by `change(paragraph)`.
def _rewrite_paragraphs(path: Path, change) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    for section in parse_page("\n".join(lines)).sections:
        for block in section.all_blocks():
            if block.kind == "paragraph":
                _replace_block(lines, block, change(" ".join(line.strip() for line in block.lines)))
    path.write_text("\n".join(lines), encoding="utf-8")


# The last paragraph of each section of a page gains the section's first sentence once more.
def _add_a_sentence_to_each_section(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    for section in parse_page("\n".join(lines)).sections:
        paragraphs = [block for block in section.blocks if block.kind == "paragraph"]
        if paragraphs:
            first = _sentences(" ".join(line.strip() for line in paragraphs[0].lines))[0]
            last = paragraphs[-1]
            _replace_block(lines, last, " ".join(line.strip() for line in last.lines) + " " + first)
    path.write_text("\n".join(lines), encoding="utf-8")


# Put a block's new text in place of its lines, on one line with the block's indentation.
def _replace_block(lines: list[str], block, text: str) -> None:
    first = block.line - 1
    indent = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
    lines[first: first + len(block.lines)] = [indent + text] + [None] * (len(block.lines) - 1)
    lines[:] = [line for line in lines if line is not None] if None in lines else lines


# A paragraph with its first sentence moved to its end (unchanged if it has one sentence).
def _reordered(text: str) -> str:
    sentences = _sentences(text)
    return " ".join(sentences[1:] + sentences[:1]) if len(sentences) > 1 else text


# A text with its first sentence said once more at its end.
def _said_again(text: str) -> str:
    return f"{text} {_sentences(text)[0]}"


# The sentences of a paragraph.
def _sentences(text: str) -> list[str]:
    return [sentence for sentence in _SENTENCE_END.split(text.strip()) if sentence]


# A data file as a translator writes it: answers as block text, every other value as it is.
def _write_yaml(path: Path, data) -> None:
    path.write_text(yaml.dump(data, Dumper=_BlockTextDumper, allow_unicode=True, sort_keys=False,
                              width=1000), encoding="utf-8")


class _BlockTextDumper(yaml.SafeDumper):
    """Writes a text of several lines as a `|` block, the way data/faq.yml holds its answers."""


_BlockTextDumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None))


# A language's own name for itself ("Deutsch"), as a translator would give it.
def _native_name(locale: str) -> str:
    from babel import Locale

    try:
        name = Locale.parse(locale.replace("-", "_")).get_display_name(locale.replace("-", "_"))
    except (ValueError, LookupError):
        name = None
    return (name or locale)[:1].upper() + (name or locale)[1:]


# Commit everything in a repository as a contributor.
def _commit(project: Path, message: str) -> None:
    _git(project, "add", "-A")
    _git(project, "commit", "--quiet", "--allow-empty", "-m", message)


# Run git, failing loudly.
def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Contributor", "-c", "user.email=contributor@example.org",
                    "-c", "commit.gpgsign=false", *args], cwd=cwd, check=True, capture_output=True)
