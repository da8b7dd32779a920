"""One way to hash a sequence of byte strings, used by the build cache and the check across releases."""
from __future__ import annotations

import hashlib


def digest_of_parts(*parts: bytes) -> bytes:
    """SHA-256 of the parts, each length-prefixed: no two sequences of parts hash alike by concatenation.

    >>> digest_of_parts(b"ab", b"c") == digest_of_parts(b"a", b"bc")
    False
    """
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.digest()
