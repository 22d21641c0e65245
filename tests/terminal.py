"""Reading what a command wrote to a pseudo-terminal, for the tests that run one."""

from __future__ import annotations

import os


def drain(leader: int) -> bytes:
    """Everything the terminal's other end wrote, once that end is closed."""
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal has nothing more
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)
