"""Translators' commands: what is left to translate, record a finished translation, add a
language, check the glossary.

    python scripts/i18n.py status [LOCALE]
    python scripts/i18n.py sync LOCALE PATH        PATH: index.md, docs/ko/index.md or data/faq.yml#ID
    python scripts/i18n.py new-language LOCALE "Name"
    python scripts/i18n.py glossary

Run them from the repository with the project's Python (.venv/bin/python).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from sitelib.faq_data import FaqDataError  # noqa: E402
from sitelib.glossary import GlossaryError, check, load_rules  # noqa: E402
from sitelib.add_language import LanguageError, add_language  # noqa: E402
from sitelib.languages import LanguagesError, SiteLanguages, load_site_languages  # noqa: E402
from sitelib.safe_files import FileError  # noqa: E402
from sitelib.translation_status import (  # noqa: E402
    FAQ_FILE, OUTDATED, STATES, TRANSLATED, collect_items, translation_report,
)
from sitelib.sync_translation import SyncError, sync_faq, sync_page  # noqa: E402

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
    for language in shown:
        print(f"{language.locale}  {language.name}")
        for item in report.items:
            print(f"  {report.state(language.locale, item):<{width}}  {item.name}")
        counts = ", ".join(f"{report.count(language.locale, state)} {state}" for state in STATES)
        print(f"  {counts}\n")
    if any(report.state(language.locale, item) != TRANSLATED for language in shown for item in report.items):
        print(f"{OUTDATED}: its English text changed; update the translation, then run\n"
              "  python scripts/i18n.py sync LOCALE PATH\n"
              "missing: readers see the English text; see CONTRIBUTING.md, \"Translate a page\".")
    return 0


# Record that a translation is up to date with the current English text.
def sync(args: argparse.Namespace) -> int:
    languages = _languages()
    locale = _translated_locale(args.locale, languages)
    name = _item_name(args.path, locale)
    items = {item.name: item for item in collect_items(ROOT / "docs", ROOT / FAQ_FILE, languages)}
    if name not in items:
        raise SyncError(f"{args.path}: no such English page or FAQ entry (see: python scripts/i18n.py status)")
    item = items[name]
    if item.kind == "page":
        display = f"docs/{locale}/{item.key}"
        sync_page(ROOT / display, item.source_hash, display)
    else:
        display = f"{FAQ_FILE}#{item.key} ({locale})"
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
        what = f"docs/{args.locale}/ routed to its translators" if path.name == "CODEOWNERS" else (
            "English copy, marked untranslated")
        print(f"{path.relative_to(ROOT).as_posix()}: {what}")
    print(f"\nTranslate each page, then run: python scripts/i18n.py sync {args.locale} PATH")
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


# The item name a path stands for: "index.md", "docs/ko/index.md" -> "index.md"; "data/faq.yml#id".
def _item_name(path: str, locale: str) -> str:
    if "#" in path:
        file, entry = path.split("#", 1)
        if file not in (FAQ_FILE, "faq.yml"):
            raise SyncError(f"{path}: only FAQ entries take an #id, such as {FAQ_FILE}#refund")
        return f"{FAQ_FILE}#{entry}"
    prefix = f"docs/{locale}/"
    return path[len(prefix):] if path.startswith(prefix) else path


# The command line.
def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scripts/i18n.py", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("status", help="translated, outdated or missing, per language")
    command.add_argument("locale", nargs="?", help="only this language")
    command.set_defaults(run=status)
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
    except (SyncError, LanguageError, LanguagesError, GlossaryError, FaqDataError, FileError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
