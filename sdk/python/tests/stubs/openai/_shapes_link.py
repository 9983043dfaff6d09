# SPDX-License-Identifier: MIT
from _shapes import AsyncStream, Obj, Queue, Stream  # noqa: F401
