"""export / import (README "Export and import"): state made through boto3 on one data dir is
exported, imported into a new data dir, and reads back the same through boto3 from a server
there; exporting the second data dir gives the same file byte for byte."""
import json
import os
import subprocess
import unittest

from harness import Server, server_binary, unique

ACCOUNT_B = "444455556666"
SCHEMA = "type Todo @model { id: ID! name: String! note: String }"
AUTH = {"AuthResources": "USER_POOL_ONLY", "Service": "COGNITO",
        "UserPoolConfigs": {"UserPoolName": "pool", "SignInMethod": "EMAIL",
                            "RequiredSignUpAttributes": ["EMAIL"]}}
STORAGE = {"ServiceName": "S3", "Permissions": {"Authenticated": ["READ"]}}


def tool(*args, stdin=None):
    """Runs the binary's export / import; returns (exit code, stdout bytes, stderr text)."""
    done = subprocess.run([server_binary(), *args], input=stdin, capture_output=True, timeout=60)
    return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")


def strip(response):
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


class ExportImportTest(unittest.TestCase):

    def setUp(self):
        self.source, self.target = Server(), Server()
        self.addCleanup(self.source.close)
        self.addCleanup(self.target.close)

    def fill(self, clients):
        """Apps, environments, resources, models, jobs, a config and a token, in two accounts.
        Returns what `snapshot` reads back, per app."""
        c, other = clients["a"], clients["b"]
        app = unique("shop")
        for env in ("prod", "dev"):  # creation order, not name order
            c.create_backend(AppId=app, AppName="Shop \u00e9\U0001F600", BackendEnvironmentName=env)
        c.create_backend_auth(AppId=app, BackendEnvironmentName="dev", ResourceName="auth1",
                              ResourceConfig=AUTH)
        c.create_backend_api(AppId=app, BackendEnvironmentName="dev", ResourceName="api1",
                             ResourceConfig={"ApiName": "api1", "TransformSchema": SCHEMA})
        c.generate_backend_api_models(AppId=app, BackendEnvironmentName="dev", ResourceName="api1")
        c.create_backend_storage(AppId=app, BackendEnvironmentName="dev", ResourceName="files",
                                 ResourceConfig=STORAGE)
        c.import_backend_storage(AppId=app, BackendEnvironmentName="prod",
                                 BucketName=unique("imported"), ServiceName="S3")
        c.create_backend_config(AppId=app, BackendManagerAppId="manager")
        c.update_backend_config(AppId=app, LoginAuthConfig={"AwsUserPoolsId": "us-east-1_X"})
        c.clone_backend(AppId=app, BackendEnvironmentName="dev", TargetEnvironmentName="qa")
        token = c.create_token(AppId=app)["SessionId"]
        # A failed job with its error, and one an administrator rewrote.
        c.create_backend_api(AppId=app, BackendEnvironmentName="prod", ResourceName="broken",
                             ResourceConfig={"TransformSchema": "type Post @model { id: }"})
        c.generate_backend_api_models(AppId=app, BackendEnvironmentName="prod",
                                      ResourceName="broken")
        deleted = c.delete_backend(AppId=app, BackendEnvironmentName="qa")
        c.update_backend_job(AppId=app, BackendEnvironmentName="qa", JobId=deleted["JobId"],
                             Status="AUDITED", Operation="Reviewed")
        theirs = unique("theirs")
        other.create_backend(AppId=theirs, AppName="Theirs", BackendEnvironmentName="main")
        other.create_backend_storage(AppId=theirs, BackendEnvironmentName="main",
                                     ResourceName="media", ResourceConfig=STORAGE)
        return [{"account": "a", "app": app, "envs": ["prod", "dev"], "jobs_only": ["qa"],
                 "resources": {"dev": [("auth", "auth1"), ("api", "api1"), ("storage", "files")]},
                 "models": [("dev", "api1"), ("prod", "broken")], "tokens": [token]},
                {"account": "b", "app": theirs, "envs": ["main"], "jobs_only": [],
                 "resources": {"main": [("storage", "media")]}, "models": [], "tokens": []}]

    def snapshot(self, clients, apps):
        """Everything `fill` made, as clients read it."""
        seen = []
        for a in apps:
            c, app = clients[a["account"]], a["app"]
            get = {"auth": c.get_backend_auth, "api": c.get_backend_api,
                   "storage": c.get_backend_storage}
            seen.append(strip(c.get_backend(AppId=app)))
            for env in a["envs"]:
                seen.append(strip(c.get_backend(AppId=app, BackendEnvironmentName=env)))
                for category, name in a["resources"].get(env, []):
                    seen.append(strip(get[category](AppId=app, BackendEnvironmentName=env,
                                                    ResourceName=name)))
            for env, api in a["models"]:
                seen.append(strip(c.get_backend_api_models(AppId=app, BackendEnvironmentName=env,
                                                           ResourceName=api)))
            for env in a["envs"] + a["jobs_only"]:
                pages = c.get_paginator("list_backend_jobs").paginate(
                    AppId=app, BackendEnvironmentName=env, PaginationConfig={"PageSize": 2})
                jobs = [j for p in pages for j in p.get("Jobs", [])]
                seen.append(jobs)
                seen += [strip(c.get_backend_job(AppId=app, BackendEnvironmentName=env,
                                                 JobId=j["JobId"])) for j in jobs]
            for session in a["tokens"]:
                token = strip(c.get_token(AppId=app, SessionId=session))
                token.pop("Ttl")  # counts down
                seen.append(token)
            seen.append(strip(c.list_s3_buckets()))
        return seen

    def test_export_import_round_trip(self):
        source = self.source.start()
        clients = {"a": source.client(), "b": source.client(access_key=ACCOUNT_B)}
        apps = self.fill(clients)
        # A job still RUNNING, its change queued (job_queue), on both servers.
        for server in (source, self.target):
            server.args = ["--job-duration", "600"]
        source.restart(kill=False)
        clients = {"a": source.client(), "b": source.client(access_key=ACCOUNT_B)}
        pending = clients["a"].create_backend(AppId=apps[0]["app"], AppName="Shop",
                                              BackendEnvironmentName="staging")
        self.assertEqual(pending["Status"], "RUNNING")
        apps[0]["jobs_only"].append("staging")
        before = self.snapshot(clients, apps)
        self.assertEqual(before[0]["BackendEnvironmentList"], ["prod", "dev"])
        source.stop()

        exported = os.path.join(self.source.root, "export.jsonl")
        code, out, err = tool("export", "--data-dir", source.data_dir, "--out", exported)
        self.assertEqual((code, out), (0, b""), err)
        with open(exported, "rb") as f:
            first = f.read()
        lines = first.decode("utf-8").splitlines()
        self.assertEqual(json.loads(lines[0]), {"format": "amplifybackend-export", "version": 1})
        tables = {json.loads(line)["table"] for line in lines[1:]}
        self.assertEqual(tables, {"apps", "environments", "resources", "api_models", "jobs",
                                  "job_queue", "tokens", "buckets"})

        code, out, err = tool("import", "--data-dir", self.target.data_dir, "--in", "-",
                              stdin=first)
        self.assertEqual(code, 0, err)
        self.assertEqual(out, b"")
        self.assertIn("import: inserted 2 apps, 3 environments", err)

        target = self.target.start()
        clients = {"a": target.client(), "b": target.client(access_key=ACCOUNT_B)}
        after = self.snapshot(clients, apps)
        self.assertEqual(after, before)
        target.stop()

        # The second export, to standard output, is the first byte for byte.
        code, second, err = tool("export", "--data-dir", self.target.data_dir)
        self.assertEqual(code, 0, err)
        self.assertEqual(second, first)

        # The target is no longer empty: a second import is refused and changes nothing.
        code, _, err = tool("import", "--data-dir", self.target.data_dir, "--in", exported)
        self.assertNotEqual(code, 0)
        self.assertIn("not empty", err)
        code, third, err = tool("export", "--data-dir", self.target.data_dir)
        self.assertEqual(third, first, err)

    def test_a_bad_line_is_named_and_nothing_is_imported(self):
        header = b'{"format":"amplifybackend-export","version":1}\n'
        bucket = b'{"table":"buckets","row":{"name":"b","account":"a","region":"r","creation_ms":1}}\n'
        code, _, err = tool("import", "--data-dir", self.target.data_dir, "--in", "-",
                            stdin=header + bucket + b'{"table":"buckets","row":{}}\n')
        self.assertNotEqual(code, 0)
        self.assertIn("line 3: buckets.name is missing", err)
        code, out, err = tool("export", "--data-dir", self.target.data_dir)
        self.assertEqual((code, out), (0, header), err)

    def test_export_needs_an_existing_database(self):
        code, out, err = tool("export", "--data-dir", os.path.join(self.source.root, "none"))
        self.assertEqual((code, out), (2, b""))
        self.assertIn("no database at", err)


if __name__ == "__main__":
    unittest.main()
