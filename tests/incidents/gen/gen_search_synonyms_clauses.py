"""retired9/search-synonyms-clauses: a GitLab CI synonyms deploy adds multi-word grocery synonyms; common product
searches expand past Elasticsearch's max clause count and fail until the synonyms pipeline is reverted."""
import random
import datetime as _d
from common import *

rng = random.Random(20260217)
inc = Incident("retired9", "search-synonyms-clauses")
D = "2026-02-17 "
W0, W1 = T(D + "14:30:00"), T(D + "17:00:00")
CRON = [T("2026-02-%02d 02:10:%02d" % (d, 14 + 3 * i)) for i, d in enumerate((14, 15, 16, 17))]
PIPE = T(D + "15:30:41")          # pipeline created (merge to main)
JOB0, JOB1 = T(D + "15:31:12"), T(D + "15:32:04")   # deploy:prod job (PUT _synonyms, analyzers reloaded ~15:32:01)
STARTED = T(D + "15:32:09")
ALERT = T(D + "15:38:40")
PAGE = T(D + "15:38:52")
ACK = T(D + "15:42:10")
WRONG1 = T(D + "15:44:30")
OTHER_DEPLOY = T(D + "15:46:20")
WRONG2 = T(D + "15:48:05")
COMMS = T(D + "15:50:10")
ROLLBACK_Q = T(D + "15:51:40")
DIAG = T(D + "15:56:30")
RPIPE = T(D + "16:00:58")
RJOB0, RJOB1 = T(D + "16:01:40"), T(D + "16:02:49")
MITIGATED = T(D + "16:02:50")
ALERT_OK = T(D + "16:07:40")
RESOLVED = T(D + "16:21:00")

def failing(t):
    return STARTED <= t < MITIGATED

# ---- search-api (Go, logfmt)
HOT = ["milk", "oat milk", "whole milk", "cheese", "cream cheese", "almond milk", "yogurt", "butter", "skim milk", "milk chocolate"]
OK = ["bananas", "bread", "eggs", "chicken breast", "pasta", "tomatoes", "coffee", "rice", "apples", "onions", "salmon", "paper towels"]
lg = []
def L(t, pairs):
    lg.append((t, logfmt([("ts", iso(t, ms=True))] + pairs)))
pods = ["search-api-6d8f7c9b5-%s" % s for s in ("2xkqp", "7mvwd", "c9rzt", "hq4ln", "p5sbx", "wt8fj")]
for t in poisson_times(rng, W0, W1, 0.12):
    q = rng.choice(OK + HOT[:3])
    if failing(t) and q in HOT:
        q = rng.choice(OK)
    L(t, [("level", "info"), ("pod", rng.choice(pods)), ("msg", "request"), ("method", "GET"), ("route", "/v2/search"),
          ("q", q), ("store", "st-%04d" % rng.randint(1, 2400)), ("status", 200), ("hits", rng.randint(12, 900)),
          ("took_ms", rng.randint(18, 95)), ("trace_id", hexid(rng, 16))])
for t in poisson_times(rng, STARTED, MITIGATED, 0.55):
    q = rng.choice(HOT)
    L(t, [("level", "error"), ("pod", rng.choice(pods)), ("msg", "search failed"), ("method", "GET"), ("route", "/v2/search"),
          ("q", q), ("store", "st-%04d" % rng.randint(1, 2400)), ("status", 500), ("took_ms", rng.randint(9, 40)),
          ("err", "elastic: Error 400 (Bad Request): all shards failed [type=search_phase_execution_exception] caused by: "
                  "Query contains too many nested clauses; maxClauseCount is set to 1024 [type=too_many_nested_clauses]"),
          ("index", "products-v7"), ("trace_id", hexid(rng, 16))])
L(STARTED, [("level", "error"), ("pod", pods[2]), ("msg", "search failed"), ("method", "GET"), ("route", "/v2/search"), ("q", "milk"),
            ("store", "st-0412"), ("status", 500), ("took_ms", 14),
            ("err", "elastic: Error 400 (Bad Request): all shards failed [type=search_phase_execution_exception] caused by: "
                    "Query contains too many nested clauses; maxClauseCount is set to 1024 [type=too_many_nested_clauses]"),
            ("index", "products-v7"), ("trace_id", "4be1c07a93d2f150")])
L(add(MITIGATED, seconds=-3), [("level", "error"), ("pod", pods[4]), ("msg", "search failed"), ("method", "GET"), ("route", "/v2/search"), ("q", "cream cheese"),
            ("store", "st-1980"), ("status", 500), ("took_ms", 11),
            ("err", "elastic: Error 400 (Bad Request): all shards failed [type=search_phase_execution_exception] caused by: "
                    "Query contains too many nested clauses; maxClauseCount is set to 1024 [type=too_many_nested_clauses]"),
            ("index", "products-v7"), ("trace_id", "a03e9d51c7b26f48")])
# steady benign: personalisation boost timeouts and slow autocomplete warnings all window
for t in poisson_times(rng, W0, W1, 1 / 45.0):
    L(t, [("level", "warn"), ("pod", rng.choice(pods)), ("msg", "personalisation boost skipped"), ("upstream", "recs-api.recs.svc:8080"),
          ("err", "context deadline exceeded"), ("timeout_ms", 60)])
for t in poisson_times(rng, W0, W1, 1 / 160.0):
    L(t, [("level", "warn"), ("pod", rng.choice(pods)), ("msg", "slow autocomplete"), ("route", "/v2/suggest"), ("took_ms", rng.randint(800, 1900))])
inc.lines("search-api.logfmt", [l for _, l in sorted(lg, key=lambda x: x[0])])

# ---- GitLab pipelines export of search/synonyms (project 412) -> the only change record of the trigger
def person(name, user):
    return {"id": int(uid(user, 5), 16) % 90000, "username": user, "name": name, "state": "active",
            "avatar_url": "https://gitlab.pantrio.internal/uploads/-/system/user/avatar/%s.png" % user,
            "web_url": "https://gitlab.pantrio.internal/" + user}
def pipeline(pid, created, sha, title, who, status, jobs, ref="main", source="push"):
    js = []
    for i, (name, stage, st, a, b) in enumerate(jobs):
        js.append({"id": pid * 10 + i, "name": name, "stage": stage, "status": st, "ref": ref,
                   "created_at": iso(created, ms=True), "started_at": iso(a, ms=True) if a else None,
                   "finished_at": iso(b, ms=True) if b else None,
                   "duration": round((b - a).total_seconds(), 2) if a and b else None,
                   "user": person(*who), "runner": {"id": 77, "description": "k8s-runner-search", "is_shared": False},
                   "web_url": "https://gitlab.pantrio.internal/search/synonyms/-/jobs/%d" % (pid * 10 + i)})
    end = max((b for *_, b in jobs if b), default=created)
    return {"id": pid, "iid": pid - 87900, "project_id": 412, "sha": sha, "ref": ref, "status": status, "source": source,
            "created_at": iso(created, ms=True), "updated_at": iso(end, ms=True),
            "web_url": "https://gitlab.pantrio.internal/search/synonyms/-/pipelines/%d" % pid,
            "user": person(*who), "commit": {"id": sha, "short_id": sha[:8], "title": title},
            "jobs": js}
def std_jobs(c, deploy=True, lint_fail=False):
    a = add(c, seconds=6)
    jobs = [("lint:synonyms", "test", "failed" if lint_fail else "success", a, add(a, seconds=21)),
            ("test:analyzer-staging", "test", "skipped" if lint_fail else "success", None if lint_fail else add(a, seconds=22), None if lint_fail else add(a, seconds=48))]
    if deploy and not lint_fail:
        jobs.append(("deploy:prod", "deploy", "success", add(a, seconds=50), add(a, seconds=101)))
    return jobs
PR = ("Priya Raman", "priya.raman")
TM = ("Tomasz Malek", "tomasz.malek")
pls = [
    pipeline(88121, T("2026-02-12 10:14:03"), hexid(rng, 40), "Add seasonal synonyms: clementine/mandarin/satsuma", TM, "success", std_jobs(T("2026-02-12 10:14:03"))),
    pipeline(88144, T("2026-02-13 16:02:40"), hexid(rng, 40), "WIP plant-based synonyms", PR, "failed", std_jobs(T("2026-02-13 16:02:40"), lint_fail=True), ref="plant-milk-syn", source="merge_request_event"),
    pipeline(88163, T("2026-02-16 11:20:09"), hexid(rng, 40), "Fix typo in 'courgette => zucchini'", TM, "success", std_jobs(T("2026-02-16 11:20:09"))),
    pipeline(88177, T(D + "13:58:22"), hexid(rng, 40), "Add plant-milk and dairy multi-word synonyms (GROC-2291)", PR, "success",
             std_jobs(T(D + "13:58:22"), deploy=False), ref="plant-milk-syn", source="merge_request_event"),
    pipeline(88190, PIPE, "9c41e07d2b8a6f15e03c7d94a1b2e6f8c0d35a71", "Merge branch 'plant-milk-syn' into 'main'", PR, "success",
             [("lint:synonyms", "test", "success", add(PIPE, seconds=5), add(PIPE, seconds=14)),
              ("test:analyzer-staging", "test", "success", add(PIPE, seconds=5), add(PIPE, seconds=29)),
              ("deploy:prod", "deploy", "success", JOB0, JOB1)]),
    pipeline(88204, RPIPE, "e07b3a19c6d24f8a51e9b0c7d3a6f2e18b45c9d0", "Revert \"Merge branch 'plant-milk-syn' into 'main'\"", PR, "success",
             [("lint:synonyms", "test", "success", add(RPIPE, seconds=4), add(RPIPE, seconds=13)),
              ("test:analyzer-staging", "test", "skipped", None, None),
              ("deploy:prod", "deploy", "success", RJOB0, RJOB1)]),
]
inc.json("p412.json", {"project": {"id": 412, "path_with_namespace": "search/synonyms", "default_branch": "main"},
                       "exported_at": "2026-02-17T18:05:11Z", "pipelines": sorted(pls, key=lambda p: p["id"], reverse=True)})

# ---- Prometheus query_range: search 5xx ratio and ES search latency (benign)
def ratio(t):
    if failing(t) and t >= add(STARTED, seconds=30):
        return 0.118 + 0.01 * rng.random()
    return 0.0008 + 0.0006 * rng.random()
def es_p95(t):
    return 0.041 + 0.012 * rng.random()
inc.json("q_range.json", query_range([
    ({"service": "search-api", "route": "/v2/search"}, ratio),
    ({"cluster": "products-prod", "quantile": "0.95", "__name__": "es_search_latency_seconds"}, es_p95)],
    W0, W1, 30, fmt="%.4f"), indent=None)

# ---- Alertmanager webhook posts (ndjson)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
sl = {"severity": "page", "team": "search", "service": "search-api"}
H(add(ALERT, seconds=10), am_webhook("pd-search", [am_alert("SearchApi5xxRatio", sl, "search-api 5xx ratio 11.9% on /v2/search", ALERT)]))
H(add(ALERT_OK, seconds=10), am_webhook("pd-search", [am_alert("SearchApi5xxRatio", sl, "search-api 5xx ratio 11.9% on /v2/search", ALERT, ends=ALERT_OK)]))
fl = {"severity": "warning", "team": "growth", "service": "promo-banner"}
for a, b in [(T(D + "14:41:10"), T(D + "14:44:40")), (T(D + "15:19:40"), T(D + "15:23:10")), (T(D + "15:58:10"), T(D + "16:00:40")), (T(D + "16:37:40"), T(D + "16:40:10"))]:
    H(add(a, seconds=10), am_webhook("slack-growth", [am_alert("PromoBannerCacheMissHigh", fl, "promo-banner cache miss ratio > 30%", a)]))
    H(add(b, seconds=10), am_webhook("slack-growth", [am_alert("PromoBannerCacheMissHigh", fl, "promo-banner cache miss ratio > 30%", a, ends=b)]))
cl = {"severity": "warning", "team": "data", "job_name": "supplier-feed-import-29516770", "namespace": "data-jobs"}
H(add(CRON[-1], seconds=40), am_webhook("slack-data", [am_alert("KubeJobFailed", cl, "Job data-jobs/supplier-feed-import-29516770 failed to complete", add(CRON[-1], seconds=30))]))
ol = {"severity": "warning", "team": "search", "cluster": "products-prod"}
H(T(D + "16:48:20"), am_webhook("slack-search", [am_alert("ElasticsearchDiskWatermarkLow", ol, "es-data-4 disk usage above 80%", T(D + "16:48:10"))]))
inc.lines("hooks.ndjson", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- PagerDuty log entries
pd = PD(40217, "SearchApi5xxRatio search-api 5xx ratio on /v2/search", "search-api", "PSRCH01")
dana = PD.user("Dana Whitfield", "PDANAW1")
pd.add(PAGE, "trigger_log_entry", {"type": "events_api_v2_inbound_integration_reference", "summary": "Alertmanager prod"}, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Dana Whitfield by push notification.", user=dana)
pd.add(add(PAGE, seconds=121), "notify_log_entry", None, None, "Notified Dana Whitfield by phone.", user=dana)
pd.add(ACK, "acknowledge_log_entry", dana, {"type": "phone"}, "Acknowledged by Dana Whitfield.")
pd.add(ALERT_OK, "annotate_log_entry", None, {"type": "api", "summary": "Alert resolved in Alertmanager"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", dana, {"type": "web_ui"}, "Resolved by Dana Whitfield.")
inc.json("pd.json", pd.export())

# ---- Slack export
s = Slack()
for u, n, r in [("UDANA", "dana", "Dana Whitfield"), ("UPRIYA", "priya", "Priya Raman"), ("UTOM", "tomasz", "Tomasz Malek"),
                ("UJOEL", "joel", "Joel Okafor"), ("UMEI", "mei", "Mei Lin")]:
    s.user(u, n, r, "America/Chicago")
for cid, n in [("C01INC", "inc-search-500s"), ("C01DEP", "deploys"), ("C01DAT", "data-alerts")]:
    s.channel(cid, n)
for i, c in enumerate(CRON):
    s.bot("data-alerts", add(c, seconds=41), "BAM01", "alertmanager", attachments=am_slack_attachment(
        "firing", "KubeJobFailed", "Job data-jobs/supplier-feed-import-%d failed to complete" % (29512450 + 1440 * i), color="warning"))
s.bot("deploys", add(OTHER_DEPLOY, seconds=35), "BARGO1", "argocd", blocks=pd_slack_blocks(
    ":white_check_mark: Application *checkout-web* sync succeeded, revision `v4.18.2` (d41f0a2) by joel.okafor"))
s.bot("deploys", T(D + "14:52:13"), "BARGO1", "argocd", blocks=pd_slack_blocks(
    ":white_check_mark: Application *promo-banner* sync succeeded, revision `2026.02.17-2` (a77c31e) by mei.lin"))
ch = "inc-search-500s"
s.say(ch, add(ACK, seconds=35), "UDANA", "acked. search-api 500s on /v2/search, ~12%. errors are all `too_many_nested_clauses` from ES")
s.say(ch, add(ACK, seconds=95), "UDANA", "ES cluster itself looks fine: green, p95 ~45ms, no rejections")
s.say(ch, WRONG1, "UTOM", "could it be the heap on es-data-4? its disk is creeping up too, maybe it's struggling")
s.say(ch, add(WRONG1, seconds=70), "UDANA", "heap is 55% everywhere, and the errors come back in 10-20ms, that's a parse-time failure not a slow node")
s.say(ch, WRONG2, "UJOEL", "checkout-web v4.18.2 went out a couple of min ago, anything calling search differently?")
s.say(ch, add(WRONG2, seconds=50), "UDANA", "errors started 15:32, before your sync. and it's only some queries: milk, cheese, yogurt... bananas are fine")
s.say(ch, COMMS, "UMEI", "posted on status page: 'Some product searches are failing, we are investigating'")
s.say(ch, ROLLBACK_Q, "UJOEL", "should we roll back search-api to yesterday's build?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "UDANA", "search-api hasn't been deployed since Thursday, nothing to roll back there")
s.say(ch, add(ROLLBACK_Q, seconds=150), "UPRIYA", "joining. there was a synonyms merge this afternoon, checking")
s.say(ch, DIAG, "UPRIYA", "yep it's the synonyms push: 'milk' now expands into 14 multi-word variants in the synonym_graph, and with the per-field boosts the dairy queries blow past max_clause_count 1024")
s.say(ch, add(DIAG, seconds=50), "UPRIYA", "reverting the MR, the revert pipeline will reload the analyzers")
s.say(ch, add(RJOB1, seconds=40), "UDANA", "revert deployed at 16:02, no too_many_nested_clauses since. milk search works again")
s.say(ch, add(RJOB1, seconds=95), "UMEI", "status page updated to monitoring")
s.say(ch, add(RESOLVED, seconds=-40), "UDANA", "quiet for 15 min, resolving. follow-up: clause-count test in the synonyms pipeline")
s.write(inc, "slack")

inc.truth(
    "search-synonyms-clauses", "search-synonyms-update-query-clause-explosion",
    "A synonyms deploy (GitLab pipeline on search/synonyms) added multi-word dairy synonyms; queries for milk, cheese and yogurt expanded\n"
    "past Elasticsearch's max clause count and search-api returned 500 for them until the merge was reverted and analyzers reloaded.",
    (W0, W1),
    dict(started=STARTED, detected=ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(JOB1, "change", "synonyms pipeline 88190 deploy:prod finishes (PUT synonyms set, analyzers reloaded)", "p412.json", 60),
     (STARTED, "first_symptom", "first search failed: too_many_nested_clauses (q=milk)", "search-api.logfmt", 60),
     (ALERT, "alert_fired", "SearchApi5xxRatio firing", "hooks.ndjson", 60),
     (PAGE, "paged", "PagerDuty #40217 triggered", "pd.json", 60),
     (ACK, "acknowledged", "Dana Whitfield acknowledges", "pd.json", 60),
     (COMMS, "communication", "status page: some product searches failing", "slack", 60),
     (DIAG, "diagnosis", "Priya: the synonyms push expands milk into multi-word variants past max_clause_count", "slack", 60),
     (RJOB1, "mitigation", "revert pipeline 88204 deploy:prod reloads the previous synonyms", "p412.json", 60),
     (MITIGATED, "recovery", "last too_many_nested_clauses error; searches succeed", "search-api.logfmt", 60),
     (ALERT_OK, "alert_resolved", "SearchApi5xxRatio resolved", "hooks.ndjson", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "pd.json", 60)],
    [(CRON[-1], "supplier-feed-import job fails every night at 02:10 UTC", "slack"),
     (OTHER_DEPLOY, "checkout-web v4.18.2 Argo CD sync by another team", "slack"),
     (T(D + "14:52:00"), "promo-banner sync by growth team", "slack"),
     (T(D + "15:19:40"), "PromoBannerCacheMissHigh flapping all afternoon (growth team)", "hooks.ndjson"),
     (T(D + "16:48:10"), "ElasticsearchDiskWatermarkLow on es-data-4 after recovery", "hooks.ndjson"),
     (WRONG1, "wrong hunch: es-data-4 heap", "slack"),
     (WRONG2, "wrong hunch: checkout-web deploy", "slack"),
     (ROLLBACK_Q, "'should we roll back search-api?' question", "slack"),
     (T(D + "15:10:00"), "steady recs-api context deadline exceeded and slow autocomplete warnings all window", "search-api.logfmt")],
    [("search-api.logfmt", "logs"), ("p412.json", "deploys"), ("q_range.json", "prometheus-query-range"),
     ("hooks.ndjson", "alertmanager-webhook"), ("pd.json", "pagerduty-log-entries"), ("slack", "slack-export")])
