"""Servers on 127.0.0.1 for the outbox tests: one that accepts and never answers, an SMTP server
and an SMS gateway that do answer. Each runs in a thread until closed."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Silent:
    """Accepts connections and never says a word (a hung mail server or gateway)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.port = self.sock.getsockname()[1]
        self.held = []
        self.stopped = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)  # kept open, never answered

    def close(self):
        self.stopped.set()
        for conn in self.held:
            conn.close()
        self.sock.close()


class Smtp:
    """A minimal SMTP server that accepts every message; ``messages`` holds the DATA received."""

    def __init__(self, port=0, trickle=None):
        self.trickle = trickle  # seconds between the bytes of its greeting (a server that drips)
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(10)
        self.port = self.sock.getsockname()[1]
        self.messages = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn):
        reader = conn.makefile("rb")
        try:
            for byte in b"220 stub ESMTP\r\n" if self.trickle else [b"220 stub ESMTP\r\n"]:
                conn.sendall(bytes([byte]) if self.trickle else byte)
                time.sleep(self.trickle or 0)
            while line := reader.readline():
                verb = line[:4].upper()
                if verb == b"DATA":
                    conn.sendall(b"354 go on\r\n")
                    data = []
                    while (part := reader.readline()) not in (b".\r\n", b""):
                        data.append(part)
                    self.messages.append(b"".join(data))
                    conn.sendall(b"250 queued\r\n")
                elif verb == b"QUIT":
                    conn.sendall(b"221 bye\r\n")
                    return
                else:
                    conn.sendall(b"250 ok\r\n")
        except OSError:  # the sender hung up
            pass
        finally:
            conn.close()

    def close(self):
        self.sock.close()


class Gateway:
    """An HTTP SMS gateway that accepts every message; ``received`` holds the form bodies. ``delay``
    seconds pass before it answers; with ``trickle`` it then sends its answer a byte every
    ``trickle`` seconds (each read comes within a socket timeout, the whole far later)."""

    def __init__(self, delay=0, trickle=None):
        received = self.received = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                received.append(self.rfile.read(length).decode())
                time.sleep(delay)
                answer = b'{"status": "ok"}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                try:
                    for byte in answer if trickle else [answer]:
                        self.wfile.write(bytes([byte]) if trickle else byte)
                        self.wfile.flush()
                        time.sleep(trickle or 0)
                except OSError:  # the sender hung up
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
