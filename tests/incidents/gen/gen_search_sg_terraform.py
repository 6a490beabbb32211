"""retired4/search-sg-terraform: a Terraform "remove unused rules" apply deletes the security-group rule that lets the web tier reach the internal search ALB; site search times out until the rule is re-applied."""
import random
from common import *

rng = random.Random(20260708)
inc = Incident("retired4", "search-sg-terraform")
LTZ = "Asia/Singapore"
D = "2026-07-08 "
W0, W1 = T(D + "01:00:00"), T(D + "04:00:00")
CRON = [T("2026-07-%02d 03:10:%02d" % (d, 20 + d)) for d in (5, 6, 7, 8)]
MERGE = T(D + "01:49:40")
APPLY0 = T(D + "01:51:48")
DESTROYED = T(D + "01:52:31")
STARTED = T(D + "01:52:34")
PAGE_ALERT = T(D + "01:57:50")
PAGE = T(D + "01:58:05")
OTHER_DEPLOY = T(D + "02:01:30")
ESCALATE = T(D + "02:03:05")
ACK = T(D + "02:04:10")
WRONG = T(D + "02:08:15")
ROLLBACK_Q = T(D + "02:12:30")
COMMS = T(D + "02:14:00")
DIAG = T(D + "02:19:45")
REVERT_MERGE = T(D + "02:24:50")
APPLY1 = T(D + "02:26:29")
CREATED = T(D + "02:27:12")
MITIGATED = T(D + "02:27:14")
ALERT_OK = T(D + "02:32:50")
RESOLVED = T(D + "03:05:00")
ALB_IPS = ["10.40.12.37", "10.40.28.114"]
ALB_ENI = {"10.40.12.37": "eni-0c4e1a7b93d2f5e18", "10.40.28.114": "eni-07b2d91f4c6a3e850"}
WEB = ["10.20.%d.%d" % (a, b) for a, b in ((3, 41), (3, 77), (19, 12), (19, 230), (35, 9), (35, 166))]
blocked = lambda t: DESTROYED <= t < CREATED


# ---- GitHub Actions job logs of the two applies
def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%07dZ" % (t.microsecond * 10 + rng.randint(0, 9))
def ga_log(t0, pr, title, sha, actor, lines_after_plan):
    out = []
    t = t0
    def o(dt, text):
        nonlocal t
        t = add(t, seconds=dt + rng.random() * 0.05)
        out.append("%s %s" % (stamp(t), text))
    o(0, "Requested labels: ubuntu-latest")
    o(0.2, "Job defined at: acme-sg/infra-aws/.github/workflows/terraform-apply.yml@refs/heads/main")
    o(0.1, "Waiting for a runner to pick up this job...")
    o(3.4, "Job is about to start running on the runner: GitHub Actions 212 (hosted)")
    o(1.1, "##[group]Run actions/checkout@v4")
    o(1.8, "HEAD is now at %s Merge pull request #%d from acme-sg/%s" % (sha[:7], pr, title))
    o(0.1, "##[endgroup]")
    o(0.3, "##[group]Run hashicorp/setup-terraform@v3")
    o(4.2, "##[endgroup]")
    o(0.2, "##[group]Run terraform -chdir=envs/prod-sg/network init -input=false")
    o(9.6, "Terraform has been successfully initialized!")
    o(0.1, "##[endgroup]")
    o(0.2, "##[group]Run terraform -chdir=envs/prod-sg/network plan -input=false -out=tfplan")
    o(14.8, "aws_security_group.search_alb: Refreshing state... [id=sg-0a91c3e5d7b24f816]")
    o(0.4, "aws_security_group.web: Refreshing state... [id=sg-04d8b6f2a1c9e7305]")
    for l in lines_after_plan[0]:
        o(l[0], l[1])
    o(0.1, "##[endgroup]")
    o(0.2, "##[group]Run terraform -chdir=envs/prod-sg/network apply -input=false tfplan")
    for l in lines_after_plan[1]:
        o(l[0], l[1])
    o(0.1, "##[endgroup]")
    o(0.8, "Post job cleanup.")
    o(0.6, "Cleaning up orphan processes")
    return out
plan0 = [(1.2, "Terraform will perform the following actions:"),
         (0.0, "  # aws_security_group_rule.search_alb_from_web_443 will be destroyed"),
         (0.0, "  # (because aws_security_group_rule.search_alb_from_web_443 is not in configuration)"),
         (0.0, "  - resource \"aws_security_group_rule\" \"search_alb_from_web_443\" {"),
         (0.0, "      - cidr_blocks       = [\"10.20.0.0/16\"] -> null"),
         (0.0, "      - from_port         = 443 -> null"),
         (0.0, "      - security_group_id = \"sg-0a91c3e5d7b24f816\" -> null"),
         (0.0, "      - type              = \"ingress\" -> null"),
         (0.0, "    }"),
         (0.0, "  # aws_security_group_rule.legacy_bastion_22 will be destroyed"),
         (0.0, "Plan: 0 to add, 0 to change, 2 to destroy."),
         (0.3, "Saved the plan to: tfplan")]
log0 = ga_log(APPLY0, 4471, "chore/sg-cleanup-unused-rules", "9d41c07be25f3a8816d0c4b7e2a95f13c8d6e0b4", "ravi-k", [plan0, []])
apply0 = ["%s aws_security_group_rule.legacy_bastion_22: Destroying... [id=sgrule-1907736245]" % stamp(add(DESTROYED, seconds=-1.3)),
          "%s aws_security_group_rule.search_alb_from_web_443: Destroying... [id=sgrule-2718339112]" % stamp(add(DESTROYED, seconds=-1.2)),
          "%s aws_security_group_rule.legacy_bastion_22: Destruction complete after 1s" % stamp(add(DESTROYED, seconds=-0.2)),
          "%s aws_security_group_rule.search_alb_from_web_443: Destruction complete after 1s" % stamp(DESTROYED),
          "%s Apply complete! Resources: 0 added, 0 changed, 2 destroyed." % stamp(add(DESTROYED, seconds=0.4))]
cut = [i for i, l in enumerate(log0) if "apply -input=false tfplan" in l][0] + 1
log0 = log0[:cut] + apply0 + ["%s %s" % (stamp(add(DESTROYED, seconds=0.5 + 0.3 * j)), l.split(" ", 1)[1]) for j, l in enumerate(log0[cut:])]
inc.lines("runs/88213.txt", log0)
plan1 = [(1.1, "Terraform will perform the following actions:"),
         (0.0, "  # aws_security_group_rule.search_alb_from_web_443 will be created"),
         (0.0, "  + resource \"aws_security_group_rule\" \"search_alb_from_web_443\" {"),
         (0.0, "      + cidr_blocks       = [\"10.20.0.0/16\"]"),
         (0.0, "      + from_port         = 443"),
         (0.0, "      + security_group_id = \"sg-0a91c3e5d7b24f816\""),
         (0.0, "      + type              = \"ingress\""),
         (0.0, "    }"),
         (0.0, "Plan: 1 to add, 0 to change, 0 to destroy."),
         (0.3, "Saved the plan to: tfplan")]
log1 = ga_log(APPLY1, 4473, "revert-4471-search-sg", "1f7a2c94e80d3b65c1a4f9e27d08b3c6a5e1f072", "wl-tan", [plan1, []])
cut = [i for i, l in enumerate(log1) if "apply -input=false tfplan" in l][0] + 1
apply1 = ["%s aws_security_group_rule.search_alb_from_web_443: Creating..." % stamp(add(CREATED, seconds=-0.9)),
          "%s aws_security_group_rule.search_alb_from_web_443: Creation complete after 1s [id=sgrule-3380915527]" % stamp(CREATED),
          "%s Apply complete! Resources: 1 added, 0 changed, 0 destroyed." % stamp(add(CREATED, seconds=0.3))]
log1 = log1[:cut] + apply1 + ["%s %s" % (stamp(add(CREATED, seconds=0.5 + 0.3 * j)), l.split(" ", 1)[1]) for j, l in enumerate(log1[cut:])]
inc.lines("runs/88241.txt", log1)

# ---- VPC flow logs (default v2 format, CloudWatch export, gz)
fl = []
ACCT = "604218773390"
def FL(t, eni, src, dst, sp, dp, proto, pk, by, action):
    s0 = int(epoch(t)) // 60 * 60
    fl.append((s0, "2 %s %s %s %s %d %d %d %d %d %d %d %s OK" % (ACCT, eni, src, dst, sp, dp, proto, pk, by, s0, s0 + 60, action)))
for s0 in frange(W0, W1, 60):
    for ip in ALB_IPS:
        srcs = rng.sample(WEB, 4)
        for src in srcs:
            t = add(s0, seconds=rng.randint(0, 59))
            if blocked(t):
                FL(t, ALB_ENI[ip], src, ip, rng.randint(32768, 60999), 443, 6, rng.randint(2, 6), rng.randint(120, 360), "REJECT")
            else:
                pk = rng.randint(40, 400)
                FL(t, ALB_ENI[ip], src, ip, rng.randint(32768, 60999), 443, 6, pk, pk * rng.randint(600, 1100), "ACCEPT")
    # benign: internet scanners rejected at the public ALB ENI, all day
    for _ in range(rng.randint(1, 3)):
        FL(add(s0, seconds=rng.randint(0, 59)), "eni-0f3b8c2d6a1e97d40", "%d.%d.%d.%d" % (rng.choice([45, 89, 185, 193]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
           "10.10.1.%d" % rng.randint(10, 20), rng.randint(1024, 65000), rng.choice([22, 23, 3389, 8080, 5900]), 6, 1, 44, "REJECT")
FL(STARTED, ALB_ENI[ALB_IPS[0]], WEB[0], ALB_IPS[0], 50122, 443, 6, 3, 180, "REJECT")
FL(MITIGATED, ALB_ENI[ALB_IPS[1]], WEB[2], ALB_IPS[1], 41876, 443, 6, 58, 48210, "ACCEPT")
fl.sort(key=lambda x: x[0])
inc.write("vpc-flows-0a1b/000000.gz", "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n" + "".join(l + "\n" for _, l in fl))

# ---- nginx error log on the web tier, Singapore local time, no offset
ng = []
def NG(t, lvl, msg):
    lt = local(t, LTZ)
    ng.append((t, "%s [%s] %d#%d: %s" % (lt.strftime("%Y/%m/%d %H:%M:%S"), lvl, 2231, 2231, msg)))
cn = [918000]
def conn():
    cn[0] += rng.randint(1, 40)
    return cn[0]
for t in poisson_times(rng, STARTED, CREATED, 0.9):
    ip = rng.choice(ALB_IPS)
    q = rng.choice(["sofa", "rice+cooker", "air+purifier", "standing+desk", "iphone+case", "yoga+mat"])
    if rng.random() < 0.25:
        NG(t, "error", "*%d no live upstreams while connecting to upstream, client: 116.%d.%d.%d, server: www.shop.example.sg, request: \"GET /api/search?q=%s HTTP/2.0\", upstream: \"https://search_internal/search?q=%s\", host: \"www.shop.example.sg\"" % (
            conn(), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), q, q))
    else:
        NG(t, "error", "*%d upstream timed out (110: Connection timed out) while connecting to upstream, client: 116.%d.%d.%d, server: www.shop.example.sg, request: \"GET /api/search?q=%s HTTP/2.0\", upstream: \"https://%s:443/search?q=%s\", host: \"www.shop.example.sg\"" % (
            conn(), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), q, ip, q))
NG(add(STARTED, seconds=3), "error", "*918001 upstream timed out (110: Connection timed out) while connecting to upstream, client: 116.87.14.203, server: www.shop.example.sg, request: \"GET /api/search?q=sofa HTTP/2.0\", upstream: \"https://10.40.12.37:443/search?q=sofa\", host: \"www.shop.example.sg\"")
for t in poisson_times(rng, W0, W1, 1 / 45.0):
    NG(t, "error", "*%d open() \"/var/www/shop/static/apple-touch-icon-precomposed.png\" failed (2: No such file or directory), client: 175.%d.%d.%d, server: www.shop.example.sg, request: \"GET /apple-touch-icon-precomposed.png HTTP/2.0\", host: \"www.shop.example.sg\"" % (
        conn(), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)))
for t in poisson_times(rng, W0, W1, 1 / 120.0):
    NG(t, "warn", "*%d an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/%d/%02d/%010d while reading upstream, client: 175.%d.%d.%d, server: www.shop.example.sg, request: \"GET /api/catalog/export?page=%d HTTP/2.0\", upstream: \"http://10.30.4.18:8080/catalog/export?page=%d\", host: \"www.shop.example.sg\"" % (
        conn(), rng.randint(0, 9), rng.randint(0, 99), rng.randint(1, 9999999999), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), rng.randint(1, 80), rng.randint(1, 80)))
for t in poisson_times(rng, W0, W1, 1 / 300.0):
    NG(t, "error", "*%d upstream prematurely closed connection while reading response header from upstream, client: 175.%d.%d.%d, server: www.shop.example.sg, request: \"GET /api/reviews/%d HTTP/2.0\", upstream: \"http://10.30.7.41:8080/reviews/%d\", host: \"www.shop.example.sg\"" % (
        conn(), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254), rng.randint(10000, 99999), rng.randint(10000, 99999)))
ng.sort(key=lambda x: x[0])
inc.lines("web-3/error.log", [l for _, l in ng])

# ---- prometheus query_range: blackbox probe and web 504s
def probe(t):
    return 0.0 if add(DESTROYED, seconds=8) <= t < add(CREATED, seconds=10) else 1.0
def r504(t):
    return 0.01 * ((int(epoch(t)) // 30) % 2) + (8.5 + ((int(epoch(t)) // 30) % 4) * 0.6 if blocked(t) else 0.0)
inc.json("qr-probe.json", query_range(
    [({"__name__": "probe_success", "instance": "https://www.shop.example.sg/api/search?q=health", "job": "blackbox-https", "module": "http_2xx"}, probe),
     ({"__name__": "probe_success", "instance": "https://www.shop.example.sg/", "job": "blackbox-https", "module": "http_2xx"}, lambda t: 1.0),
     ({"__name__": "nginx:http_504:rate1m", "job": "nginx-web", "path": "/api/search"}, r504)],
    W0, W1, 30), indent=None)

# ---- alertmanager webhook captures (JSON lines)
hk = []
def H(t, body):
    hk.append((t, jline(body)))
pl = {"severity": "page", "team": "sre", "instance": "https://www.shop.example.sg/api/search?q=health", "job": "blackbox-https"}
H(add(PAGE_ALERT, seconds=12), am_webhook("pagerduty-sre", [am_alert("BlackboxProbeFailed", pl, "search probe failing for 5m", PAGE_ALERT)]))
H(add(ALERT_OK, seconds=12), am_webhook("pagerduty-sre", [am_alert("BlackboxProbeFailed", pl, "search probe failing for 5m", PAGE_ALERT, ends=ALERT_OK)]))
rl = {"severity": "warning", "team": "payments", "dbinstance_identifier": "payments-ro-2"}
for s_, e_ in [(T(D + "01:11:00"), T(D + "01:16:00")), (T(D + "02:06:00"), T(D + "02:10:30")), (T(D + "02:44:00"), T(D + "02:47:00")), (T(D + "03:31:00"), T(D + "03:36:30"))]:
    H(add(s_, seconds=12), am_webhook("slack-payments", [am_alert("RDSReplicaLagHigh", rl, "payments-ro-2 replica lag > 30s", s_)]))
    H(add(e_, seconds=12), am_webhook("slack-payments", [am_alert("RDSReplicaLagHigh", rl, "payments-ro-2 replica lag > 30s", s_, ends=e_)]))
H(add(CRON[-1], seconds=40), am_webhook("slack-catalog", [am_alert("KubeJobFailed", {"severity": "warning", "team": "catalog", "namespace": "catalog", "job_name": "sitemap-build-29722030"},
                                                                 "Job catalog/sitemap-build-29722030 failed to complete", add(CRON[-1], seconds=25))]))
H(T(D + "02:35:12"), am_webhook("slack-sre", [am_alert("NginxHighConnectionCount", {"severity": "info", "team": "sre", "instance": "web-3:9113"},
                                                       "web-3 active connections > 4000", T(D + "02:05:00"), ends=T(D + "02:35:00"))]))
inc.lines("am-hook.jsonl", [l for _, l in sorted(hk, key=lambda x: x[0])])

# ---- pagerduty (REST log entries)
pd = PD(7730, "BlackboxProbeFailed search probe failing for 5m", "shop-web", "PSGW003", esc_policy="SRE SG")
ravi = PD.user("Ravi Kumar", "PRAVI01")
wl = PD.user("Wei Ling Tan", "PWLTAN1")
amint = {"type": "events_api_v2_inbound_integration_reference", "id": "PAMSG1", "summary": "Alertmanager (prod-sg)"}
pd.add(PAGE, "trigger_log_entry", amint, {"type": "api"}, "Triggered through the API.")
pd.add(add(PAGE, seconds=1), "notify_log_entry", None, None, "Notified Ravi Kumar by push notification.", user=ravi)
pd.add(add(PAGE, seconds=181), "notify_log_entry", None, None, "Notified Ravi Kumar by phone.", user=ravi)
pd.add(ESCALATE, "escalate_log_entry", None, {"type": "timeout"}, "Escalated to level 2 by timeout.")
pd.add(add(ESCALATE, seconds=1), "notify_log_entry", None, None, "Notified Wei Ling Tan by phone.", user=wl)
pd.add(ACK, "acknowledge_log_entry", wl, {"type": "phone"}, "Acknowledged by Wei Ling Tan.")
pd.add(RESOLVED, "resolve_log_entry", wl, {"type": "web_ui"}, "Resolved by Wei Ling Tan.")
inc.json("log-entries-7730.json", pd.export())

# ---- slack export
s = Slack()
for u, n, r in [("U05WLT", "weiling", "Wei Ling Tan"), ("U05RAVI", "ravi", "Ravi Kumar"), ("U05ARJ", "arjun", "Arjun Nair"),
                ("U05MEI", "mei", "Mei Chua"), ("U05DAN", "daniel", "Daniel Lim")]:
    s.user(u, n, r, LTZ)
for cid, n in [("C05SRE", "sre-alerts"), ("C05INC", "inc-site-search"), ("C05INF", "infra-changes"), ("C05CAT", "catalog")]:
    s.channel(cid, n)
for c in CRON:
    s.bot("catalog", add(c, seconds=45), "B05AM", "alertmanager",
          attachments=am_slack_attachment("firing", "KubeJobFailed", "Job catalog/sitemap-build failed to complete\nteam: catalog", color="warning"))
s.bot("sre-alerts", add(PAGE_ALERT, seconds=14), "B05AM", "alertmanager",
      attachments=am_slack_attachment("firing", "BlackboxProbeFailed", "search probe failing for 5m\nhttps://www.shop.example.sg/api/search?q=health"))
s.bot("sre-alerts", add(ALERT_OK, seconds=14), "B05AM", "alertmanager",
      attachments=am_slack_attachment("resolved", "BlackboxProbeFailed", "search probe"))
s.bot("infra-changes", add(MERGE, seconds=2), "B05GH", "GitHub",
      attachments=[{"color": "6f42c1", "fallback": "PR merged", "pretext": "Pull request merged by ravi-k",
                    "title": "#4471 chore(sg): remove unused ingress rules", "title_link": "https://github.com/acme-sg/infra-aws/pull/4471",
                    "text": "prod-sg/network: drop rules with no matching traffic in the last 30 days"}])
s.bot("infra-changes", add(REVERT_MERGE, seconds=2), "B05GH", "GitHub",
      attachments=[{"color": "6f42c1", "fallback": "PR merged", "pretext": "Pull request merged by wl-tan",
                    "title": "#4473 Revert \"chore(sg): remove unused ingress rules\"", "title_link": "https://github.com/acme-sg/infra-aws/pull/4473", "text": ""}])
s.bot("infra-changes", add(OTHER_DEPLOY, seconds=5), "B05ARGO", "Argo CD",
      blocks=pd_slack_blocks(":white_check_mark: *reviews-api* synced to `v2.31.0` in prod-sg (by daniel.lim)"))
s.say("infra-changes", add(MERGE, seconds=-300), "U05RAVI", "merging the SG cleanup from last week's review, plan only destroys 2 rules that showed no traffic")
ch = "inc-site-search"
s.say(ch, add(ACK, seconds=30), "U05WLT", "got it, I have the page (Ravi's phone went to voicemail). search on web returning 504s")
s.say(ch, add(ACK, seconds=140), "U05RAVI", "here, sorry, was on the MRT")
s.say(ch, WRONG, "U05MEI", "is the search cluster itself sick? saw GC warnings on the data nodes this morning")
s.say(ch, add(WRONG, seconds=45), "U05DAN", "reviews-api went out at 10:01, could be related?")
s.say(ch, add(WRONG, seconds=120), "U05WLT", "search pods are green and answering from inside the VPC, nginx on web can't even connect")
s.say(ch, ROLLBACK_Q, "U05DAN", "Should we roll back search-api?")
s.say(ch, add(ROLLBACK_Q, seconds=25), "U05MEI", "nothing deployed on search-api today")
s.say(ch, COMMS, "U05MEI", "status page updated: \"Search is unavailable on web and app, browsing and checkout work\"")
s.say(ch, DIAG, "U05ARJ", "flow logs: every 10.20.x -> search ALB :443 is REJECT since 09:52:3x. that's the #4471 apply - search_alb_from_web_443 was one of the 'unused' rules")
s.say(ch, add(DIAG, seconds=40), "U05RAVI", "oh no. the traffic report only looked at the old ALB. reverting")
s.say(ch, add(CREATED, seconds=30), "U05WLT", "rule is back, probe green, nginx connecting again")
s.say(ch, add(RESOLVED, seconds=-45), "U05WLT", "search OK for 30 min. resolving, PIR tomorrow")
s.write(inc, "slack_export")

inc.truth(
    "search-sg-terraform", "terraform-removed-sg-rule",
    "A Terraform 'remove unused ingress rules' apply destroyed the security-group rule letting the web tier reach the internal\n"
    "search ALB on 443; nginx timed out connecting and site search failed until the revert re-created the rule.",
    (W0, W1),
    dict(started=STARTED, detected=PAGE_ALERT, acknowledged=ACK, mitigated=MITIGATED, resolved=RESOLVED),
    [(DESTROYED, "change", "terraform apply destroys search_alb_from_web_443", "runs/88213.txt", 60),
     (STARTED, "first_symptom", "first REJECT web tier -> search ALB :443", "vpc-flows-0a1b/000000.gz", 60),
     (PAGE_ALERT, "alert_fired", "BlackboxProbeFailed (search) firing", "am-hook.jsonl", 60),
     (PAGE, "paged", "PagerDuty #7730 triggered", "log-entries-7730.json", 60),
     (ACK, "acknowledged", "Wei Ling acknowledges after escalation", "log-entries-7730.json", 60),
     (COMMS, "communication", "status page: search unavailable", "slack_export", 90),
     (DIAG, "diagnosis", "Arjun: flow logs REJECT since the #4471 apply removed the rule", "slack_export", 90),
     (CREATED, "mitigation", "revert apply re-creates the rule", "runs/88241.txt", 60),
     (MITIGATED, "recovery", "web tier connects to search again", "web-3/error.log", 60),
     (ALERT_OK, "alert_resolved", "BlackboxProbeFailed resolved", "am-hook.jsonl", 60),
     (RESOLVED, "resolved", "PagerDuty resolved", "log-entries-7730.json", 60)],
    [(CRON[-1], "sitemap-build CronJob fails every day ~03:10 UTC (catalog team)", "am-hook.jsonl"),
     (OTHER_DEPLOY, "reviews-api sync by another team", "slack_export"),
     (T(D + "02:06:00"), "RDSReplicaLagHigh flapping (payments team)", "am-hook.jsonl"),
     (T(D + "02:05:00"), "NginxHighConnectionCount info alert", "am-hook.jsonl"),
     (WRONG, "wrong hunches: search cluster GC, reviews-api deploy", "slack_export"),
     (ROLLBACK_Q, "'Should we roll back search-api?' question", "slack_export"),
     (T(D + "02:00:00"), "steady scanner REJECTs on the public ENI, missing icon 404s, buffered-response warnings, reviews upstream resets", "web-3/error.log")],
    [("runs/88213.txt", "logs"), ("runs/88241.txt", "logs"), ("vpc-flows-0a1b/000000.gz", "logs"), ("web-3/error.log", "logs", LTZ),
     ("qr-probe.json", "prometheus-query-range"), ("am-hook.jsonl", "alertmanager-webhook"), ("log-entries-7730.json", "pagerduty-log-entries"),
     ("slack_export", "slack-export")])
