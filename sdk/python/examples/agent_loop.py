# SPDX-License-Identifier: MIT
"""A small agent loop reporting to ClevAgent: run it against the desktop app or clevagent-server.

    CLEVAGENT_API_KEY=cv_... python3 sdk/python/examples/agent_loop.py
"""
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import clevagent  # noqa: E402


def on_loop(warning, reason):
    print("ClevAgent says:", warning, "-", reason)


clevagent.init(api_key=os.environ.get("CLEVAGENT_API_KEY"), agent="example-researcher", interval=10, on_loop=on_loop)

try:
    for step in range(1, 31):
        tool = random.choice(["search", "fetch", "summarise"])
        clevagent.log_tool_call(tool, "step=%d" % step)
        clevagent.log_prompt("research question %d" % step)
        clevagent.log_cost(tokens=random.randint(500, 2000), cost=round(random.uniform(0.001, 0.01), 4))
        clevagent.log_iteration(step)
        result = clevagent.ping(message="step %d: %s" % (step, tool))
        print("step", step, result)
        time.sleep(2)
finally:
    clevagent.shutdown("example finished")
