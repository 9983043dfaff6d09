"""`pip install ./sdk/python` gives a working package (Debian's pip, offline, into a scratch folder)."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SDK = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, with python3-pip, -setuptools and -wheel from scripts/setup


class InstallTest(unittest.TestCase):
    def test_pip_install_from_the_source_folder(self):
        with tempfile.TemporaryDirectory() as scratch:
            source = os.path.join(scratch, "src")
            shutil.copytree(SDK, source, ignore=shutil.ignore_patterns("tests", "build", "*.egg-info", "__pycache__"))
            target = os.path.join(scratch, "site")
            result = subprocess.run([SYSTEM_PYTHON, "-m", "pip", "install", "--quiet", "--no-index", "--no-build-isolation",
                                     "--target", target, source], capture_output=True, text=True, timeout=180)
            self.assertEqual(result.returncode, 0, result.stderr)
            check = subprocess.run([SYSTEM_PYTHON, "-c", "import sys; sys.path.insert(0, %r); import clevagent; "
                                    "print(clevagent.__version__, clevagent.__file__)" % target],
                                   capture_output=True, text=True, timeout=60)
            self.assertEqual(check.returncode, 0, check.stderr)
            version, path = check.stdout.split()
            self.assertEqual(version, "0.5.0")
            self.assertTrue(path.startswith(target), path)
            # Standard library only: nothing else was installed.
            self.assertEqual(sorted(n for n in os.listdir(target) if not n.endswith(".dist-info")), ["clevagent"])


if __name__ == "__main__":
    unittest.main()
