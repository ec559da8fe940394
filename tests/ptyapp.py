"""Run the real app on a pseudo-terminal, as an officer's terminal would: for crash tests.

No tmux needed (CI may not have it): the app gets the slave end of ``pty.openpty`` as its
terminal, sized with TIOCSWINSZ; a thread keeps draining the master end (an app whose output
is not read blocks on its next write) and keeps everything drawn for ``wait_for``.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

_ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)"
)


def _take_terminal() -> None:
    """Make stdin (the pty) the new session's controlling terminal, as a terminal window's is:
    closing the window (the master end) then hangs up on the app with SIGHUP."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtyApp:
    """``s55tui ARGS`` on its own pseudo-terminal of ``cols`` x ``rows``."""

    def __init__(
        self, args: list[str], cwd: Path, cols: int = 120, rows: int = 40, command: list[str] | None = None
    ) -> None:
        """``command`` replaces ``-m s55tui`` (a test's own script around the app)."""
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
        env.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            [sys.executable, *(command or ["-m", "s55tui"]), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=env,
            start_new_session=True,
            preexec_fn=_take_terminal,  # after setsid: the pty becomes its controlling terminal
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self._raw = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO once the app has gone
                return
            if not chunk:
                return
            with self._lock:
                self._raw += chunk

    def text(self) -> str:
        """Everything drawn so far, escape sequences removed (rough, but enough to find words)."""
        with self._lock:
            raw = bytes(self._raw)
        return _ESCAPES.sub(b"", raw).decode("utf-8", "replace")

    def wait_for(self, needle: str, timeout: float = 15.0) -> None:
        """Wait until ``needle`` has been drawn; fail with the screen's text if it never is."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.text():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(f"{needle!r} never appeared; the app drew:\n{self.text()[-3000:]}")

    def send(self, data: str) -> None:
        """Write keys to the terminal, as typing does."""
        os.write(self.master, data.encode("utf-8"))

    def kill(self) -> None:
        """SIGKILL: no handler runs, nothing is flushed or saved."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def close(self) -> None:
        """Kill the app if it still runs and free the terminal."""
        self.kill()
        with contextlib.suppress(OSError):
            os.close(self.master)
        self._reader.join(timeout=2)
