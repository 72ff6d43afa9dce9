"""The content policy: what text from a pull request may put on the site.

Everything a contributor writes (pages, front matter, data files, language and site names) is
checked before it is published. A refusal is one line naming the file, the line where it is
known, and what is not allowed. The policy:

- raw HTML in Markdown: only RAW_HTML (<br>, <abbr title>, <kbd>), which can do nothing but show
  text; everything else a page shows comes from Markdown itself;
- in the HTML that Markdown makes: only the elements and attributes of RENDERED_HTML, no event
  handler (on...), no style but a table cell's alignment, no id the theme's scripts use;
- links: http(s), mailto, relative paths and anchors; images and other resources: relative
  paths into the site only (no scheme, no host, no data: URL);
- texts that the theme writes into HTML as they are (titles, descriptions, language and site
  names): no <, >, " or character reference;
- size: bounded per file and per paragraph, so that no input can make Markdown slow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

import markdown

from sitelib.text_scan import quote

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Raw HTML a translator may write, and its attributes: inert elements that only show text.
RAW_HTML: dict[str, frozenset[str]] = {
    "br": frozenset(),
    "abbr": frozenset({"title"}),
    "kbd": frozenset(),
}

# The elements the configured Markdown extensions make (and the hooks add), and the attributes
# each may carry besides the GLOBAL_ATTRIBUTES.
RENDERED_HTML: dict[str, frozenset[str]] = {
    **{tag: frozenset() for tag in (
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "pre", "ul", "li",
        "blockquote", "hr", "br", "kbd", "table", "thead", "tbody", "tr", "div", "span",
        "summary",
    )},
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "abbr": frozenset(),
    "ol": frozenset({"start"}),
    "th": frozenset({"style"}),
    "td": frozenset({"style"}),
    "details": frozenset({"open"}),
}
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})

# Attributes that only a build hook's own markup carries (span.translation-state and the marks
# beside headings, which search leaves out).
HOOK_ATTRIBUTES: dict[str, frozenset[str]] = {"span": frozenset({"data-state", "data-search-exclude"})}

# URL schemes a link may use; a resource (an image) may use none: it is a path into the site.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})

# The only style Markdown writes: a table column's alignment.
CELL_STYLE = re.compile(r"text-align:\s*(left|right|center);?")

# Ids the theme's own elements and scripts use (__config, __drawer, __search, __md_scope...):
# an element of the page with one of them would take the place of the theme's.
RESERVED_ID = re.compile(r"__")

# Characters that a text the theme writes into HTML unescaped may not hold.
MARKUP_IN_TEXT = re.compile(r"[<>\"]|&(#?[A-Za-z0-9]+);")

# Sizes above which a contributor's text is refused before Markdown reads it. Markdown takes
# quadratic time on some inputs: each "[" of a paragraph is matched against the rest of that
# paragraph, and each "<" of a text against the rest of the text, so those are bounded too.
# The guide's longest page is about 10,000 bytes, its longest paragraph about 600 characters
# with one link, and it has no "<"; at these limits a page takes Markdown well under a second.
MAX_PAGE_BYTES = 100_000
MAX_DATA_BYTES = 500_000
MAX_PARAGRAPH_CHARACTERS = 4_000
# For each "[" of a paragraph Markdown reads the rest of the paragraph: the characters after
# each "[", summed, are bounded (a list of 30 links in 1,500 characters reads about 22,500).
MAX_LINK_READING = 40_000
MAX_ANGLE_BRACKETS = 100  # "<" in one text: tags and autolinks


@dataclass(frozen=True)
class Problem:
    """One thing the policy refuses: what it is, and a piece of source text to find it by."""

    message: str
    needle: str = ""
    alternatives: tuple[str, ...] = ()  # other texts to find it by, where the first is not found
    position: int | None = None  # where it is in the checked text, when that is known exactly

    # Every text to find the problem by, best first.
    @property
    def needles(self) -> tuple[str, ...]:
        return (self.needle, *self.alternatives)


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------

# What Markdown makes of a contributor's text, checked: raw HTML against RAW_HTML, the result
# against RENDERED_HTML and the URL rules. `extensions` and `configs` are the site's own.
def check_markdown(text: str, extensions: list, configs: dict) -> list[Problem]:
    problems = check_size(text)
    if problems:
        return problems
    renderer = _Renderer(extensions, configs)
    html = renderer.convert(text)
    for fragment in renderer.raw_html:
        problems += _check_raw(fragment)
    return problems + check_html(html)


# The HTML of a page's content, checked against RENDERED_HTML (and the hooks' own attributes).
def check_html(html: str, *, hook_markup: bool = False) -> list[Problem]:
    checker = _HtmlChecker(RENDERED_HTML, hook_markup=hook_markup)
    checker.feed(html)
    checker.close()
    return checker.problems


# A text the theme writes into HTML as it is (a title, a description, a name): plain text only.
def check_plain_text(value: object, what: str) -> Problem | None:
    if isinstance(value, (int, float)):  # a number written as it is, such as a year
        return None
    if not isinstance(value, str):
        return Problem(f"{what} must be text, found {type(value).__name__}")
    found = MARKUP_IN_TEXT.search(value)
    if found:
        return Problem(f"{what} may not contain {quote(found.group(0))}: it is shown as plain "
                       "text (no HTML, no quotes \", no character references)", found.group(0))
    if any(ord(character) < 32 for character in value):
        return Problem(f"{what} may not contain control characters or line breaks")
    return None


# The size limits of a contributor's Markdown text: the file, then each paragraph.
def check_size(text: str, limit: int = MAX_PAGE_BYTES) -> list[Problem]:
    size = len(text.encode("utf-8"))
    if size > limit:
        return [Problem(f"{size:,} bytes is over the limit of {limit:,} bytes for one text")]
    for paragraph in re.split(r"\n[ \t]*\n", text):
        if len(paragraph) > MAX_PARAGRAPH_CHARACTERS:
            return [Problem(f"a paragraph of {len(paragraph):,} characters is over the limit of "
                            f"{MAX_PARAGRAPH_CHARACTERS:,}: split it with blank lines",
                            paragraph[:40])]
        reading = sum(len(paragraph) - index for index, character in enumerate(paragraph)
                      if character == "[")
        if reading > MAX_LINK_READING:
            return [Problem(f"a paragraph with {paragraph.count('[')} '[' in "
                            f"{len(paragraph):,} characters has too many links for its length: "
                            "split it with blank lines", paragraph[:40])]
    angles = text.count("<")
    if angles > MAX_ANGLE_BRACKETS:
        at = -1
        for _ in range(MAX_ANGLE_BRACKETS + 1):
            at = text.index("<", at + 1)
        return [Problem(f"{angles} '<' in one text is over the limit of {MAX_ANGLE_BRACKETS}",
                        text[at:at + 40], position=at)]
    return []


# The line (from 1) of the first occurrence of a needle in a text, ignoring case; None if absent.
def line_of(text: str, needle: str, start_line: int = 1) -> int | None:
    if not needle:
        return None
    found = text.lower().find(needle.lower())
    if found == -1:
        return None
    return start_line + text.count("\n", 0, found)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# A Markdown renderer with the site's extensions that also collects the raw HTML of the text:
# what the HTML block preprocessor and the inline HTML pattern put aside, and nothing that
# extensions (highlighted code) store the same way.
class _Renderer(markdown.Markdown):
    def __init__(self, extensions: list, configs: dict) -> None:
        super().__init__(extensions=extensions, extension_configs=configs)
        self.raw_html: list[str | Element] = []
        self._collecting = False
        store = self.htmlStash.store

        # Keep what raw HTML the text holds, and store it as Markdown does.
        def collect(html):
            if self._collecting:
                self.raw_html.append(html)
            return store(html)

        self.htmlStash.store = collect
        self._wrap(self.preprocessors["html_block"], "run")
        self._wrap(self.inlinePatterns["html"], "handleMatch")

    # Collect what a processor stores while it runs.
    def _wrap(self, processor, method: str) -> None:
        original = getattr(processor, method)

        # The processor's own method, with collection switched on.
        def run(*args, **kwargs):
            self._collecting = True
            try:
                return original(*args, **kwargs)
            finally:
                self._collecting = False

        setattr(processor, method, run)


# The problems of one piece of raw HTML: elements and attributes outside RAW_HTML.
def _check_raw(fragment: str | Element) -> list[Problem]:
    if isinstance(fragment, Element):  # a block with the markdown attribute (md_in_html)
        return [_not_allowed_tag(fragment.tag, raw=True)]
    checker = _HtmlChecker(RAW_HTML, raw=True)
    checker.feed(fragment)
    checker.close()
    return checker.problems


# The refusal of one element.
def _not_allowed_tag(tag: str, *, raw: bool) -> Problem:
    allowed = ", ".join(RAW_HTML)
    what = f"<{tag}>" if len(tag) < 40 else quote(tag)
    if raw:
        return Problem(f"{what} is not allowed (allowed HTML: {allowed})", f"<{tag}")
    return Problem(f"{what} is not allowed in a page (allowed HTML: {allowed}; "
                   "the rest comes from Markdown)", f"<{tag}")


# Checks the start tags of HTML against an allow-list; collects a Problem for each refusal.
class _HtmlChecker(HTMLParser):
    # `allowed`: element -> its attributes; `raw`: the text is a contributor's raw HTML.
    def __init__(self, allowed: dict[str, frozenset[str]], *, raw: bool = False,
                 hook_markup: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.raw = raw
        self.hook_markup = hook_markup
        self.problems: list[Problem] = []

    # Check one element and its attributes.
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.allowed:
            self.problems.append(_not_allowed_tag(tag, raw=self.raw))
            return
        for name, value in attrs:
            problem = self._check_attribute(tag, name, value or "")
            if problem:
                raw = re.search(rf"""\b{re.escape(name)}\s*=\s*["']?([^"'\s>]+)""",
                                self.get_starttag_text() or "", re.IGNORECASE)
                if raw:
                    problem = Problem(problem.message, problem.needle, (raw.group(1)[:40],))
                self.problems.append(problem)

    # Self-closing tags are checked as start tags.
    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    # Declarations and processing instructions (<!DOCTYPE>, <?xml>) do not belong in a page.
    def handle_decl(self, decl: str) -> None:
        self.problems.append(Problem(f"{quote('<!' + decl + '>')} is not allowed", "<!"))

    # Processing instructions are refused like declarations.
    def handle_pi(self, data: str) -> None:
        self.problems.append(Problem(f"{quote('<?' + data + '>')} is not allowed", "<?"))

    # One attribute: allowed for this element, and its value safe where it is a URL or a style.
    def _check_attribute(self, tag: str, name: str, value: str) -> Problem | None:
        if name.startswith("on"):
            return Problem(f"the event handler {name}= on <{tag}> is not allowed", name)
        allowed = self.allowed[tag] if self.raw else GLOBAL_ATTRIBUTES | self.allowed[tag]
        if self.hook_markup:
            allowed = allowed | HOOK_ATTRIBUTES.get(tag, frozenset())
        if name not in allowed:
            return Problem(f"the attribute {quote(name)} on <{tag}> is not allowed", name)
        if name == "id" and RESERVED_ID.match(value):
            return Problem(f"the id {quote(value)} is reserved for the theme", value)
        if name == "style" and not CELL_STYLE.fullmatch(value.strip()):
            return Problem(f"the style {quote(value)} on <{tag}> is not allowed", "style")
        if name == "href":
            return _check_url(value, tag, link=True)
        if name == "src":
            return _check_url(value, tag, link=False)
        return None


# A link: http(s), mailto, a relative path or an anchor. A resource: a relative path only.
def _check_url(value: str, tag: str, *, link: bool) -> Problem | None:
    url = _as_browser_reads(value)
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", url)
    if link:
        if scheme and scheme.group(1).lower() not in LINK_SCHEMES:
            return Problem(f"the link {quote(value)} is not allowed (links: http, https, mailto, "
                           "relative paths, #anchors)", scheme.group(1) + ":")
        return None
    if scheme or url.startswith(("/", "\\")):
        what = "data: URLs" if scheme and scheme.group(1).lower() == "data" else "other sites"
        return Problem(f"<{tag}> from {quote(value)} is not allowed (images and other "
                       f"resources come from the site itself, not from {what}: "
                       "use a relative path)", value[:30])
    return None


# A URL as a browser reads it: tabs and line breaks removed, leading and trailing spaces and
# control characters stripped.
def _as_browser_reads(value: str) -> str:
    url = re.sub(r"[\t\n\r]", "", value)
    return url.strip("".join(chr(code) for code in range(0x21)))
