"""The facts of a text that a reader acts on, and that a translation must say as its English does.

A customer-service guide is harmed most by a wrong phone number, a wrong number of days or a
wrong link, and a maintainer who cannot read a language cannot see one. So each text's facts
are taken out, in a form that every language shares, and compared with its English text's:

- phone numbers: seven to fifteen digits, grouped by spaces, dots, hyphens or parentheses, with
  an optional leading +; compared by their digits;
- numbers written in digits, in any script's digits, read with the language's own decimal and
  group separators (1,000 in English, 1.000 in Danish, 1 000 in French are all 1000; 30일 and
  30 dage are 30); numbers written as words are words, not facts;
- link targets (inline links, autolinks, reference definitions and bare web addresses), with
  their host where they have one;
- e-mail addresses;
- images.

A fact may appear in another place of the text, and once or more often than the English says it
(a translation may merge or repeat a sentence), but no fact may be added, dropped or changed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

KINDS = ("phone number", "number", "link", "e-mail address", "image")


@dataclass(frozen=True)
class Fact:
    kind: str
    value: str  # the form compared: digits, a number, a link target, an address
    shown: str  # as the text writes it
    line: int  # from 1, in the text given


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# Every fact of a Markdown text, read with the number separators of `locale`.
def facts(text: str, locale: str, first_line: int = 1) -> list[Fact]:
    found = []
    for number, line in enumerate(text.split("\n"), first_line):
        line = _ATTRIBUTE_LIST.sub(" ", line)
        for image in _IMAGE.finditer(line):
            found.append(Fact("image", image.group(1), image.group(1), number))
        line = _IMAGE.sub(" ", line)
        for pattern in (_LINK, _AUTOLINK, _REFERENCE):
            for link in pattern.finditer(line):
                found.append(Fact("link", link.group(1), link.group(1), number))
            line = pattern.sub(" ", line)
        for address in _BARE_URL.finditer(line):
            target = address.group(0).rstrip(".,;:!?)")
            found.append(Fact("link", target, target, number))
        line = _BARE_URL.sub(" ", line)
        for mail in _EMAIL.finditer(line):
            found.append(Fact("e-mail address", mail.group(0).lower(), mail.group(0), number))
        line = _EMAIL.sub(" ", line)
        line = _CHARACTER_REFERENCE.sub(" ", line)
        for phone in _PHONE.finditer(line):
            digits = _digits(phone.group(0))
            if 7 <= len(digits) <= 15:
                found.append(Fact("phone number", ("+" if phone.group(0).startswith("+") else "") + digits,
                                  phone.group(0).strip(), number))
        line = _PHONE.sub(lambda match: " " if 7 <= len(_digits(match.group(0))) <= 15 else match.group(0), line)
        for figure in _number_pattern(locale).finditer(line):
            found.append(Fact("number", _number(figure.group(0), locale), figure.group(0), number))
    return found


# The differences between a translation's facts and its English text's, one line each:
# `name:line: what the translation has, and what the English has` (what it lacks, too, unless
# `missing` is false).
def fact_differences(ours: list[Fact], theirs: list[Fact], *, name: str, english_name: str,
                     where: str = "", fallback_line: int = 1, missing: bool = True) -> list[str]:
    lines = []
    for kind in KINDS:
        mine = {fact.value for fact in ours if fact.kind == kind}
        english = {fact.value for fact in theirs if fact.kind == kind}
        if mine == english:
            continue
        expected = ", ".join(sorted({_shown(theirs, kind, value) for value in english})) or "none"
        for value in sorted(mine - english):
            fact = next(fact for fact in ours if fact.kind == kind and fact.value == value)
            lines.append(f"{name}:{fact.line}: {_label(kind, fact.shown)}{where}, which the English "
                         f"text does not have ({english_name} has {_plural(kind)}: {expected})")
        for value in sorted(english - mine) if missing else ():
            fact = next(fact for fact in theirs if fact.kind == kind and fact.value == value)
            line = next((other.line for other in ours if other.kind == kind), fallback_line)
            lines.append(f"{name}:{line}: no {_label(kind, fact.shown)}{where}, which the English "
                         f"text has ({english_name}:{fact.line})")
    return lines


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# A fact as a message names it: "phone number 1-800-555-0100", "link to faq.md".
def _label(kind: str, shown: str) -> str:
    if kind == "link":
        host = urlsplit(shown).hostname
        return f"link to {shown}" + (f" (host {host})" if host else "")
    return f"{kind} {shown}"


# The plural of a kind of fact, as messages list them.
def _plural(kind: str) -> str:
    return {"phone number": "phone numbers", "number": "numbers", "link": "links",
            "e-mail address": "e-mail addresses", "image": "images"}[kind]


# How the English text writes a fact of a kind and value.
def _shown(facts_of: list[Fact], kind: str, value: str) -> str:
    return next(fact.shown for fact in facts_of if fact.kind == kind and fact.value == value)


# The digits of a text as ASCII digits, whatever script they are written in.
def _digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(character)) for character in text
                   if unicodedata.decimal(character, None) is not None)


# A number as every language writes it the same: its digits, with "." before any decimals.
def _number(text: str, locale: str) -> str:
    decimal, group = _separators(locale)
    value = "".join(str(unicodedata.decimal(character)) if unicodedata.decimal(character, None) is not None
                    else character for character in text)
    for separator in {group, "\u00a0", "\u202f"} - {decimal}:
        value = value.replace(separator, "")
    value = value.replace(decimal, ".")
    if value.count(".") > 1 or not re.fullmatch(r"\d+(\.\d+)?", value):
        return re.sub(r"\D", "", value)  # not a number of this language: its digits
    whole, _, fraction = value.partition(".")
    fraction = fraction.rstrip("0")
    return (whole.lstrip("0") or "0") + (f".{fraction}" if fraction else "")


# Digits with the separators a language writes inside a number (a space only where the
# language groups digits with one), so that two numbers side by side stay two.
@lru_cache(maxsize=None)
def _number_pattern(locale: str) -> re.Pattern:
    decimal, group = _separators(locale)
    separators = {decimal, group} | ({" ", "\u00a0", "\u202f"} if group.strip() == "" else set())
    return re.compile(r"\d(?:[" + re.escape("".join(sorted(separators))) + r"]?\d)*")


# A language's decimal and group separators, as Babel's CLDR data gives them.
@lru_cache(maxsize=None)
def _separators(locale: str) -> tuple[str, str]:
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        parsed = Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return ".", ","
    return get_decimal_symbol(parsed), get_group_symbol(parsed)


# -----------------------------------------------------------------------------
# Patterns (each linear in the length of a line)
# -----------------------------------------------------------------------------

_ATTRIBUTE_LIST = re.compile(r"\{[:#.][^{}\n]*\}|\{ #[^{}\n]*\}")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?[^)\n]*\)")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?[^)\n]*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>", re.IGNORECASE)
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)")
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]+", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_CHARACTER_REFERENCE = re.compile(r"&#?\w+;")
_PHONE = re.compile(r"(?<![\w.,])\+?\(?\d[\d\u00a0 ().-]{5,22}\d(?![\w])")
