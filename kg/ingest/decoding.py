"""Bytes to text: UTF-8 first, then a detected encoding; binary files refused.

Reads nothing itself: callers pass the bytes and the path used in messages.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError

__all__ = ["decode_bytes"]

_SNIFF_BYTES = 8192
# Control characters other than tab, newline, form feed and carriage return.
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32)) | {127}
_MAX_CONTROL_SHARE = 0.02
_WESTERN_CODE_PAGES = ("cp1252", "iso8859_15", "latin_1", "mac_roman")
_MAX_WESTERN_CHAOS = 0.1


def decode_bytes(data: bytes, path: str | Path) -> tuple[str, str]:
    """Decode an article's bytes; return (text, encoding name).

    Tries UTF-8 (with or without BOM), then asks charset-normalizer. Raises
    `InputError` for empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError(path, "empty file")
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head and not _looks_like_utf16(head):
        raise InputError(path, "binary file (contains NUL bytes), not a text article")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _detect(data, path)
    if sum(ord(char) in _CONTROL for char in text[:_SNIFF_BYTES]) > _MAX_CONTROL_SHARE * min(len(text), _SNIFF_BYTES):
        raise InputError(path, f"binary file (control characters after decoding as {encoding}), not a text article")
    if not text.strip():
        raise InputError(path, "empty file (only white space)")
    return text, encoding


def _looks_like_utf16(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))


def _detect(data: bytes, path: str | Path) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    # Short texts fool the general ranking (cp1252 French read as cp1250): first ask among the
    # code pages the articles' languages are written in, then among all.
    best = from_bytes(data, cp_isolation=list(_WESTERN_CODE_PAGES)).best()
    if best is None or best.chaos > _MAX_WESTERN_CHAOS:
        best = from_bytes(data).best()
    if best is None:
        raise InputError(path, "cannot decode: not UTF-8, and no text encoding could be detected")
    return str(best), best.encoding
