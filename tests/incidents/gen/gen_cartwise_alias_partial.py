"""retired13/cartwise-alias-partial: a reindex DAG's reindex task fails at 41%, but swap_alias and delete_old_index run
anyway (trigger_rule all_done); the products alias points at a partial index and search loses most of the catalog."""
import random
from common import *

rng = random.Random(20260820)
inc = Incident("retired13", "cartwise-alias-partial")
TZ = "America/New_York"
D = "2026-08-20 "
W0, W1 = T(D + "13:00:00"), T(D + "17:00:00")
TRIGGER = T(D + "13:30:04.118034")
REINDEX0 = T(D + "13:30:18")
REINDEX_FAIL = T(D + "14:11:52")      # started: first observable failure
SWAP = T(D + "14:12:21")              # alias swapped to partial catalog-v7
DELETE = T(D + "14:12:31")
SUPPORT1 = T(D + "14:22:15")
OTHER_DEPLOY = T(D + "14:20:40")
PAGE = T(D + "14:36:10")
ACK = T(D + "14:38:30")
WRONG = T(D + "14:41:10")
ROLLBACK_Q = T(D + "14:42:30")
ALERT = T(D + "14:44:05")
DIAG = T(D + "14:47:40")
STATUS = T(D + "14:52:05")
FALLBACK = T(D + "14:55:40")
RESTORE0 = T(D + "14:58:10")
GREEN = T(D + "15:31:45")
SWAP_BACK = T(D + "15:33:02")         # mitigated
RECOVERY = T(D + "15:33:30")
ALERT_OK = T(D + "15:41:05")
FALLBACK_OFF = T(D + "15:45:10")
CAUGHT_UP = T(D + "16:02:40")
RESOLVED = T(D + "16:06:30")
CRONS = [T("2026-08-%02d 13:05:%02d" % (d, 10 + 3 * d % 40)) for d in (17, 18, 19, 20)]
TOTAL, PARTIAL = 2936870, 1204311


def zero_ratio(t):
    w = 0.004 * ((int(epoch(t)) // 30) % 3 - 1)
    if SWAP <= t < SWAP_BACK:
        return (0.118 if t >= add(FALLBACK, seconds=30) else 0.381) + w
    return 0.031 + w


# ---- Airflow task logs (Airflow 2.2 file task handler, local time without offset, America/New_York)
RUN = "manual__2026-08-20T13:30:04.118034+00:00"
def AF(rel, recs):
    out = []
    for t, src, lvl, msg in sorted(recs, key=lambda r: r[0]):
        lt = local(t, TZ)
        out.append("[%s,%03d] {%s} %s - %s" % (lt.strftime("%Y-%m-%d %H:%M:%S"), lt.microsecond // 1000, src, lvl, msg))
    inc.lines("catalog_reindex_v7/dag_id=catalog_reindex_v7/run_id=%s/task_id=%s/attempt=1.log" % (RUN, rel), out)
def head(t, task, op):
    return [(t, "taskinstance.py:1035", "INFO", "Dependencies all met for <TaskInstance: catalog_reindex_v7.%s %s [queued]>" % (task, RUN)),
            (add(t, seconds=0.02), "taskinstance.py:1241", "INFO", "\n" + "-" * 80),
            (add(t, seconds=0.03), "taskinstance.py:1242", "INFO", "Starting attempt 1 of 1"),
            (add(t, seconds=0.05), "taskinstance.py:1262", "INFO", "Executing <Task(%s): %s> on 2026-08-20 13:30:04.118034+00:00" % (op, task)),
            (add(t, seconds=0.07), "standard_task_runner.py:52", "INFO", "Started process %d to run task" % rng.randint(20000, 60000))]
ci = add(TRIGGER, seconds=5)
AF("create_index", head(ci, "create_index", "PythonOperator") + [
    (add(ci, seconds=1.2), "catalog_reindex.py:58", "INFO", "PUT /catalog-v7 (mapping v7: dietary_tags keyword, net_weight float, 6 shards, 0 replicas during build)"),
    (add(ci, seconds=3.9), "catalog_reindex.py:63", "INFO", "index catalog-v7 created: {'acknowledged': True, 'shards_acknowledged': True, 'index': 'catalog-v7'}"),
    (add(ci, seconds=4.1), "python.py:151", "INFO", "Done. Returned value was: catalog-v7"),
    (add(ci, seconds=4.3), "taskinstance.py:1280", "INFO", "Marking task as SUCCESS. dag_id=catalog_reindex_v7, task_id=create_index, execution_date=20260820T133004, start_date=20260820T133009, end_date=20260820T133013"),
    (add(ci, seconds=4.6), "local_task_job.py:154", "INFO", "Task exited with return code 0")])
ri = [(REINDEX0, "catalog_reindex.py:81", "INFO", "POST /_reindex?slices=6&wait_for_completion=false&requests_per_second=600 source=catalog-v6 dest=catalog-v7"),
      (add(REINDEX0, seconds=0.4), "catalog_reindex.py:86", "INFO", "reindex task es-data-1:8812937 started, polling every 60s")]
done = 0
for t in frange(add(REINDEX0, seconds=60), REINDEX_FAIL, 60):
    done = min(PARTIAL - 4000, int((t - REINDEX0).total_seconds() * 482.7))
    ri.append((t, "catalog_reindex.py:94", "INFO", "reindex progress: created=%d updated=0 batches=%d total=%d (%.1f%%)" % (done, done // 1000, TOTAL, 100.0 * done / TOTAL)))
ri += [(REINDEX_FAIL, "catalog_reindex.py:101", "ERROR", "reindex task es-data-1:8812937 completed with 1 failure(s): created=%d of total=%d; "
        "first failure: index=catalog-v7 id=sku-00418722 cause={'type': 'mapper_parsing_exception', 'reason': \"failed to parse field [net_weight] of type [float] in document with id 'sku-00418722'. Preview of field's value: '1,5 kg'\"}" % (PARTIAL, TOTAL)),
       (add(REINDEX_FAIL, seconds=0.2), "taskinstance.py:1703", "ERROR", "Task failed with exception\nTraceback (most recent call last):\n  File \"/opt/airflow/dags/search/catalog_reindex.py\", line 103, in run_reindex\n    raise AirflowException(f\"reindex failed after {created} docs\")\nairflow.exceptions.AirflowException: reindex failed after %d docs" % PARTIAL),
       (add(REINDEX_FAIL, seconds=0.5), "taskinstance.py:1280", "INFO", "Marking task as FAILED. dag_id=catalog_reindex_v7, task_id=reindex, execution_date=20260820T133004, start_date=20260820T133018, end_date=20260820T141152"),
       (add(REINDEX_FAIL, seconds=0.9), "local_task_job.py:154", "INFO", "Task exited with return code 1")]
AF("reindex", head(add(REINDEX0, seconds=-1), "reindex", "PythonOperator") + ri)
sw = add(SWAP, seconds=-2)
AF("swap_alias", head(sw, "swap_alias", "PythonOperator") + [
    (add(sw, seconds=0.6), "catalog_reindex.py:121", "INFO", "POST /_aliases actions=[remove index=catalog-v6 alias=products, add index=catalog-v7 alias=products is_write_index=true]"),
    (SWAP, "catalog_reindex.py:125", "INFO", "alias products -> catalog-v7: {'acknowledged': True}"),
    (add(SWAP, seconds=0.3), "taskinstance.py:1280", "INFO", "Marking task as SUCCESS. dag_id=catalog_reindex_v7, task_id=swap_alias, execution_date=20260820T133004, start_date=20260820T141219, end_date=20260820T141221")])
dl = add(DELETE, seconds=-3)
AF("delete_old_index", head(dl, "delete_old_index", "PythonOperator") + [
    (add(dl, seconds=0.5), "catalog_reindex.py:139", "INFO", "previous index for alias products: catalog-v6 (retain_previous=False)"),
    (DELETE, "catalog_reindex.py:142", "INFO", "DELETE /catalog-v6: {'acknowledged': True}"),
    (add(DELETE, seconds=0.2), "taskinstance.py:1280", "INFO", "Marking task as SUCCESS. dag_id=catalog_reindex_v7, task_id=delete_old_index, execution_date=20260820T133004, start_date=20260820T141228, end_date=20260820T141231")])

# ---- Elasticsearch server log (ECS JSON)
es = []
def E(t, lvl, logger, node, thread, msg):
    es.append((t, jline({"@timestamp": iso(t, ms=True), "log.level": lvl, "message": msg, "ecs.version": "1.2.0", "service.name": "ES_ECS",
                          "event.dataset": "elasticsearch.server", "process.thread.name": "elasticsearch[%s][%s]" % (node, thread),
                          "log.logger": logger, "elasticsearch.cluster.name": "catalog-prod", "elasticsearch.node.name": node})))
E(add(ci, seconds=2.8), "INFO", "org.elasticsearch.cluster.metadata.MetadataCreateIndexService", "es-master-1", "masterService#updateTask][T#1",
  "[catalog-v7] creating index, cause [api], templates [], shards [6]/[0]")
E(DELETE, "INFO", "org.elasticsearch.cluster.metadata.MetadataDeleteIndexService", "es-master-1", "masterService#updateTask][T#1", "[catalog-v6/q8Ztb1xPRbu3aW2f0nH3jA] deleting index")
E(RESTORE0, "INFO", "org.elasticsearch.snapshots.RestoreService", "es-master-1", "masterService#updateTask][T#1",
  "started restore of snapshot [catalog-snaps:nightly-snap-2026.08.20/7kYc0u1nRzWm2v4Ea9sL1g] for indices [catalog-v6]")
E(add(RESTORE0, seconds=1), "INFO", "org.elasticsearch.cluster.routing.allocation.AllocationService", "es-master-1", "masterService#updateTask][T#1",
  "Cluster health status changed from [GREEN] to [RED] (reason: [restore snapshot [catalog-snaps:nightly-snap-2026.08.20/7kYc0u1nRzWm2v4Ea9sL1g]]).")
E(T(D + "15:12:09"), "INFO", "org.elasticsearch.cluster.routing.allocation.AllocationService", "es-master-1", "masterService#updateTask][T#1",
  "Cluster health status changed from [RED] to [YELLOW] (reason: [shards started [[catalog-v6][5]]]).")
E(GREEN, "INFO", "org.elasticsearch.cluster.routing.allocation.AllocationService", "es-master-1", "masterService#updateTask][T#1",
  "Cluster health status changed from [YELLOW] to [GREEN] (reason: [shards started [[catalog-v6][2]]]).")
for t in poisson_times(rng, W0, W1, 1 / 420.0):
    n = rng.choice(["es-data-1", "es-data-2", "es-data-3"])
    E(t, "WARN", "index.search.slowlog.query", n, "search][T#%d" % rng.randint(1, 13),
      "[catalog-v%d][%d] took[%d.%dms], took_millis[%d], total_hits[%d hits], search_type[QUERY_THEN_FETCH], total_shards[6], source[{\"size\":24,\"query\":{\"bool\":{...}}}]" % (
          6 if t < SWAP or t >= SWAP_BACK else 7, rng.randint(0, 5), rng.randint(510, 900), rng.randint(0, 9), rng.randint(510, 900), rng.randint(0, 4000)))
for t in poisson_times(rng, W0, W1, 1 / 600.0):
    n = rng.choice(["es-data-1", "es-data-2", "es-data-3"])
    E(t, "INFO", "org.elasticsearch.monitor.jvm.JvmGcMonitorService", n, "scheduler][T#1", "[gc][%d] overhead, spent [%dms] collecting in the last [1s]" % (rng.randint(100000, 999999), rng.randint(250, 480)))
inc.lines("es-catalog-prod.json", [l for _, l in sorted(es, key=lambda x: x[0])])

# ---- search-api logs (python-json-logger)
sa = []
QUERIES = ["oat milk", "gluten free bread", "bananas", "greek yogurt", "coffee beans", "almond butter", "eggs", "spinach",
           "sparkling water", "tortilla chips", "dog food", "paper towels", "oatly barista", "kombucha", "tofu", "rice"]
for t in poisson_times(rng, W0, W1, 0.11):
    q = rng.choice(QUERIES)
    z = rng.random() < zero_ratio(t)
    fb = z and SWAP <= t < SWAP_BACK and t >= add(FALLBACK, seconds=30)
    rec = {"timestamp": t.isoformat(), "level": "INFO", "name": "cartwise.search.handlers", "message": "search served",
           "q": q, "store_id": rng.choice([1104, 1107, 2231, 3302, 4410]), "index": "products", "hits": 0 if z else rng.randint(3, 480),
           "took_ms": rng.randint(9, 60), "fallback": "pg_fts" if fb else None}
    sa.append((t, jline(rec)))
for t in poisson_times(rng, W0, W1, 1 / 240.0):
    sa.append((t, jline({"timestamp": t.isoformat(), "level": "WARNING", "name": "cartwise.search.es", "message": "elasticsearch request timed out after 800ms, retrying (1/2)",
                         "endpoint": "/products/_search", "node": rng.choice(["es-data-1", "es-data-2", "es-data-3"])})))
for t in poisson_times(rng, W0, W1, 1 / 300.0):
    sa.append((t, jline({"timestamp": t.isoformat(), "level": "WARNING", "name": "cartwise.search.suggest", "message": "suggest rejected: query shorter than 2 chars", "status": 400})))
inc.lines("search-api.jsonl", [l for _, l in sorted(sa, key=lambda x: x[0])])

# ---- OpenMetrics scrape dump of the search exporter
pts = list(frange(W0, W1, 30))
def docs(t):
    if SWAP <= t < SWAP_BACK:
        return PARTIAL
    return TOTAL + (0 if t < SWAP else -3211)
inc.write("search-exporter.om", openmetrics([
    ("search_zero_result_ratio", "gauge", "Share of searches with zero hits over the last minute.",
     [({"service": "search-api", "alias": "products"}, [(t, round(zero_ratio(t), 4)) for t in pts])]),
    ("search_alias_docs", "gauge", "Document count of the index behind the alias.",
     [({"cluster": "catalog-prod", "alias": "products"}, [(t, docs(t)) for t in pts])]),
]))

# ---- Unleash admin events
ev = []
def U(t, typ, who, feat, project, env, enabled=None):
    ev.append({"id": 88000 + len(ev) * 3 + rng.randint(0, 2), "type": typ, "createdBy": who, "createdAt": iso(t, ms=True),
               "featureName": feat, "project": project, "environment": env, "data": None if enabled is None else {"enabled": enabled},
               "preData": None if enabled is None else {"enabled": not enabled}, "tags": []})
U(T(D + "13:55:02"), "feature-environment-enabled", "aisha.bello@cartwise.com", "loyalty.double-points-thursday", "loyalty", "production", True)
U(T(D + "14:03:47"), "feature-strategy-update", "aisha.bello@cartwise.com", "loyalty.double-points-thursday", "loyalty", "production")
U(FALLBACK, "feature-environment-enabled", "dana.kim@cartwise.com", "search.zero_result_fallback", "search", "production", True)
U(FALLBACK_OFF, "feature-environment-disabled", "dana.kim@cartwise.com", "search.zero_result_fallback", "search", "production", False)
U(T(D + "16:20:31"), "feature-environment-enabled", "marco.ricci@cartwise.com", "checkout.apple-pay-express", "checkout", "production", True)
inc.json("unleash-events.json", {"version": 2, "events": sorted(ev, key=lambda e: e["createdAt"], reverse=True), "totalEvents": len(ev)})

# ---- Alertmanager API snapshot (amtool -o json alert query), taken 14:50
snap = T(D + "14:50:00")
inc.json("am-alerts.json", [
    amtool_alert("SearchZeroResultRateHigh", {"severity": "warning", "team": "search", "service": "search-api"}, "zero-result searches at 38% (baseline 3%)", ALERT, snap, receivers=("slack-search",)),
    amtool_alert("KubeJobFailed", {"severity": "warning", "team": "search", "namespace": "search", "job_name": "es-curator-29263945"}, "Job search/es-curator-29263945 failed to complete", CRONS[-1], snap, receivers=("slack-search",)),
    amtool_alert("PostgresReplicationLag", {"severity": "warning", "team": "orders", "instance": "orders-pg-2:9187"}, "replica lag above 30s", T(D + "14:47:30"), snap, receivers=("slack-orders",)),
    amtool_alert("RabbitMQQueueBacklog", {"severity": "warning", "team": "notifications", "queue": "push.send"}, "push.send backlog above 50k", T(D + "13:41:10"), snap, receivers=("slack-notify",)),
])

# ---- PagerDuty (manual web trigger by support)
pd = PD(7731, "Customers can't find products in search (many 'no results')", "search-api", "PSRC0A1", "Search")
maria, dana = PD.user("Maria Santos", "PMARIA3"), PD.user("Dana Kim", "PDANAK1")
pd.add(PAGE, "trigger_log_entry", maria, {"type": "web_trigger", "summary": "Customers can't find products in search (many 'no results')",
       "details": "11 support chats since 10:20 ET: oat milk, gluten free bread etc return no results on app and web"}, "Triggered through the website.")
pd.add(add(PAGE, seconds=1), "assign_log_entry", maria, {"type": "web_trigger"}, "Assigned to Dana Kim.", assignees=[dana])
pd.add(add(PAGE, seconds=2), "notify_log_entry", None, None, "Notified Dana Kim by push notification.", user=dana)
pd.add(ACK, "acknowledge_log_entry", dana, {"type": "mobile"}, "Acknowledged by Dana Kim.")
pd.add(T(D + "15:00:12"), "annotate_log_entry", dana, {"type": "web_ui", "summary": "restore of catalog-v6 from nightly snapshot running, ETA 35 min"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", dana, {"type": "web_ui"}, "Resolved by Dana Kim.")
inc.json("pagerduty-7731.json", pd.export())

# ---- slack
s = Slack()
for u, n, r in [("U3DANA", "dana.kim", "Dana Kim"), ("U3SAM", "sam.ortiz", "Sam Ortiz"), ("U3RAVI", "ravi", "Ravi Menon"),
                ("U3MARIA", "maria.s", "Maria Santos"), ("U3KOFI", "kofi", "Kofi Mensah"), ("U3AISHA", "aisha", "Aisha Bello")]:
    s.user(u, n, r, "America/New_York")
for cid, n in [("C3SUP", "support-escalations"), ("C3INC", "inc-search-missing"), ("C3ALR", "search-alerts"), ("C3DEP", "deploys"), ("C3STAT", "status")]:
    s.channel(cid, n)
for c in CRONS:
    s.bot("search-alerts", add(c, seconds=40), "B3AM", "alertmanager", attachments=am_slack_attachment(
        "firing", "KubeJobFailed", "Job search/es-curator failed to complete (curator: snapshot repo read-only)", color="warning"))
s.bot("search-alerts", add(ALERT, seconds=31), "B3AM", "alertmanager", attachments=am_slack_attachment(
    "firing", "SearchZeroResultRateHigh", "zero-result searches at 38% (baseline 3%)", color="warning"))
s.bot("search-alerts", add(ALERT_OK, seconds=31), "B3AM", "alertmanager", attachments=am_slack_attachment(
    "resolved", "SearchZeroResultRateHigh", "zero-result searches back under 6%"))
s.bot("deploys", T(D + "11:05:12"), "B3ARGO", "argocd", blocks=pd_slack_blocks("*search-api* 5.3.2 synced to production (dana.kim)"))
s.bot("deploys", OTHER_DEPLOY, "B3ARGO", "argocd", blocks=pd_slack_blocks("*loyalty-svc* 3.2.1 synced to production (aisha.bello)"))
s.bot("deploys", T(D + "15:52:44"), "B3ARGO", "argocd", blocks=pd_slack_blocks("*checkout-web* 9.14.0 synced to production (marco.ricci)"))
s.say("deploys", T(D + "13:29:40"), "U3SAM", "kicking off catalog_reindex_v7 (dietary tags mapping), should take ~1h, alias swap at the end")
s.say("support-escalations", SUPPORT1, "U3KOFI", "3 chats in 10 min: customers searching 'oat milk', 'gluten free bread' get 'no results'. app and web")
s.say("support-escalations", T(D + "14:29:40"), "U3MARIA", "11 chats now, all search. paging search on-call")
s.say("support-escalations", add(PAGE, seconds=15), "U3MARIA", "paged via PagerDuty (#7731)")
ch = "inc-search-missing"
s.say(ch, add(ACK, seconds=40), "U3DANA", "acked. zero-result share jumped from 3% to 38% at 14:12 UTC, search-api has no errors")
s.say(ch, WRONG, "U3RAVI", "could it be yesterday's synonyms edit for plant milks? oat milk is one of them")
s.say(ch, ROLLBACK_Q, "U3RAVI", "should we roll back search-api to 5.3.1? 5.3.2 went out this morning")
s.say(ch, add(ROLLBACK_Q, seconds=50), "U3DANA", "5.3.2 went out at 11:05, zero results start at 14:12. and 'bananas' returns nothing too, not a synonym thing")
s.say(ch, DIAG, "U3SAM", "it's my reindex DAG. reindex died at 41% (mapper_parsing_exception on net_weight '1,5 kg'), verify_counts was skipped, but swap_alias is trigger_rule=all_done so it pointed products at the partial catalog-v7 anyway. and delete_old_index ran too: catalog-v6 is gone")
s.say(ch, add(DIAG, seconds=80), "U3DANA", "so no swap back. restore v6 from the 06:00 SLM snapshot (~35 min for 2.9M docs) and meanwhile turn on the zero-result fallback to postgres FTS")
s.say(ch, add(FALLBACK, seconds=50), "U3DANA", "fallback on: zero-result 38% -> 12%. fallback relevance is poor but products show up")
s.say(ch, add(RESTORE0, seconds=25), "U3DANA", "restore of catalog-v6 from nightly-snap-2026.08.20 started")
s.say(ch, add(SWAP_BACK, seconds=13), "U3DANA", "catalog-v6 restored and green, POST _aliases products -> catalog-v6 acknowledged. zero-result back to 3%")
s.say(ch, T(D + "15:36:20"), "U3SAM", "indexer replaying price/stock updates since the 06:00 snapshot from kafka, ~25 min")
s.say(ch, add(FALLBACK_OFF, seconds=20), "U3DANA", "fallback flag off again")
s.say(ch, add(CAUGHT_UP, seconds=5), "U3SAM", "replay caught up, prices and stock current. follow-ups: trigger_rule, count check before swap, keep previous index 24h")
s.say(ch, add(RESOLVED, seconds=-25), "U3DANA", "resolving")
for t, title, text, color in [(STATUS, "Investigating - Some products missing from search", "Some products don't appear in search results. Browsing categories works.", "ECB22E"),
                              (add(SWAP_BACK, minutes=4), "Monitoring - Search", "All products are searchable again. Prices and stock are being refreshed.", "2EB67D"),
                              (add(RESOLVED, minutes=2), "Resolved - Search", "This incident has been resolved.", "2EB67D")]:
    s.bot("status", t, "B3SP", "Statuspage", attachments=[{"color": color, "fallback": title, "title": title, "text": text, "mrkdwn_in": ["text"]}])
s.write(inc, "slack-export")

AFDIR = "catalog_reindex_v7/dag_id=catalog_reindex_v7/run_id=%s/task_id=" % RUN
inc.truth(
    "cartwise-alias-partial", "reindex-pipeline-swaps-alias-to-partial-index-customer-detected",
    "A catalog reindex DAG failed at 41% on a mapping error, but its swap_alias and delete_old_index tasks (trigger_rule all_done) pointed\n"
    "the products alias at the partial index and deleted the old one; support paged by hand, a fallback helped partly until a snapshot restore.",
    (W0, W1),
    dict(started=REINDEX_FAIL, detected=PAGE, acknowledged=ACK, mitigated=SWAP_BACK, resolved=RESOLVED),
    [(TRIGGER, "change", "catalog_reindex_v7 DAG run started (new mapping, reindex into catalog-v7)", AFDIR + "create_index/attempt=1.log", 60),
     (REINDEX_FAIL, "first_symptom", "reindex task fails at 41% (mapper_parsing_exception on net_weight)", AFDIR + "reindex/attempt=1.log", 60),
     (SWAP, "change", "swap_alias points products at partial catalog-v7; catalog-v6 deleted 10 s later", AFDIR + "swap_alias/attempt=1.log", 60),
     (PAGE, "paged", "support lead triggers PagerDuty #7731 by hand", "pagerduty-7731.json", 60),
     (ACK, "acknowledged", "Dana acknowledges", "pagerduty-7731.json", 60),
     (ALERT, "alert_fired", "SearchZeroResultRateHigh (warning) fires", "am-alerts.json", 60),
     (DIAG, "diagnosis", "Sam: reindex died, swap_alias ran anyway (all_done), catalog-v6 deleted", "slack-export", 90),
     (STATUS, "communication", "Statuspage: some products missing from search", "slack-export", 90),
     (FALLBACK, "mitigation", "search.zero_result_fallback enabled (partial: 38% -> 12%)", "unleash-events.json", 60),
     (SWAP_BACK, "mitigation", "restored catalog-v6 green, alias products swapped back", "slack-export", 90),
     (RECOVERY, "recovery", "zero-result ratio back to 3%", "search-exporter.om", 60),
     (RESOLVED, "resolved", "PagerDuty #7731 resolved after the update replay caught up", "pagerduty-7731.json", 60)],
    [(CRONS[-1], "daily es-curator job failure (KubeJobFailed every day ~13:05)", "am-alerts.json"),
     (OTHER_DEPLOY, "loyalty team deploys loyalty-svc 3.2.1", "slack-export"),
     (T(D + "13:55:02"), "loyalty team enables loyalty.double-points-thursday", "unleash-events.json"),
     (T(D + "14:47:30"), "PostgresReplicationLag for the orders team", "am-alerts.json"),
     (T(D + "13:41:10"), "RabbitMQQueueBacklog for the notifications team", "am-alerts.json"),
     (WRONG, "wrong hunch: yesterday's synonyms edit", "slack-export"),
     (ROLLBACK_Q, "'should we roll back search-api?' question", "slack-export"),
     (T(D + "15:00:00"), "steady ES slowlog, GC overhead, search timeouts and suggest 400s all window", "search-api.jsonl"),
     (FALLBACK_OFF, "fallback flag turned off after recovery", "unleash-events.json")],
    [(AFDIR + t + "/attempt=1.log", "logs", TZ) for t in ("create_index", "reindex", "swap_alias", "delete_old_index")] +
    [("es-catalog-prod.json", "logs"), ("search-api.jsonl", "logs"), ("search-exporter.om", "openmetrics"),
     ("unleash-events.json", "deploys"), ("am-alerts.json", "alertmanager-api-alerts"), ("pagerduty-7731.json", "pagerduty-log-entries"),
     ("slack-export", "slack-export")])
