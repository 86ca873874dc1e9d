"""A hostile corpus of over 5,906 requests (every operation, every identifier in its path and
body, every byte value and malformed-UTF-8 class, HTTP framing abuse) gets only typed 4xx JSON
answers: a status below 500 with X-Amzn-ErrorType, a strict UTF-8 JSON body with a message, no
raw request byte in a header; and nothing is stored (the database is read after the server
stops)."""
import gzip
import itertools
import json
import os
import re
import socket
import sqlite3
import unittest

import botocore

from harness import ServerTestCase

MODEL = os.path.join(os.path.dirname(botocore.__file__),
                     "data/amplifybackend/2020-08-11/service-2.json.gz")
IDENTIFIERS = {"appId", "backendEnvironmentName", "targetEnvironmentName", "resourceName",
               "jobId", "sessionId"}
CLASSES = [b"%00", b"a%00b", b"a%0D%0Ab", b"a%2Fb", b"..", b".", b"%2E%2E", b"a%20b",
           b"caf%C3%A9", b"%FF%FE", b"%C0%AF", b"%ED%A0%80", b"%E2%82", b"\xff", b"a\x80b",
           b"-a", b"_a", b"a" * 256, b"a" * 8192, b"%", b"%zz", b"a%2", b"%25", b"a;b", b"a:b",
           b"a%09b", b"%F4%90%80%80", b"\xc0\xaf", b"a'b", b'a"b', b"a<b>", b"a%5Cb"]
BODY_VALUES = ["", "..", "a/b", "a b", "a\u0000b", "caf\u00e9", "a\r\nb", "x" * 256, "-x",
               "\ud83d\ude00", "a\\b", "a\"b"]


def operations():
    with gzip.open(MODEL) as f:
        model = json.load(f)
    for name, op in sorted(model["operations"].items()):
        shape = model["shapes"][op["input"]["shape"]] if "input" in op else {"members": {}}
        body = sorted(m.get("locationName", k) for k, m in shape["members"].items()
                      if "location" not in m)
        yield name, op["http"]["method"], op["http"]["requestUri"], body


def path_with(uri, target=None, raw=b""):
    out = uri.encode()
    for label in re.findall(r"\{(\w+)\}", uri):
        value = raw if label == target else {"appId": b"app1", "backendEnvironmentName": b"dev"}.get(label, b"x1")
        out = out.replace(b"{%s}" % label.encode(), value)
    return out


def corpus():
    """(description, raw request bytes), each a request a client should be refused for."""
    for name, method, uri, body_members in operations():
        labels = [l for l in re.findall(r"\{(\w+)\}", uri) if l in IDENTIFIERS]
        for label in labels:
            values = CLASSES + [b"q%%%02Xq" % b for b in range(256)
                                if not (chr(b).isalnum() and b < 128) and chr(b) not in "._-"]
            for raw in values:
                for prefix in (b"", b"/prod"):
                    path = prefix + path_with(uri, label, raw)
                    yield ("%s %s=%r" % (name, label, raw[:20]),
                           b"%s %s HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           b"Content-Length: 2\r\n\r\n{}" % (method.encode(), path))
        for member in (m for m in body_members if m in IDENTIFIERS):
            for value in BODY_VALUES:
                body = json.dumps({member: value}).encode()
                yield ("%s body %s=%r" % (name, member, value[:20]),
                       b"%s %s HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       b"Content-Length: %d\r\n\r\n%s" % (method.encode(), path_with(uri),
                                                          len(body), body))
        # Bodies that are not JSON objects, or hold invalid UTF-8.
        for body in (b"[]", b"\"x\"", b"{", b"{\"appId\":\"\xff\"}", b"\xef\xbb\xbf{}", b"nul",
                     b"{\"x\":1e400}", b"{\"x\":[0e400]}"):
            yield ("%s bad body %r" % (name, body),
                   b"%s %s HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s"
                   % (method.encode(), path_with(uri), len(body), body))


FRAMING = [
    ("chunk extension", b"POST /backend/app1/details HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
     b"chunked\r\n\r\n2;" + b"e" * (100 << 10) + b"\r\n{}\r\n0\r\n\r\n"),
    ("10,000 trailers", b"POST /backend/app1/details HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
     b"chunked\r\n\r\n2\r\n{}\r\n0\r\n" + b"".join(b"T%d: v\r\n" % i for i in range(10000))
     + b"\r\n"),
    ("many headers", b"POST /backend/app1/details HTTP/1.1\r\n"
     + b"".join(b"H%d: v\r\n" % i for i in range(500)) + b"Content-Length: 2\r\n\r\n{}"),
    ("long target", b"GET /backend/" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("many segments", b"GET /" + b"a/" * 200 + b" HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("bad version", b"POST /backend/app1/details HTTP/9.9\r\nHost: x\r\n\r\n"),
    ("bad chunk size", b"POST /backend HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
     b"zz\r\n{}\r\n0\r\n\r\n"),
    ("huge body", b"POST /backend HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n{}"),
    ("NUL in header", b"POST /backend HTTP/1.1\r\nHost: x\x00y\r\nContent-Length: 2\r\n\r\n{}"),
]


class Connection:
    """One keep-alive socket; reads back exactly one response per request."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.buf = b""

    def exchange(self, raw):
        self.sock.sendall(raw)
        while b"\r\n\r\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed before a response")
            self.buf += chunk
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))
        while len(self.buf) < length:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed mid-body")
            self.buf += chunk
        body, self.buf = self.buf[:length], self.buf[length:]
        return head, body

    def close(self):
        self.sock.close()


class HostileCorpusTest(ServerTestCase):

    @classmethod
    def setUpData(cls):
        cls.client.create_backend(AppId="app1", AppName="A", BackendEnvironmentName="dev")

    def assertTyped4xx(self, what, head, body):
        status = int(head.split(b" ", 2)[1])
        self.assertTrue(400 <= status < 500, "%s: %d %r" % (what, status, body[:200]))
        self.assertRegex(head, rb"(?i)\r\nx-amzn-errortype: \w+", what)
        for byte in head:
            self.assertTrue(byte in (9, 10, 13) or 32 <= byte < 127, "%s: raw byte in head" % what)
        message = json.loads(body.decode("utf-8", "strict"))["message"]
        self.assertIsInstance(message, str, what)

    def test_every_hostile_request_gets_a_typed_4xx_and_nothing_is_stored(self):
        requests = list(corpus())
        self.assertGreaterEqual(len(requests) + len(FRAMING), 5906)
        conn = Connection(self.server.port)
        try:
            for what, raw in requests:
                try:
                    head, body = conn.exchange(raw)
                except ConnectionError:  # a refused framing closes the connection: reopen
                    conn.close()
                    conn = Connection(self.server.port)
                    head, body = conn.exchange(raw)
                self.assertTyped4xx(what, head, body)
        finally:
            conn.close()
        for what, raw in FRAMING:
            conn = Connection(self.server.port)
            try:
                head, body = conn.exchange(raw)
                self.assertTyped4xx(what, head, body)
            finally:
                conn.close()
        print("hostile corpus: %d requests + %d framing abuses, all typed 4xx JSON"
              % (len(requests), len(FRAMING)))

        self.server.stop()
        db = sqlite3.connect(os.path.join(self.server.data_dir, "amplifybackend.db"))
        try:
            self.assertEqual(db.execute("SELECT app_id FROM apps").fetchall(), [("app1",)])
            self.assertEqual(db.execute("SELECT app_id, name FROM environments").fetchall(),
                             [("app1", "dev")])
            self.assertEqual(db.execute("SELECT count(*) FROM jobs").fetchone()[0], 1)
            for table in ("resources", "tokens", "buckets"):
                self.assertEqual(db.execute("SELECT count(*) FROM %s" % table).fetchone()[0], 0,
                                 table)
        finally:
            db.close()
        self.server.start()


if __name__ == "__main__":
    unittest.main()
