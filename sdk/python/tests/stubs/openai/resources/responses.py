# SPDX-License-Identifier: MIT
from .._shapes_link import AsyncStream, Queue, Stream


class Responses:
    def create(self, **kwargs):
        result = Queue.take()
        return Stream(result) if kwargs.get("stream") else result


class AsyncResponses:
    async def create(self, **kwargs):
        result = Queue.take()
        return AsyncStream(result) if kwargs.get("stream") else result
