"""Write one file so that readers see either the old bytes or the new, never a half-written file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, flush it to disk, then rename it over ``target``."""
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)  # mkstemp makes it private; these files are for sharing
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
