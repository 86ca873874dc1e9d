"""The admin console's HTTP side against the real binary: a browser's GET / goes to /_admin/,
the embedded files are served with their types and ETags, the read-only admin API pages and
searches what boto3 created, `--auth enforce` guards the admin API as it guards AWS routes (the
files stay open), accounts stay apart, and `--no-console` turns both off. The screens
themselves are tested in Chromium (console/e2e)."""
import json
import urllib.parse

from harness import ServerTestCase, unique
from test_auth import EnforcingServerTestCase


class ConsoleFilesTest(ServerTestCase):

    def test_a_browser_asking_for_the_root_is_sent_to_the_console(self):
        status, headers, _ = self.server.request(
            "GET", "/", headers={"Accept": "text/html,application/xhtml+xml"})
        self.assertEqual(status, 302)
        self.assertEqual(headers.get("Location"), "/_admin/")
        status, headers, _ = self.server.request("GET", "/", headers={"Accept": "*/*"})
        self.assertEqual(status, 404)  # an API client gets the API's unknown-route error
        self.assertIn("Exception", headers.get("X-Amzn-ErrorType"))

    def test_the_page_and_its_modules_are_served_with_types_and_revalidation(self):
        status, headers, body = self.server.request("GET", "/_admin/")
        self.assertEqual(status, 200)
        self.assertEqual(headers.get("Content-Type"), "text/html; charset=utf-8")
        self.assertIn(b"<html", body)
        self.assertIn("connect-src 'self'", headers.get("Content-Security-Policy"))
        status, headers, body = self.server.request("GET", "/_admin/js/main.js")
        self.assertEqual(status, 200)
        self.assertEqual(headers.get("Content-Type"), "text/javascript; charset=utf-8")
        self.assertEqual(headers.get("Cache-Control"), "no-cache")
        etag = headers.get("ETag")
        status, _, body = self.server.request("GET", "/_admin/js/main.js",
                                              headers={"If-None-Match": etag})
        self.assertEqual((status, body), (304, b""))
        status, _, _ = self.server.request("GET", "/_admin/no-such-file.js")
        self.assertEqual(status, 404)


class AdminApiTest(ServerTestCase):

    def test_apps_created_through_boto3_are_listed_paged_and_searched(self):
        marker = unique("find")
        ids = sorted(unique("page") for _ in range(5))
        for app_id in ids:
            self.client.create_backend(AppId=app_id, AppName="Paged app",
                                       BackendEnvironmentName="dev")
        self.client.create_backend(AppId=marker, AppName="The Needle", BackendEnvironmentName="dev")
        seen, token = [], None
        while True:
            query = {"limit": 2, "search": "page"}
            if token:
                query["nextToken"] = token
            page = self.get_json("/_admin/api/apps?" + urllib.parse.urlencode(query))
            self.assertLessEqual(len(page["apps"]), 2)
            seen += [app["appId"] for app in page["apps"]]
            token = page.get("nextToken")
            if not token:
                break
        self.assertEqual(seen, ids)
        found = self.get_json("/_admin/api/apps?search=" + urllib.parse.quote("the needle"))
        self.assertEqual([app["appId"] for app in found["apps"]], [marker])
        self.assertEqual(found["apps"][0]["appName"], "The Needle")

    def test_an_app_shows_its_admin_ui_config_and_live_tokens(self):
        app_id = unique()
        self.create_backend(app_id)
        self.client.create_backend_config(AppId=app_id, BackendManagerAppId=app_id)
        token = self.client.create_token(AppId=app_id)
        app = self.get_json("/_admin/api/apps/" + app_id)
        self.assertEqual(app["appId"], app_id)
        self.assertIsNotNone(app["config"])
        self.assertEqual([t["sessionId"] for t in app["tokens"]], [token["SessionId"]])
        self.assertEqual(app["tokens"][0]["challengeCode"], token["ChallengeCode"])
        self.client.delete_token(AppId=app_id, SessionId=token["SessionId"])
        self.assertEqual(self.get_json("/_admin/api/apps/" + app_id)["tokens"], [])

    def test_errors_are_aws_errors(self):
        status, headers, body = self.server.request("GET", "/_admin/api/apps/" + unique("none"))
        self.assertEqual(status, 404)
        self.assertEqual(headers.get("X-Amzn-ErrorType"), "NotFoundException")
        self.assertEqual(json.loads(body)["resourceType"], "App")
        status, headers, _ = self.server.request("GET", "/_admin/api/apps?limit=1000")
        self.assertEqual((status, headers.get("X-Amzn-ErrorType")), (400, "BadRequestException"))
        status, _, _ = self.server.request("POST", "/_admin/api/apps", body={})
        self.assertEqual(status, 405)

    def get_json(self, path):
        status, _, body = self.server.request("GET", path)
        self.assertEqual(status, 200, body)
        return json.loads(body)


class AdminApiEnforceTest(EnforcingServerTestCase):

    def test_the_admin_api_needs_a_signature_and_sees_only_its_account(self):
        mine, theirs = unique("alice"), unique("bob")
        self.client_for("alice").create_backend(AppId=mine, AppName="a", BackendEnvironmentName="dev")
        self.client_for("bob").create_backend(AppId=theirs, AppName="b", BackendEnvironmentName="dev")
        status, headers, _ = self.server.request("GET", "/_admin/api/apps")
        self.assertEqual(status, 403)
        self.assertEqual(headers.get("X-Amzn-ErrorType"), "MissingAuthenticationTokenException")
        status, _, body = self.send(*self.signed("alice", "GET", "/_admin/api/apps?limit=100"))
        self.assertEqual(status, 200, body)
        ids = [app["appId"] for app in json.loads(body)["apps"]]
        self.assertIn(mine, ids)
        self.assertNotIn(theirs, ids)
        status, _, _ = self.send(*self.signed("alice", "GET", "/_admin/api/apps/" + theirs))
        self.assertEqual(status, 404)
        status, _, _ = self.send(*self.signed("bob", "GET", "/_admin/api/apps/" + theirs))
        self.assertEqual(status, 200)

    def test_the_console_files_stay_open(self):
        status, _, body = self.server.request("GET", "/_admin/")
        self.assertEqual(status, 200)
        self.assertIn(b"<html", body)


class NoConsoleTest(ServerTestCase):
    server_args = ("--no-console",)

    def test_neither_the_files_nor_the_admin_api_are_served(self):
        for path in ("/_admin/", "/_admin/api/apps"):
            status, headers, _ = self.server.request("GET", path)
            self.assertEqual(status, 404, path)
            self.assertEqual(headers.get("X-Amzn-ErrorType"), "UnknownOperationException")
        status, _, _ = self.server.request("GET", "/", headers={"Accept": "text/html"})
        self.assertEqual(status, 404)
