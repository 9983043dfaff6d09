# SPDX-License-Identifier: MIT
"""The SDK's PEP 517 build backend: standard library only, so `pip install ./sdk/python` works offline
and in a fresh virtual environment (setuptools as a build requirement made pip download it first, and
Debian's system Python refuses pip outright). It builds a pure-Python wheel and an sdist of the
`clevagent` package, with the metadata of pyproject.toml's [project] table."""
import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "clevagent"


def _project():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        text = f.read().decode("utf-8")
    try:
        import tomllib  # Python 3.11+
        return tomllib.loads(text)["project"]
    except ImportError:  # older Pythons: the few plain `key = "value"` lines this file uses
        table = text.split("[project]", 1)[1].split("\n[", 1)[0]
        return {k: v for k, v in re.findall(r'^(\w[\w-]*)\s*=\s*"([^"]*)"\s*$', table, re.M)}


def _metadata():
    p = _project()
    lines = ["Metadata-Version: 2.1", "Name: %s" % p["name"], "Version: %s" % p["version"],
             "Summary: %s" % p.get("description", ""), "Requires-Python: %s" % p.get("requires-python", ">=3.8"),
             "License: MIT", "Description-Content-Type: text/markdown"]
    for c in p.get("classifiers", []) if isinstance(p.get("classifiers"), list) else []:
        lines.append("Classifier: %s" % c)
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    return p["name"], p["version"], "\n".join(lines) + "\n\n" + readme


def _sources():
    """The package's modules, subpackages (clevagent.integrations) included."""
    top = os.path.join(ROOT, PACKAGE)
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and os.path.exists(os.path.join(folder, d, "__init__.py")))
        relative = os.path.relpath(folder, ROOT).replace(os.sep, "/")
        for name in sorted(files):
            if name.endswith(".py"):
                yield "%s/%s" % (relative, name)


def _record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (path, digest, len(data))


def _dist_info_files(name, version):
    _, _, metadata = _metadata()
    wheel = "Wheel-Version: 1.0\nGenerator: clevagent-backend\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    return {"METADATA": metadata.encode("utf-8"), "WHEEL": wheel.encode(), "top_level.txt": (PACKAGE + "\n").encode()}


def get_requires_for_build_wheel(config_settings=None):
    return []


get_requires_for_build_sdist = get_requires_for_build_editable = get_requires_for_build_wheel


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    name, version, _ = _metadata()
    dist_info = "%s-%s.dist-info" % (name, version)
    os.makedirs(os.path.join(metadata_directory, dist_info), exist_ok=True)
    for fname, data in _dist_info_files(name, version).items():
        with open(os.path.join(metadata_directory, dist_info, fname), "wb") as f:
            f.write(data)
    return dist_info


def _write_wheel(directory, files):
    name, version, _ = _metadata()
    dist_info = "%s-%s.dist-info" % (name, version)
    filename = "%s-%s-py3-none-any.whl" % (name, version)
    records = []
    with zipfile.ZipFile(os.path.join(directory, filename), "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in list(files.items()) + [("%s/%s" % (dist_info, k), v)
                                                 for k, v in _dist_info_files(name, version).items()]:
            info = zipfile.ZipInfo(path, date_time=(2020, 1, 1, 0, 0, 0))  # reproducible
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
            records.append(_record_line(path, data))
        records.append("%s/RECORD,," % dist_info)
        info = zipfile.ZipInfo("%s/RECORD" % dist_info, date_time=(2020, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        z.writestr(info, "\n".join(records) + "\n")
    return filename


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    files = {}
    for path in _sources():
        with open(os.path.join(ROOT, path), "rb") as f:
            files[path] = f.read()
    return _write_wheel(wheel_directory, files)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    # PEP 660: a .pth file that puts the source folder on sys.path.
    return _write_wheel(wheel_directory, {"_clevagent_editable.pth": (ROOT + "\n").encode()})


def build_sdist(sdist_directory, config_settings=None):
    name, version, metadata = _metadata()
    base = "%s-%s" % (name, version)
    filename = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as t:
        members = ["pyproject.toml", "README.md", "_build/backend.py"] + list(_sources())
        for path in members:
            t.add(os.path.join(ROOT, path), arcname="%s/%s" % (base, path))
        data = metadata.encode("utf-8")
        info = tarfile.TarInfo("%s/PKG-INFO" % base)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
    return filename
