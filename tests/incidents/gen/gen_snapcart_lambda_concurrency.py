"""retired15/snapcart-lambda-concurrency: the data team's receipt-ocr-backfill Lambda gets an SQS trigger on a 1.8M-message
queue with no concurrency cap; it takes ~860 of the account's 1000 concurrent executions and the customer API's functions
are throttled; reserving concurrency for checkout only moves the pain, disabling the trigger ends it."""
import random
from common import *

rng = random.Random(20261116)
inc = Incident("retired15", "snapcart-lambda-concurrency")
D = "2026-11-16 "
W0, W1 = T(D + "06:30:00"), T(D + "10:00:00")
CRON = [T("2026-11-%02d 06:50:%02d" % (d, 3 + d)) for d in (13, 14, 15, 16)]
ACCT = "730335142968"

OTHER_DEPLOY = T(D + "07:05:10")
STACK = T(D + "07:12:05")
CHANGE = T(D + "07:12:31")
RAMP = T(D + "07:13:00")
STARTED = T(D + "07:15:52")
REPORT = T(D + "07:24:10")
PAGE = T(D + "07:25:40")
ACK = T(D + "07:27:05")
ALERT = T(D + "07:29:30")
WRONG = T(D + "07:30:20")
ROLLBACK_Q = T(D + "07:31:00")
STATUS = T(D + "07:33:00")
DIAG = T(D + "07:36:20")
RESERVE = T(D + "07:39:50")
DISABLE = T(D + "07:46:10")
MITIGATED = T(D + "07:47:25")
QUOTA = T(D + "07:52:40")
ALERT_OK = T(D + "07:58:00")
LATER_DEPLOY = T(D + "08:25:14")
APPROVED = T(D + "09:05:12")
REENABLE = T(D + "09:20:30")
RESOLVED = T(D + "09:31:00")


def api_conc(t):
    h = (t - W0).total_seconds() / 3600.0
    return 90 + 60 * min(1.0, h / 1.5) + rng.uniform(-8, 8)


def backfill_conc(t):
    if t < RAMP:
        return 0
    if t < DISABLE:
        return min(870, 5 * (t - RAMP).total_seconds())
    if t < MITIGATED:
        return max(0, 870 * (1 - (t - DISABLE).total_seconds() / 75.0))
    if t < REENABLE:
        return 0
    return 50


def throttled(t, path):
    """probability that a request to this resource is throttled."""
    if not (STARTED <= t < MITIGATED):
        return 0.0
    base = min(0.38, 0.05 + (t - STARTED).total_seconds() / 800.0)
    if t >= RESERVE:
        return 0.02 if path.startswith("/v1/checkout") else min(0.6, base + 0.2)
    return base


# ---------------------------------------------------------------- API Gateway access logs (aws logs filter-log-events)
ev = []
PATHS = [("GET", "/v1/catalog/products"), ("GET", "/v1/catalog/search"), ("GET", "/v1/cart"), ("POST", "/v1/cart/items"),
         ("POST", "/v1/checkout"), ("POST", "/v1/checkout/confirm"), ("GET", "/v1/orders/{id}"), ("GET", "/v1/slots")]
rate = lambda t: 0.07 + 0.09 * min(1.0, (t - W0).total_seconds() / 5400.0)
times = []
t = W0
while True:
    t = add(t, seconds=rng.expovariate(rate(t)))
    if t >= W1:
        break
    times.append(t)
FORCED = {add(STARTED, seconds=0.412): ("POST", "/v1/cart/items"), add(MITIGATED, seconds=-5.8): ("GET", "/v1/catalog/search")}
for t in sorted(times + list(FORCED)):
    m, p = FORCED.get(t) or rng.choice(PATHS)
    ip = "%d.%d.%d.%d" % (rng.choice([37, 46, 78, 86, 89, 109, 176]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    rid = uuid("rq%s%f" % (p, epoch(t)))
    lt = t.strftime("%d/") + MONTHS[t.month - 1] + t.strftime("/%Y:%H:%M:%S +0000")
    if t in FORCED or rng.random() < throttled(t, p):
        msg = {"requestId": rid, "ip": ip, "requestTime": lt, "httpMethod": m, "resourcePath": p, "status": "500", "protocol": "HTTP/1.1",
               "responseLength": "36", "integrationStatus": "429", "integrationLatency": str(rng.randint(8, 30)), "responseLatency": str(rng.randint(10, 40)),
               "integrationErrorMessage": "Lambda invocation failed with status: 429. Lambda request id: %s" % uuid("l" + rid), "errorMessage": "Internal server error"}
    else:
        st = "200"
        if p == "/v1/orders/{id}" and rng.random() < 0.05:
            st = "404"
        if p == "/v1/slots" and rng.random() < 0.02:
            st = "504"
        lat = rng.randint(40, 400) if st != "504" else 29000 + rng.randint(1, 20)
        msg = {"requestId": rid, "ip": ip, "requestTime": lt, "httpMethod": m, "resourcePath": p, "status": st, "protocol": "HTTP/1.1",
               "responseLength": str(rng.randint(200, 9000) if st == "200" else 41), "integrationStatus": st if st != "504" else "-",
               "integrationLatency": str(lat - 3), "responseLatency": str(lat), "integrationErrorMessage": "-" if st != "504" else "Execution failed due to a timeout error",
               "errorMessage": "-" if st == "200" else ("Not Found" if st == "404" else "Endpoint request timed out")}
    ms = int(epoch(t) * 1000)
    ev.append({"logStreamName": "%s_%s" % (uid("stream%d" % (ms // 600000), 32), "prod"), "timestamp": ms, "message": jline(msg),
               "ingestionTime": ms + rng.randint(300, 2500), "eventId": "%056d" % (ms * 10**13 + rng.randint(0, 10**12))})
inc.json("filter-log-events-api.json", {"events": ev, "searchedLogStreams": []})

# ---------------------------------------------------------------- checkout-api Lambda logs (aws logs tail, Powertools JSON)
cl = []
STREAMS = ["2026/11/16/[$LATEST]%s" % hexid(rng, 32) for _ in range(6)]


def CL(t, level, loc, msg, **kw):
    rid = uuid("c%f" % epoch(t))
    ts = t.strftime("%Y-%m-%d %H:%M:%S") + ",%03d+0000" % (t.microsecond // 1000)
    body = {"level": level, "location": loc, "message": msg, "timestamp": ts, "service": "checkout", "cold_start": False,
            "function_name": "checkout-api", "function_memory_size": "1024",
            "function_arn": "arn:aws:lambda:eu-west-1:%s:function:checkout-api" % ACCT, "function_request_id": rid,
            "xray_trace_id": "1-%08x-%s" % (int(epoch(t)), hexid(rng, 24)), **kw}
    cl.append((t, "%s+00:00 %s %s" % (t.strftime("%Y-%m-%dT%H:%M:%S.%f"), rng.choice(STREAMS), jline(body))))


for t in poisson_times(rng, W0, W1, 0.035):
    p = "/v1/checkout"
    thr = throttled(t, "/v1/pricing") if t < RESERVE else throttled(t, "/v1/pricing-after")
    if STARTED <= t < MITIGATED and rng.random() < max(thr, 0.3):
        CL(t, "ERROR", "quote_total:88", "pricing invoke failed", exception="botocore.errorfactory.TooManyRequestsException: An error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 2): Rate Exceeded.",
           exception_name="TooManyRequestsException", cart_id="c_" + hexid(rng, 10))
    else:
        CL(t, "INFO", "handler:41", "checkout quote computed", cart_id="c_" + hexid(rng, 10), items=rng.randint(3, 40), total_cents=rng.randint(1500, 24000))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    CL(t, "WARNING", "validate_address:57", "address validation timed out after 800 ms, continuing without", provider="loqate")
inc.lines("checkout-api.tail.log", [l for _, l in sorted(cl, key=lambda x: x[0])])

# ---------------------------------------------------------------- CloudTrail lookup-events (filed as deploys)
ct = []


def CT(t, name, source, user, resources, params, arn_role, invoked_by=None, resp=None, ro="false"):
    eid = uuid("ct" + name + str(t))
    detail = {"eventVersion": "1.09", "userIdentity": {"type": "AssumedRole", "principalId": "AROA2X4TQ7YEXAMPLE:%s" % user,
                                                        "arn": "arn:aws:sts::%s:assumed-role/%s/%s" % (ACCT, arn_role, user), "accountId": ACCT,
                                                        **({"invokedBy": invoked_by} if invoked_by else {})},
              "eventTime": iso(t), "eventSource": source, "eventName": name, "awsRegion": "eu-west-1",
              "sourceIPAddress": invoked_by or "%d.%d.%d.%d" % (rng.choice([52, 54, 86]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
              "userAgent": invoked_by or "aws-cli/2.22.7 md/awscrt#0.23.4 ua/2.0 os/macos#24.6.0 md/arch#arm64 lang/python#3.12.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source command/lambda",
              "requestParameters": params, "responseElements": resp, "requestID": uuid("req" + eid), "eventID": eid, "readOnly": ro == "true",
              "eventType": "AwsApiCall", "managementEvent": True, "recipientAccountId": ACCT, "eventCategory": "Management"}
    ct.append((t, {"EventId": eid, "EventName": name, "ReadOnly": ro, "AccessKeyId": "ASIA2X4TQ7Y" + hexid(rng, 9).upper(),
                   "EventTime": t.strftime("%Y-%m-%dT%H:%M:%S+00:00"), "EventSource": source, "Username": user,
                   "Resources": resources, "CloudTrailEvent": jline(detail)}))


FN = lambda n: [{"ResourceType": "AWS::Lambda::Function", "ResourceName": n}]
CT(T("2026-11-13 16:20:44"), "UpdateFunctionCode20150331v2", "lambda.amazonaws.com", "codepipeline-orders", FN("orders-api"),
   {"functionName": "orders-api", "s3Bucket": "snapcart-artifacts", "s3Key": "orders-api/4.31.0.zip"}, "codepipeline-deploy-role", invoked_by="codepipeline.amazonaws.com")
CT(OTHER_DEPLOY, "UpdateFunctionCode20150331v2", "lambda.amazonaws.com", "codepipeline-mobile-bff", FN("mobile-bff"),
   {"functionName": "mobile-bff", "s3Bucket": "snapcart-artifacts", "s3Key": "mobile-bff/2.118.0.zip"}, "codepipeline-deploy-role", invoked_by="codepipeline.amazonaws.com")
CT(STACK, "ExecuteChangeSet", "cloudformation.amazonaws.com", "jonas.keller", [{"ResourceType": "AWS::CloudFormation::Stack", "ResourceName": "receipt-backfill"}],
   {"changeSetName": "samcli-deploy1763276998", "stackName": "receipt-backfill"}, "AWSReservedSSO_DataEngineer_6c1f2e9a0b3d4c5e")
CT(add(STACK, seconds=11), "CreateFunction20150331", "lambda.amazonaws.com", "jonas.keller", FN("receipt-ocr-backfill"),
   {"functionName": "receipt-ocr-backfill", "runtime": "python3.12", "memorySize": 2048, "timeout": 120, "handler": "app.handler"},
   "AWSReservedSSO_DataEngineer_6c1f2e9a0b3d4c5e", invoked_by="cloudformation.amazonaws.com")
CT(CHANGE, "CreateEventSourceMapping20150331", "lambda.amazonaws.com", "jonas.keller", FN("receipt-ocr-backfill"),
   {"eventSourceArn": "arn:aws:sqs:eu-west-1:%s:receipt-backfill" % ACCT, "functionName": "receipt-ocr-backfill", "enabled": True, "batchSize": 10},
   "AWSReservedSSO_DataEngineer_6c1f2e9a0b3d4c5e", invoked_by="cloudformation.amazonaws.com",
   resp={"uUID": "5c0e9f3a-1b7d-4e2a-9c8f-d41a6b2e7f10", "state": "Creating", "batchSize": 10, "functionArn": "arn:aws:lambda:eu-west-1:%s:function:receipt-ocr-backfill" % ACCT})
CT(RESERVE, "PutFunctionConcurrency20171031", "lambda.amazonaws.com", "ana.murphy", FN("checkout-api"),
   {"functionName": "checkout-api", "reservedConcurrentExecutions": 200}, "AWSReservedSSO_PlatformOnCall_1a9e4d2c7b8f6e05",
   resp={"reservedConcurrentExecutions": 200})
CT(DISABLE, "UpdateEventSourceMapping20150331", "lambda.amazonaws.com", "jonas.keller", FN("receipt-ocr-backfill"),
   {"uUID": "5c0e9f3a-1b7d-4e2a-9c8f-d41a6b2e7f10", "enabled": False}, "AWSReservedSSO_DataEngineer_6c1f2e9a0b3d4c5e",
   resp={"uUID": "5c0e9f3a-1b7d-4e2a-9c8f-d41a6b2e7f10", "state": "Disabling"})
CT(QUOTA, "RequestServiceQuotaIncrease", "servicequotas.amazonaws.com", "ana.murphy", [],
   {"serviceCode": "lambda", "quotaCode": "L-B99A9384", "desiredValue": 3000.0}, "AWSReservedSSO_PlatformOnCall_1a9e4d2c7b8f6e05",
   resp={"requestedQuota": {"status": "PENDING", "quotaName": "Concurrent executions", "desiredValue": 3000.0}})
CT(LATER_DEPLOY, "UpdateFunctionCode20150331v2", "lambda.amazonaws.com", "codepipeline-search", FN("search-indexer"),
   {"functionName": "search-indexer", "s3Bucket": "snapcart-artifacts", "s3Key": "search-indexer/1.77.2.zip"}, "codepipeline-deploy-role", invoked_by="codepipeline.amazonaws.com")
CT(REENABLE, "UpdateEventSourceMapping20150331", "lambda.amazonaws.com", "jonas.keller", FN("receipt-ocr-backfill"),
   {"uUID": "5c0e9f3a-1b7d-4e2a-9c8f-d41a6b2e7f10", "enabled": True, "scalingConfig": {"maximumConcurrency": 50}},
   "AWSReservedSSO_DataEngineer_6c1f2e9a0b3d4c5e", resp={"uUID": "5c0e9f3a-1b7d-4e2a-9c8f-d41a6b2e7f10", "state": "Enabling"})
inc.json("lookup-events.json", {"Events": [e for _, e in sorted(ct, key=lambda x: x[0], reverse=True)]}, indent=4)

# ---------------------------------------------------------------- yace metrics, query_range
def throttles(fn):
    def f(t):
        p = throttled(t, "/v1/checkout" if fn == "checkout-api" else "/v1/cart")
        return round(p * {"checkout-api": 900, "cart-api": 1600, "catalog-api": 2400, "pricing": 1300}[fn] * rng.uniform(0.85, 1.15))
    return f


series = [({"__name__": "aws_lambda_concurrent_executions_maximum", "job": "yace", "region": "eu-west-1", "account_id": ACCT},
           lambda t: min(1000, round(api_conc(t) + backfill_conc(t))))]
for fn in ("checkout-api", "cart-api", "catalog-api", "pricing"):
    series.append(({"__name__": "aws_lambda_throttles_sum", "job": "yace", "region": "eu-west-1", "dimension_FunctionName": fn}, throttles(fn)))
series.append(({"__name__": "aws_lambda_concurrent_executions_maximum", "job": "yace", "region": "eu-west-1", "dimension_FunctionName": "receipt-ocr-backfill"},
               lambda t: None if t < CHANGE else round(backfill_conc(t))))
series.append(({"__name__": "aws_sqs_approximate_number_of_messages_visible_maximum", "job": "yace", "region": "eu-west-1", "dimension_QueueName": "receipt-backfill"},
               lambda t: 1_812_440 - int(max(0, min((t - RAMP).total_seconds(), (DISABLE - RAMP).total_seconds())) * 55)
               - int(max(0, (t - REENABLE).total_seconds()) * 3.2)))
inc.json("yace-query-range.json", query_range(series, W0, W1, 60, fmt="%g"), indent=None)

# ---------------------------------------------------------------- alertmanager webhook archive (JSON array)
wh = []
lab = {"severity": "warning", "team": "platform", "api": "snapcart-public-prod"}
wh.append((add(ALERT, seconds=20), am_webhook("slack-platform", [am_alert("ApiGateway5xxRatio", lab, "snapcart-public-prod 5xx ratio 24.1% (15m)", ALERT)])))
wh.append((add(ALERT_OK, seconds=20), am_webhook("slack-platform", [am_alert("ApiGateway5xxRatio", lab, "snapcart-public-prod 5xx ratio 24.1% (15m)", ALERT, ends=ALERT_OK)])))
tl = {"severity": "warning", "team": "platform", "region": "eu-west-1"}
TH = T(D + "07:31:10")
wh.append((add(TH, seconds=20), am_webhook("slack-platform", [am_alert("LambdaAccountConcurrencyHigh", tl, "eu-west-1 concurrent executions at 100% of the account limit", TH)])))
wh.append((add(MITIGATED, minutes=5), am_webhook("slack-platform", [am_alert("LambdaAccountConcurrencyHigh", tl, "eu-west-1 concurrent executions at 100% of the account limit", TH, ends=add(MITIGATED, minutes=4, seconds=40))])))
for c in CRON:
    rl = {"severity": "warning", "team": "data", "dimension_FunctionName": "reports-nightly"}
    wh.append((add(c, minutes=2), am_webhook("slack-data", [am_alert("LambdaErrors", rl, "reports-nightly errors > 0", add(c, minutes=1, seconds=30))])))
    wh.append((add(c, hours=1, minutes=2), am_webhook("slack-data", [am_alert("LambdaErrors", rl, "reports-nightly errors > 0", add(c, minutes=1, seconds=30), ends=add(c, hours=1, minutes=1))])))
dl = {"severity": "warning", "team": "loyalty", "dimension_TableName": "loyalty-points"}
for a, b in ((T(D + "06:41:00"), T(D + "06:47:00")), (T(D + "08:12:00"), T(D + "08:16:00")), (T(D + "09:02:00"), T(D + "09:09:00"))):
    wh.append((add(a, seconds=20), am_webhook("slack-loyalty", [am_alert("DynamoDBReadThrottled", dl, "loyalty-points read throttle events > 0", a)])))
    wh.append((add(b, seconds=20), am_webhook("slack-loyalty", [am_alert("DynamoDBReadThrottled", dl, "loyalty-points read throttle events > 0", a, ends=b)])))
inc.json("webhook-archive.json", [b for _, b in sorted(wh, key=lambda x: x[0])], indent=None)

# ---------------------------------------------------------------- pagerduty
pd = PD(30577, "Customers can't check out or load cart - app shows Something went wrong", "snapcart-public-api", "PSNAPAPI")
aoife = PD.user("Aoife Byrne", "PAOIFEB")
ana = PD.user("Ana Murphy", "PANAMUR")
pd.add(PAGE, "trigger_log_entry", aoife, {"type": "web_trigger", "summary": "Customers can't check out or load cart - app shows Something went wrong"}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "assign_log_entry", aoife, {"type": "web_trigger"}, "Assigned to Ana Murphy.", assignees=[ana])
pd.add(add(PAGE, seconds=2), "notify_log_entry", None, {"type": "auto"}, "Notified Ana Murphy by push notification.", user=ana)
pd.add(ACK, "acknowledge_log_entry", ana, {"type": "mobile"}, "Acknowledged by Ana Murphy.")
pd.add(add(DIAG, seconds=60), "annotate_log_entry", ana, {"type": "web_ui", "summary": "Lambda account concurrency exhausted by receipt-ocr-backfill (SQS trigger)"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", ana, {"type": "web_ui"}, "Resolved by Ana Murphy.")
other = PD(30571, "reports-nightly Lambda failed", "data-reports", "PDATA01")
dan = PD.user("Dan Okafor", "PDANOK1")
other.add(add(CRON[-1], minutes=3), "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager"}, {"type": "api"}, "Triggered through the API.")
other.add(add(CRON[-1], minutes=40), "acknowledge_log_entry", dan, {"type": "web_ui"}, "Acknowledged by Dan Okafor.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + other.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pd-log-entries.json", ex)

# ---------------------------------------------------------------- slack
s = Slack()
for u, n, r in [("U0ANA", "ana", "Ana Murphy"), ("U0AOIFE", "aoife", "Aoife Byrne"), ("U0JONAS", "jonas.k", "Jonas Keller"),
                ("U0CIARAN", "ciaran", "Ciaran Walsh"), ("U0DAN", "dan.o", "Dan Okafor"), ("U0MEI", "mei", "Mei Tanaka")]:
    s.user(u, n, r, "Europe/Dublin")
for cid, n, p in [("C0SUP", "support-escalations", ""), ("C0INC", "inc-2026-11-16-api-errors", ""), ("C0PLAT", "platform-alerts", ""),
                  ("C0DATA", "data-eng", ""), ("C0STAT", "status", "")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("data-eng", add(c, minutes=2, seconds=1), "B0AM", "alertmanager", attachments=am_slack_attachment("firing", "LambdaErrors", "reports-nightly errors > 0", color="warning"))
    s.say("data-eng", add(c, minutes=9), "U0DAN", "reports-nightly again, the upstream export isn't ready at 06:50. rerunning by hand")
s.say("data-eng", add(STACK, seconds=-40), "U0JONAS", "deploying receipt-backfill now, queue has the 1.8M receipts from last year loaded since Sunday night")
s.bot("platform-alerts", add(ALERT, seconds=21), "B0AM", "alertmanager", attachments=am_slack_attachment("firing", "ApiGateway5xxRatio", "snapcart-public-prod 5xx ratio 24.1% (15m)", color="warning"))
s.bot("platform-alerts", add(TH, seconds=21), "B0AM", "alertmanager", attachments=am_slack_attachment("firing", "LambdaAccountConcurrencyHigh", "eu-west-1 concurrent executions at 100% of the account limit", color="warning"))
s.bot("platform-alerts", add(ALERT_OK, seconds=21), "B0AM", "alertmanager", attachments=am_slack_attachment("resolved", "ApiGateway5xxRatio", "snapcart-public-prod 5xx ratio back to normal"))
s.say("support-escalations", REPORT, "U0AOIFE", "lots of chats and app reviews since about 7:15: 'Something went wrong' at checkout and when opening the cart. anyone? it's the Monday morning rush")
s.say("support-escalations", add(REPORT, seconds=70), "U0MEI", "can reproduce, cart fails every 2nd or 3rd try")
s.say("support-escalations", add(PAGE, seconds=15), "U0AOIFE", "paged platform on-call")
ch = "inc-2026-11-16-api-errors"
s.say(ch, add(ACK, seconds=50), "U0ANA", "acked. API Gateway 500s on cart, catalog, checkout; integration status 429 - Lambda is throttling our functions")
s.say(ch, WRONG, "U0CIARAN", "the only change this morning is the mobile-bff deploy at 07:05, the new app build hits cart more often?")
s.say(ch, ROLLBACK_Q, "U0CIARAN", "should we roll back mobile-bff?")
s.say(ch, add(ROLLBACK_Q, seconds=45), "U0ANA", "mobile-bff isn't throttled more than the rest, every function is. checking account concurrency")
s.say(ch, DIAG, "U0ANA", "account ConcurrentExecutions pinned at 1000 (the regional limit) since 07:16. receipt-ocr-backfill alone is at ~860 - deployed 07:12 with an SQS trigger on the 1.8M-message receipt-backfill queue and no reserved/maximum concurrency, so it takes everything and our API functions get 429")
s.say(ch, add(DIAG, seconds=100), "U0ANA", "reserving 200 for checkout-api first so at least orders go through. @jonas.k please disable the SQS trigger")
s.say(ch, add(RESERVE, seconds=100), "U0ANA", "checkout is recovering but cart and catalog got worse - the reservation came out of the unreserved pool the backfill is eating")
s.say(ch, add(DISABLE, seconds=20), "U0JONAS", "trigger disabled (event source mapping Disabling). sorry, I thought SQS triggers scale slowly")
s.say(ch, add(MITIGATED, seconds=40), "U0ANA", "backfill concurrency draining to 0, throttles stopped at 07:47, API 5xx back to baseline")
s.say(ch, add(QUOTA, seconds=20), "U0ANA", "requested concurrent executions 1000 -> 3000 in Service Quotas, opened a support case to expedite")
s.say(ch, add(APPROVED, seconds=30), "U0ANA", "quota increase approved, account limit is 3000 now")
s.say(ch, add(REENABLE, seconds=30), "U0JONAS", "re-enabled the backfill trigger with maximum concurrency 50")
s.say(ch, add(RESOLVED, seconds=-30), "U0ANA", "backfill at 50, no throttles, resolving. follow-ups: reserved concurrency for every customer-facing function, alarm on account concurrency at 80%")
s.bot("status", STATUS, "B0SP", "Statuspage", attachments=[{"color": "ECB22E", "title": "Investigating - Errors in the app at cart and checkout",
                                                          "text": "Some customers see errors when opening the cart or checking out.", "mrkdwn_in": ["text"]}])
s.bot("status", add(MITIGATED, minutes=4), "B0SP", "Statuspage", attachments=[{"color": "2EB67D", "title": "Monitoring - Cart and checkout",
                                                                              "text": "Cart and checkout are working again. We are monitoring.", "mrkdwn_in": ["text"]}])
s.bot("status", add(RESOLVED, minutes=3), "B0SP", "Statuspage", attachments=[{"color": "2EB67D", "title": "Resolved - Cart and checkout", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack-export")

inc.truth(
    "snapcart-lambda-concurrency", "backfill-lambda-sqs-trigger-exhausts-account-concurrency-customer-detected",
    "The data team's receipt-ocr-backfill Lambda got an SQS trigger on a 1.8M-message queue with no concurrency cap and took ~860 of the\n"
    "account's 1000 concurrent executions; customer API functions were throttled (API Gateway 500) until the trigger was disabled.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "receipt-backfill stack creates the enabled SQS event source mapping for receipt-ocr-backfill", "lookup-events.json", 60),
     (STARTED, "first_symptom", "first API Gateway 500 with integration status 429 (Lambda throttled)", "filter-log-events-api.json", 90),
     (PAGE, "paged", "support triggers PagerDuty #30577 from the website after customer reports", "pd-log-entries.json", 60),
     (ACK, "acknowledged", "Ana acknowledges", "pd-log-entries.json", 60),
     (ALERT, "alert_fired", "ApiGateway5xxRatio warning fires", "webhook-archive.json", 60),
     (STATUS, "communication", "Statuspage: errors at cart and checkout", "slack-export", 90),
     (DIAG, "diagnosis", "Ana: account concurrency at 1000, receipt-ocr-backfill using ~860 via its SQS trigger", "slack-export", 90),
     (RESERVE, "mitigation", "reserved concurrency 200 for checkout-api (partial: cart/catalog worse)", "lookup-events.json", 60),
     (DISABLE, "mitigation", "backfill event source mapping disabled", "lookup-events.json", 60),
     (MITIGATED, "recovery", "throttles stop, API 5xx back to baseline", "filter-log-events-api.json", 90),
     (REENABLE, "change", "backfill trigger re-enabled with maximum concurrency 50", "lookup-events.json", 60),
     (RESOLVED, "resolved", "PagerDuty #30577 resolved", "pd-log-entries.json", 60)],
    [(CRON[-1], "reports-nightly Lambda fails every day at ~06:50 UTC (LambdaErrors alert and data-team page daily)", "webhook-archive.json"),
     (OTHER_DEPLOY, "mobile-bff deploy by the mobile team's pipeline, before the symptoms", "lookup-events.json"),
     (LATER_DEPLOY, "search-indexer deploy by the search team's pipeline", "lookup-events.json"),
     (T(D + "06:41:00"), "DynamoDBReadThrottled for the loyalty team's table, flapping", "webhook-archive.json"),
     (WRONG, "wrong hunch: mobile-bff build hitting cart more often", "slack-export"),
     (ROLLBACK_Q, "'should we roll back mobile-bff?' question, not done", "slack-export"),
     (T(D + "08:00:00"), "steady address-validation timeouts and /v1/slots 504s all window", "checkout-api.tail.log")],
    [("filter-log-events-api.json", "logs"), ("checkout-api.tail.log", "logs"), ("lookup-events.json", "deploys"),
     ("yace-query-range.json", "prometheus-query-range"), ("webhook-archive.json", "alertmanager-webhook"),
     ("pd-log-entries.json", "pagerduty-log-entries"), ("slack-export", "slack-export")])
