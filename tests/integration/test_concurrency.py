"""Concurrent clients: every acknowledged write is there, a race for one environment has exactly
one winner, and nothing is half-applied (docs/DECISIONS.md "Validation", "Durability")."""
import threading
import unittest

from botocore.exceptions import ClientError

from harness import ServerTestCase, run_threads, unique

THREADS = 8


class ConcurrencyTest(ServerTestCase):

    def test_parallel_writers_lose_nothing(self):
        app_id = unique("par")
        self.create_backend(app_id, "base")
        per_thread = 10
        job_ids = {}

        def writer(i):
            client = self.server.client()
            for n in range(per_thread):
                env = "t%d-e%d" % (i, n)
                job_ids[env] = client.create_backend(AppId=app_id, AppName="Par",
                                                     BackendEnvironmentName=env)["JobId"]

        self.assertEqual(run_threads(writer, THREADS), [])
        envs = self.client.get_backend(AppId=app_id)["BackendEnvironmentList"]
        self.assertEqual(len(envs), 1 + THREADS * per_thread)
        self.assertEqual(envs[0], "base")
        self.assertEqual(sorted(envs[1:]), sorted(job_ids))
        for i in range(THREADS):  # each thread's environments in its own creation order
            mine = [e for e in envs if e.startswith("t%d-" % i)]
            self.assertEqual(mine, ["t%d-e%d" % (i, n) for n in range(per_thread)])
        for env, job_id in list(job_ids.items())[:10]:
            job = self.client.get_backend_job(AppId=app_id, BackendEnvironmentName=env,
                                              JobId=job_id)
            self.assertEqual(job["Status"], "COMPLETED")

    def test_race_for_one_environment_has_one_winner(self):
        app_id = unique("race")
        outcomes = []
        barrier = threading.Barrier(THREADS)

        def racer(i):
            client = self.server.client()
            barrier.wait(10)
            try:
                client.create_backend(AppId=app_id, AppName="Race", BackendEnvironmentName="dev")
                outcomes.append("ok")
            except ClientError as e:
                outcomes.append(e.response["Error"]["Code"])

        self.assertEqual(run_threads(racer, THREADS), [])
        self.assertEqual(sorted(outcomes), ["BadRequestException"] * (THREADS - 1) + ["ok"])
        self.assertEqual(self.client.get_backend(AppId=app_id)["BackendEnvironmentList"], ["dev"])
        jobs = self.client.list_backend_jobs(AppId=app_id, BackendEnvironmentName="dev")["Jobs"]
        self.assertEqual(len(jobs), 1, "a rejected CreateBackend left a job behind")

    def test_race_for_one_clone_target_has_one_winner(self):
        app_id = unique("clonerace")
        self.create_backend(app_id, "dev")
        outcomes = []
        barrier = threading.Barrier(THREADS)

        def racer(i):
            client = self.server.client()
            barrier.wait(10)
            try:
                client.clone_backend(AppId=app_id, BackendEnvironmentName="dev",
                                     TargetEnvironmentName="copy")
                outcomes.append("ok")
            except ClientError as e:
                outcomes.append(e.response["Error"]["Code"])

        self.assertEqual(run_threads(racer, THREADS), [])
        self.assertEqual(outcomes.count("ok"), 1, outcomes)
        self.assertEqual(set(outcomes) - {"ok"}, {"BadRequestException"})
        self.assertEqual(self.client.get_backend(AppId=app_id)["BackendEnvironmentList"],
                         ["dev", "copy"])


if __name__ == "__main__":
    unittest.main()
