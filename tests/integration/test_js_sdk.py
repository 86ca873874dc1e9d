"""Runs the AWS SDK for JavaScript v3 suites (js/*.test.mjs, `node --test`) against a server
started by the shared harness. Installs the pinned packages with `npm ci` when node_modules is
missing; skips (saying why) only when node or npm is unavailable."""
import glob
import os
import shutil
import subprocess
import unittest

from harness import ServerTestCase

JS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "js")
SDK_PACKAGE = os.path.join(JS_DIR, "node_modules", "@aws-sdk", "client-amplifybackend")


class JsSdkTest(ServerTestCase):

    @classmethod
    def setUpClass(cls):
        node, npm = shutil.which("node"), shutil.which("npm")
        if node is None:
            raise unittest.SkipTest("node is not installed (tools/setup.sh installs it): "
                                    "JS SDK v3 suite not run")
        if not os.path.isdir(SDK_PACKAGE):
            if npm is None:
                raise unittest.SkipTest("npm is not installed and %s has no node_modules: "
                                        "JS SDK v3 suite not run" % JS_DIR)
            proc = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=JS_DIR,
                                  capture_output=True, text=True, timeout=600)
            if proc.returncode != 0:
                raise RuntimeError("npm ci failed in %s:\n%s%s" % (JS_DIR, proc.stdout, proc.stderr))
        cls.node = node
        super().setUpClass()

    def test_js_sdk_suite(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env["AMPLIFYBACKEND_ENDPOINT"] = self.server.url
        suites = sorted(os.path.basename(p) for p in glob.glob(os.path.join(JS_DIR, "*.test.mjs")))
        self.assertTrue({"backend.test.mjs", "resources.test.mjs", "models.test.mjs"} <= set(suites), suites)
        proc = subprocess.run([self.node, "--test"] + suites, cwd=JS_DIR, env=env,
                              capture_output=True, text=True, timeout=300)
        print(proc.stdout[-6000:])
        self.assertEqual(proc.returncode, 0, "node --test failed:\n%s\n%s"
                         % (proc.stdout[-8000:], proc.stderr[-4000:]))


if __name__ == "__main__":
    unittest.main()
