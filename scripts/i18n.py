"""Translators' commands: what is left to translate, what changed in the English text, whether a
translation has the English structure and facts, record a finished translation, add a language,
check the glossary, and summarize a pull request for its reviewer.

    .venv/bin/python scripts/i18n.py status [LOCALE]
    .venv/bin/python scripts/i18n.py diff LOCALE PATH       PATH: index.md, index.md#ANCHOR, docs/ko/index.md or data/faq.yml#ID
    .venv/bin/python scripts/i18n.py check [LOCALE]
    .venv/bin/python scripts/i18n.py sync LOCALE PATH       a page, one section of it (PAGE#ANCHOR) or an FAQ entry
    .venv/bin/python scripts/i18n.py new-language LOCALE "Name"
    .venv/bin/python scripts/i18n.py glossary
    .venv/bin/python scripts/i18n.py summary [--base REF]

Run them from the repository with the project's Python (`bash scripts/bootstrap.sh` makes .venv/).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from sitelib.add_language import LanguageError, add_language  # noqa: E402
from sitelib.faq_data import FaqDataError  # noqa: E402
from sitelib.glossary import GlossaryError, check, load_rules  # noqa: E402
from sitelib.history import read_history  # noqa: E402
from sitelib.languages import LanguagesError, SiteLanguages, load_site_languages  # noqa: E402
from sitelib.pr_summary import SummaryError, summary_markdown  # noqa: E402
from sitelib.record_translation import record_faq, record_page  # noqa: E402
from sitelib.repository_files import unsafe_paths  # noqa: E402
from sitelib.safe_files import FileError  # noqa: E402
from sitelib.section_status import CHANGED  # noqa: E402
from sitelib.site_texts import site_texts  # noqa: E402
from sitelib.sync_translation import SyncError  # noqa: E402
from sitelib.translation_check import check_repository  # noqa: E402
from sitelib.translation_history import HistoryError, english_diff, recorded_hash  # noqa: E402
from sitelib.translation_status import (  # noqa: E402
    FAQ_FILE, MISSING, OUTDATED, STATES, collect_items, load_entries, translation_report,
)

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# How the commands are run, as every printed hint gives them.
COMMAND = ".venv/bin/python scripts/i18n.py"


# -----------------------------------------------------------------------------
# Commands
# -----------------------------------------------------------------------------

# Print, per language, the state of every page and FAQ entry, and the sections behind.
def status(args: argparse.Namespace) -> int:
    languages, report, history, entries = _state()
    shown = [language for language in report.languages if args.locale in (None, language.locale)]
    if not shown:
        raise SyncError(f"mkdocs.yml: no translated language '{args.locale}'")
    width = max(len(state) for state in STATES)
    names = max(len(item.name) for item in report.items)
    notes = check_repository(ROOT, languages, [language.locale for language in shown], report,
                             history, entries, {}).notes
    for language in shown:
        print(f"{language.locale}  {language.name}")
        for item in report.items:
            state = report.state(language.locale, item)
            hint = f"  what changed: {COMMAND} diff {language.locale} {item.name}" if state == OUTDATED else ""
            print(f"  {state:<{width}}  {item.name:<{names}}{hint}".rstrip())
            if state == OUTDATED and item.kind == "page":
                _print_sections(report.changes(language.locale, item), language.locale, item)
        for note in notes:
            if f"docs/{language.locale}/" in note or f"({language.locale})" in note:
                print(f"    differs from the English text now: {note}")
        counts = ", ".join(f"{report.count(language.locale, state)} {state}" for state in STATES)
        print(f"  {counts}\n")
    states = {report.state(language.locale, item) for language in shown for item in report.items}
    if OUTDATED in states:
        print(f"{OUTDATED}: the English text changed; see what changed with the command shown, update "
              f"the translation, then run\n  {COMMAND} sync LOCALE PATH   (or PATH#ANCHOR for one section)")
    if MISSING in states:
        print(f"{MISSING}: readers see the English text; see CONTRIBUTING.md, \"Translate a page\".")
    return 0


# Print what changed in the English text since a translation was made from it.
def diff(args: argparse.Namespace) -> int:
    languages, locale, item, anchor = _translation(args)
    entries = {entry.id: entry for entry in load_entries(ROOT / FAQ_FILE, languages)}
    old_hash = recorded_hash(ROOT, item, locale, entries)
    if old_hash is None:
        raise SyncError(f"{_display(item, locale)}: no translation recorded with sync yet, so there "
                        f"is no earlier English text to compare with")
    if old_hash == item.source_hash:
        print(f"{_display(item, locale)}: up to date; the English text has not changed since "
              f"({old_hash})")
        return 0
    sys.stdout.write(english_diff(ROOT, read_history(ROOT), item, old_hash, languages.default, anchor))
    return 0


# Check every translation's structure and facts against its English text, and the files and
# texts of the repository; fail on any problem.
def check_structure(args: argparse.Namespace) -> int:
    if unsafe_paths(ROOT):  # before anything is read through a link
        for problem in unsafe_paths(ROOT):
            print(problem)
        print("check: symbolic links or paths outside the repository", file=sys.stderr)
        return 1
    languages, report, history, entries = _state()
    shown = [language.locale for language in languages.translated if args.locale in (None, language.locale)]
    if not shown:
        raise SyncError(f"mkdocs.yml: no translated language '{args.locale}'")
    result = check_repository(ROOT, languages, shown, report, history, entries, site_texts(ROOT, languages))
    for problem in result.problems:
        print(problem)
    checked = ", ".join(shown)
    if result.problems:
        print(f"check: {len(result.problems)} problem(s) in {checked}", file=sys.stderr)
        return 1
    print(f"check: {checked}: every translation has the structure and the facts of its English text")
    return 0


# Record that a translation (a page, one section of it, or an FAQ entry) is up to date with the
# current English text; refused while it is still the English text or its facts differ.
def sync(args: argparse.Namespace) -> int:
    languages, locale, item, anchor = _translation(args)
    display = _display(item, locale) + (f"#{anchor}" if anchor else "")
    if item.kind == "faq":
        print(record_faq(ROOT, languages, locale, item, display))
    else:
        print(record_page(ROOT, languages, locale, item, anchor, display))
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


# Print, in Markdown, what a pull request changes for its reviewer (the pull-request check
# writes it into the job's summary).
def summary(args: argparse.Namespace) -> int:
    languages, report, history, entries = _state()
    result = check_repository(ROOT, languages, [language.locale for language in languages.translated],
                              report, history, entries, site_texts(ROOT, languages))
    sys.stdout.write(summary_markdown(ROOT, args.base, report=report, default=languages.default,
                                      check=result, entries=entries))
    return 0


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# Print an outdated page's sections behind the English text, with their diff commands.
def _print_sections(changes, locale: str, item) -> None:
    if changes is None:
        print("      which sections changed: unknown without the history (git fetch --unshallow)")
        return
    for change in changes:
        if change.kind == CHANGED:
            print(f"      changed           #{change.anchor}  what changed: "
                  f"{COMMAND} diff {locale} {item.key}#{change.anchor}")
        else:
            print(f"      not translated    #{change.anchor}")


# The languages, the report with the sections behind, the history and the FAQ entries.
def _state():
    languages = _languages()
    history = read_history(ROOT)
    report = translation_report(ROOT / "docs", ROOT / FAQ_FILE, languages, history=history)
    return languages, report, history, load_entries(ROOT / FAQ_FILE, languages)


# The languages in mkdocs.yml, as the build sees them.
def _languages() -> SiteLanguages:
    return load_site_languages(ROOT / "mkdocs.yml")


# A configured locale other than the default (English is the source, never a translation).
def _translated_locale(locale: str, languages: SiteLanguages) -> str:
    known = [language.locale for language in languages.translated]
    if locale not in known:
        raise SyncError(f"'{locale}' is not a translated language in mkdocs.yml (known: {', '.join(known)})")
    return locale


# The languages, the translated locale, the page or FAQ entry, and the section a command's
# arguments name.
def _translation(args: argparse.Namespace):
    languages = _languages()
    locale = _translated_locale(args.locale, languages)
    name, anchor = _item_name(args.path, locale)
    items = {item.name: item for item in collect_items(ROOT / "docs", ROOT / FAQ_FILE, languages)}
    if name not in items:
        raise SyncError(f"{args.path}: no such English page or FAQ entry (see: {COMMAND} status)")
    return languages, locale, items[name], anchor


# The item name and section a path stands for: "index.md#intro" -> ("index.md", "intro");
# "docs/ko/index.md" -> ("index.md", None); "data/faq.yml#id" -> ("data/faq.yml#id", None).
def _item_name(path: str, locale: str) -> tuple[str, str | None]:
    file, _, anchor = path.partition("#")
    if file in (FAQ_FILE, "faq.yml"):
        if not anchor:
            raise SyncError(f"{path}: name the FAQ entry, such as {FAQ_FILE}#refund")
        return f"{FAQ_FILE}#{anchor}", None
    prefix = f"docs/{locale}/"
    file = file[len(prefix):] if file.startswith(prefix) else file
    return file, anchor or None


# How a translation is named in messages: its file, or the FAQ entry and language.
def _display(item, locale: str) -> str:
    return f"docs/{locale}/{item.key}" if item.kind == "page" else f"{FAQ_FILE}#{item.key} ({locale})"


# The command line.
def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scripts/i18n.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("status", help="translated, outdated or missing, per language")
    command.add_argument("locale", nargs="?", help="only this language")
    command.set_defaults(run=status)
    command = commands.add_parser("diff", help="what changed in the English text since the translation")
    command.add_argument("locale")
    command.add_argument("path", help="index.md, index.md#ANCHOR, docs/ko/index.md or data/faq.yml#ID")
    command.set_defaults(run=diff)
    command = commands.add_parser("check", help="each translation has the English structure and facts")
    command.add_argument("locale", nargs="?", help="only this language")
    command.set_defaults(run=check_structure)
    command = commands.add_parser("sync", help="record that a translation matches the English text")
    command.add_argument("locale")
    command.add_argument("path", help="index.md, index.md#ANCHOR, docs/ko/index.md or data/faq.yml#ID")
    command.set_defaults(run=sync)
    command = commands.add_parser("new-language", help="add a language, every page untranslated")
    command.add_argument("locale", help="language code, such as de")
    command.add_argument("name", help='its own name, such as "Deutsch"')
    command.set_defaults(run=new_language)
    command = commands.add_parser("glossary", help="report avoided variants of key terms")
    command.set_defaults(run=glossary)
    command = commands.add_parser("summary", help="what a pull request changes, for its reviewer")
    command.add_argument("--base", default="origin/main", help="the branch it is merged into (origin/main)")
    command.set_defaults(run=summary)
    return parser


# Run one command; a known problem is one line on stderr and exit status 1.
def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except (SyncError, LanguageError, LanguagesError, GlossaryError, FaqDataError,
            HistoryError, FileError, SummaryError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
