-- wrk script: push the same facts a heartbeat carries as Prometheus text metrics.
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain; version=0.0.4"

request = function()
  n = n + 1
  local body = string.format(
    'agent_tokens_used{model="gpt-4o-mini"} 1500\nagent_input_tokens 1200\nagent_output_tokens 300\n' ..
    'agent_cost_usd 0.0045\nagent_tool_calls 3\nagent_iteration_count %d\nagent_up 1\n', n)
  return wrk.format(nil, "/metrics/job/agents/instance/bench-agent-" .. (n % 100), nil, body)
end
