-- wrk script: POST a realistic ClevAgent heartbeat, spread over 100 agent names.
local key = os.getenv("CLEV_BENCH_KEY") or ""
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = key

request = function()
  n = n + 1
  local body = string.format(
    '{"agent":"bench-agent-%d","status":"ok","tokens_used":1500,"input_tokens":1200,"output_tokens":300,' ..
    '"cost_usd":0.0045,"tool_calls":3,"iteration_count":%d,"interval":60,"model":"gpt-4o-mini",' ..
    '"agent_type":"openai","tool_call_log":[{"name":"search","args":"q=weather in Paris"}],' ..
    '"prompt_hashes":["0123456789abcdef","fedcba9876543210"]}', n % 100, n)
  return wrk.format(nil, nil, nil, body)
end
