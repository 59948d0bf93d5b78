"""Opening an article file safely: regular files only, bounded in size, never blocking.

Every reader starts from bytes; this is where a path becomes bytes, for ``parse`` and for
ingest alike. A FIFO named ``x.md`` would block ``open().read()`` forever and a device
would never end, so the file is opened without blocking and checked to be a regular file
before a byte is read. Every ``OSError`` becomes a one-line :class:`ReadError`.
"""

from __future__ import annotations

import errno
import os
import stat

from ganjina.errors import ReadError

#: no article file is this large (the biggest scanned PDFs are tens of MB): a larger one is
#: refused before it is read, so one file cannot take the machine's memory
MAX_FILE_BYTES = 256 * 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
    (stat.S_ISCHR, "is a device, not a file"),
    (stat.S_ISBLK, "is a device, not a file"),
)
_WORDS = {
    errno.ENOENT: "no such file",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "a symbolic link that loops",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ENOTDIR: "no such file (a part of the path is not a folder)",
}


def describe(err: OSError) -> str:
    """``OSError`` in a few words, without the path (the caller names the file)."""
    return _WORDS.get(err.errno or 0) or (err.strerror or type(err).__name__).lower()


def read_file(path: str | os.PathLike[str]) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file and its ``stat``, or a :class:`ReadError` saying why not."""
    try:
        # O_NONBLOCK: opening a FIFO for reading would wait for a writer otherwise
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise ReadError(describe(err)) from None
    try:
        st = os.fstat(fd)
        for test, words in _KINDS:
            if test(st.st_mode):
                raise ReadError(words)
        if st.st_size > MAX_FILE_BYTES:
            raise ReadError(
                f"too large for an article file ({st.st_size / 1_048_576:.0f} MB; "
                f"the limit is {MAX_FILE_BYTES // 1_048_576} MB)"
            )
        os.set_blocking(fd, True)
        chunks = []
        left = MAX_FILE_BYTES + 1  # a file growing while read is still cut at the limit
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise ReadError(f"grew past {MAX_FILE_BYTES // 1_048_576} MB while being read")
        return b"".join(chunks), st
    except OSError as err:
        raise ReadError(describe(err)) from None
    finally:
        os.close(fd)
