# SPDX-License-Identifier: MIT
"""Attribute-access objects shaped like the SDKs' pydantic models (tests only)."""


class Obj:
    def __init__(self, **fields):
        self.__dict__.update(fields)

    def __repr__(self):
        return "Obj(%r)" % self.__dict__


class Stream:
    """Like openai.Stream / anthropic.Stream: iterable, a context manager, closable."""

    def __init__(self, items):
        self._items = list(items)
        self.closed = False

    def __iter__(self):
        for item in self._items:
            yield item

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.closed = True
        return False

    def close(self):
        self.closed = True


class AsyncStream(Stream):
    def __aiter__(self):
        return self._gen()

    async def _gen(self):
        for item in self._items:
            yield item


class Queue:
    """What the next create() returns, set by the test."""
    responses = []

    @classmethod
    def take(cls):
        return cls.responses.pop(0)
