"""HTTP abuse gets typed JSON 4xx answers, not acceptance: request-target length and path
segments (414), header count, trailer count and size (431), chunk extensions (400); slow and
silent connections are closed on time. Raw sockets, since no SDK sends such requests."""
import json
import socket
import time
import unittest

from harness import ServerTestCase
from test_protocol import raw_exchange


def chunked(head_extra=b"", extension=b"", trailers=b""):
    body = b'{"backendEnvironmentName":"dev"}'
    head = (b"POST /backend/app1/details HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n" + head_extra
            + b"\r\n")
    return head, (b"%x" % len(body)) + extension + b"\r\n" + body + b"\r\n0\r\n" + trailers + b"\r\n"


class HttpLimitsTest(ServerTestCase):
    server_args = ("--header-timeout", "1", "--idle-timeout", "2")

    def assertJsonError(self, result, status, error_type, words):
        got, headers, body = result
        self.assertEqual(got, status, body[:300])
        self.assertEqual(headers.get("x-amzn-errortype"), error_type, body[:300])
        message = json.loads(body.decode("utf-8"))["message"]
        self.assertIn(words, message)

    def test_a_long_request_target_is_414(self):
        head = b"GET /backend/" + b"a" * 9000 + b"/details HTTP/1.1\r\nHost: x\r\n\r\n"
        self.assertJsonError(raw_exchange(self.server.port, head, b""), 414,
                             "RequestURITooLongException", "Request-target exceeds 8192 bytes")

    def test_too_many_path_segments_is_414(self):
        head = b"POST /backend" + b"/a" * 70 + b" HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
        self.assertJsonError(raw_exchange(self.server.port, head, b""), 414,
                             "RequestURITooLongException", "more than 64 segments")

    def test_too_many_header_fields_is_431(self):
        fields = b"".join(b"X-F%d: v\r\n" % i for i in range(150))
        head = b"POST /backend/app1/details HTTP/1.1\r\nHost: x\r\n" + fields + \
            b"Content-Length: 2\r\n\r\n"
        self.assertJsonError(raw_exchange(self.server.port, head, b"{}"), 431,
                             "RequestHeaderFieldsTooLargeException", "more than 100 header fields")

    def test_a_long_chunk_extension_is_400(self):
        head, body = chunked(extension=b";ext=" + b"e" * 1000)
        self.assertJsonError(raw_exchange(self.server.port, head, body), 400,
                             "BadRequestException", "Chunk extension exceeds 256 bytes")

    def test_a_100_kib_chunk_extension_is_refused_before_it_ends(self):
        head, body = chunked(extension=b";ext=" + b"e" * (100 << 10))
        status, headers, _ = raw_exchange(self.server.port, head, body)
        self.assertIn(status, (400, 431))
        self.assertTrue(headers.get("x-amzn-errortype"))

    def test_too_many_trailers_is_431(self):
        head, body = chunked(trailers=b"".join(b"T%d: v\r\n" % i for i in range(10000)))
        status, headers, raw = raw_exchange(self.server.port, head, body)
        self.assertEqual(status, 431, raw[:300])
        self.assertEqual(headers.get("x-amzn-errortype"), "RequestHeaderFieldsTooLargeException")
        json.loads(raw.decode("utf-8"))

    def test_seventeen_small_trailers_are_431(self):
        head, body = chunked(trailers=b"".join(b"T%d: v\r\n" % i for i in range(17)))
        self.assertJsonError(raw_exchange(self.server.port, head, body), 431,
                             "RequestHeaderFieldsTooLargeException", "more than 16 fields")

    def test_a_large_trailer_is_431(self):
        head, body = chunked(trailers=b"T: " + b"v" * 3000 + b"\r\nU: " + b"v" * 3000 + b"\r\n")
        status, headers, raw = raw_exchange(self.server.port, head, body)
        self.assertEqual(status, 431, raw[:300])

    def test_requests_within_the_limits_still_work(self):
        self.client.create_backend(AppId="app1", AppName="A", BackendEnvironmentName="dev")
        head, body = chunked(extension=b";a=b", trailers=b"T: v\r\n")
        status, _, raw = raw_exchange(self.server.port, head, body)
        self.assertEqual(status, 200, raw[:300])
        self.assertEqual(json.loads(raw)["appId"], "app1")

    def test_a_silent_connection_is_closed_after_the_header_timeout(self):
        for partial in (b"", b"POST /backend HTTP/1.1\r\nHost: x\r\n"):
            with self.subTest(partial=partial):
                sock = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
                try:
                    sock.sendall(partial)
                    start = time.monotonic()
                    data = sock.recv(65536)  # b"" once the server closes
                    while data:
                        data = sock.recv(65536)
                    waited = time.monotonic() - start
                finally:
                    sock.close()
                # idle (2 s) before any byte, header timeout (1 s) once a request began.
                self.assertLess(waited, 5, partial)

    def test_a_slow_client_does_not_block_others(self):
        slow = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        try:
            slow.sendall(b"POST /backend HTTP/1.1\r\nHost: x\r\n")
            self.assertEqual(self.client.list_s3_buckets()["ResponseMetadata"]["HTTPStatusCode"],
                             200)
        finally:
            slow.close()


if __name__ == "__main__":
    unittest.main()
