"""HTML bodies: the text in them, and the sanitiser that keeps remote content and scripts out."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamdesk.mail.html import html_to_text, sanitise_html
from kamdesk.mail.parse import parse_rfc822

DATA = Path(__file__).resolve().parents[1] / "data" / "mail"


def test_text_from_html_blocks_lists_tables_and_entities() -> None:
    html = (
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<p>Hello&nbsp;<b>world</b> &amp; co</p><div>Line 2<br>Line 3</div>"
        "<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>"
        "<pre>  code\n    indented</pre><script>var x = 1;</script>End<br><br><br>after"
        "</body></html>"
    )
    assert html_to_text(html) == (
        "Hello world & co\n\nLine 2\nLine 3\n- one\n- two\n\na b\n\n  code\n    indented\n"
        "End\n\nafter"
    )


def test_text_from_html_never_raises_on_junk() -> None:
    assert html_to_text("<p>a<<<>>b</p><!-- unclosed").startswith("a<<<>>b")
    assert html_to_text("") == ""


def test_sanitised_newsletter_has_no_script_remote_image_or_handler() -> None:
    html = parse_rfc822((DATA / "html_only_remote.eml").read_bytes()).html
    assert html is not None
    clean = sanitise_html(html)
    for banned in ("<script", "document.cookie", "onload", "onclick", "<iframe", "evil.example"):
        assert banned not in clean
    assert "news.acme-industrie.fr" not in clean  # tracking pixel, CSS background, url()
    assert "cdn.acme-industrie.fr" not in clean  # protocol-relative image
    assert "<style" not in clean and "url(" not in clean
    assert '<a href="https://www.acme-industrie.fr/catalogue" rel="noopener noreferrer">' in clean
    assert '<p style="color:#333">Se désabonner</p>' in clean
    assert "<h1>Nouveautés du catalogue</h1>" in clean


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<img src="http://t.example/p.gif" alt="logo">', '<img alt="logo">'),
        ('<img src="HTTPS://t.example/p.gif">', "<img>"),
        ('<img src="//t.example/p.gif">', "<img>"),
        ('<img src="file:///etc/passwd">', "<img>"),
        ('<img src="images/p.gif">', "<img>"),
        ('<img srcset="https://t.example/p.gif 2x" src="cid:logo@x">', '<img src="cid:logo@x">'),
        (
            '<img src="data:image/png;base64,iVBORw0K">',
            '<img src="data:image/png;base64,iVBORw0K">',
        ),
        ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "<img>"),
        ('<img src="x" onerror="alert(1)">', "<img>"),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ('<a href="data:text/html,<script>">x</a>', '<a rel="noopener noreferrer">x</a>'),
        (
            '<a href="mailto:a@b.fr" target="_blank">m</a>',
            '<a href="mailto:a@b.fr" rel="noopener noreferrer">m</a>',
        ),
        (
            '<table background="https://t.example/bg.png"><tr><td>c</td></tr></table>',
            "<table><tbody><tr><td>c</td></tr></tbody></table>",
        ),
        (
            '<p style="color:red; background:url(https://t.example/x)">s</p>',
            '<p style="color:red">s</p>',
        ),
        ('<p style="color:u\\72l(x)">s</p>', "<p>s</p>"),
        ('<p style="position:fixed; top:0">s</p>', "<p>s</p>"),
        ('<div onmouseover="x()">d</div>', "<div>d</div>"),
        ("<form action=https://t.example><input name=q>text</form>", "text"),
        ('<svg><image href="https://t.example/x.png"/></svg>s', "s"),
        (
            '<link rel="stylesheet" href="https://t.example/s.css"><base href="https://t.example/">b',
            "b",
        ),
        ('<meta http-equiv="refresh" content="0;url=https://t.example">m', "m"),
        ("<object data=https://t.example/x.swf>o</object><embed src=https://t.example/e>", ""),
    ],
)
def test_sanitiser(html: str, expected: str) -> None:
    assert sanitise_html(html) == expected
