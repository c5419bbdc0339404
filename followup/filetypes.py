"""Which kind of file an upload really is, judged by its bytes, never by the client.

Pure: no Flask, no database. :func:`sniff` returns one of :data:`KINDS` or ``None`` for a
file Helix refuses. Office documents are zip archives; the archive's own part names tell a
DOCX from an XLSX or a PPTX, so a renamed zip of anything else is refused.
"""

import io
import unicodedata
import zipfile
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """An accepted file type: its short name, the MIME type served and the extension stored."""

    name: str
    mimetype: str
    extension: str


PDF = Kind("pdf", "application/pdf", "pdf")
DOCX = Kind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx")
XLSX = Kind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
PPTX = Kind("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "pptx")
PNG = Kind("png", "image/png", "png")
JPEG = Kind("jpeg", "image/jpeg", "jpg")
TEXT = Kind("text", "text/plain; charset=utf-8", "txt")

KINDS = {kind.name: kind for kind in (PDF, DOCX, XLSX, PPTX, PNG, JPEG, TEXT)}
"""Every accepted kind by name."""

OFFICE_PARTS = (("word/", DOCX), ("xl/", XLSX), ("ppt/", PPTX))
"""The folder inside an Office archive that names its kind."""

TEXT_CONTROLS = {"\t", "\n", "\r", "\f"}
"""The only control characters a plain-text upload may hold."""


def _office_kind(data: bytes) -> Kind | None:
    """The Office kind of a zip archive, or ``None`` for any other (or broken) zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for folder, kind in OFFICE_PARTS:
        if any(name.startswith(folder) for name in names):
            return kind
    return None


def _is_text(data: bytes) -> bool:
    """Whether ``data`` is non-empty UTF-8 text without NUL or other control characters."""
    if not data:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not any(unicodedata.category(char) == "Cc" and char not in TEXT_CONTROLS
                   for char in text)


def sniff(data: bytes) -> Kind | None:
    """The accepted kind of a file whose whole content is ``data``, or ``None``."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"PK\x03\x04"):
        return _office_kind(data)
    return TEXT if _is_text(data) else None


MAX_NAME_LENGTH = 200
"""The longest file name kept (in characters); longer names are cut, the extension kept."""


def clean_filename(name: str, kind: Kind) -> str:
    """A display name for an upload: no path, no control characters, bounded length, and
    an extension matching its sniffed ``kind``. Never empty."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(char for char in base if unicodedata.category(char)[0] != "C").strip()
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem = base
    stem = stem.strip(" .")[:MAX_NAME_LENGTH] or "file"
    extension = kind.extension
    if dot and ext.lower() in {"jpeg", "jpg"} and kind is JPEG:
        extension = ext.lower()
    return f"{stem}.{extension}"


def content_disposition(filename: str) -> str:
    """A ``Content-Disposition: attachment`` value for ``filename`` (RFC 6266): an ASCII
    fallback ``filename`` (non-ASCII, quotes and backslashes replaced by ``_``) and the
    exact UTF-8 name as RFC 5987 ``filename*``, so Chinese names survive the download."""
    from urllib.parse import quote

    fallback = "".join(char if char.isascii() and char.isprintable() and char not in '"\\'
                       else "_" for char in filename) or "file"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
