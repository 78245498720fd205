#!/usr/bin/env python3
"""Loopback servers that misbehave, for check-doc-links' fault tests (standard library + openssl CLI).

    python3 fault_server.py

Binds 127.0.0.1 on free ports, prints one JSON line on stdout naming them, and serves until its stdin
closes (the test process holds the pipe, so the servers never outlive it) or it is killed:

  silent    accepts every connection and never answers (nor reads)
  trickle   reads the request, then sends a valid response one byte a second
  headers   reads the request, sends a status line, then header lines without end
  huge      Content-Length: 10 GiB (10737418240). HEAD / answers 200 with that length and no body;
            HEAD /nohead answers 405; GET streams the declared body until the client hangs up
  tls       HTTPS with a self-signed certificate for 127.0.0.1 made at start with `openssl req`;
            200 with a small HTML page for HEAD and GET
  refused   a port that is bound but not listening: every connection is refused
  stats     GET / returns {"headers": bytes, "huge": bytes}: what those two servers managed to send

Every sending loop is bounded (the header stream stops at 64 MiB) and every socket has a timeout, so
the servers stop by themselves even if a client never hangs up.
"""
import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TEN_GIB = 10 * 1024 ** 3
HEADER_STREAM_LIMIT = 64 * 1024 ** 2
SENT = {"headers": 0, "huge": 0}
LOCK = threading.Lock()
HELD = []  # the silent server's connections, kept open until exit


def add_sent(key: str, n: int) -> None:
    with LOCK:
        SENT[key] += n


def listener() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    return sock


def read_head(conn: socket.socket) -> bytes:
    """The request up to its blank line (or whatever came before the client stopped)."""
    data = b""
    while b"\r\n\r\n" not in data and len(data) < 65536:
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def serve(sock: socket.socket, handler) -> None:
    def accept_loop():
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            conn.settimeout(60)
            threading.Thread(target=guarded, args=(handler, conn), daemon=True).start()

    threading.Thread(target=accept_loop, daemon=True).start()


def guarded(handler, conn: socket.socket) -> None:
    try:
        handler(conn)
    except OSError:
        pass
    finally:
        if conn not in HELD:
            try:
                conn.close()
            except OSError:
                pass


def silent(conn: socket.socket) -> None:
    HELD.append(conn)


def trickle(conn: socket.socket) -> None:
    read_head(conn)
    response = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    for byte in response:
        conn.sendall(bytes([byte]))
        time.sleep(1)


def endless_headers(conn: socket.socket) -> None:
    read_head(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    line = b"X-Filler: " + b"a" * 1000 + b"\r\n"
    sent = 0
    while sent < HEADER_STREAM_LIMIT:
        conn.sendall(line)
        sent += len(line)
        add_sent("headers", len(line))


def huge(conn: socket.socket) -> None:
    head = read_head(conn)
    request_line = head.split(b"\r\n", 1)[0].split(b" ")
    method = request_line[0] if request_line else b""
    path = request_line[1] if len(request_line) > 1 else b"/"
    if method == b"HEAD":
        status = b"405 Method Not Allowed" if path.startswith(b"/nohead") else b"200 OK"
        length = b"0" if path.startswith(b"/nohead") else str(TEN_GIB).encode()
        conn.sendall(b"HTTP/1.1 " + status + b"\r\nContent-Type: text/html\r\nContent-Length: " + length
                     + b"\r\nConnection: close\r\n\r\n")
        return
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + str(TEN_GIB).encode()
                 + b"\r\nConnection: close\r\n\r\n")
    chunk = b"<p>filler</p>\n" * 4681  # about 64 KiB
    sent = 0
    while sent < TEN_GIB:
        conn.sendall(chunk)
        sent += len(chunk)
        add_sent("huge", len(chunk))


class TLSHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, head: bool) -> None:
        body = b"<html><body><h1 id=\"secure\">secure</h1></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def do_HEAD(self):
        self.answer(True)

    def do_GET(self):
        self.answer(False)


class TLSServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def __init__(self, context: ssl.SSLContext):
        super().__init__(("127.0.0.1", 0), TLSHandler)
        self.context = context

    def get_request(self):
        # The handshake happens in the request's own thread (finish_request), so a client that
        # gives up on the certificate cannot stall the accept loop.
        conn, address = self.socket.accept()
        conn.settimeout(30)
        return conn, address

    def finish_request(self, request, client_address):
        try:
            wrapped = self.context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return
        try:
            super().finish_request(wrapped, client_address)
        finally:
            try:
                wrapped.close()
            except OSError:
                pass


def tls_context(folder: str) -> ssl.SSLContext:
    cert = os.path.join(folder, "cert.pem")
    key = os.path.join(folder, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


class StatsHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def do_GET(self):
        with LOCK:
            body = json.dumps(SENT, sort_keys=True).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main() -> None:
    if shutil.which("openssl") is None:
        print(json.dumps({"error": "the openssl command is needed for the TLS fault server"}), flush=True)
        return
    folder = tempfile.mkdtemp(prefix="autogit-faults-")
    try:
        context = tls_context(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    ports = {}
    for name, handler in (("silent", silent), ("trickle", trickle), ("headers", endless_headers), ("huge", huge)):
        sock = listener()
        ports[name] = sock.getsockname()[1]
        serve(sock, handler)

    tls = TLSServer(context)
    ports["tls"] = tls.server_address[1]
    threading.Thread(target=tls.serve_forever, daemon=True).start()

    # Bound, never listening: the kernel answers every SYN with a reset, and no other process can
    # take the port while this one holds it.
    refused = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    refused.bind(("127.0.0.1", 0))
    ports["refused"] = refused.getsockname()[1]

    stats = ThreadingHTTPServer(("127.0.0.1", 0), StatsHandler)
    stats.daemon_threads = True
    ports["stats"] = stats.server_address[1]
    threading.Thread(target=stats.serve_forever, daemon=True).start()

    print(json.dumps(ports, sort_keys=True), flush=True)
    try:
        sys.stdin.read()  # returns when the parent closes the pipe or exits
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
