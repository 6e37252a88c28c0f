-- wrk script: read one case repeatedly. TOKEN and CASE_PATH come from the environment.
wrk.method = "GET"
wrk.path = os.getenv("CASE_PATH")
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
