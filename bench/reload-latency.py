#!/usr/bin/env python3
"""Reload latency of `livret serve`: from saving a Markdown page to the browser's `reload` event.

Builds livret in release, copies content/ to a temporary folder, starts
`target/release/livret serve --port 0` there, opens the Server-Sent Events stream as a browser
does, then N times appends a line to a page (rotating over a few pages) and measures the time from
the write (just before the file is closed) to the arrival of the `reload` event. The figure
includes the watcher's debounce, the rebuild, the write of the output folder and the event.

    bench/reload-latency.py [--n 50] [--poll] [--no-build] [--project DIR]

With --project, the content/ of DIR (e.g. a corpus written by `cargo run --example corpus`) is
copied instead of the handbook's, and its last four pages are edited.

Standard library only. This is a benchmark, not a test: it fails only if the server misbehaves.
"""

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / "target" / "release" / "livret"
PAGES = ["formation.md", "outils.md", "perspectives.md", "bilan.md"]
TIMEOUT = 20.0  # seconds to wait for anything before giving up


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50, help="number of edits (default 50)")
    parser.add_argument("--poll", action="store_true", help="pass --poll to livret serve")
    parser.add_argument("--no-build", action="store_true", help="skip `cargo build --release`")
    parser.add_argument(
        "--project", type=Path, help="copy this project's content/ instead of the handbook's"
    )
    args = parser.parse_args()

    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory(prefix="livret-reload-") as project:
        project = Path(project)
        source = (args.project or ROOT) / "content"
        shutil.copytree(source, project / "content")
        names = PAGES
        if args.project is not None:
            names = sorted(page.name for page in (source / "pages").glob("*.md"))[-4:]
        command = [str(BINARY), "serve", "--port", "0", "--root", str(project)]
        if args.poll:
            command.append("--poll")
        server = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "NO_COLOR": "1", "LIVRET_LANG": "en"},
            text=True,
        )
        lines = []
        try:
            samples = measure(server, project, names, args.n, lines)
        finally:
            stop(server)
    report(samples, lines, args)


def measure(server, project, names, n, lines):
    """Edits pages `n` times; returns the latencies in milliseconds (and the server's lines)."""
    address = wait_for_address(server, lines)
    events = EventStream(address)
    pages = [project / "content" / "pages" / name for name in names]
    samples = []
    for i in range(n):
        page = pages[i % len(pages)]
        with open(page, "a", encoding="utf-8") as file:
            file.write(f"\nLigne ajoutée par la mesure {i}.\n")
            file.flush()
            written = time.perf_counter()
        event, arrived = events.next(f"edit {i} of {page.name}")
        if event != "reload":
            sys.exit(f"edit {i} of {page.name}: got a {event!r} event instead of reload")
        samples.append((arrived - written) * 1000)
        # Let the server print its line and go idle so edits do not overlap.
        time.sleep(0.05)
    events.close()
    return samples


def wait_for_address(server, lines):
    """Reads stdout up to the `serving` line; returns (host, port). The later lines go to `lines`."""
    deadline = time.monotonic() + TIMEOUT
    for line in server.stdout:
        if "livret: serving http://" in line:
            host, port = line.split("http://")[1].split("/")[0].rsplit(":", 1)
            # Keep reading stdout, so the server never blocks on a full pipe.
            threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True).start()
            return host, int(port)
        if time.monotonic() > deadline:
            break
    sys.exit("livret serve did not start")


class EventStream:
    """The /__livret/events stream; a thread stamps each event's arrival with perf_counter."""

    def __init__(self, address):
        self.socket = socket.create_connection(address, timeout=TIMEOUT)
        # The Host the server's guard accepts: its own address, as a browser sends it.
        host = f"{address[0]}:{address[1]}".encode()
        self.socket.sendall(b"GET /__livret/events HTTP/1.1\r\nHost: " + host + b"\r\n\r\n")
        self.reader = self.socket.makefile("rb")
        status = self.reader.readline()
        if b" 200 " not in status:
            sys.exit(f"event stream refused: {status!r}")
        headers = b""
        while (line := self.reader.readline()) not in (b"\r\n", b""):
            headers += line.lower()
        self.chunked = b"transfer-encoding: chunked" in headers
        self.socket.settimeout(None)  # subscribed; the reader blocks until close
        self.events = []
        self.arrived = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _pieces(self):
        while True:
            if self.chunked:
                size = int(self.reader.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    return
                piece = self.reader.read(size + 2)[:size]
            else:
                piece = self.reader.read1(4096)
            if not piece:
                return
            yield piece

    def _read(self):
        pending, name, data = b"", None, []
        try:
            for piece in self._pieces():
                pending += piece
                while b"\n" in pending:
                    line, pending = pending.split(b"\n", 1)
                    line = line.rstrip(b"\r").decode("utf-8", "replace")
                    if not line and data:
                        stamp = time.perf_counter()
                        with self.arrived:
                            self.events.append((name or "message", stamp))
                            self.arrived.notify()
                        name, data = None, []
                    elif line.startswith("event:"):
                        name = line[6:].strip()
                    elif line.startswith("data:"):
                        data.append(line[5:])
        except (OSError, ValueError):
            pass

    def next(self, after):
        """The next event's name and arrival time."""
        with self.arrived:
            if not self.arrived.wait_for(lambda: self.events, timeout=TIMEOUT):
                sys.exit(f"{after}: no event within {TIMEOUT} s")
            return self.events.pop(0)

    def close(self):
        try:
            self.socket.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.socket.close()


def stop(server):
    """SIGINT, as Ctrl-C; killed if it does not stop."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=5)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def report(samples, lines, args):
    mode = "--poll" if args.poll else "system events"
    print(f"livret serve, {len(samples)} edits, {mode}: milliseconds")
    print(summary("save → reload event", samples))
    # The server's own figure for each rebuild: « … → 1 page re-rendered in 3 ms ».
    rebuilds = [float(l.rsplit(" in ", 1)[1].split()[0]) for l in lines if "re-rendered in" in l]
    if rebuilds:
        print(summary("rebuild (server's line)", rebuilds))
    others = [l.strip() for l in lines if " changed → " in l and "1 page re-rendered" not in l]
    for line in others:
        print(f"  unexpected: {line}")


def summary(what, values):
    values = sorted(values)
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    return (
        f"  {what:<24} median {statistics.median(values):6.1f}   p95 {p95:6.1f}   "
        f"min {values[0]:6.1f}   max {values[-1]:6.1f}"
    )


if __name__ == "__main__":
    main()
