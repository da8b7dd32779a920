"""Write one file so that readers see either the old bytes or the new, never a half-written file; and the
modes a plain ``open``/``mkdir`` would give, for files and folders first made private by :mod:`tempfile`."""
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
        os.chmod(temporary, plain_mode())  # mkstemp makes it private; these files are for sharing, as the umask says
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def current_umask() -> int:
    """The process's umask, read without changing it where Linux tells it (``/proc/self/status``)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)  # elsewhere: read by setting it, then set it back at once
    os.umask(mask)
    return mask


def plain_mode(folder: bool = False) -> int:
    """The mode ``open`` (0o666) or ``mkdir`` (0o777) gives under the umask: outputs made private by
    :mod:`tempfile` get it back before they are published, never a wider one."""
    return (0o777 if folder else 0o666) & ~current_umask()
