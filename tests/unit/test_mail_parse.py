"""parse_rfc822 on messages as real mail clients write them (tests/data/mail)."""

from __future__ import annotations

import base64
import datetime as dt
import time
from email.utils import getaddresses
from pathlib import Path

import pytest

from kamdesk.mail.headers import _simple_addresses, decode_words, sent_at
from kamdesk.mail.message import ParsedMessage
from kamdesk.mail.parse import parse_header_block, parse_rfc822

DATA = Path(__file__).resolve().parents[1] / "data" / "mail"


def parse(name: str) -> ParsedMessage:
    raw = (DATA / name).read_bytes()
    message = parse_rfc822(raw)
    assert message.raw is raw  # what kamdesk stores is exactly what was read
    assert message.raw_format == "rfc822"
    return message


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def test_plain_french_utf8_from_thunderbird() -> None:
    m = parse("plain_utf8_fr.eml")
    assert m.parse_error is None
    assert m.subject == "Réunion de lancement – préparation"
    assert (m.from_name, m.from_address) == ("Hélène Martin", "helene.martin@acme-industrie.fr")
    assert m.to_addresses == ["francoise.lefevre@client-sa.fr"]  # lower-cased
    assert m.message_id == "5b1e9d2a-3c4f-4e8b-9a61-0f2c7d8e4b11@acme-industrie.fr"
    assert m.sent_at == utc(2024, 3, 12, 13, 5, 31)
    assert m.text.startswith("Bonjour Françoise,\n\nComme convenu")
    assert "\r" not in m.text  # CRLF file, text with plain newlines
    assert "livraison prévue début août" in m.text
    assert m.html is None and m.attachments == []


def test_quoted_printable_latin1_with_encoded_subject() -> None:
    m = parse("qp_latin1.eml")
    assert m.parse_error is None
    assert m.subject == "Remise sur les pièces détachées"
    assert (m.from_name, m.from_address) == ("Leroy, Paul", "paul.leroy@acme-industrie.fr")
    assert "Suite à notre échange téléphonique" in m.text
    assert "remise de 8 % s'applique\négalement" in m.text  # soft line breaks undone
    assert m.sent_at == utc(2024, 3, 13, 8, 12, 40)


def test_multipart_alternative_keeps_text_and_html() -> None:
    m = parse("alternative.eml")
    assert m.parse_error is None
    assert m.text.startswith("Bonjour Hélène,")
    assert "<b>Marc Petit</b>" not in m.text and "*Marc Petit*" in m.text  # the text part
    assert m.html is not None and "<b>Marc Petit</b>" in m.html
    assert m.cc_addresses == ["marc.petit@client-sa.fr", "achats@client-sa.fr"]
    assert m.in_reply_to == "5b1e9d2a-3c4f-4e8b-9a61-0f2c7d8e4b11@acme-industrie.fr"
    assert m.references == [m.in_reply_to]
    assert m.attachments == []


def test_pdf_attachment_with_rfc2231_name() -> None:
    m = parse("mixed_pdf_rfc2231.eml")
    assert m.parse_error is None
    assert m.subject == "Devis révisé n°2024-031"  # base64 encoded word
    assert m.text == "Bonjour Jean,\n\nVous trouverez ci-joint le devis révisé.\n\nHélène"
    [pdf] = m.attachments
    assert pdf.filename == "devis révisé 2024-031.pdf"
    assert pdf.mime_type == "application/pdf"
    assert pdf.data.startswith(b"%PDF-1.4") and pdf.data.rstrip().endswith(b"%%EOF")


def test_reply_threading_headers() -> None:
    m = parse("reply.eml")
    assert m.message_id == "reply-7731@client-sa.fr"
    assert m.in_reply_to == "20240314090211.4f2a1c@acme-industrie.fr"
    assert m.references == [
        "5b1e9d2a-3c4f-4e8b-9a61-0f2c7d8e4b11@acme-industrie.fr",
        "CAJx8kqE5vL2Zt9wQ@mail.gmail.com",
        "20240314090211.4f2a1c@acme-industrie.fr",
    ]
    assert m.subject == "Re: Devis révisé n°2024-031"
    assert m.sent_at == utc(2024, 3, 15, 12, 30)  # -0400 turned into UTC
    assert m.cc_addresses == ["paul.leroy@acme-industrie.fr"]


def test_missing_date_is_none_and_said() -> None:
    m = parse("no_date.eml")
    assert m.sent_at is None
    assert m.parse_error == "Date header missing"
    assert m.subject == "Brouillon - bon de commande ACME"
    assert m.text == "A envoyer apres validation du devis."


def test_declared_utf8_but_latin1_is_guessed() -> None:
    m = parse("wrong_charset.eml")
    assert m.text.startswith("Société : Client SA\nMessage : Merci de me rappeler à propos")
    assert m.parse_error is not None and "not valid UTF-8" in m.parse_error
    assert "windows-1252" in m.parse_error


def test_unknown_charset_falls_back() -> None:
    m = parse("unknown_charset.eml")
    assert m.subject == "Compte rendu réunion"
    assert m.text == "Compte rendu : la réunion s'est bien passée, le périmètre est validé."
    assert m.parse_error is not None and "unknown charset 'x-unknown'" in m.parse_error


def test_malformed_headers_keep_the_fields_that_can_be_read() -> None:
    m = parse("malformed_headers.eml")
    # The headers below the garbage line are not lost (the stdlib parser would drop them).
    assert m.to_addresses == ["helene.martin@acme-industrie.fr"]
    assert m.message_id == "malformed-1@client-sa.fr"
    assert (m.from_name, m.from_address) == ("José García", "jose.garcia@client-sa.fr")
    # The broken word stays as written, the good one is decoded, the raw 8-bit byte guessed.
    assert m.subject == "=?utf-8?B?not*valid*base64!?= Commande urgente – n°42"
    assert m.sent_at == utc(2024, 3, 20, 7, 1, 2)
    assert m.text == "Bonjour, la commande n°42 est-elle partie ? Merci, José"
    assert m.parse_error is not None
    assert "1 malformed header line ignored" in m.parse_error
    assert "broken encoded word in Subject header" in m.parse_error


def test_html_only_message_gets_text_from_html() -> None:
    m = parse("html_only_remote.eml")
    assert m.parse_error is None
    assert m.html is not None and "<script>" in m.html  # kept as sent; sanitised for display
    assert m.text.startswith("Nouveautés du catalogue\n\nDécouvrez nos nouvelles références")
    assert "& nos offres de printemps." in m.text
    assert "document.cookie" not in m.text and "background" not in m.text
    assert "Newsletter" not in m.text  # the <title>
    assert "Réf. A-100 149,00 €" in m.text


def test_inline_image_and_forwarded_message_are_attachments() -> None:
    m = parse("related_forward.eml")
    assert m.parse_error is None
    assert m.text == "Helene, peux-tu rappeler ce client ? Message d'origine joint."
    assert m.html is not None and 'src="cid:logo@acme"' in m.html
    logo, forwarded = m.attachments
    assert (logo.filename, logo.mime_type) == ("logo.png", "image/png")
    assert logo.data == (DATA / "not_mail.png").read_bytes()
    assert (forwarded.filename, forwarded.mime_type) == ("Demande de rappel.eml", "message/rfc822")
    inner = parse_rfc822(forwarded.data)
    assert inner.message_id == "form-20240318-1100@client-sa.fr"
    assert inner.text == "Merci de me rappeler."


def test_a_png_is_not_an_email() -> None:
    m = parse("not_mail.png")
    assert m.parse_error == "not an email message: it looks like a PNG image"
    assert (m.subject, m.text, m.from_address, m.sent_at) == ("", "", None, None)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "it looks like a PDF document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "an OLE compound file"),
        (b"Subject: x\x00\x01\x02\nFrom: a@b\n\n", "binary data where the headers"),
        (bytes(range(256)) * 4, "binary data where the headers"),
        (b"Hello,\nthis is a letter, not mail.\n", "the first line is not a mail header"),
        (b"Name: Jean\nCompany: ACME\n\nNotes", "no From, Date or Message-ID header"),
        (b"", "the first line is not a mail header"),
    ],
)
def test_not_mail(raw: bytes, reason: str) -> None:
    m = parse_rfc822(raw)
    assert m.parse_error is not None
    assert m.parse_error.startswith("not an email message: ") and reason in m.parse_error


def test_undeclared_8bit_body_in_windows_1252_is_said() -> None:
    raw = b"From: a@b.fr\nSubject: x\nDate: Mon, 8 Jan 2024 10:00:00 +0100\n\nD\xe9j\xe0 vu\n"
    m = parse_rfc822(raw)
    assert m.text == "Déjà vu"
    assert m.parse_error == "undeclared 8-bit text decoded as windows-1252"


def test_undeclared_utf8_body_is_not_a_problem() -> None:
    raw = "From: a@b.fr\nDate: Mon, 8 Jan 2024 10:00:00 +0100\n\nDéjà vu\n".encode()
    m = parse_rfc822(raw)
    assert (m.text, m.parse_error) == ("Déjà vu", None)


def test_cyrillic_in_an_undeclared_charset_is_not_read_as_western() -> None:
    body = "Здравствуйте, спасибо за ваше письмо и предложение по контракту.".encode("cp1251")
    m = parse_rfc822(b"From: a@b.ru\nDate: Mon, 8 Jan 2024 10:00:00 +0300\n\n" + body)
    assert m.text.startswith("Здравствуйте")


def test_folded_subject_and_adjacent_encoded_words() -> None:
    raw = (
        b"From: a@b.fr\r\nDate: Mon, 8 Jan 2024 10:00:00 +0100\r\n"
        b"Subject: =?UTF-8?B?UsOpdW5pb24g?=\r\n =?UTF-8?B?ZGUg?=\r\n\t=?UTF-8?Q?lancement_?=\r\n"
        b"  suite   et\tfin\r\n\r\nx\r\n"
    )
    assert parse_rfc822(raw).subject == "Réunion de lancement suite et fin"


def test_multibyte_character_split_across_encoded_words() -> None:
    # "é" is C3 A9 in UTF-8; some mailers cut between the two bytes.
    assert decode_words("=?utf-8?q?caf=C3?= =?utf-8?q?=A9?=", [], "Subject") == "café"


def test_no_blank_line_after_the_headers() -> None:
    raw = b"From: a@b.fr\nSubject: hi\nDate: Mon, 8 Jan 2024 10:00:00 +0100\nHello there,\nBye\n"
    m = parse_rfc822(raw)
    assert m.subject == "hi" and m.text == "Hello there,\nBye"
    assert m.parse_error == "no blank line between the headers and the body"


def test_mbox_envelope_line_and_bom_are_tolerated() -> None:
    raw = b"\xef\xbb\xbfFrom jean@x.fr Mon Jan  8 10:00:00 2024\nFrom: jean@x.fr\nDate: Mon, 8 Jan 2024 10:00:00 +0100\n\nok\n"
    m = parse_rfc822(raw)
    assert (m.from_address, m.text, m.parse_error) == ("jean@x.fr", "ok", None)


def test_dates() -> None:
    notes: list[str] = []
    assert sent_at("Tue, 12 Mar 2024 14:05:31 +0100 (CET)", notes) == utc(2024, 3, 12, 13, 5, 31)
    assert sent_at("12 Mar 2024 14:05 -0430", notes) == utc(2024, 3, 12, 18, 35)
    assert sent_at("Tue, 12 Mar 2024 14:05:31 -0000", notes) == utc(2024, 3, 12, 14, 5, 31)
    assert sent_at("Tue, 12 Mar 2024 14:05:31", notes) == utc(2024, 3, 12, 14, 5, 31)  # naive
    assert sent_at("Tuesday 12 March 2024", notes) is None
    assert sent_at("Fri, 31 Feb 2024 10:00:00 +0100", notes) is None
    assert notes == [
        "Date header unreadable: 'Tuesday 12 March 2024'",
        "Date header unreadable: 'Fri, 31 Feb 2024 10:00:00 +0100'",
    ]


@pytest.mark.parametrize(
    "value",
    [
        "a@b.fr",
        "Jean Dupont <JEAN@x.fr>",
        '"Dupont, Jean" <j@x.fr>, marie@y.fr',
        "=?utf-8?q?Ren=C3=A9?= <rene@x.fr>",
        "<a@b.fr>, c@d.fr ,e@f.fr,",
        '"a@b.fr" <a@b.fr>',
    ],
)
def test_fast_address_reading_agrees_with_the_stdlib(value: str) -> None:
    assert _simple_addresses([value]) == getaddresses([value])


@pytest.mark.parametrize(
    "value", ["Jean (comment) <a@b>", "undisclosed-recipients:;", "x <a@b> y", r'"a\"b" <a@b>']
)
def test_unusual_addresses_go_to_the_stdlib(value: str) -> None:
    assert _simple_addresses([value]) is None


def test_addresses_in_groups_comments_and_without_at() -> None:
    raw = (
        b"From: Jean (ventes) <JEAN@x.fr>\nTo: undisclosed-recipients:;\n"
        b"Cc: Equipe: a@x.fr, b@x.fr;, Jean\nDate: Mon, 8 Jan 2024 10:00:00 +0100\n\nx\n"
    )
    m = parse_rfc822(raw)
    assert m.from_address == "jean@x.fr"
    assert m.to_addresses == [] and m.cc_addresses == ["a@x.fr", "b@x.fr"]


def test_header_block_alone() -> None:
    m = parse_header_block(
        b"Message-ID: <a@b>\r\nReferences: <x@y>\r\n <z@y>\r\nDate: 8 Jan 2024 10:00 +0000\r\n"
    )
    assert (m.message_id, m.references, m.sent_at) == ("a@b", ["x@y", "z@y"], utc(2024, 1, 8, 10))


def test_attachment_names_are_names_not_paths() -> None:
    raw = (
        b"From: a@b.fr\nDate: Mon, 8 Jan 2024 10:00:00 +0100\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nhi\n'
        b'--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename="..\\\\..\\\\evil.bat"\n\nx\n'
        b'--b\nContent-Type: text/csv\nContent-Disposition: attachment;\n filename="=?utf-8?q?r=C3=A9sum=C3=A9.csv?="\n\na;b\n'
        b"--b\nContent-Type: application/zip\nContent-Disposition: attachment\n\nPK\n"
        b"--b\nContent-Type: text/calendar; method=REQUEST\n\nBEGIN:VCALENDAR\n--b--\n"
    )
    m = parse_rfc822(raw)
    assert [a.filename for a in m.attachments] == [
        "evil.bat",
        "résumé.csv",
        "attachment-3.zip",
        "invite.ics",
    ]
    assert m.text == "hi"


def test_broken_multipart_never_raises() -> None:
    raw = (
        b"From: a@b.fr\nDate: Mon, 8 Jan 2024 10:00:00 +0100\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="never"\n\nsome text\n'
    )
    m = parse_rfc822(raw)
    assert m.from_address == "a@b.fr"
    assert m.parse_error is not None and "boundary" in m.parse_error


def test_multipart_without_boundary_is_read_as_text() -> None:
    raw = b"From: a@b.fr\nDate: Mon, 8 Jan 2024 10:00:00 +0100\nContent-Type: multipart/mixed\n\nhello\n"
    m = parse_rfc822(raw)
    assert m.text == "hello"
    assert m.parse_error is not None and "without a boundary" in m.parse_error


def test_damaged_base64_is_decoded_as_far_as_it_goes() -> None:
    raw = (
        b"From: a@b.fr\nDate: Mon, 8 Jan 2024 10:00:00 +0100\nContent-Type: text/plain\n"
        b"Content-Transfer-Encoding: base64\n\nQm9uam91cg\n"
    )
    assert parse_rfc822(raw).text == "Bonjour"


def test_deep_nesting_does_not_raise() -> None:
    depth = 200
    head = b"From: a@b.fr\nDate: Mon, 8 Jan 2024 10:00:00 +0100\nMIME-Version: 1.0\n"
    parts = b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i) for i in range(depth)
    )
    m = parse_rfc822(head + parts + b"Content-Type: text/plain\n\ndeep\n")
    assert m.from_address == "a@b.fr" and m.parse_error is not None


def test_huge_attachment_is_linear() -> None:
    data = bytes(range(256)) * (8 << 12)  # 8 MiB
    raw = (
        b"From: a@b.fr\nDate: Mon, 8 Jan 2024 10:00:00 +0100\nMIME-Version: 1.0\n"
        b'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nhi\n'
        b"--b\nContent-Type: application/octet-stream; name=big.bin\nContent-Transfer-Encoding: base64\n\n"
        + base64.encodebytes(data)
        + b"--b--\n"
    )
    start = time.perf_counter()
    m = parse_rfc822(raw)
    assert time.perf_counter() - start < 20  # about a second here; quadratic would be hours
    assert m.attachments[0].data == data and m.text == "hi"


def test_single_part_attachment_from_a_scanner() -> None:
    raw = (
        b"From: scanner@client-sa.fr\nDate: Mon, 8 Jan 2024 10:00:00 +0100\nMIME-Version: 1.0\n"
        b"Content-Type: application/pdf;\n name*=utf-8''num%C3%A9risation.pdf\n"
        b"Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(b"%PDF-1.4 scan")
    )
    m = parse_rfc822(raw)
    assert m.text == "" and m.parse_error is None
    assert [(a.filename, a.mime_type, a.data) for a in m.attachments] == [
        ("numérisation.pdf", "application/pdf", b"%PDF-1.4 scan")
    ]
