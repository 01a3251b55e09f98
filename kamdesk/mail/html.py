"""HTML mail bodies: the plain text in them, and a version safe to show.

Showing mail HTML as sent would let a sender run scripts in kamdesk's preview or learn, through
a remote image ("tracking pixel"), that and when the message was read and from which address.
``sanitise_html`` therefore keeps an allowlist of formatting tags and attributes and removes
every reference to something outside the message: images only keep ``data:`` sources or
``cid:`` ones (which point at a part of the same message), styles lose anything that could
load a URL, and links stay clickable but open nothing by themselves.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3

# Longer HTML is cut before extracting text: the stdlib parser reads tag-dense HTML at about
# half a megabyte a second, and a preview or search text needs nothing past this.
_TEXT_LIMIT = 500_000

_SKIPPED = frozenset({"script", "style", "title", "template", "head"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tr", "ul",
    }
)  # fmt: skip
_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0
        self._pre_depth = 0
        self._at_line_start = True
        self._trailing_newlines = 2  # the start of the text counts as after a paragraph

    def _newline(self, count: int = 1) -> None:
        # Nested blocks (<div><p>, </li></ul>) must not pile up blank lines.
        if count > self._trailing_newlines:
            if self.parts:
                self.parts[-1] = self.parts[-1].rstrip(" ")
            self.parts.append("\n" * (count - self._trailing_newlines))
            self._trailing_newlines = count
        self._at_line_start = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            # <head> is not always closed in mail; only its text-bearing children are skipped.
            if tag != "head":
                self._skip_depth += 1
            return
        if tag == "br":
            self._newline(self._trailing_newlines + 1 if self._trailing_newlines < 2 else 2)
        elif tag in _BLOCKS:
            self._newline(2 if tag in _PARAGRAPHS else 1)
            if tag == "li":
                self.parts.append("- ")
                self._at_line_start = False
                self._trailing_newlines = 0
            elif tag == "pre":
                self._pre_depth += 1
        elif tag in ("td", "th") and not self._at_line_start:
            self.parts.append(" ")
            self._trailing_newlines = 0

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            if tag != "head":
                self._skip_depth = max(0, self._skip_depth - 1)
            return
        if tag in _BLOCKS:
            self._newline(2 if tag in _PARAGRAPHS else 1)
            if tag == "pre":
                self._pre_depth = max(0, self._pre_depth - 1)

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if not self._pre_depth:
            data = _HTML_SPACE.sub(" ", data)
            if self._at_line_start:
                data = data.lstrip(" ")
        if data:
            self.parts.append(data)
            self._at_line_start = data.endswith("\n")
            self._trailing_newlines = len(data) - len(data.rstrip("\n"))


def html_to_text(html: str) -> str:
    """The readable text of an HTML body: no scripts or styles, one line per block."""
    extractor = _TextExtractor()
    try:
        extractor.feed(html[:_TEXT_LIMIT])
        extractor.close()
    except Exception:  # the stdlib parser is lenient, but a preview must never fail
        pass
    text = "".join(extractor.parts).replace("\xa0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


_ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "address", "article", "b", "bdi", "bdo", "blockquote", "br", "caption",
        "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl",
        "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "i", "img", "ins", "kbd", "li", "main", "mark", "ol", "p", "pre", "q",
        "s", "samp", "section", "small", "span", "strike", "strong", "sub", "summary", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var",
        "wbr",
    }
)  # fmt: skip
# Removed together with their content (the rest of the unknown tags keep their text).
_DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "title", "iframe", "frame", "object", "embed", "template", "svg", "math"}
)
_CELL = {"align", "valign", "width", "height", "bgcolor", "colspan", "rowspan", "nowrap"}
_ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"style", "title", "dir", "lang", "align"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "border"},
    "table": {"width", "border", "cellpadding", "cellspacing", "bgcolor"},
    "tr": {"valign", "bgcolor"},
    "td": _CELL,
    "th": _CELL,
    "col": {"span", "width"},
    "colgroup": {"span", "width"},
    "font": {"color", "face", "size"},
    "ol": {"start", "type"},
    "ul": {"type"},
    "li": {"value"},
    "blockquote": {"type"},  # type="cite" marks quoted replies
    "hr": {"width", "size", "noshade"},
}
# No property that takes a URL (background, list-style-image, content, cursor...) is listed.
_STYLE_PROPERTIES = frozenset(
    {
        "color", "background-color", "font", "font-family", "font-size", "font-style",
        "font-weight", "text-align", "text-decoration", "text-indent", "text-transform",
        "line-height", "letter-spacing", "white-space", "vertical-align", "direction",
        "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
        "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
        "border", "border-top", "border-right", "border-bottom", "border-left",
        "border-color", "border-style", "border-width", "border-collapse", "border-spacing",
        "width", "height", "max-width", "min-width", "list-style-type", "display",
    }
)  # fmt: skip
_LINK_SCHEMES = ("http:", "https:", "mailto:", "tel:")
_INLINE_IMAGE = re.compile(r"data:image/(png|gif|jpeg|jpg|webp|bmp);base64,", re.IGNORECASE)
# A style value that could reach out (url(), @import, IE expressions) or hide such a thing
# behind CSS escapes is dropped whole.
_UNSAFE_STYLE = re.compile(r"url\s*\(|image-set|image\s*\(|expression|@import|\\|&#", re.IGNORECASE)


def _safe_style(value: str) -> str | None:
    # Only the declarations that could reach out go; nh3 then keeps the allowed properties.
    kept = [decl for decl in value.split(";") if not _UNSAFE_STYLE.search(decl)]
    return ";".join(kept) or None


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    if name == "style":
        return _safe_style(value)
    if tag == "img" and name == "src":
        src = value.strip()
        if _INLINE_IMAGE.match(src) or src.lower().startswith("cid:"):
            return src
        return None  # http(s), protocol-relative "//host", file: and relative paths alike
    if tag == "a" and name == "href":
        href = value.strip()
        return href if href.lower().startswith(_LINK_SCHEMES) else None
    return value


def sanitise_html(html: str) -> str:
    """``html`` with only harmless formatting left, and nothing that loads remote content."""
    clean = nh3.clean(
        html,
        tags=set(_ALLOWED_TAGS),
        clean_content_tags=set(_DROPPED_WITH_CONTENT),
        attributes=_ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes={"http", "https", "mailto", "tel", "cid", "data"},
        filter_style_properties=set(_STYLE_PROPERTIES),
        strip_comments=True,
        link_rel="noopener noreferrer",
    )
    # nh3 keeps a style attribute whose every property it removed. In its output, quotes in
    # text are escaped, so this only ever matches an attribute.
    return clean.replace(' style=""', "")
