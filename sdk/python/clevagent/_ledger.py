# SPDX-License-Identifier: MIT
"""Which model calls were counted already, so that each call's tokens are counted once.

Two parts of the SDK can see the same model call: auto_cost, which reads the OpenAI / Anthropic
SDK's response, and a framework integration, which reads the framework's report of it (LangChain's
`on_llm_end`, a LangGraph node's token count). Each asks `claim()` before recording usage; whoever
comes first counts the call, in either order of events.

A call is recognised

1. by its response id (OpenAI `chatcmpl-…` / `resp_…`, Anthropic `msg_…`): auto_cost takes it from
   the response, LangChain passes it on in `llm_output["id"]`, `response_metadata["id"]` or the
   message id. An integration skips a call whose id is known (counted by auto_cost, or by itself
   before: LangChain's cache replays a stored result with its id, and nothing was spent). auto_cost
   skips a call an integration counted first; a response it sees twice it counts twice, as it always
   did.
2. when one side has no id (or only ids of another kind, such as LangChain's own `run-…`), by its
   usage: a call of the other side from the last WINDOW seconds, not matched yet, with the same token
   buckets (input, output, cache read, cache write), or, for a bare total, the same total (or
   several such calls, newest first, adding up to it: a LangGraph node that made two calls). Two
   different calls with exactly the same figures within the window are taken for one: the rare
   undercount is the price of never counting one call twice.
3. Otherwise it is a new call, remembered (the last SIZE calls) and counted by the caller.

Tool calls: auto_cost counts the tool calls a response asks for. An integration that then logs those
tools being run (for loop detection) takes a credit for each instead of counting it again.
"""
import collections
import threading
import time

AUTO = "auto_cost"
SIZE = 256          # calls remembered
WINDOW = 120.0      # seconds within which a call without an id can be matched by its usage
MAX_CREDITS = 256


def _kind(identifier):
    """The family of an id: "chatcmpl", "resp", "msg"… (what comes before the first - or _)."""
    for i, ch in enumerate(identifier):
        if ch in "-_":
            return identifier[:i]
    return identifier


class Call:
    __slots__ = ("ids", "buckets", "total", "sources", "at", "tool_calls")

    def __init__(self, ids, buckets, total, source, at, tool_calls):
        self.ids = ids
        self.buckets = buckets
        self.total = total
        self.sources = {source}
        self.at = at
        self.tool_calls = tool_calls

    def __repr__(self):
        return "Call(ids=%r, buckets=%r, total=%r, sources=%r)" % (sorted(self.ids), self.buckets, self.total,
                                                                   sorted(self.sources))


class Ledger:
    def __init__(self, size=SIZE, window=WINDOW, clock=time.monotonic):
        self.size = size
        self.window = window
        self.clock = clock
        self._lock = threading.Lock()
        self.reset()

    def reset(self):
        self._calls = collections.deque()
        self._by_id = {}
        self._credits = collections.deque()  # times at which auto_cost counted a requested tool call

    def claim(self, source, ids=(), buckets=None, total=None, tool_calls=0):
        """Reports a model call seen by `source`. Returns None when the call was not counted yet (the
        caller records it now, and it is remembered), or the Call that counted it (record nothing).

        ids: the provider's response ids found for the call; buckets: (input, output, cache_read,
        cache_write) with input excluding cached tokens; total: a bare token total when there are no
        buckets; tool_calls: the tool calls the response asks for (auto_cost only).
        """
        ids = frozenset(str(i) for i in ids if isinstance(i, str) and i)
        if buckets is not None:
            buckets = tuple(max(0, int(b or 0)) for b in buckets)
            total = sum(buckets)
        total = max(0, int(total or 0))
        now = self.clock()
        with self._lock:
            for identifier in ids:
                call = self._by_id.get(identifier)
                if call is None:
                    continue
                if source == AUTO and AUTO in call.sources:
                    break  # auto_cost seeing a response again counts it again
                call.sources.add(source)
                return call
            if total:
                match = self._match_usage(source, ids, buckets, total, now)
                if match:
                    for call in match:
                        call.sources.add(source)
                    return match[0]
            call = Call(ids, buckets, total, source, now, int(tool_calls or 0) if source == AUTO else 0)
            self._remember(call)
            if source == AUTO and call.tool_calls:
                self._credits.extend([now] * min(call.tool_calls, MAX_CREDITS))
                while len(self._credits) > MAX_CREDITS:
                    self._credits.popleft()
            return None

    def _match_usage(self, source, ids, buckets, total, now):
        kinds = {_kind(i) for i in ids}
        candidates = []
        for call in reversed(self._calls):  # newest first
            if now - call.at > self.window:
                break
            if source in call.sources:
                continue
            if kinds & {_kind(i) for i in call.ids}:
                continue  # ids of the same kind that differ: different calls
            candidates.append(call)
        for call in candidates:
            if buckets is not None and call.buckets is not None:
                if call.buckets == buckets:
                    return [call]
            elif call.total == total:
                return [call]
        if buckets is None:
            # A bare total may be several calls' (a LangGraph node that called the model twice).
            run, running = [], 0
            for call in candidates:
                run.append(call)
                running += call.total
                if running >= total:
                    break
            if running == total and len(run) > 1:
                return run
        return None

    def _remember(self, call):
        self._calls.append(call)
        for identifier in call.ids:
            self._by_id[identifier] = call
        while len(self._calls) > self.size:
            old = self._calls.popleft()
            for identifier in old.ids:
                if self._by_id.get(identifier) is old:
                    del self._by_id[identifier]

    def take_tool_credit(self):
        """True when a tool call being logged now was counted already by auto_cost (in the response that
        asked for it, within the window): log it without counting it again."""
        now = self.clock()
        with self._lock:
            while self._credits and now - self._credits[0] > self.window:
                self._credits.popleft()
            if self._credits:
                self._credits.popleft()
                return True
            return False


LEDGER = Ledger()
