"""Jobs through boto3: GetBackendJob, ListBackendJobs (paging, filters), UpdateBackendJob, and
jobs that take time (--job-duration): RUNNING → COMPLETED, one pending job per (app, env)."""
import datetime
import time
import unittest

import harness
from harness import ServerTestCase, unique

JOB_FIELDS = ("AppId", "BackendEnvironmentName", "JobId", "Operation", "Status", "CreateTime",
              "UpdateTime")


def parse_time(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(
        tzinfo=datetime.timezone.utc)


class JobsTest(ServerTestCase):
    """One app whose environment "dev" has a known history of 32+ jobs (created in setUpClass)."""

    @classmethod
    def setUpData(cls):
        cls.app_id = unique("jobs")
        c = cls.client
        jobs = []  # (job id, operation), oldest first, every one under environment "dev"
        created = c.create_backend(AppId=cls.app_id, AppName="Jobs", BackendEnvironmentName="src")
        cls.src_job = created["JobId"]
        for _ in range(8):  # 4 jobs per round, then one more: 33 jobs, dev exists at the end
            r = c.create_backend(AppId=cls.app_id, AppName="Jobs", BackendEnvironmentName="dev")
            jobs.append((r["JobId"], "CreateBackend"))
            r = c.delete_backend(AppId=cls.app_id, BackendEnvironmentName="dev")
            jobs.append((r["JobId"], "DeleteBackend"))
            r = c.clone_backend(AppId=cls.app_id, BackendEnvironmentName="src",
                                TargetEnvironmentName="dev")
            jobs.append((r["JobId"], "CloneBackend"))
            r = c.delete_backend(AppId=cls.app_id, BackendEnvironmentName="dev")
            jobs.append((r["JobId"], "DeleteBackend"))
        r = c.clone_backend(AppId=cls.app_id, BackendEnvironmentName="src",
                            TargetEnvironmentName="dev")
        jobs.append((r["JobId"], "CloneBackend"))
        cls.history = jobs
        cls.newest_first = [job_id for job_id, _ in reversed(jobs)]

    def list_all(self, **kwargs):
        pages, ids = [], []
        token = None
        while True:
            args = dict(AppId=self.app_id, BackendEnvironmentName="dev", **kwargs)
            if token:
                args["NextToken"] = token
            page = self.client.list_backend_jobs(**args)
            pages.append(page)
            ids += [j["JobId"] for j in page.get("Jobs", [])]
            token = page.get("NextToken")
            if not token:
                return pages, ids
            self.assertLess(len(pages), 100, "NextToken never ends")

    # -- GetBackendJob -------------------------------------------------------------------------
    def test_get_backend_job_returns_every_field(self):
        job_id, _ = self.history[-1]
        job = self.client.get_backend_job(AppId=self.app_id, BackendEnvironmentName="dev",
                                          JobId=job_id)
        for field in JOB_FIELDS:
            self.assertIsInstance(job.get(field), str, field)
        self.assertEqual(job["AppId"], self.app_id)
        self.assertEqual(job["BackendEnvironmentName"], "dev")
        self.assertEqual(job["JobId"], job_id)
        self.assertEqual(job["Operation"], "CloneBackend")
        self.assertEqual(job["Status"], "COMPLETED")

    def test_job_times_are_iso8601_utc_with_milliseconds(self):
        job_id, _ = self.history[0]
        job = self.client.get_backend_job(AppId=self.app_id, BackendEnvironmentName="dev",
                                          JobId=job_id)
        self.assertRegex(job["CreateTime"], harness.ISO_MILLIS)
        self.assertRegex(job["UpdateTime"], harness.ISO_MILLIS)
        created, updated = parse_time(job["CreateTime"]), parse_time(job["UpdateTime"])
        self.assertLessEqual(created, updated)
        now = datetime.datetime.now(datetime.timezone.utc)
        self.assertLess(abs((now - created).total_seconds()), 600, job["CreateTime"])

    def test_unknown_job_is_not_found(self):
        response = self.assertAwsError(
            "NotFoundException", self.client.get_backend_job, AppId=self.app_id,
            BackendEnvironmentName="dev", JobId="00000000-0000-4000-8000-000000000000", status=404)
        self.assertTrue(response.get("ResourceType"), response)
        self.assertAwsError("NotFoundException", self.client.get_backend_job,
                            AppId=unique("missing"), BackendEnvironmentName="dev",
                            JobId=self.history[0][0], status=404)

    def test_job_is_not_found_under_another_environment(self):
        # CreateBackend of "src" is an environment job of "src", not of "dev".
        self.client.get_backend_job(AppId=self.app_id, BackendEnvironmentName="src",
                                    JobId=self.src_job)
        self.assertAwsError("NotFoundException", self.client.get_backend_job, AppId=self.app_id,
                            BackendEnvironmentName="dev", JobId=self.src_job, status=404)

    # -- ListBackendJobs -----------------------------------------------------------------------
    def test_first_page_holds_the_25_newest_jobs(self):
        self.assertGreater(len(self.history), 25)
        page = self.client.list_backend_jobs(AppId=self.app_id, BackendEnvironmentName="dev")
        self.assertEqual([j["JobId"] for j in page["Jobs"]], self.newest_first[:25])
        self.assertTrue(page.get("NextToken"))
        for job in page["Jobs"]:
            for field in JOB_FIELDS:
                self.assertIsInstance(job.get(field), str, field)
            self.assertEqual(job["AppId"], self.app_id)
            self.assertEqual(job["BackendEnvironmentName"], "dev")

    def test_pages_walk_every_job_newest_first(self):
        pages, ids = self.list_all()
        self.assertEqual(ids, self.newest_first)
        self.assertEqual([len(p["Jobs"]) for p in pages], [25, len(self.history) - 25])
        self.assertNotIn("NextToken", pages[-1])

    def test_max_results_sets_the_page_size(self):
        pages, ids = self.list_all(MaxResults=10)
        self.assertEqual(ids, self.newest_first)
        sizes = [len(p["Jobs"]) for p in pages]
        self.assertEqual(sizes[:-1], [10] * (len(sizes) - 1))
        self.assertEqual(sum(sizes), len(self.history))
        self.assertEqual(len(pages), -(-len(self.history) // 10))
        tokens = [p.get("NextToken") for p in pages[:-1]]
        self.assertEqual(len(set(tokens)), len(tokens), "a NextToken was repeated")

    def test_max_results_25_is_accepted_and_26_is_a_bad_request(self):
        page = self.client.list_backend_jobs(AppId=self.app_id, BackendEnvironmentName="dev",
                                             MaxResults=25)
        self.assertEqual(len(page["Jobs"]), 25)
        self.assertAwsError("BadRequestException", self.client.list_backend_jobs,
                            AppId=self.app_id, BackendEnvironmentName="dev", MaxResults=26,
                            status=400)

    def test_bad_next_token_is_a_bad_request(self):
        for token in ("garbage", "not-a-token-%%%", "eyJ4IjoxfQ=="):
            with self.subTest(token=token):
                self.assertAwsError("BadRequestException", self.client.list_backend_jobs,
                                    AppId=self.app_id, BackendEnvironmentName="dev",
                                    NextToken=token, status=400)

    def test_paginator_walks_every_page(self):
        paginator = self.client.get_paginator("list_backend_jobs")
        for page_size in (None, 7, 25):
            with self.subTest(page_size=page_size):
                config = {"PageSize": page_size} if page_size else {}
                pages = list(paginator.paginate(AppId=self.app_id, BackendEnvironmentName="dev",
                                                PaginationConfig=config))
                ids = [j["JobId"] for p in pages for j in p["Jobs"]]
                self.assertEqual(ids, self.newest_first)
                self.assertEqual(len(pages), -(-len(self.history) // (page_size or 25)))

    def test_paginator_build_full_result(self):
        result = self.client.get_paginator("list_backend_jobs").paginate(
            AppId=self.app_id, BackendEnvironmentName="dev",
            PaginationConfig={"PageSize": 4}).build_full_result()
        self.assertEqual([j["JobId"] for j in result["Jobs"]], self.newest_first)

    def test_filter_by_operation(self):
        for operation in ("CreateBackend", "DeleteBackend", "CloneBackend"):
            with self.subTest(operation=operation):
                expected = [j for j, op in reversed(self.history) if op == operation]
                _, ids = self.list_all(Operation=operation)
                self.assertEqual(ids, expected)
                _, paged = self.list_all(Operation=operation, MaxResults=3)
                self.assertEqual(paged, expected)

    def test_filter_by_status(self):
        _, ids = self.list_all(Status="COMPLETED")
        self.assertEqual(ids, self.newest_first)
        page = self.client.list_backend_jobs(AppId=self.app_id, BackendEnvironmentName="dev",
                                             Status="RUNNING")
        self.assertEqual(page.get("Jobs", []), [])
        self.assertNotIn("NextToken", page)
        # Exact match: neither case-folded nor a prefix.
        for status in ("completed", "COMPLETE"):
            page = self.client.list_backend_jobs(AppId=self.app_id, BackendEnvironmentName="dev",
                                                 Status=status)
            self.assertEqual(page.get("Jobs", []), [], status)

    def test_filter_by_job_id(self):
        job_id, operation = self.history[3]
        page = self.client.list_backend_jobs(AppId=self.app_id, BackendEnvironmentName="dev",
                                             JobId=job_id)
        self.assertEqual([j["JobId"] for j in page["Jobs"]], [job_id])
        other = "CreateBackend" if operation != "CreateBackend" else "CloneBackend"
        page = self.client.list_backend_jobs(AppId=self.app_id, BackendEnvironmentName="dev",
                                             JobId=job_id, Operation=other)
        self.assertEqual(page.get("Jobs", []), [])
        page = self.client.list_backend_jobs(AppId=self.app_id, BackendEnvironmentName="dev",
                                             JobId=job_id, Operation=operation,
                                             Status="COMPLETED")
        self.assertEqual([j["JobId"] for j in page["Jobs"]], [job_id])

    def test_environments_have_separate_job_lists(self):
        page = self.client.list_backend_jobs(AppId=self.app_id, BackendEnvironmentName="src")
        self.assertEqual([j["JobId"] for j in page["Jobs"]], [self.src_job])

    def test_unknown_environment_has_no_jobs_and_unknown_app_is_not_found(self):
        page = self.client.list_backend_jobs(AppId=self.app_id, BackendEnvironmentName="never")
        self.assertEqual(page.get("Jobs", []), [])
        self.assertNotIn("NextToken", page)
        # Unknown is not empty: an app that never existed is NotFound, as everywhere else.
        self.assertAwsError("NotFoundException", self.client.list_backend_jobs,
                            AppId=unique("missing"), BackendEnvironmentName="dev")

    # -- UpdateBackendJob ----------------------------------------------------------------------
    def test_update_backend_job_sets_status_and_operation(self):
        app_id = unique()
        created = self.create_backend(app_id, "dev")
        before = self.client.get_backend_job(AppId=app_id, BackendEnvironmentName="dev",
                                             JobId=created["JobId"])
        time.sleep(0.01)
        updated = self.client.update_backend_job(AppId=app_id, BackendEnvironmentName="dev",
                                                 JobId=created["JobId"], Status="FAILED")
        self.assertEqual(updated["JobId"], created["JobId"])
        self.assertEqual(updated["AppId"], app_id)
        self.assertEqual(updated["BackendEnvironmentName"], "dev")
        self.assertEqual(updated["Status"], "FAILED")
        self.assertEqual(updated["Operation"], "CreateBackend")
        self.assertEqual(updated["CreateTime"], before["CreateTime"])
        self.assertRegex(updated["UpdateTime"], harness.ISO_MILLIS)
        self.assertGreaterEqual(parse_time(updated["UpdateTime"]), parse_time(before["UpdateTime"]))

        renamed = self.client.update_backend_job(AppId=app_id, BackendEnvironmentName="dev",
                                                 JobId=created["JobId"], Operation="Custom")
        self.assertEqual(renamed["Operation"], "Custom")
        self.assertEqual(renamed["Status"], "FAILED")
        self.assertGreaterEqual(parse_time(renamed["UpdateTime"]), parse_time(updated["UpdateTime"]))

        both = self.client.update_backend_job(AppId=app_id, BackendEnvironmentName="dev",
                                              JobId=created["JobId"], Operation="CreateBackend",
                                              Status="COMPLETED")
        self.assertEqual((both["Operation"], both["Status"]), ("CreateBackend", "COMPLETED"))

    def test_update_is_visible_to_get_and_list(self):
        app_id = unique()
        created = self.create_backend(app_id, "dev")
        self.client.update_backend_job(AppId=app_id, BackendEnvironmentName="dev",
                                       JobId=created["JobId"], Status="FAILED", Operation="Fixed")
        job = self.client.get_backend_job(AppId=app_id, BackendEnvironmentName="dev",
                                          JobId=created["JobId"])
        self.assertEqual((job["Operation"], job["Status"]), ("Fixed", "FAILED"))
        page = self.client.list_backend_jobs(AppId=app_id, BackendEnvironmentName="dev",
                                             Status="FAILED")
        self.assertEqual([j["JobId"] for j in page["Jobs"]], [created["JobId"]])
        page = self.client.list_backend_jobs(AppId=app_id, BackendEnvironmentName="dev",
                                             Operation="CreateBackend")
        self.assertEqual(page.get("Jobs", []), [])

    def test_update_of_unknown_job_is_not_found(self):
        self.assertAwsError("NotFoundException", self.client.update_backend_job, AppId=self.app_id,
                            BackendEnvironmentName="dev",
                            JobId="00000000-0000-4000-8000-000000000000", Status="FAILED",
                            status=404)


class JobsProdPrefixTest(JobsTest):
    """The same suite through ``endpoint_url=<base>/prod``."""
    prefix = "/prod"


PENDING = ("There is already a pending job for the requested appId: %s and "
           "backendEnvironmentName: %s, wait for it to complete before creating a new job.")


class PendingJobsTest(ServerTestCase):
    """--job-duration 1: mutations answer RUNNING and complete in the background."""

    server_args = ("--job-duration", "1")

    def setUp(self):
        super().setUp()
        self.app_id = unique("pending")
        base = self.create_backend(self.app_id, "base")
        self.assertEqual(base["Status"], "RUNNING")
        self.wait_for_job(self.app_id, "base", base["JobId"])

    def test_job_runs_then_completes_and_the_change_becomes_visible(self):
        created = self.create_backend(self.app_id, "dev")
        self.assertEqual(created["Status"], "RUNNING")
        self.assertEqual(created["Operation"], "CreateBackend")
        self.assertEqual(self.client.get_backend(AppId=self.app_id)["BackendEnvironmentList"],
                         ["base"])
        self.assertAwsError("NotFoundException", self.client.get_backend, AppId=self.app_id,
                            BackendEnvironmentName="dev", status=404)
        running = self.client.list_backend_jobs(AppId=self.app_id, BackendEnvironmentName="dev",
                                                Status="RUNNING")
        self.assertEqual([j["JobId"] for j in running["Jobs"]], [created["JobId"]])

        job = self.wait_for_job(self.app_id, "dev", created["JobId"])
        self.assertGreaterEqual(parse_time(job["UpdateTime"]), parse_time(job["CreateTime"]))
        self.assertEqual(self.client.get_backend(AppId=self.app_id)["BackendEnvironmentList"],
                         ["base", "dev"])
        deleted = self.client.delete_backend(AppId=self.app_id, BackendEnvironmentName="dev")
        self.assertEqual(deleted["Status"], "RUNNING")
        self.wait_for_job(self.app_id, "dev", deleted["JobId"])
        self.assertEqual(self.client.get_backend(AppId=self.app_id)["BackendEnvironmentList"],
                         ["base"])

    def test_second_mutation_on_a_pending_environment_is_rejected(self):
        created = self.create_backend(self.app_id, "dev")
        self.assertEqual(created["Status"], "RUNNING")
        response = self.assertAwsError("BadRequestException", self.create_backend, self.app_id,
                                       "dev", status=400)
        self.assertEqual(response["Error"]["Message"], PENDING % (self.app_id, "dev"))
        deleting = self.client.delete_backend(AppId=self.app_id, BackendEnvironmentName="base")
        self.assertEqual(deleting["Status"], "RUNNING")
        response = self.assertAwsError("BadRequestException", self.client.delete_backend,
                                       AppId=self.app_id, BackendEnvironmentName="base", status=400)
        self.assertEqual(response["Error"]["Message"], PENDING % (self.app_id, "base"))
        self.wait_for_job(self.app_id, "dev", created["JobId"])
        self.wait_for_job(self.app_id, "base", deleting["JobId"])
        self.assertEqual(self.client.get_backend(AppId=self.app_id)["BackendEnvironmentList"],
                         ["dev"])

    def test_other_environments_are_not_blocked(self):
        first = self.create_backend(self.app_id, "one")
        second = self.create_backend(self.app_id, "two")
        self.assertEqual((first["Status"], second["Status"]), ("RUNNING", "RUNNING"))
        self.wait_for_job(self.app_id, "one", first["JobId"])
        self.wait_for_job(self.app_id, "two", second["JobId"])
        self.assertEqual(self.client.get_backend(AppId=self.app_id)["BackendEnvironmentList"],
                         ["base", "one", "two"])

    def test_app_level_and_environment_jobs_wait_for_each_other(self):
        created = self.create_backend(self.app_id, "dev")
        response = self.assertAwsError("BadRequestException", self.client.remove_all_backends,
                                       AppId=self.app_id, status=400)
        self.assertIn("pending job", response["Error"]["Message"])
        self.wait_for_job(self.app_id, "dev", created["JobId"])
        removing = self.client.remove_all_backends(AppId=self.app_id)
        self.assertEqual(removing["Status"], "RUNNING")
        self.assertAwsError("BadRequestException", self.create_backend, self.app_id, "qa",
                            status=400)
        self.wait_for_job(self.app_id, "dev", removing["JobId"])
        self.assertEqual(self.client.get_backend(AppId=self.app_id)["BackendEnvironmentList"], [])

    def test_a_relabelled_running_job_still_completes(self):
        created = self.create_backend(self.app_id, "dev")
        relabelled = self.client.update_backend_job(AppId=self.app_id,
                                                    BackendEnvironmentName="dev",
                                                    JobId=created["JobId"], Operation="Audited")
        self.assertEqual((relabelled["Operation"], relabelled["Status"]), ("Audited", "RUNNING"))
        job = self.wait_for_job(self.app_id, "dev", created["JobId"])
        self.assertEqual(job["Operation"], "Audited")
        self.assertEqual(self.client.get_backend(AppId=self.app_id)["BackendEnvironmentList"],
                         ["base", "dev"])

    def test_an_ended_job_never_runs_again(self):
        created = self.create_backend(self.app_id, "dev")
        self.client.update_backend_job(AppId=self.app_id, BackendEnvironmentName="dev",
                                       JobId=created["JobId"], Status="FAILED")
        response = self.assertAwsError("BadRequestException", self.client.update_backend_job,
                                       AppId=self.app_id, BackendEnvironmentName="dev",
                                       JobId=created["JobId"], Status="RUNNING", status=400)
        self.assertIn("FAILED to RUNNING", response["Error"]["Message"])
        # The environment is free: the abandoned job's change never applies.
        self.assertEqual(self.create_backend(self.app_id, "dev")["Status"], "RUNNING")

    def test_job_set_to_failed_is_not_completed_by_the_engine(self):
        created = self.create_backend(self.app_id, "dev")
        self.client.update_backend_job(AppId=self.app_id, BackendEnvironmentName="dev",
                                       JobId=created["JobId"], Status="FAILED")
        time.sleep(1.5)
        job = self.client.get_backend_job(AppId=self.app_id, BackendEnvironmentName="dev",
                                          JobId=created["JobId"])
        self.assertEqual(job["Status"], "FAILED")


if __name__ == "__main__":
    unittest.main()
