"""Reading users' files as a careful tool does: regular files only, never blocking on a FIFO
or a device, and never more than a limit, read in pieces so that a huge limit allocates
nothing up front.

Refusals are OSErrors whose ``strerror`` is a message fit for the user, so every caller's
``except OSError`` reports them as it reports a missing or unreadable file.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

CHUNK = 1 << 20
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a regular file (one more than the limit shows that it is
    over). Raises IsADirectoryError for a folder and OSError for anything else that is not a
    regular file, before reading a byte of it."""
    with open_regular(path) as handle:
        return read_limited(handle, limit)


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """A regular file opened for reading in binary (the caller closes it); OSError, as
    ``read_regular`` raises, for a folder or anything else, before reading a byte of it."""
    fd = os.open(path, _FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, f"not a regular file ({_kind(mode)}), refused")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a stream, read a piece at a time."""
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = stream.read(min(CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)
