# SPDX-License-Identifier: MIT
"""`pip install ./sdk/python` as a user on Debian 12 does it: into a fresh virtual environment (Debian's
system Python refuses pip, PEP 668), offline (no index), with pip's default build isolation. The SDK's
own build backend needs nothing from PyPI."""
import os
import shutil
import subprocess
import tempfile
import unittest

SDK = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, with python3-venv from scripts/setup
INTEGRATIONS = ("__init__", "_common", "langchain", "crewai", "langgraph", "autogen")
INTEGRATIONS_IMPORT = """
import clevagent.integrations
from clevagent.integrations.langchain import ClevAgentCallbackHandler
from clevagent.integrations.crewai import clevagent_step_callback
from clevagent.integrations.langgraph import clevagent_node_callback, monitored_node
from clevagent.integrations.autogen import clevagent_reply_func, monitored_chat, monitored_stream, clevagent_event
ClevAgentCallbackHandler().on_tool_start({"name": "t"}, "x", run_id=None)  # before init(): nothing, no error
print(clevagent.integrations.__file__, "ok")
"""


class InstallTest(unittest.TestCase):
    def run_ok(self, *args, **kw):
        env = dict(os.environ, PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
        env.pop("PIP_FIND_LINKS", None)
        result = subprocess.run(list(args), capture_output=True, text=True, timeout=180, env=env, **kw)
        self.assertEqual(result.returncode, 0, "%s\n%s\n%s" % (args, result.stdout, result.stderr))
        return result.stdout

    def test_pip_install_into_a_fresh_venv_offline(self):
        with tempfile.TemporaryDirectory() as scratch:
            source = os.path.join(scratch, "src")
            shutil.copytree(SDK, source, ignore=shutil.ignore_patterns("tests", "build", "*.egg-info", "__pycache__"))
            venv = os.path.join(scratch, "venv")
            self.run_ok(SYSTEM_PYTHON, "-m", "venv", venv)
            python = os.path.join(venv, "bin", "python")
            before = set(self.run_ok(python, "-m", "pip", "list", "--format=freeze").split())
            self.run_ok(python, "-m", "pip", "install", source)
            version, path = self.run_ok(python, "-c", "import clevagent; print(clevagent.__version__, clevagent.__file__)",
                                        cwd=scratch).split()
            self.assertEqual(version, "0.5.0")
            self.assertTrue(path.startswith(venv), path)
            # The framework adapters import from the installed package, without any framework installed.
            out = self.run_ok(python, "-c", INTEGRATIONS_IMPORT, cwd=scratch)
            self.assertEqual(out.split(), [os.path.join(os.path.dirname(path), "integrations", "__init__.py"), "ok"])
            # Standard library only: nothing else was installed.
            after = set(self.run_ok(python, "-m", "pip", "list", "--format=freeze").split())
            self.assertEqual(sorted(after - before), ["clevagent==0.5.0"])
            # And it goes away cleanly.
            self.run_ok(python, "-m", "pip", "uninstall", "-y", "clevagent")
            site = os.path.dirname(os.path.dirname(path))
            self.assertFalse(os.path.exists(os.path.join(site, "clevagent")))

    def test_wheel_is_built_without_pypi(self):
        with tempfile.TemporaryDirectory() as scratch:
            out = os.path.join(scratch, "dist")
            venv = os.path.join(scratch, "venv")
            self.run_ok(SYSTEM_PYTHON, "-m", "venv", venv)
            self.run_ok(os.path.join(venv, "bin", "python"), "-m", "pip", "wheel", "--no-deps", "-w", out, SDK)
            wheels = os.listdir(out)
            self.assertEqual(wheels, ["clevagent-0.5.0-py3-none-any.whl"])
            import zipfile
            names = zipfile.ZipFile(os.path.join(out, wheels[0])).namelist()
            self.assertIn("clevagent/__init__.py", names)
            for module in INTEGRATIONS:
                self.assertIn("clevagent/integrations/%s.py" % module, names)
            self.assertIn("clevagent/_ledger.py", names)
            self.assertIn("clevagent-0.5.0.dist-info/RECORD", names)
            self.assertFalse([n for n in names if "tests" in n or n.startswith("_build")], names)


if __name__ == "__main__":
    unittest.main()
