"""Content policy: nothing a pull request writes can run in a reader's browser, load a third
party, or hang the build.

Every text a contributor controls is checked before the site is built from it, and a refusal
stops the build with one line naming the file, the line and what is not allowed (the policy
itself is in sitelib/content_policy.py, and for mkdocs.yml in sitelib/config_policy.py):

- mkdocs.yml: language codes, names and site names; data/messages.yml: its shape and fields;
- every page of every language: encoding, size, front matter, and what its Markdown makes;
- data/faq.yml: every question and answer, as the FAQ page renders them;
- all of these and the other data files: no invisible character that could make a text
  display differently from what it says (sitelib/invisible.py);
- every page's finished content, build hooks' markup included, as a last check.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE, get_data

from sitelib.build_state import once_per_build
from sitelib.config_policy import check_config
from sitelib.content_policy import (
    MAX_DATA_BYTES, MAX_PAGE_BYTES, Problem, check_html, check_markdown, check_plain_text,
    check_size, line_of,
)
from sitelib.faq_data import FaqDataError, load_faq
from sitelib.invisible import invisible_problem
from sitelib.languages import site_languages
from sitelib.markdown_text import escape_markup
from sitelib.messages import check_messages
from sitelib.safe_files import decode_utf8
from sitelib.text_scan import quote

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Check the configuration's texts and the messages file. Runs after mkdocs-static-i18n's own
# on_config (-100), which has read the languages.
@event_priority(-120)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    for name in _PLAIN_TEXT_FILES:
        if (root / name).is_file():
            _refuse_invisible(_read(root / name, name), name)
    check_config(config, _read(root / "mkdocs.yml", "mkdocs.yml"))
    check_messages()  # a MessagesError is a PluginError: one line
    return config


# Check every page of every language and the FAQ data, once per build of the whole site.
def on_pre_build(*, config: MkDocsConfig) -> None:
    once_per_build(config, "content_policy", lambda: _check_sources(config))


# The last check, on each page's finished content: Markdown's output and the hooks' markup.
@event_priority(-100)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    problems = check_html(html, hook_markup=True)
    if problems:
        name = _docs_name(config, page.file.abs_src_path)
        data = page.meta.get("faq_data")
        raise PluginError(f"{name}{f' (with {data})' if data else ''}: {problems[0].message}")
    return html


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Every page of every language and the FAQ data, checked against the policy.
def _check_sources(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    extensions, configs = config.markdown_extensions, config.mdx_configs
    data_files = {_FAQ_FILE}
    passed: set[str] = set()  # Markdown found allowed: a new language's copies repeat the English
    for path in sorted(docs.rglob("*")):
        if path.is_dir():
            continue
        name = _docs_name(config, path)
        if path.suffix.lower() != ".md":
            if path.suffix.lower() not in _STATIC_FILES:
                raise PluginError(
                    f"{name}: files of type {quote(path.suffix or path.name)} are not allowed in "
                    f"docs/ (pages are Markdown; images: {', '.join(sorted(_STATIC_FILES))})")
            continue
        data_files |= _check_page(path, name, root, extensions, configs, passed)
    for name in sorted(data_files):
        if (root / name).is_file():
            _check_faq(config, root / name, name, extensions, configs)


# One page: UTF-8, its size, its front matter, and what its Markdown makes. Returns the data
# file its front matter names, if any.
def _check_page(path: Path, name: str, root: Path, extensions: list, configs: dict,
                passed: set[str]) -> set[str]:
    text = _read(path, name, limit=MAX_PAGE_BYTES)
    _refuse_invisible(text, name)
    body, meta = get_data(text)
    _check_front_matter(text, meta, name, root)
    offset = text[: len(text) - len(body)].count("\n") if text.endswith(body) else 0
    problems = [] if body in passed else check_markdown(body, extensions, configs)
    if not problems:
        passed.add(body)
    for problem in problems:
        if problem.position is not None:
            line = offset + 1 + body.count("\n", 0, problem.position)
            raise PluginError(f"{name}:{line}: {problem.message}")
        _refuse(problem, name, body, problem.needle, start_line=offset + 1)
    return {meta["faq_data"]} if meta.get("faq_data") else set()


# A page's front matter: valid YAML, plain-text title and description, a data file in data/.
def _check_front_matter(text: str, meta: dict, name: str, root: Path) -> None:
    match = YAML_RE.match(text)
    if match:
        try:
            data = yaml.load(match.group(1), Loader=yaml.SafeLoader)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f":{mark.line + 2}" if mark else ""
            problem = getattr(error, "problem", None) or "syntax error"
            raise PluginError(f"{name}{line}: the front matter is not valid YAML: {problem}") \
                from None
        if not isinstance(data, dict):
            raise PluginError(f"{name}:2: the front matter must be 'key: value' lines")
    for key in _FRONT_MATTER_TEXTS:
        if key in meta:
            _refuse(_at(check_plain_text(meta[key], f"front matter {key!r}"), f"{key}:"), name,
                    text, f"{key}:")
    for key in _FRONT_MATTER_LAYOUT:
        if key in meta:
            _refuse(Problem(f"front matter {key!r} is not allowed: pages use the site's layout",
                            f"{key}:"), name, text, f"{key}:")
    source = meta.get("faq_data")
    if source is not None:
        data_dir = (root / "data").resolve()
        target = (root / str(source)).resolve()
        if not isinstance(source, str) or not _DATA_FILE.fullmatch(source) \
                or not target.is_relative_to(data_dir):
            _refuse(Problem(f"front matter 'faq_data' {quote(source)} must name a file in data/"),
                    name, text, "faq_data:")


# The FAQ data: each question and answer as the FAQ page renders it.
def _check_faq(config: MkDocsConfig, path: Path, name: str, extensions: list,
               configs: dict) -> None:
    if path.stat().st_size > MAX_DATA_BYTES:
        _read(path, name, limit=MAX_DATA_BYTES)  # refuses it, naming the limit
    languages = site_languages(config)
    try:
        entries = load_faq(path, languages=languages.locales, default_language=languages.default,
                           display_name=name)
    except FaqDataError as error:
        raise PluginError(str(error)) from None
    source = _read(path, name, limit=MAX_DATA_BYTES)
    _refuse_invisible(source, name)
    for locale in languages.locales:  # what one language's FAQ page shows, fallbacks included
        shown = sum(len((text := entry.text_for(locale) or entry.texts[languages.default])
                        .question.encode("utf-8")) + len(text.answer.encode("utf-8"))
                    for entry in entries)
        if shown > MAX_PAGE_BYTES:
            raise PluginError(f"{name}: the FAQ page in {quote(locale)} would hold {shown:,} "
                              f"bytes of questions and answers, over the limit of "
                              f"{MAX_PAGE_BYTES:,} bytes for one page")
    for entry in entries:
        found = re.search(rf"^[\s-]*id:\s*[\"']?{re.escape(entry.id)}[\"']?\s*$", source, re.MULTILINE)
        entry_line = source.count("\n", 0, found.start()) + 1 if found else 1
        for locale, text in entry.texts.items():
            for field, value in (("question", text.question), ("answer", text.answer)):
                problems = check_size(value, MAX_DATA_BYTES) or check_markdown(
                    escape_markup(value), extensions, configs)
                if problems:
                    problem = problems[0]
                    after = source.split("\n", entry_line - 1)[-1]
                    line = next((found for candidate in problem.needles
                                 if (found := line_of(after, candidate, entry_line))), entry_line)
                    raise PluginError(f"{name}:{line}: entry {quote(entry.id)} "
                                      f"({locale}.{field}): {problem.message}")


# Stop the build on the first refused invisible character of a file's text.
def _refuse_invisible(text: str, name: str) -> None:
    problem = invisible_problem(text, name)
    if problem:
        raise PluginError(problem)


# A problem found by a given text (such as its key in front matter) rather than its own.
def _at(problem: Problem | None, needle: str) -> Problem | None:
    return Problem(problem.message, needle.strip().splitlines()[0] if needle.strip() else "") \
        if problem else None


# Stop the build on a problem, naming the file and the line of its needle where it is found.
def _refuse(problem: Problem | None, name: str, text: str, needle: str, *,
            start_line: int = 1) -> None:
    if problem is None:
        return
    line = next((found for candidate in (*problem.needles, needle)
                 if (found := line_of(text, candidate, start_line))), None)
    raise PluginError(f"{name}{f':{line}' if line else ''}: {problem.message}")


# A contributor's text file, as UTF-8 (a byte-order mark is allowed), within a size limit.
def _read(path: Path, name: str, *, limit: int = MAX_DATA_BYTES) -> str:
    data = path.read_bytes()
    if len(data) > limit:
        raise PluginError(f"{name}: {len(data):,} bytes is over the limit of {limit:,} bytes")
    text = decode_utf8(data, name).removeprefix("\ufeff")
    return re.sub(r"\r\n?", "\n", text)


# A path under docs/ as the repository names it: docs/ko/index.md.
def _docs_name(config: MkDocsConfig, path: str | Path) -> str:
    root = Path(config.config_file_path).parent
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).name


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

_FAQ_FILE = "data/faq.yml"

# Files whose every text reaches readers, checked for invisible characters when the
# configuration is loaded (pages and data/faq.yml are checked with the rest of their policy).
_PLAIN_TEXT_FILES = ("mkdocs.yml", "data/messages.yml", "data/glossary.yml", "data/search_synonyms.yml")

# A data file a page may name: a plain path under data/ (it also goes into the page's edit link).
_DATA_FILE = re.compile(r"data/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\.ya?ml")

# Files besides pages that docs/ may hold: images a browser shows and never runs (no SVG, which
# can hold scripts; no HTML, JavaScript or CSS).
_STATIC_FILES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})

# Front matter the theme writes into pages as it is, and front matter that picks templates or
# icons (a file the theme would fail to find, or markup in a class name).
_FRONT_MATTER_TEXTS = ("title", "description", "subtitle", "author", "location")
_FRONT_MATTER_LAYOUT = ("template", "icon", "status")
