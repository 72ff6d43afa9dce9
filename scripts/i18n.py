"""Translators' commands: what is left to translate, what changed in the English text, whether a
translation has the English structure, record a finished translation, add a language, check the
glossary.

    .venv/bin/python scripts/i18n.py status [LOCALE]
    .venv/bin/python scripts/i18n.py diff LOCALE PATH       PATH: index.md, docs/ko/index.md or data/faq.yml#ID
    .venv/bin/python scripts/i18n.py check [LOCALE]
    .venv/bin/python scripts/i18n.py sync LOCALE PATH
    .venv/bin/python scripts/i18n.py new-language LOCALE "Name"
    .venv/bin/python scripts/i18n.py glossary

Run them from the repository with the project's Python (`bash scripts/bootstrap.sh` makes .venv/).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from sitelib.add_language import LanguageError, add_language  # noqa: E402
from sitelib.compare_structure import compare_faq, compare_page  # noqa: E402
from sitelib.faq_data import FaqDataError  # noqa: E402
from sitelib.glossary import GlossaryError, check, load_rules  # noqa: E402
from sitelib.languages import LanguagesError, SiteLanguages, load_site_languages  # noqa: E402
from sitelib.safe_files import FileError, read_text  # noqa: E402
from sitelib.sync_translation import SyncError, sync_faq, sync_page  # noqa: E402
from sitelib.translation_history import HistoryError, english_diff, recorded_hash  # noqa: E402
from sitelib.translation_status import (  # noqa: E402
    FAQ_FILE, MISSING, OUTDATED, STATES, collect_items, load_entries, page_hash,
    translation_report,
)

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# How the commands are run, as every printed hint gives them.
COMMAND = ".venv/bin/python scripts/i18n.py"


# -----------------------------------------------------------------------------
# Commands
# -----------------------------------------------------------------------------

# Print, per language, the state of every page and FAQ entry.
def status(args: argparse.Namespace) -> int:
    languages = _languages()
    report = translation_report(ROOT / "docs", ROOT / FAQ_FILE, languages)
    shown = [language for language in report.languages if args.locale in (None, language.locale)]
    if not shown:
        raise SyncError(f"mkdocs.yml: no translated language '{args.locale}'")
    width = max(len(state) for state in STATES)
    names = max(len(item.name) for item in report.items)
    for language in shown:
        print(f"{language.locale}  {language.name}")
        for item in report.items:
            state = report.state(language.locale, item)
            hint = f"  what changed: {COMMAND} diff {language.locale} {item.name}" if state == OUTDATED else ""
            print(f"  {state:<{width}}  {item.name:<{names}}{hint}".rstrip())
        counts = ", ".join(f"{report.count(language.locale, state)} {state}" for state in STATES)
        print(f"  {counts}\n")
    states = {report.state(language.locale, item) for language in shown for item in report.items}
    if OUTDATED in states:
        print(f"{OUTDATED}: the English text changed; see what changed with the command shown, update "
              f"the translation, then run\n  {COMMAND} sync LOCALE PATH")
    if MISSING in states:
        print(f"{MISSING}: readers see the English text; see CONTRIBUTING.md, \"Translate a page\".")
    return 0


# Print what changed in the English text since a translation was made from it.
def diff(args: argparse.Namespace) -> int:
    languages, locale, item = _translation(args)
    entries = {entry.id: entry for entry in load_entries(ROOT / FAQ_FILE, languages)}
    old_hash = recorded_hash(ROOT, item, locale, entries)
    if old_hash is None:
        raise SyncError(f"{_display(item, locale)}: no translation recorded with sync yet, so there "
                        f"is no earlier English text to compare with")
    if old_hash == item.source_hash:
        print(f"{_display(item, locale)}: up to date; the English text has not changed since "
              f"({old_hash})")
        return 0
    sys.stdout.write(english_diff(ROOT, item, old_hash, languages.default))
    return 0


# Compare the structure of each translation with the English text; fail on any difference.
def check_structure(args: argparse.Namespace) -> int:
    languages = _languages()
    shown = [language for language in languages.translated if args.locale in (None, language.locale)]
    if not shown:
        raise SyncError(f"mkdocs.yml: no translated language '{args.locale}'")
    report = translation_report(ROOT / "docs", ROOT / FAQ_FILE, languages)
    entries = load_entries(ROOT / FAQ_FILE, languages)
    faq_text = _read(FAQ_FILE)
    problems = []
    for language in shown:
        for item in report.items:
            if item.kind != "page" or report.state(language.locale, item) == MISSING:
                continue
            english = f"docs/{languages.default}/{item.key}"
            name = f"docs/{language.locale}/{item.key}"
            problems += compare_page(_read(english), _read(name), english_name=english, name=name)
        problems += compare_faq(faq_text, entries, language.locale, languages.default, name=FAQ_FILE)
    for problem in problems:
        print(problem)
    checked = ", ".join(language.locale for language in shown)
    if problems:
        print(f"check: {len(problems)} problem(s) in {checked}", file=sys.stderr)
        return 1
    print(f"check: {checked}: every translation has the structure of the English text")
    return 0


# Record that a translation is up to date with the current English text.
def sync(args: argparse.Namespace) -> int:
    languages, locale, item = _translation(args)
    display = _display(item, locale)
    if item.kind == "page":
        path = ROOT / "docs" / locale / item.key
        if path.is_file() and page_hash(_read(f"docs/{locale}/{item.key}")) == item.source_hash:
            raise SyncError(f"{display}: still the English text; translate it, then run sync")
        sync_page(path, item.source_hash, display)
    else:
        entry = next(entry for entry in load_entries(ROOT / FAQ_FILE, languages) if entry.id == item.key)
        text, english = entry.text_for(locale), entry.texts[languages.default]
        if text is not None and (text.question, text.answer) == (english.question, english.answer):
            raise SyncError(f"{display}: still the English text; translate it, then run sync")
        sync_faq(ROOT / FAQ_FILE, FAQ_FILE, item.key, locale, item.source_hash)
    print(f"{display}: up to date with the English text ({item.source_hash})")
    return 0


# Add a language: mkdocs.yml and docs/<locale>/ with every page marked untranslated.
def new_language(args: argparse.Namespace) -> int:
    languages = _languages()
    created = add_language(
        ROOT, args.locale, args.name, existing=languages.locales, default=languages.default,
    )
    print(f"mkdocs.yml: added {args.locale} ({args.name.strip()})")
    for path in created:
        what = ("docs/{0}/ and the shared data files routed to translators-{0}".format(args.locale)
                if path.name == "CODEOWNERS" else "English copy, marked untranslated")
        print(f"{path.relative_to(ROOT).as_posix()}: {what}")
    print(f"\nTranslate each page, then run: {COMMAND} sync {args.locale} PATH")
    return 0


# Report every avoided variant of a glossary term; fail when there is one.
def glossary(args: argparse.Namespace) -> int:
    findings = check(ROOT, load_rules(ROOT / "data" / "glossary.yml"))
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} glossary problem(s): see data/glossary.yml", file=sys.stderr)
        return 1
    print("glossary: no avoided variants found")
    return 0


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# The languages in mkdocs.yml, as the build sees them.
def _languages() -> SiteLanguages:
    return load_site_languages(ROOT / "mkdocs.yml")


# A configured locale other than the default (English is the source, never a translation).
def _translated_locale(locale: str, languages: SiteLanguages) -> str:
    known = [language.locale for language in languages.translated]
    if locale not in known:
        raise SyncError(f"'{locale}' is not a translated language in mkdocs.yml (known: {', '.join(known)})")
    return locale


# The languages, the translated locale and the page or FAQ entry a command's arguments name.
def _translation(args: argparse.Namespace) -> tuple[SiteLanguages, str, object]:
    languages = _languages()
    locale = _translated_locale(args.locale, languages)
    return languages, locale, _item(args.path, locale, languages)


# The page or FAQ entry a path names.
def _item(path: str, locale: str, languages: SiteLanguages):
    name = _item_name(path, locale)
    items = {item.name: item for item in collect_items(ROOT / "docs", ROOT / FAQ_FILE, languages)}
    if name not in items:
        raise SyncError(f"{path}: no such English page or FAQ entry (see: {COMMAND} status)")
    return items[name]


# The item name a path stands for: "index.md", "docs/ko/index.md" -> "index.md"; "data/faq.yml#id".
def _item_name(path: str, locale: str) -> str:
    if "#" in path:
        file, entry = path.split("#", 1)
        if file not in (FAQ_FILE, "faq.yml"):
            raise SyncError(f"{path}: only FAQ entries take an #id, such as {FAQ_FILE}#refund")
        return f"{FAQ_FILE}#{entry}"
    prefix = f"docs/{locale}/"
    return path[len(prefix):] if path.startswith(prefix) else path


# How a translation is named in messages: its file, or the FAQ entry and language.
def _display(item, locale: str) -> str:
    return f"docs/{locale}/{item.key}" if item.kind == "page" else f"{FAQ_FILE}#{item.key} ({locale})"


# A file of the repository as text; one clear line where it is not UTF-8 or cannot be read.
def _read(path: str) -> str:
    return read_text(ROOT / path, path)


# The command line.
def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scripts/i18n.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("status", help="translated, outdated or missing, per language")
    command.add_argument("locale", nargs="?", help="only this language")
    command.set_defaults(run=status)
    command = commands.add_parser("diff", help="what changed in the English text since the translation")
    command.add_argument("locale")
    command.add_argument("path", help="index.md, docs/ko/index.md or data/faq.yml#ID")
    command.set_defaults(run=diff)
    command = commands.add_parser("check", help="each translation has the English structure")
    command.add_argument("locale", nargs="?", help="only this language")
    command.set_defaults(run=check_structure)
    command = commands.add_parser("sync", help="record that a translation matches the English text")
    command.add_argument("locale")
    command.add_argument("path", help="index.md, docs/ko/index.md or data/faq.yml#ID")
    command.set_defaults(run=sync)
    command = commands.add_parser("new-language", help="add a language, every page untranslated")
    command.add_argument("locale", help="language code, such as de")
    command.add_argument("name", help='its own name, such as "Deutsch"')
    command.set_defaults(run=new_language)
    command = commands.add_parser("glossary", help="report avoided variants of key terms")
    command.set_defaults(run=glossary)
    return parser


# Run one command; a known problem is one line on stderr and exit status 1.
def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except (SyncError, LanguageError, LanguagesError, GlossaryError, FaqDataError,
            HistoryError, FileError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
