"""A headless Chromium driven over the DevTools protocol on a pipe (no websocket, no package).

The test needs what only the browser knows: every request the page makes
(`Network.requestWillBeSent`, whatever its scheme), every console message,
uncaught exception and browser-side error (a blocked or failed load, a CSP
violation: `Log.entryAdded`), the DOM as rendered, and a screenshot of one
element. Events are taken from the page's own session only, so the browser's
background traffic (update checks and the like) is not mistaken for the page's.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
TIMEOUT = 60.0


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _above_four(fd: int) -> int:
    """The same pipe end as a descriptor numbered 10 or more (close-on-exec, as os.pipe makes it)."""
    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


@dataclass
class PageReport:
    """What one page did while it loaded."""

    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    screenshot: bytes = b""

    @property
    def network_requests(self) -> list[str]:
        """Requests that leave the machine's files: anything but data: and file: URLs."""
        return [url for url in self.requests if not url.startswith(("data:", "file:"))]


class Browser:
    """One Chromium process; `load` opens a page in a new tab and reports on it."""

    def __init__(self, executable: str) -> None:
        self._profile = tempfile.mkdtemp(prefix="review-chromium-")
        # Above fd 4, so that the child's dup2 onto 3 and 4 never meets a pipe end already there.
        to_browser_r, self._to_browser = (_above_four(fd) for fd in os.pipe())
        self._from_browser, from_browser_w = (_above_four(fd) for fd in os.pipe())

        def fds() -> None:  # the protocol pipe is fd 3 (commands) and fd 4 (replies)
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        self._process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--disable-background-networking", "--disable-extensions",
             f"--user-data-dir={self._profile}", "--hide-scrollbars", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=fds, close_fds=False,  # noqa: PLW1509 - only dup2 before exec
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    def close(self) -> None:
        try:
            self._send("Browser.close")
        except (OSError, TimeoutError, RuntimeError):
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._profile, ignore_errors=True)

    # --- the protocol --------------------------------------------------------------------

    def _send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> Any:
        """Send one command and wait for its reply; events that arrive meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def _read(self, deadline: float | None = None) -> dict[str, Any]:
        deadline = deadline or time.monotonic() + TIMEOUT
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the protocol pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)  # type: ignore[no-any-return]

    def _wait_for(self, method: str, session: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not any(ev.get("method") == method and ev.get("sessionId") == session for ev in self._events):
            self._events.append(self._read(deadline))

    # --- a page ----------------------------------------------------------------------------

    def load(self, url: str, *, shoot: str | None = None, width: int = 1200, settle: float = 0.5) -> PageReport:
        """Open `url`, wait for its load event, and report; `shoot`: a CSS selector to screenshot."""
        target = self._send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self._send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Network", "Runtime", "Log", "Page"):
            self._send(f"{domain}.enable", session=session)
        self._send("Emulation.setDeviceMetricsOverride",
                   {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session)
        self._events.clear()
        self._send("Page.navigate", {"url": url}, session)
        self._wait_for("Page.loadEventFired", session)
        end = time.monotonic() + settle  # late console messages and requests
        while time.monotonic() < end:
            if select.select([self._from_browser], [], [], max(0.0, end - time.monotonic()))[0]:
                self._events.append(self._read())
        report = PageReport()
        for event in self._events:
            if event.get("sessionId") != session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent":
                report.requests.append(params["request"]["url"])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                report.console.append(" ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Runtime.exceptionThrown":
                report.console.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                report.console.append(params["entry"]["text"])
        found = self._send("Runtime.evaluate", {"returnByValue": True, "expression": (
            "JSON.stringify([...document.querySelectorAll('h2')].map(h => h.textContent))")}, session)
        report.headings = json.loads(found["result"]["value"])
        if shoot is not None:
            report.screenshot = self._shoot(session, shoot)
        self._send("Target.closeTarget", {"targetId": target})
        return report

    def _shoot(self, session: str, selector: str) -> bytes:
        box = self._send("Runtime.evaluate", {"returnByValue": True, "expression": (
            f"JSON.stringify(document.querySelector({json.dumps(selector)}).getBoundingClientRect())")},
            session)
        rect = json.loads(box["result"]["value"])
        clip = {"x": rect["x"] + 0.0, "y": rect["y"] + 0.0, "width": rect["width"],
                "height": min(rect["height"], 1400.0), "scale": 1}
        shot = self._send("Page.captureScreenshot",
                          {"format": "png", "clip": clip, "captureBeyondViewport": True}, session)
        return base64.b64decode(shot["data"])


@contextmanager
def launched(executable: str) -> Iterator[Browser]:
    """A browser for the block; closed (and its profile removed) however the block ends."""
    browser = Browser(executable)
    try:
        yield browser
    finally:
        browser.close()
