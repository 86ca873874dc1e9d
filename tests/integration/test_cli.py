"""The AWS CLI (`aws amplifybackend ...`, JSON output) against the server."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from harness import ServerTestCase, unique

AWS = shutil.which("aws")


def cli_version():
    """(major, minor) of `aws --version` ("aws-cli/1.45.11 Python/..." or "aws-cli/2.9.19 ...")."""
    probe = subprocess.run([AWS, "--version"], capture_output=True, text=True, timeout=60)
    version = (probe.stdout + probe.stderr).split()[0].split("/")[-1]
    return tuple(int(p) for p in version.split(".")[:2])


class CliTest(ServerTestCase):

    @classmethod
    def setUpData(cls):
        if AWS is None:
            raise RuntimeError("the AWS CLI (`aws`) is not on PATH: run tools/setup.sh")
        cls.version = cli_version()
        # A service error exits 255 in CLI v1, 254 in CLI v2 (Debian 12's awscli is v2).
        cls.error_exit = 255 if cls.version[0] == 1 else 254
        cls.home = tempfile.mkdtemp(prefix="amplifybackend-cli-")
        cls.env = {k: v for k, v in os.environ.items()
                   if not k.startswith("AWS_") and k != "AMPLIFYBACKEND_SERVER_BIN"}
        cls.env.update({
            "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "x",
            "AWS_DEFAULT_REGION": "us-east-1", "AWS_MAX_ATTEMPTS": "1", "AWS_PAGER": "",
            "AWS_CONFIG_FILE": os.path.join(cls.home, "config"),
            "AWS_SHARED_CREDENTIALS_FILE": os.path.join(cls.home, "credentials"),
        })

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(getattr(cls, "home", ""), ignore_errors=True)
        super().tearDownClass()

    def aws(self, *args, endpoint=True, extra_env=None, check=True):
        cmd = [AWS] + (["--endpoint-url", self.server.url] if endpoint else []) + \
            ["--output", "json", "amplifybackend"] + list(args)
        env = dict(self.env, **(extra_env or {}))
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
        if not check:
            return proc
        self.assertEqual(proc.returncode, 0, "%s\nstdout: %s\nstderr: %s"
                         % (" ".join(cmd), proc.stdout, proc.stderr))
        return json.loads(proc.stdout) if proc.stdout.strip() else {}

    def test_backend_lifecycle(self):
        app_id = unique("cli")
        created = self.aws("create-backend", "--app-id", app_id, "--app-name", "CLI app",
                           "--backend-environment-name", "dev")
        self.assertEqual(created["AppId"], app_id)
        self.assertEqual(created["Operation"], "CreateBackend")
        self.assertEqual(created["Status"], "COMPLETED")

        backend = self.aws("get-backend", "--app-id", app_id)
        self.assertEqual(backend["AppName"], "CLI app")
        self.assertEqual(backend["BackendEnvironmentList"], ["dev"])
        self.assertEqual(json.loads(backend["AmplifyFeatureFlags"])["features"]
                         ["graphqltransformer"]["transformerversion"], 2)

        cloned = self.aws("clone-backend", "--app-id", app_id, "--backend-environment-name", "dev",
                          "--target-environment-name", "test")
        self.assertEqual(cloned["BackendEnvironmentName"], "test")
        self.assertEqual(cloned["Operation"], "CloneBackend")
        backend = self.aws("get-backend", "--app-id", app_id, "--backend-environment-name", "test")
        self.assertEqual(backend["BackendEnvironmentList"], ["dev", "test"])
        self.assertEqual(backend["BackendEnvironmentName"], "test")

        job = self.aws("get-backend-job", "--app-id", app_id, "--backend-environment-name", "dev",
                       "--job-id", created["JobId"])
        self.assertEqual(job["JobId"], created["JobId"])
        self.assertEqual(job["Operation"], "CreateBackend")
        updated = self.aws("update-backend-job", "--app-id", app_id, "--backend-environment-name",
                           "dev", "--job-id", created["JobId"], "--status", "FAILED",
                           "--operation", "Checked")
        self.assertEqual((updated["Status"], updated["Operation"]), ("FAILED", "Checked"))

        deleted = self.aws("delete-backend", "--app-id", app_id, "--backend-environment-name",
                           "test")
        self.assertEqual(deleted["Operation"], "DeleteBackend")
        self.assertEqual(self.aws("get-backend", "--app-id", app_id)["BackendEnvironmentList"],
                         ["dev"])

        removed = self.aws("remove-all-backends", "--app-id", app_id, "--clean-amplify-app")
        self.assertEqual(removed["Operation"], "RemoveAllBackends")
        self.assertNotIn("BackendEnvironmentName", removed)
        proc = self.aws("get-backend", "--app-id", app_id, check=False)
        self.assertEqual(proc.returncode, self.error_exit, proc.stderr)

    def test_list_backend_jobs_auto_paginates(self):
        app_id = unique("clipage")
        expected = []
        for _ in range(15):  # 30 jobs under "dev", through boto3 for speed
            expected.append(self.create_backend(app_id, "dev")["JobId"])
            expected.append(self.client.delete_backend(AppId=app_id,
                                                       BackendEnvironmentName="dev")["JobId"])
        expected.reverse()
        listed = self.aws("list-backend-jobs", "--app-id", app_id, "--backend-environment-name",
                          "dev")
        self.assertEqual([j["JobId"] for j in listed["Jobs"]], expected)
        listed = self.aws("list-backend-jobs", "--app-id", app_id, "--backend-environment-name",
                          "dev", "--page-size", "7")
        self.assertEqual([j["JobId"] for j in listed["Jobs"]], expected)
        listed = self.aws("list-backend-jobs", "--app-id", app_id, "--backend-environment-name",
                          "dev", "--operation", "DeleteBackend")
        self.assertEqual([j["JobId"] for j in listed["Jobs"]], expected[0::2])

    def test_error_exits_non_zero_naming_the_code(self):
        proc = self.aws("get-backend", "--app-id", unique("missing"), check=False)
        self.assertEqual(proc.returncode, self.error_exit, proc.stderr)
        self.assertIn("An error occurred (NotFoundException)", proc.stderr)
        self.assertIn("GetBackend", proc.stderr)

        app_id = unique("cli")
        self.aws("create-backend", "--app-id", app_id, "--app-name", "a",
                 "--backend-environment-name", "dev")
        proc = self.aws("create-backend", "--app-id", app_id, "--app-name", "a",
                        "--backend-environment-name", "dev", check=False)
        self.assertEqual(proc.returncode, self.error_exit, proc.stderr)
        self.assertIn("An error occurred (BadRequestException)", proc.stderr)

    def test_endpoint_from_environment_variable(self):
        if self.version < ((1, 29) if self.version[0] == 1 else (2, 13)):
            self.skipTest("aws-cli %d.%d ignores AWS_ENDPOINT_URL_AMPLIFYBACKEND" % self.version)
        app_id = unique("clienv")
        created = self.aws("create-backend", "--app-id", app_id, "--app-name", "Env",
                           "--backend-environment-name", "dev", endpoint=False,
                           extra_env={"AWS_ENDPOINT_URL_AMPLIFYBACKEND": self.server.url})
        self.assertEqual(created["AppId"], app_id)
        self.assertEqual(self.client.get_backend(AppId=app_id)["BackendEnvironmentList"], ["dev"])


if __name__ == "__main__":
    unittest.main()
