"""retired5/search-es-heap: fielddata enabled on a text field for a new dashboard fills os-data-3's JVM heap over an
hour (GC warnings, an early heap warning) until the node drops out, products-v42 (0 replicas) goes red and search
fails; mitigated by restarting the node."""
import random
from common import *

rng = random.Random(20261124)
inc = Incident("retired5", "search-es-heap")
D = "2026-11-24 "
W0, W1 = T(D + "09:30:00"), T(D + "12:30:00")   # "9:30 to 12:30" typed around the 11:01 page
CHANGE = T(D + "09:39:02")
DASH_LIVE = T(D + "09:40:30")
GROW0, GROW1 = T(D + "09:41:00"), T(D + "10:57:00")
STARTED = T(D + "10:04:47")
DISMISS = T(D + "10:19:20")
OTHER_DEPLOY = T(D + "10:20:14")
NODE_LEFT = T(D + "10:58:03")
RED_ALERT = T(D + "10:59:03")
PAGE_ALERT = T(D + "11:01:30")
PAGE = T(D + "11:01:31")
ACK = T(D + "11:04:12")
WRONG1 = T(D + "11:06:00")
STATUS = T(D + "11:07:30")
ROLLBACK_Q = T(D + "11:08:15")
WRONG2 = T(D + "11:09:30")
DIAG = T(D + "11:11:40")
RESTART = T(D + "11:14:50")
NODE_UP = T(D + "11:15:31")
JOINED = T(D + "11:16:52")
PRIMARY_OK = T(D + "11:19:41")
MITIGATED = T(D + "11:19:45")
RED_OK = T(D + "11:20:33")
HEAP_OK = T(D + "11:21:00")
REPLICAS = T(D + "11:23:10")
ALERT_OK = T(D + "11:24:30")
GREEN = T(D + "11:31:06")
RESOLVED = T(D + "11:52:40")
CRON = [T("2026-11-%02d 10:30:%02d" % (d, d)) for d in (21, 22, 23, 24)]
NODES = ["os-data-%d" % i for i in range(6)]


def clip(x, a=0.0, b=1.0):
    return max(a, min(b, x))


def floor3(t):
    f = clip((t - GROW0).total_seconds() / (GROW1 - GROW0).total_seconds())
    return 40.0 + 57.0 * f


def heap(node, t):
    saw = (epoch(t) % 300) / 300.0
    if node == "os-data-3":
        if NODE_LEFT <= t < add(NODE_UP, seconds=30):
            return None                       # exporter cannot reach the node
        if t >= NODE_UP:
            fl = 22.0 + 10 * clip((t - NODE_UP).total_seconds() / 1800)
            return fl + 28 * saw
        fl = floor3(t)
        return min(99.0, fl + min(30.0, 99.0 - fl) * saw)
    i = NODES.index(node)
    fl = 36.0 + 2.5 * i
    return fl + 30 * ((epoch(t) + 47 * i) % 300) / 300.0


# the heap warning: avg_over_time(heap[5m]) > 75 for 5m, evaluated every 30 s
def avg5(t):
    vals = [heap("os-data-3", add(t, seconds=-s)) for s in range(0, 300, 15)]
    vals = [v for v in vals if v is not None]
    return sum(vals) / len(vals)
HEAP_WARN = None
t = T(D + "09:45:00")
while HEAP_WARN is None:
    if all(avg5(add(t, seconds=-s)) > 75 for s in range(0, 301, 30)):
        HEAP_WARN = t
    t = add(t, seconds=30)
assert T(D + "10:10:00") <= HEAP_WARN <= T(D + "10:25:00"), HEAP_WARN
assert STARTED < HEAP_WARN

# ---- os-data-3 OpenSearch log (log4j2 pattern, UTC, no offset)
ol = []
def O(t, lvl, comp, msg, trace=()):
    u = t.astimezone(UTC)
    ol.append((t, "\n".join(["[%s,%03d][%-5s][%s] [os-data-3] %s" % (u.strftime("%Y-%m-%dT%H:%M:%S"), u.microsecond // 1000, lvl, comp, msg)] + list(trace))))
BOOT = T("2026-11-18 06:12:40")
def gcid(t, boot=BOOT):
    return int((t - boot).total_seconds())
for tt in poisson_times(rng, W0, W1, 1 / 330.0):
    if NODE_LEFT <= tt < NODE_UP:
        continue
    O(tt, "WARN", "o.o.h.AbstractHttpServerTransport",
      "caught exception while handling client http traffic, closing connection Netty4HttpChannel{localAddress=/10.62.3.14:9200, remoteAddress=/10.62.1.%d:%d}" % (rng.randint(2, 40), rng.randint(40000, 60000)),
      ["java.io.IOException: Connection reset by peer", "\tat java.base/sun.nio.ch.SocketDispatcher.read0(Native Method)",
       "\tat java.base/sun.nio.ch.SocketDispatcher.read(SocketDispatcher.java:47)", "\tat io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:569)",
       "\tat java.base/java.lang.Thread.run(Thread.java:1583)"])
# GC overhead warnings, more often as the floor rises
tt = add(STARTED, seconds=0.318)
oldn = 37
total_old = 48.0
while tt < NODE_LEFT:
    fl = floor3(tt)
    frac = clip((fl - 57.0) / 40.0)
    spent = 0.9 + 2.6 * frac + rng.uniform(0, 0.4)
    O(tt, "WARN" if frac > 0.02 or tt < add(STARTED, seconds=1) else "INFO", "o.o.m.j.JvmGcMonitorService",
      "[gc][%d] overhead, spent [%.1fs] collecting in the last [%.1fs]" % (gcid(tt), spent, spent + rng.uniform(0.3, 0.9)))
    if fl > 72 and rng.random() < 0.5:
        dur = 2.0 + 40 * clip((fl - 72) / 25.0) ** 2 + rng.uniform(0, 1.5)
        oldn += 1
        total_old += dur
        used = 15.5 * min(0.995, fl / 100 + 0.03)
        after = 15.5 * min(0.99, fl / 100 - 0.01)
        lvl = "WARN" if dur >= 10 else "INFO"
        O(add(tt, seconds=dur), lvl, "o.o.m.j.JvmGcMonitorService",
          "[gc][old][%d][%d] duration [%.1fs], collections [1]/[%.1fs], total [%.1fs]/[%.1fm], memory [%.1fgb]->[%.1fgb]/[15.5gb], all_pools {[young] [0b]->[0b]/[0b]}{[old] [%.1fgb]->[%.1fgb]/[15.5gb]}{[survivor] [%dmb]->[0b]/[0b]}" % (
              gcid(tt), oldn, dur, dur + rng.uniform(0.2, 0.8), dur, total_old / 60, used, after, used - 0.3, after, rng.randint(90, 260)))
    gap = 240 - 215 * frac + rng.uniform(-20, 20)
    tt = add(tt, seconds=max(12.0, gap))
CBE = ["org.opensearch.core.common.breaker.CircuitBreakingException: [parent] Data too large, data for [<http_request>] would be [%d/%.1fgb], which is larger than the limit of [15824306585/14.7gb], real usage: [%d/%.1fgb], new bytes reserved: [0/0b], usages [request=0/0b, fielddata=10522817331/9.8gb, in_flight_requests=18212/17.7kb]",
       "\tat org.opensearch.indices.breaker.HierarchyCircuitBreakerService.checkParentLimit(HierarchyCircuitBreakerService.java:440)",
       "\tat org.opensearch.common.breaker.ChildMemoryCircuitBreaker.addEstimateBytesAndMaybeBreak(ChildMemoryCircuitBreaker.java:108)",
       "\tat org.opensearch.http.HttpServerTransport.dispatchRequest(AbstractHttpServerTransport.java:387)",
       "\t... 18 more"]
for tt in poisson_times(rng, T(D + "10:41:00"), NODE_LEFT, 1 / 55.0):
    b = rng.randint(16300000000, 16500000000)
    O(tt, "WARN", "r.suppressed", "path: /products-v42/_search, params: {index=products-v42, preference=_local}",
      [CBE[0] % (b, b / 2**30, b, b / 2**30)] + CBE[1:])
    if rng.random() < 0.4:
        O(add(tt, seconds=0.2), "INFO", "o.o.i.b.HierarchyCircuitBreakerService", "attempting to trigger G1GC due to high heap usage [%d]" % b)
O(add(NODE_LEFT, seconds=48.271), "INFO", "o.o.c.c.Coordinator",
  "cluster-manager node [{os-master-0}{Zr1kq0oNR7q1m2aE5cXyWg}{g7tK1nQwS4e0a9pXcVbL2A}{10.62.0.11}{10.62.0.11:9300}{m}] failed, restarting discovery",
  ["org.opensearch.OpenSearchException: node [{os-master-0}{Zr1kq0oNR7q1m2aE5cXyWg}] failed [3] consecutive checks",
   "\tat org.opensearch.cluster.coordination.LeaderChecker$CheckScheduler$1.handleException(LeaderChecker.java:293)",
   "Caused by: org.opensearch.transport.RemoteTransportException: [os-master-0][10.62.0.11:9300][internal:coordination/fault_detection/leader_check]",
   "Caused by: org.opensearch.cluster.coordination.CoordinationStateRejectedException: rejecting leader check since [{os-data-3}{pX2mZkq8QpW3r5tY7uIo0A}] has been removed from the cluster"])
for i in range(5):
    O(add(NODE_LEFT, seconds=75 + 170 * i + rng.randint(0, 40) + rng.random()), "WARN", "o.o.c.c.ClusterFormationFailureHelper",
      "cluster-manager not discovered yet: have discovered [{os-data-3}{pX2mZkq8QpW3r5tY7uIo0A}]; discovery will continue using [10.62.0.11:9300, 10.62.0.12:9300, 10.62.0.13:9300] from hosts providers")
    O(add(NODE_LEFT, seconds=98 + 170 * i + rng.randint(0, 30) + rng.random()), "WARN", "o.o.m.j.JvmGcMonitorService",
      "[gc][old][%d][%d] duration [%.1fs], collections [1]/[%.1fs], total [%.1fs]/[%.1fm], memory [15.4gb]->[15.3gb]/[15.5gb], all_pools {[young] [0b]->[0b]/[0b]}{[old] [15.3gb]->[15.3gb]/[15.5gb]}{[survivor] [0b]->[0b]/[0b]}" % (
          gcid(NODE_LEFT) + 100 + 170 * i, oldn + 1 + i, 38 + 3 * i, 39 + 3 * i, total_old + 40 * (i + 1), (total_old + 40 * (i + 1)) / 60))
O(add(RESTART, seconds=1.093), "INFO", "o.o.n.Node", "stopping ...")
B2 = NODE_UP
for dt, comp, msg in [(0, "o.o.n.Node", "version[2.17.1], pid[1], build[tar/1893d20797e30110acf5ebab2fcd6b0ee6e7fdd3/2024-12-03T20:56:16.219433524Z], OS[Linux/6.1.115-126.197.amzn2023.x86_64/amd64], JVM[Eclipse Adoptium/OpenJDK 64-Bit Server VM/21.0.5/21.0.5+11-LTS]"),
                      (0.3, "o.o.n.Node", "JVM arguments [-Xms15872m, -Xmx15872m, -XX:+UseG1GC, -XX:G1ReservePercent=25, -XX:InitiatingHeapOccupancyPercent=30, -XX:+HeapDumpOnOutOfMemoryError]"),
                      (9.8, "o.o.e.NodeEnvironment", "using [1] data paths, mounts [[/usr/share/opensearch/data (/dev/nvme1n1)]], net usable_space [612.4gb], net total_space [1tb], types [ext4]"),
                      (41.2, "o.o.t.TransportService", "publish_address {10.62.3.14:9300}, bound_addresses {[::]:9300}"),
                      (69.9, "o.o.n.Node", "started"),
                      ((JOINED - B2).total_seconds(), "o.o.c.s.ClusterApplierService", "cluster-manager node changed {previous [], current [{os-master-0}{Zr1kq0oNR7q1m2aE5cXyWg}{g7tK1nQwS4e0a9pXcVbL2A}{10.62.0.11}{10.62.0.11:9300}{m}]}, added {{os-data-0}{aQ1},{os-data-1}{bW2},{os-data-2}{cE3},{os-data-4}{dR4},{os-data-5}{eT5}}, term: 14, version: 88247, reason: ApplyCommitRequest{term=14, version=88247, sourceNode={os-master-0}}")]:
    O(add(B2, seconds=dt + 0.214), "INFO", comp, msg)
for tt in frange(add(JOINED, minutes=10), W1, 600):
    O(add(tt, seconds=rng.randint(0, 90) + rng.random()), "INFO", "o.o.m.j.JvmGcMonitorService",
      "[gc][%d] overhead, spent [%dms] collecting in the last [%.1fs]" % (gcid(tt, NODE_UP), rng.randint(260, 420), rng.uniform(0.9, 1.3)))
ol = [x for x in ol if x[0] >= W0]
inc.lines("os-data-3.log", [l for _, l in sorted(ol, key=lambda x: x[0])])

# ---- cluster-manager JSON logs (os-master-0)
ml = []
def M(t, lvl, comp, msg):
    u = add(t, seconds=rng.randint(1, 899) / 1000.0).astimezone(UTC) if t.microsecond == 0 else t.astimezone(UTC)
    ml.append((t, jline({"type": "server", "timestamp": "%s,%03dZ" % (u.strftime("%Y-%m-%dT%H:%M:%S"), u.microsecond // 1000),
                         "level": lvl, "component": comp, "cluster.name": "search-prod", "node.name": "os-master-0",
                         "message": msg, "cluster.uuid": "kQ7c1V0xT2ab9LmNo3pRsw", "node.id": "Zr1kq0oNR7q1m2aE5cXyWg"})))
for tt in frange(add(W0, seconds=37), W1, 1800):
    M(tt, "INFO", "o.o.c.r.a.DiskThresholdMonitor", "low disk watermark [85%] exceeded on [eT5][os-data-5][/usr/share/opensearch/data/nodes/0] free: [141.2gb][13.8%], replicas will not be assigned to this node")
M(add(CHANGE, seconds=-3), "INFO", "o.o.c.m.MetadataMappingService", "[products-v42/9fS1cQx2Ta2u3lHk4w8aBw] update_mapping [_doc]")
M(CHANGE, "INFO", "o.o.c.m.MetadataMappingService", "[products-v42/9fS1cQx2Ta2u3lHk4w8aBw] update_mapping [_doc]")
M(T(D + "10:12:44"), "INFO", "o.o.c.m.MetadataCreateIndexService", "[logs-app-2026.11.24-000014] creating index, cause [rollover_index], templates [logs-app], shards [2]/[1]")
M(NODE_LEFT, "INFO", "o.o.c.s.MasterService",
  "node-left[{os-data-3}{pX2mZkq8QpW3r5tY7uIo0A}{Hh3uYy0bTq6nJ1kW8cE2vA}{10.62.3.14}{10.62.3.14:9300}{d} reason: followers check retry count exceeded], term: 14, version: 88213, delta: removed {{os-data-3}{pX2mZkq8QpW3r5tY7uIo0A}}")
M(add(NODE_LEFT, seconds=0.2), "WARN", "o.o.c.r.a.AllocationService", "[products-v42][2] marking unavailable shards as stale: [Y1n0bP3kRzq9uW4cV6eT2g]")
M(add(NODE_LEFT, seconds=0.3), "INFO", "o.o.c.r.a.AllocationService",
  "Cluster health status changed from [GREEN] to [RED] (reason: [{os-data-3}{pX2mZkq8QpW3r5tY7uIo0A} reason: followers check retry count exceeded]).")
M(add(NODE_LEFT, seconds=62), "INFO", "o.o.c.r.DelayedAllocationService", "scheduling reroute for delayed shards in [58.9s] (14 delayed shards)")
M(JOINED, "INFO", "o.o.c.s.MasterService",
  "node-join[{os-data-3}{pX2mZkq8QpW3r5tY7uIo0A}{Q8pL2mN4vB6xC1zD3fG5hJ}{10.62.3.14}{10.62.3.14:9300}{d} join existing leader], term: 14, version: 88247, delta: added {{os-data-3}{pX2mZkq8QpW3r5tY7uIo0A}}")
M(PRIMARY_OK, "INFO", "o.o.c.r.a.AllocationService",
  "Cluster health status changed from [RED] to [YELLOW] (reason: [shards started [[products-v42][2]]]).")
M(add(REPLICAS, seconds=-1), "INFO", "o.o.c.m.MetadataUpdateSettingsService", "updating number_of_replicas to [1] for indices [products-v42]")
M(T(D + "11:25:48"), "INFO", "o.o.c.s.ClusterSettings", "updating [cluster.routing.allocation.awareness.balance] from [false] to [true]")
M(GREEN, "INFO", "o.o.c.r.a.AllocationService",
  "Cluster health status changed from [YELLOW] to [GREEN] (reason: [shards started [[products-v42][2]]]).")
inc.lines("cluster-manager-0.json", [l for _, l in sorted(ml, key=lambda x: x[0])])

# ---- OpenMetrics dump (60 s)
fam_heap, fam_gc, fam_status = [], [], []
for n in NODES:
    pts, gcp = [], []
    acc = 1700.0 + 90 * NODES.index(n)
    for tt in frange(W0, W1, 60):
        h = heap(n, tt)
        if n == "os-data-3":
            if NODE_LEFT <= tt < add(NODE_UP, seconds=30):
                continue
            if tt >= NODE_UP:
                acc = 0.4 if acc > 1000 else acc
                acc += 0.05
            else:
                frac = clip((floor3(tt) - 57.0) / 40.0)
                acc += 60 * (0.002 + 0.92 * frac ** 2)
        else:
            acc += 60 * 0.002
        pts.append((tt, round(h, 1)))
        gcp.append((tt, round(acc, 3)))
    lab = {"cluster": "search-prod", "node": n, "job": "opensearch-exporter"}
    fam_heap.append((lab, pts))
    fam_gc.append(({**lab, "gc": "old"}, gcp))
def cstatus(tt):
    if NODE_LEFT <= tt < PRIMARY_OK:
        return 2
    if PRIMARY_OK <= tt < GREEN:
        return 1
    return 0
fam_status.append(({"cluster": "search-prod", "job": "opensearch-exporter"}, [(tt, cstatus(tt)) for tt in frange(W0, W1, 60)]))
inc.write("os-metrics.txt", openmetrics([
    ("opensearch_jvm_mem_heap_used_percent", "gauge", "Percentage of used heap", fam_heap),
    ("opensearch_jvm_gc_collection_seconds", "counter", "Time spent in GC collections", fam_gc),
    ("opensearch_cluster_status", "gauge", "Cluster status: 0 green, 1 yellow, 2 red", fam_status)]))

# ---- search-api nginx access log (Europe/London = +0000 in November), gzipped
ng = []
UAS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 19_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AcmeShop/9.4.1",
       "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/147.0.0.0 Safari/537.36",
       "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/147.0.0.0 Mobile Safari/537.36"]
TERMS = ["trail+shoes", "rain+jacket", "kids+bike", "espresso", "usb-c+hub", "yoga+mat", "headlamp", "wool+socks"]
def down(t):
    return NODE_LEFT <= t < MITIGATED
for tt in poisson_times(rng, W0, W1, 0.6):
    ip = "%d.%d.%d.%d" % (rng.choice([31, 82, 86, 90, 151]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    r = rng.random()
    if r < 0.7:
        path = "/api/search?q=%s&page=%d" % (rng.choice(TERMS), rng.randint(1, 3))
        if down(tt):
            st, size, rt = 503, 164, rng.uniform(0.004, 0.03)
        elif T(D + "10:42:00") <= tt < NODE_LEFT and rng.random() < 0.12:
            st, size, rt = 504, 176, 10.0 + rng.uniform(0, 0.02)
        else:
            slow = 1 + 6 * clip((floor3(tt) - 80) / 17.0) if tt < NODE_LEFT else 1
            st, size, rt = 200, rng.randint(4000, 26000), rng.uniform(0.03, 0.14) * slow
    elif r < 0.9:
        path = "/api/search/suggest?prefix=%s" % rng.choice(["tr", "ra", "ki", "es", "us", "yo"])
        st, size, rt = (503, 164, 0.01) if down(tt) else (200, rng.randint(300, 900), rng.uniform(0.01, 0.05))
    else:
        path = "/api/search/facets?cat=%d" % rng.randint(10, 99)
        st, size, rt = (503, 164, 0.01) if down(tt) else (200, rng.randint(1200, 3000), rng.uniform(0.02, 0.09))
    if rng.random() < 0.006:
        st, size = 499, 0
    ng.append((tt, nginx(tt, ip, "GET", path, st, size, rng.choice(UAS), rt, zone="Europe/London")))
for tt in poisson_times(rng, W0, W1, 1 / 240.0):   # steady: the partner export endpoint times out all day
    ng.append((tt, nginx(tt, "10.40.%d.%d" % (rng.randint(0, 9), rng.randint(2, 250)), "GET", "/api/search/export?partner=feedonomics&since=24h", 504, 176, "python-requests/2.32.3", 30.0, zone="Europe/London")))
ng.append((add(NODE_LEFT, seconds=2.31), nginx(add(NODE_LEFT, seconds=2.31), "86.14.201.77", "GET", "/api/search?q=rain+jacket&page=1", 503, 164, UAS[0], 0.012, zone="Europe/London")))
ng.append((add(MITIGATED, seconds=-1.4), nginx(add(MITIGATED, seconds=-1.4), "31.52.9.140", "GET", "/api/search?q=headlamp&page=1", 503, 164, UAS[1], 0.009, zone="Europe/London")))
inc.lines("search-api/access.log.gz", [l for _, l in sorted(ng, key=lambda x: x[0])])

# ---- kube events (events.k8s.io/v1)
k = Kube(rng)
NODE3 = "ip-10-62-3-200.eu-west-1.compute.internal"
k.ev(T(D + "11:14:40"), "search", "Pod", "os-data-3", "Unhealthy",
     "Readiness probe failed: curl: (28) Operation timed out after 5001 milliseconds with 0 bytes received",
     type_="Warning", host=NODE3, count=34, first=T(D + "10:58:10"))
k.ev(RESTART, "search", "Pod", "os-data-3", "Killing", "Stopping container opensearch", host=NODE3)
k.pod_start(add(NODE_UP, seconds=-28), "search", "os-data-3", NODE3, "opensearchproject/opensearch:2.17.1", "opensearch")
k.ev(add(NODE_UP, seconds=-29), "search", "StatefulSet", "os-data", "SuccessfulCreate", "create Pod os-data-3 in StatefulSet os-data successful", component="statefulset-controller")
k.ev(OTHER_DEPLOY, "ads", "Deployment", "ads-api", "ScalingReplicaSet", "Scaled up replica set ads-api-6b9d7f5c8d from 0 to 1", component="deployment-controller")
for i, sfx in enumerate(["8kq2w", "m3xz7", "t5vbn"]):
    k.pod_start(add(OTHER_DEPLOY, seconds=2 + 35 * i), "ads", "ads-api-6b9d7f5c8d-" + sfx, "ip-10-62-%d-41.eu-west-1.compute.internal" % (i + 1),
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com/ads-api:5.31.0", "ads-api")
k.ev(add(OTHER_DEPLOY, seconds=120), "ads", "Deployment", "ads-api", "ScalingReplicaSet", "Scaled down replica set ads-api-59c8b7d6f4 from 3 to 0", component="deployment-controller")
k.ev(add(CRON[-1], seconds=-95), "observability", "CronJob", "logs-curator", "SuccessfulCreate", "Created job logs-curator-29399910", component="cronjob-controller")
k.ev(CRON[-1], "observability", "Job", "logs-curator-29399910", "BackoffLimitExceeded", "Job has reached the specified backoff limit", type_="Warning", component="job-controller")
inc.json("events.json", k.v1_list())

# ---- alertmanager webhook payloads (a JSON array, as saved from the receiver)
posts = []
def P(t, body):
    posts.append((t, body))
hl = {"severity": "warning", "team": "search", "cluster": "search-prod", "node": "os-data-3"}
P(add(HEAP_WARN, seconds=25), am_webhook("slack-search", [am_alert("OpenSearchJvmHeapHigh", hl, "os-data-3 heap above 75% (5m avg) for 5m", HEAP_WARN)]))
P(add(HEAP_OK, seconds=25), am_webhook("slack-search", [am_alert("OpenSearchJvmHeapHigh", hl, "os-data-3 heap above 75% (5m avg) for 5m", HEAP_WARN, ends=HEAP_OK)]))
rl = {"severity": "critical", "team": "search", "cluster": "search-prod"}
P(add(RED_ALERT, seconds=20), am_webhook("slack-search", [am_alert("OpenSearchClusterRed", rl, "search-prod cluster status is RED", RED_ALERT)]))
P(add(RED_OK, seconds=20), am_webhook("slack-search", [am_alert("OpenSearchClusterRed", rl, "search-prod cluster status is RED", RED_ALERT, ends=RED_OK)]))
el = {"severity": "page", "team": "search", "service": "search-api", "namespace": "search"}
ea = am_alert("SearchApiErrorRate", el, "search-api 5xx above 5% for 2m", PAGE_ALERT, desc="5xx ratio 71%")
P(add(PAGE_ALERT, seconds=0.4), am_webhook("pagerduty-search", [ea]))
P(add(ALERT_OK, seconds=12), am_webhook("pagerduty-search", [am_alert("SearchApiErrorRate", el, "search-api 5xx above 5% for 2m", PAGE_ALERT, ends=ALERT_OK, desc="5xx ratio 71%")]))
pl = {"severity": "warning", "team": "payments", "instance": "payments-db-2:9187", "cluster": "payments"}
for st, d in [("09:52:00", 4), ("10:37:30", 3), ("11:12:00", 5), ("11:58:30", 3)]:
    s_ = T(D + st)
    P(add(s_, seconds=30), am_webhook("slack-payments", [am_alert("PostgresReplicationLagHigh", pl, "payments-db-2 replication lag above 30s", s_)]))
    P(add(s_, minutes=d, seconds=30), am_webhook("slack-payments", [am_alert("PostgresReplicationLagHigh", pl, "payments-db-2 replication lag above 30s", s_, ends=add(s_, minutes=d))]))
jl = {"severity": "warning", "team": "observability", "namespace": "observability", "job_name": "logs-curator"}
for c in CRON:
    P(add(c, seconds=50), am_webhook("slack-observability", [am_alert("KubeJobFailed", jl, "Job observability/logs-curator failed to complete", add(c, seconds=20))]))
posts.sort(key=lambda x: x[0])
inc.json("am-webhooks.json", [b for _, b in posts])

# ---- pagerduty log entries (REST)
pd = PD(31877, "SearchApiErrorRate: search-api 5xx above 5% for 2m", "search-api", "PSRCH01")
ingrid = PD.user("Ingrid Solberg", "PINGRID")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMSR01", "summary": "Alertmanager",
         "self": "https://api.pagerduty.com/services/PSRCH01/integrations/PAMSR01"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, {"type": "auto"}, "Notified Ingrid Solberg by SMS.",
       user=ingrid, notification={"type": "sms_notification", "status": "success", "address": "+4791*****58"})
pd.add(ACK, "acknowledge_log_entry", ingrid, {"type": "sms"}, "Acknowledged by Ingrid Solberg.", acknowledgement_timeout=1800)
pd.add(add(RESTART, seconds=30), "annotate_log_entry", ingrid, {"type": "web_ui", "summary": "os-data-3 heap exhausted by fielddata (sku_tags); restarting the pod"}, "Note added")
pd.add(RESOLVED, "resolve_log_entry", ingrid, {"type": "web_ui"}, "Resolved by Ingrid Solberg.")
other = PD(31874, "PostgresReplicationLagHigh payments-db-2", "payments-db", "PPAYDB1")
kofi = PD.user("Kofi Mensah", "PKOFIM1")
other.add(T(D + "10:38:01"), "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
other.add(T(D + "10:38:02"), "notify_log_entry", None, None, "Notified Kofi Mensah by push notification.", user=kofi)
other.add(T(D + "10:40:55"), "resolve_log_entry", None, {"type": "api"}, "Resolved through the API.")
ex = pd.export()
ex["log_entries"] = sorted(ex["log_entries"] + other.entries, key=lambda e: e["created_at"], reverse=True)
inc.json("pd-log-entries.json", ex)

# ---- slack export
s = Slack()
for u, n, r, tz in [("UB1INGR", "ingrid", "Ingrid Solberg", "Europe/Oslo"), ("UB1FELI", "felix", "Felix Wagner", "Europe/Vienna"),
                    ("UB1SARA", "sara.m", "Sara Moretti", "Europe/Rome"), ("UB1OWEN", "owen", "Owen Price", "Europe/London"),
                    ("UB1AIKO", "aiko", "Aiko Tanaka", "Europe/London"), ("UB1KOFI", "kofi", "Kofi Mensah", "Africa/Accra")]:
    s.user(u, n, r, tz)
for cid, n, p in [("CB1INC", "inc-search-down", "product search failing"), ("CB1SRC", "search-team", "search team"),
                  ("CB1MER", "merch-analytics", "merchandising analytics"), ("CB1OBS", "observability", "observability team"),
                  ("CB1STA", "status", "status page mirror")]:
    s.channel(cid, n, p)
for c in CRON:
    s.bot("observability", add(c, seconds=51), "BB1AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job observability/logs-curator failed to complete\nseverity: warning", color="warning"))
s.say("observability", add(CRON[1], minutes=12), "UB1AIKO", "curator failing again, it's the ISM migration, ticket OBS-411")
s.say("merch-analytics", add(CHANGE, seconds=-50), "UB1SARA", "turning on fielddata for sku_tags on products-v42 so the tag cloud panel can aggregate on it")
s.say("merch-analytics", DASH_LIVE, "UB1SARA", "new SKU tags dashboard is live for the category managers, auto-refresh every 30s")
s.bot("search-team", add(HEAP_WARN, seconds=26), "BB1AM", "alertmanager",
      attachments=am_slack_attachment("firing", "OpenSearchJvmHeapHigh", "os-data-3 heap above 75% (5m avg) for 5m\nseverity: warning", color="warning"))
s.say("search-team", DISMISS, "UB1FELI", "heap warning on os-data-3, probably the merges after last night's bulk load, it usually settles")
s.bot("search-team", add(RED_ALERT, seconds=21), "BB1AM", "alertmanager",
      attachments=am_slack_attachment("firing", "OpenSearchClusterRed", "search-prod cluster status is RED\nseverity: critical"))
s.bot("search-team", add(RED_OK, seconds=21), "BB1AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "OpenSearchClusterRed", "search-prod cluster status is no longer RED"))
s.bot("search-team", add(HEAP_OK, seconds=26), "BB1AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "OpenSearchJvmHeapHigh", "os-data-3 heap back under 75%"))
s.say("search-team", add(OTHER_DEPLOY, seconds=-25), "UB1KOFI", "fyi ads-api 5.31.0 rolling out (sponsored slots ranking)")
ch = "inc-search-down"
s.say(ch, add(ACK, seconds=40), "UB1INGR", "acked. search-api 503 on everything since ~11:58 Oslo time, cluster is red")
s.say(ch, T(D + "11:05:10"), "UB1INGR", "os-data-3 dropped out of the cluster at 10:58, it's still running but doesn't answer")
s.say(ch, WRONG1, "UB1OWEN", "disk watermark on data-3? it was at 84% last week")
s.say(ch, add(WRONG1, seconds=55), "UB1INGR", "disk is at 61%. only data-5 is over the low watermark")
s.say(ch, add(STATUS, seconds=-30), "UB1OWEN", "putting up a status page note")
s.say(ch, ROLLBACK_Q, "UB1AIKO", "should we roll back search-api 3.12 from this morning?")
s.say(ch, add(ROLLBACK_Q, seconds=40), "UB1INGR", "search-api is fine, it's the cluster that is red. not rolling back")
s.say(ch, WRONG2, "UB1OWEN", "ads-api deployed at 10:20, could it be hammering search?")
s.say(ch, add(WRONG2, seconds=45), "UB1KOFI", "ads-api doesn't query products-v42 at all")
s.say(ch, DIAG, "UB1INGR", "ok so os-data-3 is out of heap: 15.3 of 15.5gb, 9.8gb of it fielddata for sku_tags. GC has been eating it for an hour, a 40s old GC got it kicked from the cluster, and products-v42 has 0 replicas so shard 2 went with it -> red")
s.say(ch, add(DIAG, seconds=50), "UB1FELI", "so that heap warning at %s was real. sorry. the replicas were left at 0 after yesterday's reindex" % HEAP_WARN.strftime("%H:%M"))
s.say(ch, add(DIAG, seconds=85), "UB1SARA", "that's my tag cloud panel, turning the dashboard off now")
s.say(ch, add(RESTART, seconds=-20), "UB1INGR", "restarting os-data-3 (kubectl delete pod), it won't recover on its own")
s.say(ch, add(JOINED, seconds=20), "UB1INGR", "data-3 back in the cluster, recovering shards")
s.say(ch, add(MITIGATED, seconds=50), "UB1INGR", "products-v42 shard 2 started, cluster yellow, search returning results again")
s.say(ch, add(REPLICAS, seconds=30), "UB1FELI", "set products-v42 number_of_replicas to 1, replicas allocating")
s.say(ch, add(GREEN, seconds=40), "UB1FELI", "green")
s.say(ch, add(RESOLVED, seconds=-35), "UB1INGR", "30 min stable, heap on data-3 at 35%. resolving. follow-ups: fielddata on sku_tags, replica check after reindex, page on heap")
s.bot("status", STATUS, "BB1SP", "Statuspage", attachments=[{"color": "E01E5A", "fallback": "Investigating - Product search unavailable",
      "title": "Investigating - Product search unavailable", "text": "Search on the website and in the app returns errors. We are working on it.", "mrkdwn_in": ["text"]}])
s.bot("status", add(MITIGATED, minutes=4), "BB1SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Monitoring - Product search",
      "title": "Monitoring - Product search", "text": "Search is working again. We are monitoring.", "mrkdwn_in": ["text"]}])
s.bot("status", add(RESOLVED, minutes=2), "BB1SP", "Statuspage", attachments=[{"color": "2EB67D", "fallback": "Resolved - Product search",
      "title": "Resolved - Product search", "text": "This incident has been resolved.", "mrkdwn_in": ["text"]}])
s.write(inc, "slack")

inc.truth(
    "search-es-heap", "jvm-heap-slow-precursor-node-dropout",
    "Fielddata enabled on products-v42's sku_tags for a new dashboard filled os-data-3's JVM heap over an hour (GC warnings,\n"
    "an early heap warning); a 40 s old GC got the node removed, products-v42 (0 replicas) went red and search failed until os-data-3 was restarted.",
    (W0, W1),
    dict(started=STARTED, detected=HEAP_WARN, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(CHANGE, "change", "products-v42 mapping updated: fielddata enabled on sku_tags for the merch dashboard", "cluster-manager-0.json", 60),
     (STARTED, "first_symptom", "first GC overhead warning on os-data-3 as heap climbs", "os-data-3.log", 60),
     (HEAP_WARN, "alert_fired", "OpenSearchJvmHeapHigh (warning) on os-data-3", "am-webhooks.json", 60),
     (PAGE, "paged", "PagerDuty #31877 SearchApiErrorRate, Ingrid notified", "pd-log-entries.json", 60),
     (ACK, "acknowledged", "Ingrid acknowledges", "pd-log-entries.json", 60),
     (STATUS, "communication", "Statuspage: product search unavailable", "slack", 60),
     (DIAG, "diagnosis", "Ingrid: os-data-3 out of heap (fielddata sku_tags), dropped out; products-v42 has 0 replicas -> red", "slack", 60),
     (RESTART, "mitigation", "os-data-3 pod deleted/restarted", "events.json", 60),
     (MITIGATED, "recovery", "products-v42 shard 2 started, cluster yellow, search 503s stop", "search-api/access.log.gz", 60),
     (ALERT_OK, "alert_resolved", "SearchApiErrorRate resolved", "am-webhooks.json", 60),
     (RESOLVED, "resolved", "PagerDuty #31877 resolved", "pd-log-entries.json", 60)],
    [(CRON[-1], "observability logs-curator CronJob fails every day at ~10:30 UTC (KubeJobFailed)", "events.json"),
     (CRON[0], "same logs-curator failure three days earlier", "am-webhooks.json"),
     (OTHER_DEPLOY, "ads team rolls out ads-api 5.31.0", "events.json"),
     (T(D + "09:52:00"), "payments team's PostgresReplicationLagHigh flapping (own PagerDuty incident)", "am-webhooks.json"),
     (ROLLBACK_Q, "'should we roll back search-api 3.12?' question, not done", "slack"),
     (DISMISS, "heap warning dismissed as merges", "slack"),
     (WRONG1, "wrong hunch: disk watermark on os-data-3", "slack"),
     (WRONG2, "wrong hunch: the ads-api deploy", "slack"),
     (T(D + "10:00:00"), "steady 504s on /api/search/export and connection-reset warnings all window", "search-api/access.log.gz"),
     (T(D + "10:00:37"), "low disk watermark INFO on os-data-5 every 30 min", "cluster-manager-0.json"),
     (REPLICAS, "products-v42 replicas raised to 1 after recovery (hardening)", "cluster-manager-0.json")],
    [("os-data-3.log", "logs"), ("cluster-manager-0.json", "logs"), ("os-metrics.txt", "openmetrics"),
     ("search-api/access.log.gz", "logs"), ("events.json", "kube-events"), ("am-webhooks.json", "alertmanager-webhook"),
     ("pd-log-entries.json", "pagerduty-log-entries"), ("slack", "slack-export")])
