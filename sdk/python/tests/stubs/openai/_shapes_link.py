from _shapes import AsyncStream, Obj, Queue, Stream  # noqa: F401
