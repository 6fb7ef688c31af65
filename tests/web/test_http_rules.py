"""The rules every request meets, whatever route it takes: methods, paths, parameters, headers."""

from __future__ import annotations

import json
import os
import select
import shutil
import socket
import time
from pathlib import Path

import pytest

from pipeline.store.core import Store

from .helpers import fetch, get_json, serving

SECURITY = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def _raw(base: str, request: bytes, wait: float = 5.0) -> bytes:
    """What the server sends back to bytes written straight to its socket, until it closes."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as sock:
        sock.sendall(request)
        out = b""
        while chunk := sock.recv(65536):
            out += chunk
        return out


@pytest.mark.parametrize("method", ["OPTIONS", "TRACE", "CONNECT", "BREW"])
@pytest.mark.parametrize("path", ["/measures", "/api/measures", "/nothing-here"])
def test_any_other_method_is_405_on_any_path(base: str, method: str, path: str) -> None:
    status, headers, body = fetch(base + path, method)
    assert status == 405 and headers["Allow"] == "GET, HEAD"
    assert "script-src 'none'" in headers["Content-Security-Policy"]
    if path.startswith("/api/"):
        assert json.loads(body) == {"error": "Sidan kan bara läsas.", "status": 405}
    else:
        assert "Sidan kan bara läsas." in body.decode()


@pytest.mark.parametrize("path", ["/api/measures", "/openapi.json", "/static/style.css", "/x"])
def test_head_is_the_gets_headers_without_a_body(base: str, path: str) -> None:
    got, head = fetch(base + path), fetch(base + path, "HEAD")
    assert head[0] == got[0] and head[2] == b""
    assert head[1]["Content-Length"] == str(len(got[2]))
    assert head[1]["Content-Type"] == got[1]["Content-Type"]


def test_security_headers_on_every_kind_of_answer(base: str) -> None:
    answers = [
        fetch(base + "/"),
        fetch(base + "/api/measures"),
        fetch(base + "/static/style.css"),
        fetch(base + "/openapi.json"),
        fetch(base + "/documents/%2E%2E"),
        fetch(base + "/api/measures?status=bogus"),
        fetch(base + "/measures", "DELETE"),
    ]
    for status, headers, _ in answers:
        assert "script-src 'none'" in headers["Content-Security-Policy"], status
        assert {k: headers[k] for k in SECURITY} == SECURITY, status
        assert "Server" not in headers
    assert answers[2][1]["Cache-Control"] == "max-age=3600"
    assert {h["Cache-Control"] for i, (_, h, _) in enumerate(answers) if i != 2} == {"no-store"}
    # Even a request the HTTP parser refuses (raw bytes in the path) gets them.
    refused = _raw(base, b"GET /documents/\xff HTTP/1.1\r\nHost: x\r\n\r\n").lower()
    assert refused.startswith(b"http/1.1 400") and b"script-src 'none'" in refused


@pytest.mark.parametrize("path", ["/documents/%FF", "/api/documents/%C3", "/measures/a%E4b"])
def test_a_path_that_is_not_utf8_is_404(base: str, path: str) -> None:
    status, headers, body = fetch(base + path)
    assert status == 404 and headers["X-Frame-Options"] == "DENY"
    if path.startswith("/api/"):
        assert json.loads(body) == {"error": "Sidan finns inte.", "status": 404}


def test_a_trailing_slash_is_the_same_page(base: str) -> None:
    for path in ("/measures", "/documents", "/api/measures", "/api/overview"):
        plain, slashed = fetch(base + path), fetch(base + path + "/")
        assert slashed[0] == plain[0] == 200, path  # answered, not redirected
        assert slashed[2] == plain[2], path


def test_query_parameters_are_bounded(base: str) -> None:
    fields = "&".join(f"f{i}=1" for i in range(20))
    assert fetch(f"{base}/api/measures?{fields}")[0] == 200
    status, _, body = fetch(f"{base}/api/measures?{fields}&f20=1")
    assert status == 400 and json.loads(body)["status"] == 400
    assert fetch(f"{base}/measures?{fields}&f20=1")[0] == 400
    assert get_json(f"{base}/api/measures?limit=%207%20")["limit"] == 7  # stripped
    assert get_json(f"{base}/api/measures?limit=3&limit=4")["limit"] == 4  # the last one wins
    _, _, feed = fetch(f"{base}/feed.atom?q={'a' * 300}")
    assert f"q={'a' * 200})" in feed.decode()  # cut to 200 characters


def test_idle_and_half_open_connections_are_closed(db: Path) -> None:
    with serving(db, idle_limit=1) as url:
        started = time.monotonic()
        assert _raw(url, b"") == b""  # connected, never sent a byte
        assert _raw(url, b"GET / HTTP/1.1\r\nHost: loc") == b""  # stopped in mid-request
        assert time.monotonic() - started < 5.0
        assert _drip_until_closed(url) < 4.0  # a header a byte at a time gains no time
        assert fetch(url + "/")[0] == 200


def _drip_until_closed(base: str) -> float:
    """Seconds until the server closes a connection fed one header byte every 0.2 s."""
    host, port = base.removeprefix("http://").split(":")
    started = time.monotonic()
    with socket.create_connection((host, int(port))) as sock:
        for byte in b"GET / HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n" * 2:
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                break
            if select.select([sock], [], [], 0.2)[0] and sock.recv(1) == b"":
                break
    return time.monotonic() - started


def test_a_replaced_store_is_reopened_and_a_broken_one_is_a_503(db: Path, tmp_path: Path) -> None:
    live, empty = tmp_path / "live.db", tmp_path / "empty.db"
    shutil.copy(db, live)
    with Store(empty):
        pass
    before = live.stat().st_mtime_ns
    with serving(live) as url:
        total = get_json(f"{url}/api/measures")["total"]
        assert total > 0 and live.stat().st_mtime_ns == before  # read-only: nothing written
        os.replace(empty, live)  # an ingest elsewhere swaps the file in
        assert get_json(f"{url}/api/measures")["total"] == 0
        assert fetch(url + "/")[0] == 200  # the start page's counts were rebuilt
        junk = tmp_path / "junk.db"
        junk.write_bytes(b"this is not a database" * 100)
        os.replace(junk, live)
        status, headers, body = fetch(f"{url}/api/measures")
        assert status == 503 and json.loads(body)["status"] == 503
        assert "script-src 'none'" in headers["Content-Security-Policy"]
        status, _, body = fetch(f"{url}/measures")
        assert status == 503 and "Databasen kan inte läsas" in body.decode()
        shutil.copy(db, tmp_path / "again.db")
        os.replace(tmp_path / "again.db", live)
        assert get_json(f"{url}/api/measures")["total"] == total
