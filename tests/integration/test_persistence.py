"""Durability (docs/DECISIONS.md "Durability"): what a response acknowledged survives kill -9;
jobs that were RUNNING at the crash complete after a restart; a data dir serves one server;
--in-memory writes nothing."""
import json
import subprocess
import unittest

from harness import server_binary, ServerTestCase, unique


class PersistenceTest(ServerTestCase):
    """Each test restarts the server on the same data dir; the client follows the new port."""

    def reconnect(self, kill=True):
        self.server.restart(kill=kill)
        type(self).client = self.server.client()
        return self.client

    def snapshot(self, app_id, envs):
        backend = self.client.get_backend(AppId=app_id)
        per_env = {env: self.client.get_backend(AppId=app_id, BackendEnvironmentName=env)
                   for env in backend.get("BackendEnvironmentList", [])}
        jobs = {}
        for env in envs:
            pages = self.client.get_paginator("list_backend_jobs").paginate(
                AppId=app_id, BackendEnvironmentName=env)
            jobs[env] = [j for p in pages for j in p.get("Jobs", [])]
        strip = lambda r: {k: v for k, v in r.items() if k != "ResponseMetadata"}
        return (strip(backend), {e: strip(r) for e, r in per_env.items()}, jobs)

    def test_everything_acknowledged_survives_kill_9(self):
        c = self.client
        app_id, other = unique("durable"), unique("durable")
        c.create_backend(AppId=app_id, AppName="Durable", BackendEnvironmentName="dev")
        c.create_backend(AppId=app_id, AppName="Durable", BackendEnvironmentName="prod")
        c.clone_backend(AppId=app_id, BackendEnvironmentName="dev", TargetEnvironmentName="test")
        deleted = c.delete_backend(AppId=app_id, BackendEnvironmentName="prod")
        c.update_backend_job(AppId=app_id, BackendEnvironmentName="prod", JobId=deleted["JobId"],
                             Status="FAILED", Operation="Audited")
        for i in range(30):
            c.create_backend(AppId=other, AppName="Many", BackendEnvironmentName="e%02d" % i)
        c.remove_all_backends(AppId=other)
        envs = ["dev", "prod", "test"]
        before = self.snapshot(app_id, envs)
        before_other = self.snapshot(other, ["e00", "e29"])

        self.reconnect(kill=True)
        self.assertEqual(self.snapshot(app_id, envs), before)
        self.assertEqual(self.snapshot(other, ["e00", "e29"]), before_other)
        self.assertEqual(before[0]["BackendEnvironmentList"], ["dev", "test"])
        job = self.client.get_backend_job(AppId=app_id, BackendEnvironmentName="prod",
                                          JobId=deleted["JobId"])
        self.assertEqual((job["Operation"], job["Status"]), ("Audited", "FAILED"))
        # The restarted server keeps working on the restored state.
        self.client.delete_backend(AppId=app_id, BackendEnvironmentName="test")
        self.assertEqual(self.client.get_backend(AppId=app_id)["BackendEnvironmentList"], ["dev"])

    def test_graceful_restart_keeps_data(self):
        app_id = unique("graceful")
        self.client.create_backend(AppId=app_id, AppName="G", BackendEnvironmentName="dev")
        self.reconnect(kill=False)
        self.assertEqual(self.client.get_backend(AppId=app_id)["BackendEnvironmentList"], ["dev"])

    def test_removed_app_stays_removed(self):
        app_id = unique("gone")
        self.client.create_backend(AppId=app_id, AppName="Gone", BackendEnvironmentName="dev")
        self.client.remove_all_backends(AppId=app_id, CleanAmplifyApp=True)
        self.reconnect(kill=True)
        self.assertAwsError("NotFoundException", self.client.get_backend, AppId=app_id)

    def test_a_second_server_on_the_same_data_dir_is_refused(self):
        second = subprocess.run([server_binary(), "--port", "0", "--data-dir",
                                 self.server.data_dir], capture_output=True, text=True, timeout=20)
        self.assertNotEqual(second.returncode, 0)
        self.assertIn("in use by another process", second.stdout + second.stderr)
        status, _, _ = self.server.request("GET", "/_health")  # the first one serves on
        self.assertEqual(status, 200)

    def test_health_reports_sqlite(self):
        status, _, body = self.server.request("GET", "/_health")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)["store"], "sqlite")
        self.assertTrue(self.server.data_files(), "nothing written to the data dir")


class RunningJobsSurviveCrashTest(ServerTestCase):
    """--job-duration 2: a job RUNNING when the process dies completes after the restart."""

    server_args = ("--job-duration", "2")

    def test_running_job_completes_after_restart(self):
        app_id = unique("crash")
        created = self.client.create_backend(AppId=app_id, AppName="Crash",
                                             BackendEnvironmentName="dev")
        self.assertEqual(created["Status"], "RUNNING")
        self.server.restart(kill=True)
        type(self).client = client = self.server.client()
        job = client.get_backend_job(AppId=app_id, BackendEnvironmentName="dev",
                                     JobId=created["JobId"])
        self.assertIn(job["Status"], ("RUNNING", "COMPLETED"))
        job = self.wait_for_job(app_id, "dev", created["JobId"], timeout=20)
        self.assertEqual(job["Operation"], "CreateBackend")
        self.assertEqual(client.get_backend(AppId=app_id)["BackendEnvironmentList"], ["dev"])
        # The pending-job lock was released too.
        deleted = client.delete_backend(AppId=app_id, BackendEnvironmentName="dev")
        self.assertEqual(deleted["Status"], "RUNNING")


    def test_a_restart_without_a_duration_still_completes_queued_jobs(self):
        app_id = unique("crash")
        created = self.client.create_backend(AppId=app_id, AppName="Crash",
                                             BackendEnvironmentName="dev")
        self.assertEqual(created["Status"], "RUNNING")
        self.server.args = []  # the next process completes its own jobs at once
        try:
            self.server.restart(kill=True)
            type(self).client = client = self.server.client()
            job = self.wait_for_job(app_id, "dev", created["JobId"], timeout=20)
            self.assertEqual(job["Status"], "COMPLETED")
            self.assertEqual(client.get_backend(AppId=app_id)["BackendEnvironmentList"], ["dev"])
        finally:
            self.server.args = list(self.server_args)
            self.server.restart(kill=False)
            type(self).client = self.server.client()


class InMemoryTest(ServerTestCase):
    """--in-memory: works, writes nothing to the data dir, forgets everything on restart."""

    in_memory = True

    def test_nothing_is_written_and_nothing_survives(self):
        status, _, body = self.server.request("GET", "/_health")
        self.assertEqual(json.loads(body)["store"], "memory")
        app_id = unique("mem")
        self.client.create_backend(AppId=app_id, AppName="Mem", BackendEnvironmentName="dev")
        self.client.clone_backend(AppId=app_id, BackendEnvironmentName="dev",
                                  TargetEnvironmentName="test")
        self.assertEqual(self.client.get_backend(AppId=app_id)["BackendEnvironmentList"],
                         ["dev", "test"])
        self.assertEqual(self.server.data_files(), [])
        self.server.stop()
        self.assertEqual(self.server.data_files(), [])
        self.server.start()
        type(self).client = self.server.client()
        self.assertAwsError("NotFoundException", self.client.get_backend, AppId=app_id)


if __name__ == "__main__":
    unittest.main()
