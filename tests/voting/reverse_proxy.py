"""A small reverse proxy for tests: forwards to one upstream and appends the peer to X-Forwarded-For.

It does what nginx does with `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`: whatever
the client sent stays on the left, the address the proxy actually saw is appended on the right.
"""

from __future__ import annotations

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "host"}


class ReverseProxy:
    def __init__(self, upstream_host: str, upstream_port: int, *, bind: str = "127.0.0.1") -> None:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                seen = self.client_address[0]
                before = self.headers.get("X-Forwarded-For")
                headers["X-Forwarded-For"] = f"{before}, {seen}" if before else seen
                headers["Host"] = f"{upstream_host}:{upstream_port}"
                conn = http.client.HTTPConnection(upstream_host, upstream_port, timeout=30)
                try:
                    conn.request(self.command, self.path, body=body, headers=headers)
                    upstream = conn.getresponse()
                    data = upstream.read()
                    self.send_response(upstream.status)
                    for key, value in upstream.getheaders():
                        if key.lower() not in HOP_BY_HOP | {"content-length"}:
                            self.send_header(key, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    proxy.forwarded += 1
                finally:
                    conn.close()

            do_GET = do_POST = _forward  # noqa: N815

        self.forwarded = 0
        self.server = ThreadingHTTPServer((bind, 0), Handler)
        self.host, self.port = self.server.server_address[:2]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> ReverseProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
