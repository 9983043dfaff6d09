# SPDX-License-Identifier: MIT
"""auto_cost: usage of OpenAI and Anthropic calls, recorded without the agent's help.

Patches, once per process, the `create` methods of the official SDKs' resource classes (sync and
async): OpenAI chat completions and Responses, Anthropic messages, streaming included. Token buckets:

- OpenAI reports cached prompt tokens *inside* `prompt_tokens` / `input_tokens`
  (`*_tokens_details.cached_tokens`): they are moved to the cache-read bucket.
- Anthropic reports `cache_read_input_tokens` and `cache_creation_input_tokens` *beside*
  `input_tokens`: each goes to its own bucket.
- Anthropic streams repeat the cumulative usage in each `message_delta`: the last value is taken,
  not the sum.

Each response's id (`chatcmpl-…`, `resp_…`, `msg_…`) goes to the ledger (_ledger.py), so that a
framework integration reporting the same call (LangChain's callback) does not count it again, and a
call an integration counted first is not counted here.
"""
import functools
import importlib
import logging

from . import _ledger

log = logging.getLogger("clevagent")

_record = None  # callable(input, output, cache_read, cache_write, model, tool_calls)
_patched = set()


def _get(obj, name, default=None):
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _safe_record(ids=(), **kwargs):
    if _record is None:
        return
    try:
        buckets = tuple(kwargs.get(k, 0) or 0 for k in ("input_tokens", "output_tokens", "cache_read", "cache_write"))
        if _ledger.LEDGER.claim(_ledger.AUTO, ids, buckets, tool_calls=kwargs.get("tool_calls", 0)) is not None:
            return  # an integration counted this call already
        _record(**kwargs)
    except Exception:
        log.debug("clevagent: could not record usage", exc_info=True)


# ---- OpenAI ------------------------------------------------------------------------------------

def _ids(*values):
    return tuple(v for v in values if isinstance(v, str) and v)


def _openai_usage(usage, model, tool_calls, ids=()):
    if usage is None:
        return
    prompt = _get(usage, "prompt_tokens")
    if prompt is None:
        prompt = _get(usage, "input_tokens", 0)  # Responses API
        details = _get(usage, "input_tokens_details")
        completion = _get(usage, "output_tokens", 0)
    else:
        details = _get(usage, "prompt_tokens_details")
        completion = _get(usage, "completion_tokens", 0)
    cached = _get(details, "cached_tokens", 0) or 0
    _safe_record(ids, input_tokens=max(0, (prompt or 0) - cached), output_tokens=completion or 0, cache_read=cached,
                 cache_write=0, model=model, tool_calls=tool_calls)


def _chat_tool_calls(response):
    count = 0
    for choice in _get(response, "choices", None) or []:
        message = _get(choice, "message")
        count += len(_get(message, "tool_calls", None) or [])
    return count


def _responses_tool_calls(response):
    return sum(1 for item in (_get(response, "output", None) or [])
               if str(_get(item, "type", "")).endswith("_call"))


class _ChatStreamTracker:
    def __init__(self):
        self.usage = None
        self.model = None
        self.id = None
        self.tool_ids = set()

    def see(self, chunk):
        self.model = _get(chunk, "model", self.model)
        self.id = _get(chunk, "id", None) or self.id
        if _get(chunk, "usage") is not None:
            self.usage = _get(chunk, "usage")
        for choice in _get(chunk, "choices", None) or []:
            for call in _get(_get(choice, "delta"), "tool_calls", None) or []:
                self.tool_ids.add((_get(choice, "index", 0), _get(call, "index", 0)))

    def done(self):
        if self.usage is not None:
            _openai_usage(self.usage, self.model, len(self.tool_ids), _ids(self.id))
        elif self.tool_ids:
            _safe_record(_ids(self.id), tool_calls=len(self.tool_ids), model=self.model)


class _ResponsesStreamTracker:
    def __init__(self):
        self.response = None

    def see(self, event):
        if str(_get(event, "type", "")) in ("response.completed", "response.incomplete", "response.failed"):
            self.response = _get(event, "response")

    def done(self):
        if self.response is not None:
            _openai_usage(_get(self.response, "usage"), _get(self.response, "model"), _responses_tool_calls(self.response),
                          _ids(_get(self.response, "id")))


# ---- Anthropic ---------------------------------------------------------------------------------

def _anthropic_usage(usage, model, tool_calls, ids=()):
    if usage is None:
        return
    _safe_record(ids, input_tokens=_get(usage, "input_tokens", 0) or 0, output_tokens=_get(usage, "output_tokens", 0) or 0,
                 cache_read=_get(usage, "cache_read_input_tokens", 0) or 0,
                 cache_write=_get(usage, "cache_creation_input_tokens", 0) or 0, model=model, tool_calls=tool_calls)


def _anthropic_tool_calls(message):
    return sum(1 for block in (_get(message, "content", None) or []) if _get(block, "type") == "tool_use")


class _AnthropicStreamTracker:
    def __init__(self):
        self.model = None
        self.id = None
        self.input = 0
        self.output = 0
        self.cache_read = 0
        self.cache_write = 0
        self.tools = 0

    def _take(self, usage):
        # Every figure Anthropic sends is cumulative: keep the latest, never add.
        for attr, name in (("input", "input_tokens"), ("output", "output_tokens"),
                           ("cache_read", "cache_read_input_tokens"), ("cache_write", "cache_creation_input_tokens")):
            value = _get(usage, name)
            if value is not None:
                setattr(self, attr, value)

    def see(self, event):
        kind = _get(event, "type")
        if kind == "message_start":
            message = _get(event, "message")
            self.model = _get(message, "model", self.model)
            self.id = _get(message, "id", None) or self.id
            self._take(_get(message, "usage"))
        elif kind == "message_delta":
            self._take(_get(event, "usage"))
        elif kind == "content_block_start" and _get(_get(event, "content_block"), "type") == "tool_use":
            self.tools += 1

    def done(self):
        _safe_record(_ids(self.id), input_tokens=self.input, output_tokens=self.output, cache_read=self.cache_read,
                     cache_write=self.cache_write, model=self.model, tool_calls=self.tools)


# ---- stream wrappers ---------------------------------------------------------------------------

class _TrackedStream:
    """Passes the SDK's stream through unchanged while a tracker watches it; records once at the end."""

    def __init__(self, stream, tracker):
        self._stream = stream
        self._tracker = tracker
        self._finished = False

    def _finish(self):
        if not self._finished:
            self._finished = True
            self._tracker.done()

    def __iter__(self):
        try:
            for item in self._stream:
                self._tracker.see(item)
                yield item
        finally:
            self._finish()

    def __next__(self):
        try:
            item = next(self._stream)
        except StopIteration:
            self._finish()
            raise
        self._tracker.see(item)
        return item

    def __enter__(self):
        if hasattr(self._stream, "__enter__"):
            self._stream.__enter__()
        return self

    def __exit__(self, *exc):
        self._finish()
        if hasattr(self._stream, "__exit__"):
            return self._stream.__exit__(*exc)
        return False

    def close(self):
        self._finish()
        if hasattr(self._stream, "close"):
            self._stream.close()

    def __getattr__(self, name):
        return getattr(self._stream, name)


class _TrackedAsyncStream(_TrackedStream):
    def __aiter__(self):
        return self._agen()

    async def _agen(self):
        try:
            async for item in self._stream:
                self._tracker.see(item)
                yield item
        finally:
            self._finish()

    async def __aenter__(self):
        if hasattr(self._stream, "__aenter__"):
            await self._stream.__aenter__()
        return self

    async def __aexit__(self, *exc):
        self._finish()
        if hasattr(self._stream, "__aexit__"):
            return await self._stream.__aexit__(*exc)
        return False


# ---- patching ----------------------------------------------------------------------------------

def _wrap(original, on_result, tracker_type, is_async):
    if is_async:
        @functools.wraps(original)
        async def wrapper(*args, **kwargs):
            result = await original(*args, **kwargs)
            if kwargs.get("stream"):
                return _TrackedAsyncStream(result, tracker_type())
            on_result(result)
            return result
    else:
        @functools.wraps(original)
        def wrapper(*args, **kwargs):
            result = original(*args, **kwargs)
            if kwargs.get("stream"):
                return _TrackedStream(result, tracker_type())
            on_result(result)
            return result
    wrapper.__clevagent_patched__ = True
    return wrapper


def _chat_result(response):
    _openai_usage(_get(response, "usage"), _get(response, "model"), _chat_tool_calls(response), _ids(_get(response, "id")))


def _responses_result(response):
    _openai_usage(_get(response, "usage"), _get(response, "model"), _responses_tool_calls(response),
                  _ids(_get(response, "id")))


def _anthropic_result(message):
    _anthropic_usage(_get(message, "usage"), _get(message, "model"), _anthropic_tool_calls(message),
                     _ids(_get(message, "id")))


TARGETS = (
    # module, class, is_async, result handler, stream tracker
    ("openai.resources.chat.completions", "Completions", False, _chat_result, _ChatStreamTracker),
    ("openai.resources.chat.completions", "AsyncCompletions", True, _chat_result, _ChatStreamTracker),
    ("openai.resources.responses", "Responses", False, _responses_result, _ResponsesStreamTracker),
    ("openai.resources.responses", "AsyncResponses", True, _responses_result, _ResponsesStreamTracker),
    ("anthropic.resources.messages", "Messages", False, _anthropic_result, _AnthropicStreamTracker),
    ("anthropic.resources.messages", "AsyncMessages", True, _anthropic_result, _AnthropicStreamTracker),
)


def enable(record):
    """Points recording at `record` and patches what is installed (once per class)."""
    global _record
    _record = record
    patched = []
    for module_name, class_name, is_async, on_result, tracker in TARGETS:
        key = (module_name, class_name)
        if key in _patched:
            patched.append("%s.%s" % key)
            continue
        try:
            module = importlib.import_module(module_name)
            cls = getattr(module, class_name)
        except (ImportError, AttributeError):
            continue
        original = cls.__dict__.get("create")
        if original is None or getattr(original, "__clevagent_patched__", False):
            continue
        cls.create = _wrap(original, on_result, tracker, is_async)
        _patched.add(key)
        patched.append("%s.%s" % key)
    return patched


def disable():
    """Stops recording (the patches stay, doing nothing)."""
    global _record
    _record = None
