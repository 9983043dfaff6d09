# SPDX-License-Identifier: MIT
"""ClevAgent callback handler for LangChain and LangGraph.

    from clevagent.integrations.langchain import ClevAgentCallbackHandler

    handler = ClevAgentCallbackHandler()
    llm = ChatOpenAI(callbacks=[handler])                      # this model's calls
    graph.invoke(inputs, config={"callbacks": [handler]})      # or everything a chain or graph runs

What it reports:

- LLM end: the call's tokens (input, output, cache read, cache write) and model, from the message's
  `usage_metadata` (where every chat model, Anthropic's included, reports usage), else from
  `llm_output["token_usage"]` (OpenAI's format; completion LLMs) or `llm_output["usage"]` (a raw
  Anthropic usage); then a ping (ping_on_llm_end).
  A call that auto_cost captured already (LangChain used the OpenAI / Anthropic SDK) is not counted
  again: it is recognised by its response id, which LangChain passes on (`llm_output["id"]`,
  `response_metadata["id"]`, the message id), or, without one, by its usage (clevagent/_ledger.py).
- tool start: log_tool_call(name, arguments), the input of the tool-call loop rule.
- errors: an LLM error, or an error that ends the outermost chain or graph, is an `error` beat with the
  exception's type and message; a tool's error a `warning` beat (agents often recover from it).
  LangGraph's interrupts are not errors.
- chain end: a ping when the outermost chain or graph finishes, if ping_on_chain_end.

The class derives from LangChain's BaseCallbackHandler when langchain_core is installed (so callback
lists that check the type take it); without LangChain it is a plain class with the same attributes.
"""
import collections
import logging
import threading

import clevagent
from . import _common
from ._common import get

log = logging.getLogger("clevagent")

try:  # the framework is optional: imported here, never by `import clevagent`
    from langchain_core.callbacks import BaseCallbackHandler as _Base
except ImportError:
    try:
        from langchain.callbacks.base import BaseCallbackHandler as _Base  # LangChain before langchain_core
    except ImportError:
        class _Base:
            """What LangChain's callback managers read from a handler, for use without LangChain."""
            raise_error = False
            run_inline = False
            ignore_llm = ignore_retry = ignore_chain = ignore_agent = ignore_retriever = False
            ignore_chat_model = ignore_custom_event = False

SOURCE = "langchain"
MAX_RUNS = 1000  # runs whose model or tool name is remembered between their start and end

# LangChain names messages it has no provider id for "run-<uuid>-<n>" or "lc_run--<uuid>-<n>".
_OWN_ID_PREFIXES = ("run-", "lc_")


def _provider_ids(candidates):
    return [i for i in candidates if isinstance(i, str) and i and not i.startswith(_OWN_ID_PREFIXES)]


def _model_of(metadata):
    for key in ("model_name", "model", "model_id", "ls_model_name"):
        value = get(metadata, key)
        if isinstance(value, str) and value:
            return value
    return None


def _int(value):
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        return 0


def buckets_from_usage_metadata(usage):
    """LangChain's UsageMetadata: input_tokens *includes* the cached tokens, itemised in input_token_details
    (cache_read; cache_creation, or since langchain-anthropic 0.3.x its split ephemeral_5m/1h_input_tokens)."""
    details = get(usage, "input_token_details") or {}
    cache_read = _int(get(details, "cache_read"))
    split = _int(get(details, "ephemeral_5m_input_tokens")) + _int(get(details, "ephemeral_1h_input_tokens"))
    cache_write = max(_int(get(details, "cache_creation")), split)  # the split details the total, when both are there
    input_tokens = max(0, _int(get(usage, "input_tokens")) - cache_read - cache_write)
    buckets = (input_tokens, _int(get(usage, "output_tokens")), cache_read, cache_write)
    if any(buckets):
        return buckets, None
    return None, _int(get(usage, "total_tokens")) or None


def buckets_from_raw(usage):
    """A provider's own usage as LangChain keeps it in llm_output: OpenAI chat ("token_usage": prompt_tokens
    with the cached ones inside), OpenAI Responses (input_tokens_details.cached_tokens inside) or Anthropic
    ("usage": cache_read/creation_input_tokens beside input_tokens)."""
    if not usage:
        return None, None
    if get(usage, "prompt_tokens") is not None or get(usage, "completion_tokens") is not None:
        cached = _int(get(get(usage, "prompt_tokens_details"), "cached_tokens"))
        buckets = (max(0, _int(get(usage, "prompt_tokens")) - cached), _int(get(usage, "completion_tokens")), cached, 0)
    elif get(usage, "input_tokens_details") is not None:
        cached = _int(get(get(usage, "input_tokens_details"), "cached_tokens"))
        buckets = (max(0, _int(get(usage, "input_tokens")) - cached), _int(get(usage, "output_tokens")), cached, 0)
    else:
        buckets = (_int(get(usage, "input_tokens")), _int(get(usage, "output_tokens")),
                   _int(get(usage, "cache_read_input_tokens")), _int(get(usage, "cache_creation_input_tokens")))
    if any(buckets):
        return buckets, None
    return None, _int(get(usage, "total_tokens")) or None


def calls_of(response):
    """The model calls an LLMResult reports: [(ids, buckets, total, model)], one per prompt (LangChain
    passes each prompt's result on its own). The usage is taken from one place only, never added up:
    OpenAI's n > 1 copies the call's usage_metadata onto every candidate message."""
    llm_output = get(response, "llm_output") or {}
    generations = get(response, "generations") or []
    output_model = _model_of(llm_output)
    output_ids = [get(llm_output, "id")]
    found = []
    for prompt in generations:
        candidates = prompt if isinstance(prompt, (list, tuple)) else [prompt]
        ids, usage, model = [], None, None
        for generation in candidates:
            message = get(generation, "message")
            metadata = get(message, "response_metadata") or {}
            info = get(generation, "generation_info") or {}
            ids += [get(message, "id"), get(metadata, "id"), get(info, "id")]
            usage = usage or get(message, "usage_metadata") or None
            model = model or _model_of(metadata) or _model_of(info)
        found.append((ids, usage, model))
    single = len(found) <= 1
    calls = []
    for ids, usage, model in found:
        if usage:
            buckets, total = buckets_from_usage_metadata(usage)
            if buckets or total:
                calls.append((_provider_ids(ids + (output_ids if single else [])), buckets, total, model or output_model))
    if not calls:
        buckets, total = buckets_from_raw(get(llm_output, "token_usage") or get(llm_output, "usage"))
        if buckets or total:
            ids = output_ids + (found[0][0] if single and found else [])
            model = output_model or (found[0][2] if single and found else None)
            calls.append((_provider_ids(ids), buckets, total, model))
    return calls


class ClevAgentCallbackHandler(_Base):
    """LangChain callback handler that reports to ClevAgent (see the module's documentation)."""

    def __init__(self, ping_on_llm_end=True, ping_on_chain_end=False):
        super().__init__()
        self.ping_on_llm_end = ping_on_llm_end
        self.ping_on_chain_end = ping_on_chain_end
        self._lock = threading.Lock()
        self._runs = collections.OrderedDict()  # run_id -> model name (LLM runs) or tool name (tool runs)

    # LangChain copies configs, and a handler is a sink shared by the copies.
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _remember(self, run_id, value):
        if run_id is None or not value:
            return
        with self._lock:
            self._runs[run_id] = value
            while len(self._runs) > MAX_RUNS:
                self._runs.popitem(last=False)

    def _forget(self, run_id):
        with self._lock:
            return self._runs.pop(run_id, None)

    # ---- model calls ---------------------------------------------------------------------------------
    def _on_start(self, serialized, run_id, kwargs):
        params = kwargs.get("invocation_params") or {}
        self._remember(run_id, _model_of(params) or _model_of(kwargs.get("metadata")) or _model_of(get(serialized, "kwargs")))

    def on_chat_model_start(self, serialized, messages, *, run_id=None, parent_run_id=None, **kwargs):
        self._safely(self._on_start, serialized, run_id, kwargs)

    def on_llm_start(self, serialized, prompts, *, run_id=None, parent_run_id=None, **kwargs):
        self._safely(self._on_start, serialized, run_id, kwargs)

    def on_llm_end(self, response, *, run_id=None, parent_run_id=None, **kwargs):
        self._safely(self._llm_end, response, run_id)

    def _llm_end(self, response, run_id):
        started_model = self._forget(run_id)
        tokens, model = 0, None
        for ids, buckets, total, call_model in calls_of(response):
            model = call_model or started_model
            _common.count_call(SOURCE, ids, buckets, total, model)
            tokens += sum(buckets) if buckets else total
        model = model or started_model
        if self.ping_on_llm_end:
            described = "LLM call done" + (": %s" % model if model else "") + (", %d tokens" % tokens if tokens else "")
            clevagent.ping(message=_common.summary(described))

    def on_llm_error(self, error, *, run_id=None, parent_run_id=None, **kwargs):
        self._forget(run_id)
        self._safely(_common.report_error, "LLM error", error)

    # ---- chains and graphs ---------------------------------------------------------------------------
    def on_chain_end(self, outputs, *, run_id=None, parent_run_id=None, **kwargs):
        if self.ping_on_chain_end and parent_run_id is None:
            self._safely(clevagent.ping, message="chain completed")

    def on_chain_error(self, error, *, run_id=None, parent_run_id=None, **kwargs):
        # Only where the error leaves LangChain: inner chains see the same exception on its way up, and
        # a retry or fallback around them may still recover.
        if parent_run_id is None:
            self._safely(_common.report_error, "chain error", error)

    # ---- tools ------------------------------------------------------------------------------------------
    def on_tool_start(self, serialized, input_str, *, run_id=None, parent_run_id=None, inputs=None, **kwargs):
        self._safely(self._tool_start, serialized, input_str, run_id, inputs, kwargs)

    def _tool_start(self, serialized, input_str, run_id, inputs, kwargs):
        name = get(serialized, "name") or kwargs.get("name") or "tool"
        self._remember(run_id, name)
        _common.log_tool(name, inputs if isinstance(inputs, dict) else input_str)

    def on_tool_end(self, output, *, run_id=None, parent_run_id=None, **kwargs):
        self._forget(run_id)

    def on_tool_error(self, error, *, run_id=None, parent_run_id=None, **kwargs):
        name = self._forget(run_id) or "tool"
        self._safely(_common.report_error, "tool %s failed" % name, error, "warning")

    @staticmethod
    def _safely(function, *args, **kwargs):
        # A monitoring callback must never break the agent (LangChain would log it, or raise it with
        # raise_error); AgentStopRequested is a BaseException and goes through.
        try:
            return function(*args, **kwargs)
        except Exception:
            log.debug("clevagent: LangChain callback failed", exc_info=True)
            return None


__all__ = ["ClevAgentCallbackHandler"]
