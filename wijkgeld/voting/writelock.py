"""Queue SQLite writers of the cast path without SQLite's busy-wait.

SQLite allows one writer at a time. A writer that finds the database locked sleeps in growing steps
(1, 2, 5, 10, … ms) before it tries again, even if the lock was freed a moment later; under load
that sleeping, not the work, decides the latency. Casting a ballot therefore takes a lock first: a
thread lock within the worker and an `flock` on a file next to the database between workers. The
kernel wakes the next writer as soon as the lock is free. PostgreSQL needs none of this (row locks).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading

from django.db import connection

_thread_lock = threading.Lock()
_files: dict[str, int] = {}


def _lock_file(name: str) -> int | None:
    if not name or name == ":memory:" or name.startswith("file:") or "mode=memory" in name:
        return None
    fd = _files.get(name)
    if fd is None:
        try:
            fd = os.open(f"{name}.writelock", os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return None
        _files[name] = fd
    return fd


@contextlib.contextmanager
def sqlite_writer():
    if connection.vendor != "sqlite":
        yield
        return
    fd = _lock_file(str(connection.settings_dict.get("NAME", "")))
    with _thread_lock:
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
