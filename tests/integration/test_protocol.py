"""The wire, seen with raw HTTP (unsigned): error format, validation, routing, CORS, limits,
operational endpoints; the models routes (docs/DECISIONS.md "Errors and protocol")."""
import json
import socket
import unittest

from botocore.exceptions import ClientError

from harness import ServerTestCase, quote_label, unique

CORS_HEADERS = ("Access-Control-Allow-Origin", "Access-Control-Allow-Methods",
                "Access-Control-Allow-Headers")


class ProtocolTest(ServerTestCase):

    @classmethod
    def setUpData(cls):
        cls.app_id = unique("proto")
        cls.client.create_backend(AppId=cls.app_id, AppName="Proto", BackendEnvironmentName="dev")

    def assertError(self, result, status, code):
        """Asserts an AWS error response; returns its JSON body."""
        got_status, headers, body = result
        self.assertEqual(got_status, status, body)
        self.assertEqual(headers.get("X-Amzn-ErrorType", "").split(":")[0], code, body)
        self.assertTrue(headers.get("x-amzn-RequestId"), "no x-amzn-RequestId")
        self.assertIn("application/json", headers.get("Content-Type", ""))
        payload = json.loads(body)
        self.assertIsInstance(payload, dict)
        self.assertIsInstance(payload.get("message"), str, payload)
        self.assertTrue(payload["message"])
        self.assertNotIn("code", payload)
        return payload

    def post(self, path, body=None, **kwargs):
        return self.server.request("POST", path, body, **kwargs)

    def create_body(self, **overrides):
        body = {"appId": unique(), "appName": "Raw", "backendEnvironmentName": "dev"}
        body.update(overrides)
        return body

    # -- success responses ---------------------------------------------------------------------
    def test_success_has_json_body_request_id_and_cors_origin(self):
        status, headers, body = self.post("/backend/%s/details" % self.app_id, {})
        self.assertEqual(status, 200, body)
        self.assertIn("application/json", headers.get("Content-Type", ""))
        self.assertTrue(headers.get("x-amzn-RequestId"))
        self.assertTrue(headers.get("Access-Control-Allow-Origin"))
        payload = json.loads(body)
        self.assertEqual(payload["appId"], self.app_id)
        self.assertEqual(payload["backendEnvironmentList"], ["dev"])
        self.assertIsInstance(payload["amplifyMetaConfig"], str)

    def test_request_ids_are_unique(self):
        ids = {self.post("/backend/%s/details" % self.app_id, {})[1].get("x-amzn-RequestId")
               for _ in range(5)}
        self.assertEqual(len(ids), 5)

    def test_empty_body_counts_as_empty_object(self):
        status, _, body = self.post("/backend/%s/details" % self.app_id, None)
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body)["appId"], self.app_id)

    def test_prod_prefix(self):
        status, _, body = self.post("/prod/backend/%s/details" % self.app_id, {})
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body)["appId"], self.app_id)
        self.assertError(self.post("/prod/nothing/here", {}), 404, "UnknownOperationException")

    def test_unknown_members_are_ignored(self):
        body = self.create_body(somethingElse=1)
        status, _, raw = self.post("/backend", body)
        self.assertEqual(status, 200, raw)
        self.assertEqual(json.loads(raw)["operation"], "CreateBackend")

    def test_keep_alive_connection_serves_several_requests(self):
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        try:
            for _ in range(3):
                conn.request("POST", "/backend/%s/details" % self.app_id, body=b"{}",
                             headers={"Content-Type": "application/json"})
                resp = conn.getresponse()
                self.assertEqual(resp.status, 200)
                json.loads(resp.read())
        finally:
            conn.close()

    # -- errors --------------------------------------------------------------------------------
    def test_not_found_has_resource_type(self):
        payload = self.assertError(self.post("/backend/%s/details" % unique("missing"), {}),
                                   404, "NotFoundException")
        self.assertIsInstance(payload.get("resourceType"), str, payload)
        self.assertTrue(payload["resourceType"])

    def test_errors_carry_cors_origin(self):
        _, headers, _ = self.post("/backend/%s/details" % unique("missing"), {})
        self.assertTrue(headers.get("Access-Control-Allow-Origin"))

    def test_malformed_json_is_a_bad_request(self):
        for body in ('{"appId": "a",', "not json", '{"appId": "a"} trailing'):
            with self.subTest(body=body):
                self.assertError(self.post("/backend", body), 400, "BadRequestException")

    def test_numbers_out_of_range_are_bad_requests_and_store_nothing(self):
        # Read as Infinity or NaN they would be stored and read back as nothing.
        body = ('{"resourceName": "auth1", "resourceConfig": {"authResources": "USER_POOL_ONLY", '
                '"service": "COGNITO", "userPoolConfigs": {"userPoolName": "p", '
                '"signInMethod": "EMAIL", "requiredSignUpAttributes": ["EMAIL"], '
                '"passwordPolicy": {"minimumLength": %s}}}, "backendEnvironmentName": "dev"}')
        for number in ("1e400", "-1e400", "0e400"):
            with self.subTest(number=number):
                payload = self.assertError(self.post("/backend/%s/auth" % self.app_id,
                                                     body % number), 400, "BadRequestException")
                self.assertIn("out of range", payload["message"])
        self.assertError(self.post("/backend/%s/auth/dev/details" % self.app_id,
                                   {"resourceName": "auth1"}), 404, "NotFoundException")

    def test_non_object_body_is_a_bad_request(self):
        for body in ("[]", '[{"appId": "a"}]', '"text"', "42", "null"):
            with self.subTest(body=body):
                self.assertError(self.post("/backend", body), 400, "BadRequestException")

    def test_missing_required_member_is_named(self):
        payload = self.assertError(self.post("/backend", {"appId": "a"}), 400,
                                   "BadRequestException")
        self.assertTrue("appName" in payload["message"] or
                        "backendEnvironmentName" in payload["message"], payload)
        payload = self.assertError(self.post("/backend", {"appId": "a", "appName": "b"}), 400,
                                   "BadRequestException")
        self.assertIn("backendEnvironmentName", payload["message"])
        payload = self.assertError(
            self.post("/backend/%s/environments/dev/clone" % self.app_id, {}), 400,
            "BadRequestException")
        self.assertIn("targetEnvironmentName", payload["message"])

    def test_null_counts_as_absent(self):
        payload = self.assertError(self.post("/backend", self.create_body(
            backendEnvironmentName=None)), 400, "BadRequestException")
        self.assertIn("backendEnvironmentName", payload["message"])

    def test_wrong_json_type_is_named(self):
        payload = self.assertError(self.post("/backend", self.create_body(appId=1)), 400,
                                   "BadRequestException")
        self.assertIn("appId", payload["message"])
        payload = self.assertError(
            self.post("/backend/%s/remove" % self.app_id, {"cleanAmplifyApp": "yes"}), 400,
            "BadRequestException")
        self.assertIn("cleanAmplifyApp", payload["message"])
        payload = self.assertError(
            self.post("/backend/%s/job/dev" % self.app_id, {"maxResults": "5"}), 400,
            "BadRequestException")
        self.assertIn("maxResults", payload["message"])

    def test_max_results_out_of_range_is_a_bad_request(self):
        for value in (0, -1, 26, 1000):
            with self.subTest(maxResults=value):
                payload = self.assertError(
                    self.post("/backend/%s/job/dev" % self.app_id, {"maxResults": value}), 400,
                    "BadRequestException")
                self.assertIn("maxResults", payload["message"])

    def test_rejected_request_changes_nothing(self):
        body = self.create_body(appName=5)
        self.assertError(self.post("/backend", body), 400, "BadRequestException")
        self.assertError(self.post("/backend/%s/details" % quote_label(body["appId"]), {}), 404,
                         "NotFoundException")

    def test_unknown_route_is_404_unknown_operation(self):
        for method, path in (("POST", "/nothing"), ("GET", "/"), ("POST", "/backend/a/b/c/d/e/f"),
                             ("POST", "/backend/a/unknown"), ("POST", "/prod")):
            with self.subTest(method=method, path=path):
                self.assertError(self.server.request(method, path, "{}"), 404,
                                 "UnknownOperationException")

    def test_wrong_method_is_405(self):
        for method, path in (("GET", "/backend"), ("GET", "/backend/a/details"),
                             ("PUT", "/backend/a/job/dev/j"), ("DELETE", "/backend/a/remove")):
            with self.subTest(method=method, path=path):
                self.assertError(self.server.request(method, path, "{}"), 405,
                                 "MethodNotAllowedException")

    def test_empty_path_label_is_a_bad_request(self):
        for path in ("/backend//details", "/backend/%s/job//x" % self.app_id,
                     "/backend//environments/dev/remove"):
            with self.subTest(path=path):
                self.assertError(self.post(path, {}), 400, "BadRequestException")

    def test_labels_are_percent_decoded_not_normalised(self):
        app_id = "My_App.v-1." + unique("x")
        self.client.create_backend(AppId=app_id, AppName="Enc", BackendEnvironmentName="dev")
        status, _, body = self.post("/backend/%s/details" % quote_label(app_id), {})
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body)["appId"], app_id)
        encoded = "".join("%%%02X" % ord(c) for c in app_id)  # every byte percent-encoded
        status, _, body = self.post("/backend/%s/details" % encoded, {})
        self.assertEqual(status, 200, body)
        # ".." is refused as an identifier, never taken as a path step.
        for label in ("..", "%2E%2E", "a%2Fb", "%FF%FE", "%C0%AF", "a%00b", "a%0D%0Ab"):
            with self.subTest(label=label):
                status, headers, body = self.post("/backend/%s/details" % label, {})
                self.assertError((status, headers, body), 400, "BadRequestException")
                self.assertIn("'appId'", json.loads(body)["message"])

    def test_body_over_one_mebibyte_is_413(self):
        body = json.dumps(self.create_body(appName="x" * (1024 * 1024 + 16))).encode()
        status, headers, raw = raw_exchange(self.server.port, b"POST /backend HTTP/1.1\r\n"
                                            b"Host: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                            b"Content-Length: %d\r\n\r\n" % len(body), body)
        self.assertEqual(status, 413, raw[:300])
        payload = json.loads(raw)
        self.assertIsInstance(payload.get("message"), str, payload)
        self.assertTrue(headers.get("x-amzn-errortype"), headers)
        self.assertTrue(headers.get("x-amzn-requestid"), headers)

    def test_headers_over_the_limit_are_431(self):
        head = (b"POST /backend/x/details HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                + b"p" * (64 * 1024) + b"\r\nContent-Length: 2\r\n\r\n")
        status, headers, raw = raw_exchange(self.server.port, head, b"{}")
        self.assertEqual(status, 431, raw[:300])
        self.assertIsInstance(json.loads(raw).get("message"), str)

    # -- CORS ----------------------------------------------------------------------------------
    def test_options_answers_the_cors_preflight(self):
        for path in ("/backend", "/backend/a/details", "/prod/backend/a/job/dev/j",
                     "/backend/a/challenge", "/s3Buckets"):
            with self.subTest(path=path):
                status, headers, _ = self.server.request(
                    "OPTIONS", path, headers={"Origin": "http://localhost:3000",
                                              "Access-Control-Request-Method": "POST"})
                self.assertEqual(status, 200)
                for name in CORS_HEADERS:
                    self.assertTrue(headers.get(name), name)
                self.assertIn("POST", headers.get("Access-Control-Allow-Methods"))
                self.assertTrue(headers.get("x-amzn-RequestId"))

    # -- operational endpoints -----------------------------------------------------------------
    def test_health(self):
        status, headers, body = self.server.request("GET", "/_health")
        self.assertEqual(status, 200)
        health = json.loads(body)
        self.assertEqual(health["status"], "ok")
        self.assertTrue(health["version"])
        self.assertEqual(health["store"], "sqlite")

    def test_metrics_are_prometheus_text(self):
        self.post("/backend/%s/details" % self.app_id, {})
        status, headers, body = self.server.request("GET", "/_metrics")
        self.assertEqual(status, 200)
        self.assertIn("text/plain", headers.get("Content-Type", ""))
        text = body.decode()
        self.assertIn("# TYPE ", text)
        self.assertIn("GetBackend", text)


def raw_exchange(port, head, body):
    """Sends a request whose body the server may refuse half-way; returns the response it sent
    (status, lower-cased header dict, body bytes)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    try:
        sock.sendall(head)
        try:
            sock.sendall(body)
        except OSError:
            pass  # the server answered early and closed; its response is still readable
        data = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            data += chunk
            head_end = data.find(b"\r\n\r\n")
            if head_end >= 0:
                headers = parse_headers(data[:head_end])
                length = int(headers.get("content-length", "-1"))
                if 0 <= length <= len(data) - head_end - 4:
                    break
    finally:
        sock.close()
    head_end = data.find(b"\r\n\r\n")
    if head_end < 0:
        raise AssertionError("no HTTP response, got %r" % data[:200])
    status = int(data.split(b" ", 2)[1])
    headers = parse_headers(data[:head_end])
    payload = data[head_end + 4:]
    length = int(headers.get("content-length", len(payload)))
    return status, headers, payload[:length]


def parse_headers(block):
    lines = block.decode("latin-1").split("\r\n")[1:]
    return {k.strip().lower(): v.strip() for k, v in (l.split(":", 1) for l in lines if ":" in l)}


class ModelRoutesTest(ServerTestCase):
    """The models operations are routed, validated and answered like every other operation
    (their behaviour is covered by test_models.py)."""

    @classmethod
    def setUpData(cls):
        cls.app_id = unique("models")
        cls.client.create_backend(AppId=cls.app_id, AppName="Models", BackendEnvironmentName="dev")

    def test_validation_runs_before_the_handler(self):
        for path in ("/backend/%s/api/dev/generateModels", "/prod/backend/%s/api/dev/getModels"):
            with self.subTest(path=path):
                status, headers, body = self.server.request("POST", path % self.app_id, {})
                self.assertEqual(status, 400, body)
                self.assertEqual(headers.get("X-Amzn-ErrorType"), "BadRequestException")
                self.assertIn("resourceName", json.loads(body)["message"])

    def test_an_unknown_api_is_not_found(self):
        for operation in ("GenerateBackendAPIModels", "GetBackendAPIModels"):
            with self.subTest(operation=operation):
                method = getattr(self.client, _snake(self.client, operation))
                error = self.assertAwsError("NotFoundException", method, AppId=self.app_id,
                                            BackendEnvironmentName="dev", ResourceName="nope",
                                            status=404)
                self.assertIn("nope", error["Error"]["Message"])


def _snake(client, operation):
    for snake, api in client.meta.method_to_api_mapping.items():
        if api == operation:
            return snake
    raise AssertionError("boto3 has no method for " + operation)


if __name__ == "__main__":
    unittest.main()
