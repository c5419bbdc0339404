"""The upload sniffer judges files by their bytes (followup.filetypes)."""

import io
import zipfile

import pytest

from followup import filetypes


def office(folder: str) -> bytes:
    """A minimal Office-shaped archive whose main part sits under ``folder``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}document.xml", "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "name"), [
    (b"%PDF-1.7\n...", "pdf"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "png"),
    (b"\xff\xd8\xff\xe0\0\x10JFIF", "jpeg"),
    (office("word/"), "docx"),
    (office("xl/"), "xlsx"),
    (office("ppt/"), "pptx"),
    ("会议纪要\nMinutes\tok\r\n".encode(), "text"),
])
def test_accepted_kinds(data: bytes, name: str) -> None:
    kind = filetypes.sniff(data)
    assert kind is not None and kind.name == name


@pytest.mark.parametrize("data", [
    b"", b"MZ\x90\0\x03", b"<html>\0</html>", b"\xff\xfe\0h\0i", b"PK\x03\x04broken",
    office("other/"), b"GIF89a\x01\x00", b"text with bell \a",
])
def test_refused_kinds(data: bytes) -> None:
    assert filetypes.sniff(data) is None


def test_clean_filename_strips_paths_controls_and_fixes_extension() -> None:
    assert filetypes.clean_filename("../../etc/passwd\0.pdf", filetypes.PDF) == "passwd.pdf"
    assert filetypes.clean_filename("C:\\x\\议程.exe", filetypes.PDF) == "议程.pdf"
    assert filetypes.clean_filename("photo.JPEG", filetypes.JPEG) == "photo.jpeg"
    assert filetypes.clean_filename("\0\0", filetypes.TEXT) == "file.txt"
    long = filetypes.clean_filename("a" * 100_000 + ".pdf", filetypes.PDF)
    assert len(long) == filetypes.MAX_NAME_LENGTH + 4


def test_content_disposition_keeps_chinese_names_as_rfc5987() -> None:
    value = filetypes.content_disposition('会议 "纪要".pdf')
    assert value == ("attachment; filename=\"__ ____.pdf\"; "
                     "filename*=UTF-8''%E4%BC%9A%E8%AE%AE%20%22%E7%BA%AA%E8%A6%81%22.pdf")
    assert filetypes.content_disposition("agenda.pdf") == (
        "attachment; filename=\"agenda.pdf\"; filename*=UTF-8''agenda.pdf")
