# SPDX-License-Identifier: MIT
from ..._shapes_link import AsyncStream, Queue, Stream


class Completions:
    calls = 0

    def create(self, **kwargs):
        Completions.calls += 1
        result = Queue.take()
        return Stream(result) if kwargs.get("stream") else result


class AsyncCompletions:
    async def create(self, **kwargs):
        result = Queue.take()
        return AsyncStream(result) if kwargs.get("stream") else result
