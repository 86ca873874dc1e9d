"""Several server processes on one PostgreSQL database (docs/DESIGN.md §6): read-your-writes across
processes, one winner per race, the pending-job rule held in the database, a killed process's
jobs completed by another, nothing acknowledged lost to kill -9 or to a database restart, and the
export/import round trip SQLite -> PostgreSQL -> SQLite.

Needs AMPLIFYBACKEND_TEST_DATABASE_URL (tools/dev.sh test starts a throwaway PostgreSQL with
tools/pg.sh and sets it). Without it the suite is skipped, unless AMPLIFY_REQUIRE_POSTGRES=1 (CI),
where it fails. Each class gets a fresh database (CREATE DATABASE test_<random>, dropped after);
the database-restart class runs its own PostgreSQL through tools/pg.sh.
"""
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import unittest

from cluster_harness import (PG_SH, ClusterTestCase, Database, LoadCheck, WriteLoad, buckets,
                             client_for, log, outcome, require_postgres, run_threads, strip)
from harness import Server, ServerTestCase, server_binary, unique

PENDING = ("There is already a pending job for the requested appId: %s and "
           "backendEnvironmentName: %s, wait for it to complete before creating a new job.")
AUTH_CONFIG = {"AuthResources": "USER_POOL_ONLY", "Service": "COGNITO",
               "UserPoolConfigs": {"UserPoolName": "pool", "SignInMethod": "EMAIL",
                                   "RequiredSignUpAttributes": ["EMAIL"]}}
STORAGE_CONFIG = {"ServiceName": "S3", "Permissions": {"Authenticated": ["READ"]}}
JOB_DURATION = 2.0
LEASE_GRACE = 10.0  # DESIGN §6: a dead process's job completes within 10 s of its due time
class ReadYourWritesTest(ClusterTestCase):
    """(a) and (b): job duration 0, every write visible through every process at once."""

    def test_writes_through_one_process_are_read_through_the_others(self):
        for origin in range(3):  # each process writes once, the two others read at once
            writer = self.clients[origin]
            readers = [c for i, c in enumerate(self.clients) if i != origin]
            app_id = unique("ryw")
            created = self.create_backend(app_id, "dev", client=writer)
            token = writer.create_token(AppId=app_id)
            auth = writer.create_backend_auth(AppId=app_id, BackendEnvironmentName="dev",
                                              ResourceName="auth", ResourceConfig=AUTH_CONFIG)
            for reader in readers:
                self.assertEqual(reader.get_backend(AppId=app_id)["BackendEnvironmentList"],
                                 ["dev"])
                job = reader.get_backend_job(AppId=app_id, BackendEnvironmentName="dev",
                                             JobId=created["JobId"])
                self.assertEqual((job["Status"], job["Operation"]), ("COMPLETED", "CreateBackend"))
                jobs = reader.list_backend_jobs(AppId=app_id, BackendEnvironmentName="dev")["Jobs"]
                self.assertEqual({j["JobId"] for j in jobs}, {created["JobId"], auth["JobId"]})
                got = reader.get_token(AppId=app_id, SessionId=token["SessionId"])
                self.assertEqual(got["ChallengeCode"], token["ChallengeCode"])
                got = reader.get_backend_auth(AppId=app_id, BackendEnvironmentName="dev",
                                              ResourceName="auth")
                self.assertEqual(got["ResourceConfig"]["UserPoolConfigs"]["UserPoolName"], "pool")
            # Changes and deletions too: no process answers from a stale copy.
            readers[0].update_backend_job(AppId=app_id, BackendEnvironmentName="dev",
                                          JobId=created["JobId"], Operation="Audited")
            self.assertEqual(readers[1].get_backend_job(
                AppId=app_id, BackendEnvironmentName="dev", JobId=created["JobId"])["Operation"],
                "Audited")
            readers[1].delete_token(AppId=app_id, SessionId=token["SessionId"])
            self.assertAwsError("NotFoundException", writer.get_token, AppId=app_id,
                                SessionId=token["SessionId"], status=404)

    def race(self, call, count=20):
        """count threads, spread over the processes, call call(client, i) at once."""
        clients = [self.clients[i % 3] for i in range(count)]
        barrier = threading.Barrier(count)
        outcomes = [None] * count

        def racer(i):
            barrier.wait(30)
            outcomes[i] = outcome(call, client=clients[i], i=i)

        self.assertEqual(run_threads(racer, count), [])
        self.assertEqual(outcomes.count("ok"), 1, outcomes)
        self.assertEqual(set(outcomes) - {"ok"}, {"400 BadRequestException"}, outcomes)
        return outcomes.index("ok")

    def test_racing_creates_of_one_environment_have_one_winner(self):
        app_id = unique("race")
        self.race(lambda client, i: client.create_backend(AppId=app_id, AppName="Race",
                                                          BackendEnvironmentName="dev"))
        for client in self.clients:
            self.assertEqual(client.get_backend(AppId=app_id)["BackendEnvironmentList"], ["dev"])
            jobs = client.list_backend_jobs(AppId=app_id, BackendEnvironmentName="dev")["Jobs"]
            self.assertEqual(len(jobs), 1, "a refused CreateBackend left a job behind")

    def test_racing_clones_to_one_target_have_one_winner(self):
        app_id = unique("clonerace")
        self.create_backend(app_id, "dev")
        self.race(lambda client, i: client.clone_backend(
            AppId=app_id, BackendEnvironmentName="dev", TargetEnvironmentName="copy"))
        for client in self.clients:
            self.assertEqual(client.get_backend(AppId=app_id)["BackendEnvironmentList"],
                             ["dev", "copy"])

    def test_racing_storages_for_one_bucket_name_have_one_winner(self):
        apps = [unique("bucketrace") for _ in range(20)]
        for app_id in apps:
            self.create_backend(app_id, "dev")
        bucket = unique("race-bucket")
        winner = self.race(lambda client, i: client.create_backend_storage(
            AppId=apps[i], BackendEnvironmentName="dev", ResourceName="files",
            ResourceConfig=dict(STORAGE_CONFIG, BucketName=bucket)))
        for client in self.clients:
            listed = [b for b in buckets(client) if b["Name"] == bucket]
            self.assertEqual(len(listed), 1, listed)
        for i, app_id in enumerate(apps):
            client = self.clients[(i + 1) % 3]
            if i == winner:
                got = client.get_backend_storage(AppId=app_id, BackendEnvironmentName="dev",
                                                 ResourceName="files")
                self.assertEqual(got["ResourceConfig"]["BucketName"], bucket)
            else:
                self.assertAwsError("NotFoundException", client.get_backend_storage,
                                    AppId=app_id, BackendEnvironmentName="dev",
                                    ResourceName="files", status=404)
                jobs = client.list_backend_jobs(AppId=app_id, BackendEnvironmentName="dev")
                self.assertEqual(len(jobs["Jobs"]), 1, "a refused storage left a job behind")


class JobLeaseTest(ClusterTestCase):
    """(c) and (d): --job-duration 2, jobs held by the database and claimed with leases."""

    server_args = ("--job-duration", str(JOB_DURATION))

    def new_app(self, env="base", client=None):
        app_id = unique("lease")
        created = self.create_backend(app_id, env, client=client or self.clients[1])
        self.wait_for_job(app_id, env, created["JobId"], client=client or self.clients[1])
        return app_id

    def test_a_pending_job_in_one_process_blocks_the_others(self):
        app_id = self.new_app()
        created = self.create_backend(app_id, "dev", client=self.clients[0])
        self.assertEqual(created["Status"], "RUNNING")
        for client in self.clients[1:]:
            response = self.assertAwsError("BadRequestException", self.create_backend, app_id,
                                           "dev", client=client, status=400)
            self.assertEqual(response["Error"]["Message"], PENDING % (app_id, "dev"))
        response = self.assertAwsError("BadRequestException", self.clients[2].remove_all_backends,
                                       AppId=app_id, status=400)
        self.assertIn("pending job", response["Error"]["Message"])
        self.wait_for_job(app_id, "dev", created["JobId"], client=self.clients[2])
        deleted = self.clients[1].delete_backend(AppId=app_id, BackendEnvironmentName="dev")
        self.assertEqual(deleted["Status"], "RUNNING")
        self.wait_for_job(app_id, "dev", deleted["JobId"], client=self.clients[0])
        self.assertEqual(self.clients[2].get_backend(AppId=app_id)["BackendEnvironmentList"],
                         ["base"])

    def test_the_jobs_of_a_killed_process_complete_once_elsewhere(self):
        fresh = [unique("orphan") for _ in range(4)]
        cloned, authed, stored = self.new_app(), self.new_app(), self.new_app()
        bucket = unique("orphan-bucket")
        survivors = self.servers[1:]
        time.sleep(0.5)  # a job's completion is counted just after it is visible; nothing to await
        completed_before = sum(self.completed_jobs(s) for s in survivors)
        p1 = self.clients[0]
        started = []  # (app, env, job id, due time)
        for app_id in fresh:
            r = p1.create_backend(AppId=app_id, AppName="Orphan", BackendEnvironmentName="dev")
            started.append((app_id, "dev", r["JobId"], time.monotonic() + JOB_DURATION))
        r = p1.clone_backend(AppId=cloned, BackendEnvironmentName="base",
                             TargetEnvironmentName="copy")
        started.append((cloned, "copy", r["JobId"], time.monotonic() + JOB_DURATION))
        r = p1.create_backend_auth(AppId=authed, BackendEnvironmentName="base",
                                   ResourceName="auth", ResourceConfig=AUTH_CONFIG)
        started.append((authed, "base", r["JobId"], time.monotonic() + JOB_DURATION))
        r = p1.create_backend_storage(AppId=stored, BackendEnvironmentName="base",
                                      ResourceName="files",
                                      ResourceConfig=dict(STORAGE_CONFIG, BucketName=bucket))
        started.append((stored, "base", r["JobId"], time.monotonic() + JOB_DURATION))
        self.servers[0].kill9()  # before any job is due: none of them completed in process 1

        reader = self.clients[1]
        waiting, late = list(started), 0.0
        while waiting:
            for job in list(waiting):
                app_id, env, job_id, due = job
                status = reader.get_backend_job(AppId=app_id, BackendEnvironmentName=env,
                                                JobId=job_id)["Status"]
                if status == "COMPLETED":
                    waiting.remove(job)
                    late = max(late, time.monotonic() - due)
                elif time.monotonic() > due + LEASE_GRACE:
                    self.fail("job %s of %s/%s still %s %.0f s after it was due"
                              % (job_id, app_id, env, status, LEASE_GRACE))
            time.sleep(0.2)

        log("jobs of a killed process: %d completed elsewhere, the last %.1f s after it was due"
            % (len(started), late))
        # Each change applied once, and completed once (by the two survivors together).
        self.assertEqual(sum(self.completed_jobs(s) for s in survivors) - completed_before,
                         len(started), "jobs completed more or less than once each")
        for app_id in fresh:
            self.assertEqual(reader.get_backend(AppId=app_id)["BackendEnvironmentList"], ["dev"])
        self.assertEqual(reader.get_backend(AppId=cloned)["BackendEnvironmentList"],
                         ["base", "copy"])
        meta = json.loads(reader.get_backend(AppId=authed, BackendEnvironmentName="base")
                          ["AmplifyMetaConfig"])
        self.assertEqual(list(meta.get("auth", {})), ["auth"])
        meta = json.loads(reader.get_backend(AppId=stored, BackendEnvironmentName="base")
                          ["AmplifyMetaConfig"])
        self.assertEqual(list(meta.get("storage", {})), ["files"])
        listed = [b for b in buckets(reader) if b["Name"] == bucket]
        self.assertEqual(len(listed), 1, listed)
        for app_id, env, job_id, _ in started:
            jobs = reader.list_backend_jobs(AppId=app_id, BackendEnvironmentName=env)["Jobs"]
            self.assertEqual([j["JobId"] for j in jobs].count(job_id), 1)


class KillUnderLoadTest(ClusterTestCase, LoadCheck):
    """(e): kill -9 of one process every few seconds under write load, the process restarted."""

    LOAD_SECONDS = 20
    KILL_EVERY = 3.0

    def test_nothing_acknowledged_is_lost(self):
        load = WriteLoad(self.servers)
        kills = 0
        try:
            deadline = time.monotonic() + self.LOAD_SECONDS
            while time.monotonic() < deadline:
                time.sleep(self.KILL_EVERY)
                victim = self.servers[kills % 3]
                victim.kill9()
                kills += 1
                victim.start()
        finally:
            load.stop()
        for i, server in enumerate(self.servers):
            self.clients[i] = server.client()
        acknowledged, unanswered = load.acknowledged(), load.unanswered()
        others = [o for o in load.outcomes if o[2] != "ok" and not o[2].startswith("conn")]
        log("kill -9 under load: acknowledged=%d, unanswered=%d, kills=%d"
            % (len(acknowledged), len(unanswered), kills))
        self.assertEqual(others[:5], [], "answers other than 200 or a dropped connection")
        self.assertGreater(len(acknowledged), 0)
        self.assertAllReadable(acknowledged, self.clients[1])
        self.assertWholeOrAbsent(unanswered, self.clients[2])
        log("kill -9 under load: lost=0 of %d acknowledged" % len(acknowledged))


class DatabaseRestartTest(ClusterTestCase, LoadCheck):
    """(f): PostgreSQL (its own, through tools/pg.sh) restarted under write load, down for
    DOWN_SECONDS. The scenario runs once; each test checks one promise about it."""

    DOWN_SECONDS = 3
    RECOVERY = 10.0

    @classmethod
    def database_url(cls):
        cls.pg_dir = tempfile.mkdtemp(prefix="amplifybackend-pg-")
        os.chmod(cls.pg_dir, 0o755)  # PostgreSQL runs as an unprivileged user under root
        return subprocess.run([PG_SH, "start", cls.pg_dir], check=True, capture_output=True,
                              text=True, timeout=120).stdout.strip()

    @classmethod
    def close_cluster(cls):
        for server in cls.servers:
            server.close()
        subprocess.run([PG_SH, "destroy", cls.pg_dir], capture_output=True, timeout=120)
        shutil.rmtree(cls.pg_dir, ignore_errors=True)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        try:
            cls.run_scenario()
        except Exception:
            cls.close_cluster()
            raise

    @classmethod
    def run_scenario(cls):
        load = WriteLoad(cls.servers, threads=4)
        cls.health = {i: [] for i in range(3)}  # (status, body) during the outage
        try:
            time.sleep(2)
            restart = subprocess.Popen([PG_SH, "restart", cls.pg_dir, str(cls.DOWN_SECONDS)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                       text=True)
            cls.outage_start = time.monotonic()
            time.sleep(0.5)  # the fast shutdown is done by now
            while restart.poll() is None:
                for i, server in enumerate(cls.servers):
                    try:
                        status, _, body = server.request("GET", "/_health", timeout=5)
                        cls.health[i].append((status, body.decode("utf-8", "replace")))
                    except OSError as e:
                        cls.health[i].append((None, str(e)))
                time.sleep(0.2)
            cls.outage_end = time.monotonic()
            _, restart_log = restart.communicate()
            if restart.returncode != 0:
                raise AssertionError("tools/pg.sh restart failed: " + restart_log)
            cls.recovered = {}  # process index -> seconds after PostgreSQL was back
            run_threads(cls.probe_recovery, len(cls.servers))
            time.sleep(1)
        finally:
            load.stop()
        cls.load = load
        cls.logs = [server.log() for server in cls.servers]
        during = [o for o in load.outcomes if cls.outage_start <= o[3] <= cls.outage_end]
        counts = {}
        for o in load.outcomes:
            counts[o[2]] = counts.get(o[2], 0) + 1
        log("PostgreSQL restart under load: outcomes %s; %d during the %.1f s outage; "
            "back in %s s" % (counts, len(during), cls.outage_end - cls.outage_start,
                               {i: round(s, 2) for i, s in cls.recovered.items()}))

    @classmethod
    def probe_recovery(cls, i):
        """The first CreateBackend that process i answers 200 after the database is back."""
        server = cls.servers[i]
        if not server.alive():
            return
        client = client_for(server.port)
        while time.monotonic() - cls.outage_end < cls.RECOVERY + 5:
            if outcome(client.create_backend, AppId=unique("back"), AppName="Back",
                       BackendEnvironmentName="dev") == "ok":
                cls.recovered[i] = time.monotonic() - cls.outage_end
                return
            time.sleep(0.1)

    def test_answers_are_200_or_504_never_500(self):
        bad = [(app_id, i, result, "%+.2f s from the outage" % (t - self.outage_start))
               for app_id, i, result, t in self.load.outcomes
               if result not in ("ok", "504 GatewayTimeoutException")]
        if bad:
            noted = [l for l in self.logs[bad[0][1]].splitlines() if "[info]" not in l]
            self.fail("%d answers other than 200 or 504: %s\nprocess %d's log, info left out:\n%s"
                      % (len(bad), bad[:5], bad[0][1], "\n".join(noted[:30])))

    def test_nothing_acknowledged_is_lost(self):
        self.assertAllReadable(self.load.acknowledged(), self.clients[0])
        self.assertWholeOrAbsent(self.load.unanswered(), self.clients[1])

    def test_every_process_serves_again_within_10_seconds(self):
        self.assertEqual(sorted(self.recovered), [0, 1, 2], self.recovered)
        for i, seconds in self.recovered.items():
            self.assertLessEqual(seconds, self.RECOVERY, "process %d" % i)

    def test_health_reports_the_store_down_during_the_outage(self):
        for i, answers in self.health.items():
            self.assertTrue(answers, "no /_health poll during the outage")
            # A /_health that does not answer says nothing about the store: not counted.
            down = [a for a in answers if a[0] is not None
                    and (a[0] != 200 or json.loads(a[1]).get("storeReachable") is False)]
            self.assertTrue(down, "process %d said ok all through the outage: %s"
                            % (i, answers[:2]))
        for server in self.servers:
            status, _, body = server.request("GET", "/_health")
            self.assertEqual((status, json.loads(body)["status"]), (200, "ok"))
            self.assertIs(json.loads(body)["storeReachable"], True)


class ExportImportTest(ServerTestCase):
    """(g): SQLite -> export -> import into PostgreSQL -> export -> import into SQLite; every
    process serves the same state as the first."""

    @classmethod
    def setUpClass(cls):
        require_postgres()
        super().setUpClass()
        cls.database = Database()
        cls.work = tempfile.mkdtemp(prefix="amplifybackend-dump-")

    @classmethod
    def tearDownClass(cls):
        cls.database.drop()
        shutil.rmtree(cls.work, ignore_errors=True)
        super().tearDownClass()

    def tool(self, *args):
        done = subprocess.run([server_binary(), *args], capture_output=True, text=True,
                              timeout=120)
        self.assertEqual(done.returncode, 0, " ".join(args) + "\n" + done.stdout + done.stderr)
        return done

    def build_state(self, client):
        app_id = unique("dump")
        client.create_backend(AppId=app_id, AppName="Dump", BackendEnvironmentName="dev")
        client.create_backend(AppId=app_id, AppName="Dump", BackendEnvironmentName="prod")
        client.create_backend_auth(AppId=app_id, BackendEnvironmentName="dev",
                                   ResourceName="auth", ResourceConfig=AUTH_CONFIG)
        client.create_backend_storage(AppId=app_id, BackendEnvironmentName="dev",
                                      ResourceName="files", ResourceConfig=STORAGE_CONFIG)
        client.clone_backend(AppId=app_id, BackendEnvironmentName="dev",
                             TargetEnvironmentName="test")
        client.create_backend_config(AppId=app_id)
        deleted = client.delete_backend(AppId=app_id, BackendEnvironmentName="prod")
        client.update_backend_job(AppId=app_id, BackendEnvironmentName="prod",
                                  JobId=deleted["JobId"], Operation="Audited")
        token = client.create_token(AppId=app_id)
        return app_id, token["SessionId"]

    def snapshot(self, client, app_id, session_id):
        """What the API shows of the state; reads only (the admin-UI config has no read but
        UpdateBackendConfig, a write: the exports compare it)."""
        state = {"backend": strip(client.get_backend(AppId=app_id)),
                 "buckets": buckets(client)}
        token = strip(client.get_token(AppId=app_id, SessionId=session_id))
        token.pop("Ttl")  # counts down
        state["token"] = token
        for env in ("dev", "prod", "test"):
            pages = client.get_paginator("list_backend_jobs").paginate(
                AppId=app_id, BackendEnvironmentName=env)
            state["jobs " + env] = [j for p in pages for j in p.get("Jobs", [])]
        for env in ("dev", "test"):
            state["env " + env] = strip(client.get_backend(AppId=app_id,
                                                           BackendEnvironmentName=env))
            state["auth " + env] = strip(client.get_backend_auth(
                AppId=app_id, BackendEnvironmentName=env, ResourceName="auth"))
            state["storage " + env] = strip(client.get_backend_storage(
                AppId=app_id, BackendEnvironmentName=env, ResourceName="files"))
        return state

    def serve(self, server, app_id, session_id):
        server.start()
        try:
            return self.snapshot(server.client(), app_id, session_id)
        finally:
            server.stop()

    def test_round_trip_sqlite_postgres_sqlite(self):
        app_id, session_id = self.build_state(self.client)
        before = self.snapshot(self.client, app_id, session_id)
        self.server.stop()
        first, second = os.path.join(self.work, "1.jsonl"), os.path.join(self.work, "2.jsonl")
        self.tool("export", "--data-dir", self.server.data_dir, "--out", first)
        self.tool("import", "--database-url", self.database.url, "--in", first)
        refused = subprocess.run([server_binary(), "import", "--database-url", self.database.url,
                                  "--in", first], capture_output=True, text=True, timeout=120)
        self.assertNotEqual(refused.returncode, 0, "import into a store that is not empty")

        on_postgres = Server("--database-url", self.database.url)
        try:
            self.assertEqual(self.serve(on_postgres, app_id, session_id), before)
        finally:
            on_postgres.close()
        self.tool("export", "--database-url", self.database.url, "--out", second)
        self.assertSameRows(first, second)

        back = Server()
        try:
            self.tool("import", "--data-dir", back.data_dir, "--in", second)
            self.assertEqual(self.serve(back, app_id, session_id), before)
            third = os.path.join(self.work, "3.jsonl")
            self.tool("export", "--data-dir", back.data_dir, "--out", third)
            self.assertSameRows(first, third)
        finally:
            back.close()

    def assertSameRows(self, first, second):
        with open(first, encoding="utf-8") as a, open(second, encoding="utf-8") as b:
            self.assertEqual(sorted(a.read().splitlines()), sorted(b.read().splitlines()))


if __name__ == "__main__":
    unittest.main()
