#!/usr/bin/env python3
"""Loopback HTTP server for check-doc-links' tests (standard library only).

    python3 server.py [--delay SECONDS]

Binds 127.0.0.1 on a free port, prints the port on stdout, and serves until its stdin closes (the
test process holds the pipe, so the server never outlives it) or it is killed.

Any path may start with /t/NAME/ (ignored for routing), so tests sharing one server count their
own requests. Every request is counted per path and method; GET /__counts returns the counts as
JSON: {"<path>": {"GET": n, "HEAD": n, "bytes": n, "secret": n}} ("bytes": body bytes sent,
"secret": requests that carried the X-Api-Key header), plus "ua:<client>" entries counting
requests per User-Agent product (check-doc-links, lychee, curl).

Routes (after the optional prefix):
  /ok                  200 with a small HTML body
  /status/N            status N (404, 410, 500 …)
  /redirect/ok         301 → /ok (same prefix)
  /redirect/chain      302 → /redirect/ok
  /redirect/file       302 → file:///etc/passwd
  /redirect/other-host 302 → http://localhost:PORT/<prefix>/leak-check (another host name)
  /loop/a, /loop/b     302 to each other
  /nohead              HEAD 405; GET 200
  /forbidden-head      HEAD 403; GET 200
  /later               429 + Retry-After: 1 on the first request, then 200
  /later-date          503 + Retry-After as an HTTP date (now + 1 s) on the first request, then 200
  /always-429          429 + Retry-After: 0, always
  /slow                answers after 3 s
  /reset               closes the connection with a TCP reset, no reply
  /huge                HEAD 405; GET streams a declared 2 GiB body until the client hangs up
  /secret              200 with X-Api-Key: s3cr3t-value, else 401
  /leak-check          200, but counts requests carrying X-Api-Key under "secret"
  /page                200 HTML with ids: install, user-content-usage, <a name="legacy">
  /sleep/MS            200 after MS milliseconds
  /u/N                 200 (bench: after --delay seconds)
"""
import email.utils
import json
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = "s3cr3t-value"
DELAY = 0.0
COUNTS: dict = {}
SEEN: dict = {}
LOCK = threading.Lock()

PAGE = b"""<!doctype html><html><head><title>page</title>
<script>var x = '<a id="in-script">';</script></head><body>
<h2 id="install">Install</h2>
<h2 id="user-content-usage">Usage</h2>
<a name="legacy"></a>
<!-- <p id="commented-out"></p> -->
</body></html>
"""


def count(path: str, key: str, n: int = 1) -> int:
    with LOCK:
        entry = COUNTS.setdefault(path, {"GET": 0, "HEAD": 0, "bytes": 0, "secret": 0})
        entry[key] = entry.get(key, 0) + n
        return entry[key]


def first_time(path: str) -> bool:
    with LOCK:
        seen = SEEN.get(path, 0)
        SEEN[path] = seen + 1
        return seen == 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "links-test"

    def log_message(self, *args):  # quiet
        pass

    def do_HEAD(self):
        self.route(head=True)

    def do_GET(self):
        self.route(head=False)

    def reply(self, status, body=b"", headers=(), head=False):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        if body and not any(n.lower() == "content-type" for n, _ in headers):
            self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        if not head and body:
            self.wfile.write(body)
            count(self.path, "bytes", len(body))

    def route(self, head):
        path = self.path
        count(path, "HEAD" if head else "GET")
        if self.headers.get("X-Api-Key") is not None:
            count(path, "secret")
        # Per client too ("ua:lychee", "ua:check-doc-links", "ua:curl"), for the benchmark.
        agent = (self.headers.get("User-Agent") or "none").split("/", 1)[0]
        count("ua:" + agent, "HEAD" if head else "GET")
        prefix = ""
        rest = path.split("?", 1)[0]
        if rest.startswith("/t/"):
            parts = rest.split("/", 3)
            prefix = "/t/" + parts[2]
            rest = "/" + (parts[3] if len(parts) > 3 else "")

        if rest == "/__counts":
            return self.reply(200, json.dumps(COUNTS, sort_keys=True).encode(), [("Content-Type", "application/json")], head)
        if rest in ("/ok", "/leak-check"):
            return self.reply(200, b"<html><body>ok</body></html>", head=head)
        if rest.startswith("/status/"):
            return self.reply(int(rest.rsplit("/", 1)[1]), b"status", head=head)
        if rest == "/redirect/ok":
            return self.reply(301, headers=[("Location", prefix + "/ok")], head=head)
        if rest == "/redirect/chain":
            return self.reply(302, headers=[("Location", prefix + "/redirect/ok")], head=head)
        if rest == "/redirect/file":
            return self.reply(302, headers=[("Location", "file:///etc/passwd")], head=head)
        if rest == "/redirect/other-host":
            port = self.server.server_address[1]
            return self.reply(302, headers=[("Location", f"http://localhost:{port}{prefix}/leak-check")], head=head)
        if rest == "/loop/a":
            return self.reply(302, headers=[("Location", prefix + "/loop/b")], head=head)
        if rest == "/loop/b":
            return self.reply(302, headers=[("Location", prefix + "/loop/a")], head=head)
        if rest == "/nohead":
            return self.reply(405 if head else 200, b"" if head else b"<p>get only</p>", head=head)
        if rest == "/forbidden-head":
            return self.reply(403 if head else 200, b"" if head else b"<p>get only</p>", head=head)
        if rest == "/later":
            if first_time(path):
                return self.reply(429, headers=[("Retry-After", "1")], head=head)
            return self.reply(200, b"<p>later</p>", head=head)
        if rest == "/later-date":
            if first_time(path):
                when = email.utils.formatdate(time.time() + 1, usegmt=True)
                return self.reply(503, headers=[("Retry-After", when)], head=head)
            return self.reply(200, b"<p>later</p>", head=head)
        if rest == "/always-429":
            return self.reply(429, headers=[("Retry-After", "0")], head=head)
        if rest == "/slow":
            time.sleep(3)
            return self.reply(200, b"<p>slow</p>", head=head)
        if rest == "/reset":
            # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        if rest == "/huge":
            if head:
                return self.reply(405, head=True)
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(2 * 1024 ** 3))
            self.end_headers()
            chunk = b"\0" * 65536
            try:
                for _ in range(2 * 1024 ** 3 // len(chunk)):
                    self.wfile.write(chunk)
                    count(path, "bytes", len(chunk))
            except (BrokenPipeError, ConnectionResetError, OSError):
                pass
            self.close_connection = True
            return
        if rest == "/secret":
            if self.headers.get("X-Api-Key") == SECRET:
                return self.reply(200, b"<p>welcome</p>", head=head)
            return self.reply(401, b"<p>who are you</p>", head=head)
        if rest == "/page":
            return self.reply(200, PAGE, head=head)
        if rest.startswith("/sleep/"):
            time.sleep(int(rest.rsplit("/", 1)[1]) / 1000)
            return self.reply(200, b"<p>slept</p>", head=head)
        if rest.startswith("/u/"):
            if DELAY:
                time.sleep(DELAY)
            return self.reply(200, b"<p>u</p>", head=head)
        return self.reply(404, b"<p>no such route</p>", head=head)


class Server(ThreadingHTTPServer):
    # listen()'s backlog is set when the server is built: a class attribute, not an assignment after.
    # The default (5) drops SYNs when a test opens a dozen connections at once.
    request_queue_size = 256
    daemon_threads = True


def main() -> None:
    global DELAY
    if len(sys.argv) == 3 and sys.argv[1] == "--delay":
        DELAY = float(sys.argv[2])
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        sys.stdin.read()  # returns when the parent closes the pipe or exits
    except KeyboardInterrupt:
        pass
    server.shutdown()


if __name__ == "__main__":
    main()
