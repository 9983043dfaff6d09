# SPDX-License-Identifier: MIT
"""Framework adapters, each a thin layer over the SDK's own calls (standard library only; a framework is
imported only by its own module, and only if it is installed):

- clevagent.integrations.langchain: ClevAgentCallbackHandler (LangChain and LangGraph callbacks)
- clevagent.integrations.crewai: clevagent_step_callback (Crew(step_callback=…))
- clevagent.integrations.langgraph: clevagent_node_callback, monitored_node
- clevagent.integrations.autogen: clevagent_reply_func, monitored_chat (AutoGen 0.2), and
  monitored_stream / clevagent_event for AutoGen 0.4's run_stream()

Usage the OpenAI / Anthropic SDKs report is captured by auto_cost; an adapter that sees the same call
does not count it again (clevagent/_ledger.py says how a call is recognised).
"""
