-- wrk script: file cases as fast as the service takes them. TOKEN comes from the environment.
local token = os.getenv("TOKEN")
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

request = function()
  counter = counter + 1
  local body = string.format(
    '{"product":"Cloud Mail","subject":"Benchmark case %d","description":"Outgoing mail waits in the queue.","priority":"P3","language":"en"}',
    counter)
  return wrk.format(nil, nil, nil, body)
end
