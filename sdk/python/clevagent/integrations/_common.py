# SPDX-License-Identifier: MIT
"""What the framework adapters share: bounded texts, usage counted once, tool calls, errors."""
import hashlib
import json
import logging
import threading

import clevagent
from .. import _ledger

log = logging.getLogger("clevagent")

MESSAGE_LIMIT = 300   # characters of a step summary or message sent as a beat's message
ERROR_LIMIT = 500     # characters of an error beat's message
ARGS_LIMIT = 200      # what the SDK keeps of a tool call's arguments

# Exceptions that are not failures: LangGraph's interrupts and hand-offs travel as exceptions, and a stop
# that ClevAgent asked for or the user's Ctrl-C are reported by the SDK itself.
_CONTROL_FLOW = {"GraphBubbleUp", "GraphInterrupt", "NodeInterrupt", "ParentCommand", "CancelledError"}


def get(obj, name, default=None):
    """obj[name] for a dict, obj.name otherwise (the frameworks' shapes are pydantic models or dicts)."""
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(name, default)
    try:
        return getattr(obj, name, default)
    except Exception:  # a property that raises
        return default


def summary(value, limit=MESSAGE_LIMIT):
    """One line of at most `limit` characters (whitespace collapsed, "…" where it was cut)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        try:
            value = json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, (dict, list)) else str(value)
        except Exception:
            value = repr(value)
    text = " ".join(value.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def args_summary(args):
    """A tool call's arguments as the loop detector compares them: the same arguments give the same text,
    and different long ones stay different (cut to 200 characters with a hash of the whole)."""
    if args is None:
        return None
    if isinstance(args, str):
        text = args
    else:
        try:
            text = json.dumps(args, sort_keys=True, ensure_ascii=False, default=str)
        except Exception:
            text = str(args)
    if len(text) <= ARGS_LIMIT:
        return text
    digest = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:16]
    return text[:ARGS_LIMIT - len(digest) - 2] + "…#" + digest


def is_control_flow(error):
    if isinstance(error, (clevagent.AgentStopRequested, KeyboardInterrupt, SystemExit, GeneratorExit)):
        return True
    return any(cls.__name__ in _CONTROL_FLOW for cls in type(error).__mro__)


def error_text(prefix, error):
    detail = str(error)
    text = "%s: %s: %s" % (prefix, type(error).__name__, detail) if detail else "%s: %s" % (prefix, type(error).__name__)
    return summary(text, ERROR_LIMIT)


def report_error(prefix, error, status="error"):
    """An error (or warning) beat naming the exception, once per exception and status: the same exception
    seen again on its way up (a node, then the graph) is not reported twice."""
    if error is None or is_control_flow(error):
        return None
    try:
        reported = getattr(error, "__clevagent_reported__", ())
        if status in reported:
            return None
        error.__clevagent_reported__ = tuple(reported) + (status,)
    except Exception:  # an exception that takes no attributes: reported, maybe twice
        pass
    return clevagent.ping(status=status, message=error_text(prefix, error))


def count_call(source, ids=(), buckets=None, total=None, model=None):
    """Records one model call's usage unless auto_cost or another integration counted it already (the
    rule is in clevagent/_ledger.py). buckets: (input, output, cache_read, cache_write), input without
    cached tokens; total: a bare total when there is no split. Returns True when it was recorded."""
    if clevagent._current() is None:
        return False
    if buckets is not None and not any(buckets):
        buckets = None
    if buckets is None and not total:
        return False
    if _ledger.LEDGER.claim(source, ids, buckets, total) is not None:
        return False
    if buckets is not None:
        clevagent._record_usage(input_tokens=buckets[0], output_tokens=buckets[1], cache_read=buckets[2],
                                cache_write=buckets[3], model=model)
    else:
        clevagent.log_cost(tokens=int(total), model=model)
    return True


def log_tool(name, args=None):
    """log_tool_call(name, args), except that a tool call auto_cost already counted (in the response that
    asked for it) is logged for loop detection without being counted again."""
    client = clevagent._current()
    if client is None or not name:
        return
    if _ledger.LEDGER.take_tool_credit():
        client.record_tool_call(str(name), args_summary(args), count=False)
    else:
        clevagent.log_tool_call(str(name), args_summary(args))


_iterations = 0
_iteration_lock = threading.Lock()


def next_iteration():
    """The number of steps (LangGraph node runs) seen in this process, this one included."""
    global _iterations
    with _iteration_lock:
        _iterations += 1
        return _iterations
