"""Work on an uploaded file done by a child process with a wall-clock limit (PDF_TEXT_SECONDS)
and a memory limit (PDF_TEXT_MEMORY_MB, the child's address space), so that a huge or hostile
file cannot hold up the request that uploaded it nor take the server's memory: a few kilobytes
of PDF can keep a reader busy for minutes, and a small compressed stream can inflate to hundreds
of megabytes. The parent passes the file's bytes on the child's standard input and gets its
answer from the standard output.
"""

import resource
import subprocess
import sys

from django.conf import settings


class ChildFailed(Exception):
    """The child gave no answer; the message says why, for the log."""


def run_limited(module: str, data: bytes) -> bytes:
    """The standard output of ``python -m module`` given ``data``, within the limits. The module
    calls ``limit_memory(int(sys.argv[1]))`` first."""
    command = [sys.executable, "-m", module, str(settings.PDF_TEXT_MEMORY_MB)]
    try:
        completed = subprocess.run(
            command,
            input=data,
            capture_output=True,
            timeout=settings.PDF_TEXT_SECONDS,
            cwd=settings.BASE_DIR,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise ChildFailed(f"it took over {settings.PDF_TEXT_SECONDS} s") from error
    if completed.returncode != 0:
        stderr = completed.stderr.decode(errors="replace")[-300:].strip()
        raise ChildFailed(f"the child process exited with {completed.returncode} ({stderr})")
    return completed.stdout


def limit_memory(memory_mb: int) -> None:
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
