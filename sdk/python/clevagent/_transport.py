# SPDX-License-Identifier: MIT
"""HTTP with the standard library: one JSON POST, bounded in time, never raising."""
import json
import urllib.error
import urllib.request

USER_AGENT = "clevagent-python"
MAX_ANSWER = 1 << 20  # the server's answers are a few hundred bytes; more is read no further


class Response:
    __slots__ = ("status", "body", "retry_after", "error")

    def __init__(self, status=0, body=None, retry_after=None, error=None):
        self.status = status          # 0 when the server could not be reached
        self.body = body or {}
        self.retry_after = retry_after
        self.error = error


def _retry_after(headers):
    value = headers.get("Retry-After") if headers is not None else None
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def post_json(url, api_key, payload, timeout):
    data = json.dumps(payload, separators=(",", ":")).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="POST", headers={
        "Content-Type": "application/json",
        "X-API-Key": api_key or "",
        "User-Agent": USER_AGENT,
    })
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return Response(reply.status, _decode(_read(reply)), _retry_after(reply.headers))
    except urllib.error.HTTPError as e:
        try:
            body = _decode(_read(e))
        except Exception:  # the body could not be read: the status is what matters
            body = {}
        return Response(e.code, body, _retry_after(e.headers), error=_describe(e.code, body))
    except Exception as e:  # connection refused, timeout, DNS, TLS...
        return Response(0, error="cannot reach %s: %s" % (url, getattr(e, "reason", e)))


def _read(reply):
    raw = reply.read(MAX_ANSWER + 1)
    return b"" if len(raw) > MAX_ANSWER else raw


def _decode(raw):
    try:
        value = json.loads(raw.decode("utf-8") or "{}")
        return value if isinstance(value, (dict, list)) else {}
    except ValueError:
        return {}


def _describe(status, body):
    if isinstance(body, dict) and "error" in body:
        detail = body.get("detail")
        return "HTTP %d %s: %s" % (status, body["error"], json.dumps(detail) if not isinstance(detail, str) else detail)
    return "HTTP %d" % status
