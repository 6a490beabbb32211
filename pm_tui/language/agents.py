"""Recognising an agent (a person or a group of people) without a list of names.

A person is named by an @handle, by a role noun (lexicon.ROLE_NOUNS), or by a capitalised word
that is neither an English word nor a technical noun. The technical nouns are a general
lexicon (below) plus the text's own vocabulary: a capitalised word the same text also writes
in lower case ("Kafka" beside `kafka-broker`) or after an article ("the Jupyter hub") names a
thing, since nobody writes "the Okonkwo". Every test here is a plain set look-up or a short
regular expression, so a reviewer can say why a word was or was not taken for a person.
"""

from __future__ import annotations

import json
import re
import zlib
from contextvars import ContextVar
from functools import cache, lru_cache
from pathlib import Path

# Products, services and technical proper nouns often the subject of a failure verb in a
# post-mortem ("Terraform deleted the bucket"). Lower case; matched case-insensitively.
_TECH = """
ably activemq airflow akamai akka alertmanager alibaba alpine amazon ambassador android angular
ansible apache api apis apigee argo argocd artifactory athena atlantis atlas aurora auth0 autoscaler
avro aws azure backstage bamboo bash bazel beanstalk bigquery bigtable bind bitbucket bitnami
blackbox bookkeeper boto braintree buildkite bunny caddy calico cassandra celery ceph certbot
chef chrome chromium cilium circleci clickhouse cloudflare cloudfront cloudsql cloudtrail
cloudwatch cockroach cockroachdb codecov codedeploy concourse confluence confluent consul
containerd coredns cortex cosmos couchbase couchdb cronjob cron cruise crowdstrike cyral
datadog debezium debian dependabot docker dockerhub dragonfly druid drupal dynamo dynamodb ebs
ec2 ecr ecs efs eks elastic elasticache elasticsearch electron elixir ember envoy erlang etcd
fargate fastly filebeat firebase firehose firestore flannel flask fleet flink fluentbit
fluentd flux flyway gatekeeper gcp gcs gerrit git github gitlab gke glacier glue gmail go
golang google gradle grafana graphite graphql grpc gunicorn hadoop haproxy harbor hashicorp
hbase helm heroku hive honeycomb hudi hugo iam ignite influx influxdb ingress istio java
javascript jenkins jetty jira jupyter jupyterhub kafka karpenter keda keycloak kibana kinesis
kong kotlin kube kubectl kubelet kubernetes kustomize lambda laravel ldap letsencrypt libc
linkerd linux liquibase loki logstash looker lucene mailgun mariadb maven memcache memcached
mesos metabase minio mongo mongodb mongos mysql nagios nats neo4j netlify netty newrelic nexus
nextjs nginx node nodejs nomad npm nsq nuget okta openresty openssl opensearch openstack
opentelemetry opsgenie oracle packer pagerduty pandas perl pgbouncer pgpool phoenix php pip
postfix postgres postgresql postgis presto prometheus promtail pubsub pulsar pulumi puppet
pypi python rabbit rabbitmq rails rancher react redis redshift redpanda rds replicaset rollbar
route53 ruby rundeck rust s3 safari salesforce salt samba scylla segment sendgrid sentry
shopify sidekiq slack snowflake solr spanner spark spinnaker splunk spring sql sqlite squid
statsig statuspage stripe sumo supervisor swift systemd tableau teleport temporal terraform
tidb tomcat traefik travis trino twilio typescript ubuntu unicorn uwsgi varnish vault velero
vercel victoria vitess vmware webpack weblogic windows wordpress yarn zendesk zipkin zoom
zookeeper zuul snyk victorops dynatrace appdynamics bugsnag launchdarkly unleash flagsmith
optimizely sonarqube renovate tekton teamcity drone octopus quay gcr acr aks openshift marathon
riak arangodb singlestore timescale questdb victoriametrics thanos mimir tempo jaeger lightstep
chronosphere pingdom uptimerobot statuscake checkly mailchimp postmark mandrill onelogin cognito
imperva incapsula zscaler paloalto fortinet cisco juniper arista netscaler citrix vsphere esxi
hyperv proxmox gluster netapp backblaze wasabi dropbox discord notion asana trello servicenow
intercom freshdesk hubspot marketo amplitude mixpanel snowplow fivetran airbyte dbt superset
redash sisense databricks impala kudu iceberg dagster prefect luigi oozie nifi storm samza beam
dataflow dataproc emr sqs sns eventbridge zeromq resque hangfire quartz upstart supervisord monit
pm2 uvicorn puma passenger undertow wildfly jboss websphere iis kuma contour emissary tyk
mulesoft eureka hystrix sentinel polly cloudrun cloudflared coredns calico weave cortex
loki grafana alloy vector fluent rsyslog syslog journald crio runc gvisor firecracker qemu kvm
xen hetzner linode digitalocean ovh scaleway equinix rackspace fly render railway supabase
neon planetscale upstash algolia meilisearch typesense pinecone weaviate milvus qdrant openai
anthropic cloudinary imgix mux vimeo youtube twitch apple microsoft meta facebook instagram
whatsapp telegram signal paypal adyen klarna plaid square shopify magento woocommerce bigcommerce
binderhub daskhub dask jupyterlab nbgitpuller kubespawner oauth cdn dns tls ssl
http https tcp udp ssh vpn vpc nat bgp ospf cpu gpu ram ssd hdd nfs raid jvm gc oom k8s ci cd
ephemeral egress ingest kiosk kiosks infra encrypt pager pagers credential credentials paginate
paginated iterate synchronous asynchronous verbose locale negate negated munge idempotent
idempotency sidecar toolbox simulcast excavator
"""
TECH_WORDS: frozenset[str] = frozenset(_TECH.split())

# English words that may start a sentence as a bare subject or stand capitalised in a title
# ("Traffic dropped", "Replication broke", "Root Cause Analysis"). Plurals are found from
# these by taking an "s" or "es" off.
_COMMON = """
access account accounts action activity admin agent alarm alert alerting all allocation analysis
another anything application approval architecture archive area automation availability
backend backfill backlog backoff backup balancer bandwidth base batch billing blast bottleneck
bucket budget bug build bundle burst business cache caching canary capacity certificate
change changes channel chaos check checkout client cloud cluster code commit communication
company compute config configuration connection connectivity consumer container content
control core cost coverage cpu crash customer customers cutover daemon damage dashboard data
database datacenter date day deadlock debug default delay delivery demand dependency deploy
deployment design detection development device disk downtime draining drift driver duty edge
email emergency encryption endpoint engineering environment error errors escalation
everything evidence eviction execution expiry export failover failure feature fix fleet
flow friday frontend gateway growth hardware health heap history host hosting hotfix hub
identity image impact incident index inference infrastructure ingestion input instance
integration internet inventory investigation job jobs key latency lead leadership legacy
limit link load locking log logging login logs maintenance management memory merge message
metadata metrics migration mitigation mobile monday monitoring network networking node
nobody none nothing notification observability on-call operations order orders origin outage
output overload owner ownership packet page paging partition password patch payment
payments peak performance permission pipeline platform plan policy pool pressure
priority process processing product production proxy publishing purge queue quota rate
recovery redundancy region registry release reliability replica replication report
request requests resolution resource response restart restore retry review rollback
rollout root rotation route routing rule runbook saturation saturday scaling schedule
scheduler schema search security server service session shard sharding signup site
size someone something staging storage stream summary sunday support sync system
systems team telemetry test testing thursday ticket timeline timeout token tooling traffic
tuesday update upgrade upload usage user users validation version volume vulnerability
wednesday workload worker writes yesterday today tomorrow tonight morning evening night
afternoon throttling batching pooling queueing queuing retrying polling sampling indexing
deploying restarting running rebalancing draining failing syncing backfilling provisioning
autoscaling backpressure compaction garbage bug pod log job key tag box hub app ops vm week weekend month year everyone anyone somebody nobody whoever also then later
luckily thankfully fortunately unfortunately eventually initially meanwhile overall
however therefore instead next last first second third finally only each every both
neither either several many most some few any more less other such same different new old
due because since although though while when where what which who why how after before
during within without until unless once twice again yet still soon here there
january february march april may june july august september october november december
"""
COMMON_WORDS: frozenset[str] = frozenset(_COMMON.split())

_HANDLE = re.compile(r"@[\w.-]*\w")
# A capitalised word: one upper-case letter, then lower-case letters (any script), with an
# inner hyphen or apostrophe allowed ("Jean-Luc", "O'Brien").
_NAME_SHAPE = re.compile(r"[^\W\d_a-z][^\W\d_A-Z]+(?:['’-][^\W\d_][^\W\d_A-Z]*)?")


# The text now being checked has these capitalised words as things, not people.
_PORTUGUESE = re.compile(
    r"(?<![\w.@/-])(?:[Nn]ão|pra|foi|sem|em|da|de|o|e|um|uma|nada|sempre|que|ninguém)(?![\w.@/-])"
)


def _portuguese(text: str) -> bool:
    """Portuguese function words, three or more and two of them different, in its first 4,000
    characters: the text is Portuguese."""
    found = _PORTUGUESE.findall(text, 0, 4000)
    return len(found) >= 3 and len(set(found)) >= 2


class _LazyVocabulary:
    """The words of `text` used as things (see text_vocabulary), looked up one word at a
    time: most texts never need it (no name-like word stands where blame could be), and a
    long document needs only the few words that do."""

    def __init__(self, text: str, extra: frozenset[str]) -> None:
        self.text = text
        self.extra = extra
        self.seen: dict[str, bool] = {}
        self.lowered: str | None = None

    def __contains__(self, word: str) -> bool:
        if word in self.extra:
            return True
        known = self.seen.get(word)
        if known is None:
            if self.lowered is None:
                self.lowered = self.text.lower()
            known = word in self.lowered and _used_as_thing(self.text, word, self.lowered)
            if known and _portuguese(self.text):
                # in Portuguese a name takes the article ("A Bia não testa nada", "o Léo
                # subiu o hotfix"): only a word written in lower case is a thing there
                known = re.search(rf"(?<![\w@]){re.escape(word)}(?!\w)", self.text) is not None
            self.seen[word] = known
        return known


def _used_as_thing(text: str, low: str, lowered: str) -> bool:
    """`low` (a lower-case word) is written in lower case in `text`, or after an article;
    `lowered` is `text.lower()`."""
    if low.isascii() and len(lowered) == len(text) and "ı" not in text and "ſ" not in text:
        return _used_as_thing_found(text, low, lowered)
    w = re.escape(low)
    if re.search(rf"(?<![\w@]){w}(?!\w)", text):
        return True
    return any(
        not _verb_follows_that(lowered, m.start(1), m.end(1))
        for m in re.finditer(rf"\b(?:the|a|an|our|their|its|this|that|your)\s+({w})(?!\w)", lowered)
    )


def _used_as_thing_found(text: str, low: str, lowered: str) -> bool:
    """_used_as_thing by str.find instead of two patterns built per word: those scanned a
    long document twice for every name-like word (4 ms of a 5,000-word check). Exact when
    lower-casing kept every offset (same length) and no letter re.I folds beyond lower()
    (dotless i, long s) is there; \\w and \\s are str.isalnum()/"_" and str.isspace()."""
    n = len(low)
    for source, after_article in ((text, False), (lowered, True)):
        at = source.find(low)
        while at >= 0:
            end = at + n
            if end == len(source) or not _is_word_char(source[end]):
                if not after_article:
                    if at == 0 or not (_is_word_char(text[at - 1]) or text[at - 1] == "@"):
                        return True
                elif _after_determiner(lowered, at) and not _verb_follows_that(lowered, at, end):
                    return True
            at = source.find(low, at + 1)
    return False


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_DETERMINERS = ("the", "a", "an", "our", "their", "its", "this", "that", "your")


_AUXILIARIES = frozenset(
    """has had have was is were are be did didn't never just should would could will can
    then also again already once and or deploys pushes ran wrote made took broke put set
    left sent""".split()
)


def _verb_follows_that(lowered: str, at: int, end: int) -> bool:
    """The word at `at`..`end` stands after "that" and a verb follows it: "that" opens a
    clause of which the word is the subject ("the third time that Quang has broken the
    build", "that Nyambura's change"), not a determiner of a thing ("that Postgres
    instance")."""
    j = at
    while j > 0 and lowered[j - 1].isspace():
        j -= 1
    det = "that" if lowered.startswith("that", j - 4) else "this"
    if j < 4 or lowered[j - 4 : j] != det or (j > 4 and _is_word_char(lowered[j - 5])):
        return False
    if lowered.startswith(("'s", "’s"), end):
        return True  # "agreed that Nyambura's change caused it": no determiner owns a thing
    if det == "this":
        return False
    nxt = lowered[end:].split(None, 1)
    if not nxt:
        return False
    word = nxt[0].strip(",;:.!?")
    if word in _AUXILIARIES or (word.endswith("ed") and len(word) > 4):
        return True
    # a verb in the present: "the second time this month that Alejandro skips the pre-check"
    return word.endswith("s") and len(word) > 3 and word[:-1] in _frequent_list()


def _after_determiner(lowered: str, at: int) -> bool:
    """A determiner, then whitespace, stands right before offset `at` of `lowered`."""
    j = at
    while j > 0 and lowered[j - 1].isspace():
        j -= 1
    if j == at:
        return False
    for det in _DETERMINERS:
        k = j - len(det)
        if k >= 0 and lowered.startswith(det, k) and (k == 0 or not _is_word_char(lowered[k - 1])):
            return True
    return False


_VOCAB: ContextVar[frozenset[str] | _LazyVocabulary] = ContextVar(
    "pm_tui_language_vocab", default=frozenset()
)


def set_vocabulary(text: str, extra: frozenset[str] = frozenset()):
    """Take the technical nouns of `text` (and `extra`, lower case: a post-mortem's own
    services and components) as things for the checks that follow; returns the token to
    give reset_vocabulary."""
    return _VOCAB.set(_LazyVocabulary(text, extra))


def reset_vocabulary(token) -> None:
    _VOCAB.reset(token)


@cache
def _vocab_rx() -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w@])([a-z][\w-]*)|\b(?:the|a|an|our|their|its|this|that|your)\s+"
        r"([^\W\d_a-z][\w-]*)",
        re.I | re.U,
    )


def text_vocabulary(text: str) -> frozenset[str]:
    """Capitalised words `text` itself treats as things: written in lower case somewhere,
    or right after an article or determiner ("the Jupyter hub", "our Vault cluster")."""
    words: set[str] = set()
    for m in _vocab_rx().finditer(text):
        low, det = m.group(1), m.group(2)
        if det:
            words.add(det.lower())
        elif low and low[:1].islower():
            words.add(low)
            if "-" in low:
                words.update(low.split("-"))
    return frozenset(words)


def is_technical(word: str) -> bool:
    """A word that names a thing: a technical noun, a word the text uses as a thing, or a
    shape no name has (digits, inner capitals, all capitals, dots)."""
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    return names_thing(low) or not _NAME_SHAPE.fullmatch(
        word[:-2] if word.lower().endswith(("'s", "’s")) else word
    )


def names_thing(low: str) -> bool:
    """A lower-case word that names a thing: a technical noun, or a word the text uses as one."""
    return low in TECH_WORDS or low in _VOCAB.get()


def _is_common(low: str) -> bool:
    if low in COMMON_WORDS:
        return True
    if low.endswith("s") and (low[:-1] in COMMON_WORDS or low[:-2] in COMMON_WORDS):
        return True
    if any(low[i:] in COMMON_WORDS for i in range(1, len(low) - 4)):
        return True  # a compound ending in an English word: "Autoscaling", "Dataplane"
    if len(low) >= 7 and low.endswith(
        (
            "tting",
            "nning",
            "pping",
            "gging",
            "lling",
            "mming",
            "rring",
            "cing",
            "sing",
            "king",
            "ding",
            "ring",
            "zing",
            "ving",
            "hing",
        )
    ):
        return True  # gerunds: "Restarting", "Throttling", "Deploying"
    if len(low) >= 6 and low.endswith("ly"):
        return True  # "Honestly", "Unfortunately": adverbs
    return low.endswith(("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "ware"))


# Webster's word list (web2, as the english-words package has it with alpha=True: public
# domain), as spelt there: common words in lower case, proper nouns capitalised. Kept here
# sorted, one a line, in zlib-compressed buckets by the word's first two letters: loading
# the package's pickle into a set took 0.05-0.17 s at the first check; now a check
# decompresses only the few buckets its name-like words fall in and searches them in place.
# Rewrite with write_words() (python -m pm_tui.language.agents; needs english-words).
WORDS = Path(__file__).with_name("data") / "web2-words.z"


def _bucket_of(word: str) -> str:
    return word[:2].lower()


def _in_lines(blob: bytes, key: bytes) -> bool:
    """`key` is a line of `blob` (sorted lines, a newline before and after each)."""
    lo, hi = 0, len(blob) - 1  # both at a newline; the lines between are the candidates
    while lo < hi:
        start = blob.rfind(b"\n", lo, (lo + hi) // 2 + 1)
        end = blob.find(b"\n", start + 1)
        line = blob[start + 1 : end]
        if line == key:
            return True
        if line < key:
            lo = end
        else:
            hi = start
    return False


class WordList:
    """The words of a WORDS file: a JSON line of {bucket: [offset, length]}, then each
    bucket's sorted words, zlib-compressed; a bucket is decompressed when first asked."""

    def __init__(self, data: bytes) -> None:
        head, _, self._body = data.partition(b"\n")
        self._where: dict[str, list[int]] = json.loads(head) if head else {}
        self._buckets: dict[str, bytes] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word.isascii() or "\n" in word or not word:
            return False
        bucket = _bucket_of(word)
        blob = self._buckets.get(bucket)
        if blob is None:
            where = self._where.get(bucket)
            if where is None:
                return False
            offset, length = where
            blob = self._buckets[bucket] = zlib.decompress(self._body[offset : offset + length])
        return _in_lines(blob, word.encode("ascii"))


def word_list_data(words) -> bytes:
    """The WORDS file of `words`."""
    buckets: dict[str, list[bytes]] = {}
    for w in sorted(words):
        buckets.setdefault(_bucket_of(w), []).append(w.encode("ascii"))
    where, body = {}, bytearray()
    for bucket, ws in sorted(buckets.items()):
        chunk = zlib.compress(b"\n" + b"\n".join(sorted(ws)) + b"\n", 9)
        where[bucket] = [len(body), len(chunk)]
        body += chunk
    return json.dumps(where, separators=(",", ":"), sort_keys=True).encode() + b"\n" + body


def write_words() -> None:
    from english_words import get_english_words_set

    from pm_tui.atomic_write import atomic_write_bytes

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    atomic_write_bytes(WORDS, word_list_data(words))


@cache
def _dictionary() -> WordList:
    """The word list, loaded the first time a name-like word needs it."""
    try:
        return WordList(WORDS.read_bytes())
    except (OSError, ValueError):  # pragma: no cover - shipped with the package
        return WordList(b"")


def _english(low: str) -> bool:
    """`low` (lower case) or a stem of it is a common English word of the dictionary:
    "renewal", "started" (start), "things" (thing), "tries" (try), "running" (run)."""
    return _in_words(low, _dictionary())


# English words written once per million words or more (Zipf frequency 3 and up): wordfreq's
# small English list (wordfreq 3.1.1, its data CC BY-SA 4.0, see data/README.md), the
# alphabetic ASCII words only, in the WORDS format. Webster's list holds every rare word
# ("gabi", a taro; "regula"; "tolu", a balsam; "awa"), so a name that is also such a word
# was never a name; a word nobody writes in everyday English is one when it is capitalised.
# Rewrite with write_frequent() (python -m pm_tui.language.agents; needs wordfreq).
FREQUENT = Path(__file__).with_name("data") / "en-frequent.z"


@cache
def _frequent_list() -> WordList:
    """The frequent words, loaded the first time a name-like word needs them."""
    try:
        return WordList(FREQUENT.read_bytes())
    except (OSError, ValueError):  # pragma: no cover - shipped with the package
        return WordList(b"")


def _everyday(low: str) -> bool:
    """`low` (lower case) is an English word of the dictionary that everyday English writes
    (it or its stem once per million words or more): "beat", "rose", "will", "started";
    not "gabi", "regula", "tolu", which Webster's holds as rare words and people bear as
    names."""
    if not _english(low):
        return False
    frequent = _frequent_list()
    if _in_words(low, frequent):
        return True
    # a rare word made of an everyday one: "Blameless", "Unbounded", "Reassess", "Outbound"
    for prefix in _PREFIXES:
        if low.startswith(prefix) and len(low) - len(prefix) >= 4:
            if _in_words(low[len(prefix) :], frequent):
                return True
    for suffix in _SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            stem = low[: -len(suffix)]
            if _in_words(stem, frequent) or _in_words(stem + "e", frequent):
                return True
    # a compound of two everyday words of four letters or more: "Fallback", "Placeholder"
    # (shorter parts make names: "Mei-ling", "Har-ish")
    return any(low[:k] in frequent and low[k:] in frequent for k in range(4, len(low) - 3))


_PREFIXES = (
    "un", "re", "mis", "non", "out", "over", "under", "in", "im", "de", "dis", "pre", "counter",
    "inter", "sub", "trans", "super", "semi", "multi", "auto", "co", "anti", "mal", "post",
)  # fmt: skip
_SUFFIXES = (
    "less", "ful", "ness", "able", "ible", "ous", "ive", "ise", "ize", "ate", "al", "ally",
    "ly", "er", "ers", "or", "ors", "ure", "ent", "ant", "ing", "ed", "s", "es",
)  # fmt: skip


def write_frequent() -> None:
    from wordfreq import iter_wordlist

    from pm_tui.atomic_write import atomic_write_bytes

    words = {w for w in iter_wordlist("en", "small") if w.isascii() and w.isalpha()}
    atomic_write_bytes(FREQUENT, word_list_data(words))


def _in_words(low: str, words) -> bool:
    """`low` or a stem of it is one of `words` (see _english)."""
    if low in words:
        return True
    stems = []
    if low.endswith("ies"):
        stems.append(low[:-3] + "y")
    if low.endswith("s") and not low.endswith(("us", "ss", "is")) and len(low) >= 5:
        stems.append(low[:-1])  # not "Lars" (lar), "Jens", "Nils": short stems are names
    if low.endswith(("ches", "shes", "xes", "ses", "zes")):
        stems.append(low[:-2])
    if low.endswith(("ed", "ing")):
        base = low[:-2] if low.endswith("ed") else low[:-3]
        stems += [base, base + "e"]
        if len(base) > 2 and base[-1] == base[-2]:
            stems.append(base[:-1])
        if base.endswith("i"):
            stems.append(base[:-1] + "y")
    return any(len(st) > 2 and st in words for st in stems)


def name_like(word: str) -> bool:
    """True when `word` reads as a person's name: an @handle, or a capitalised word that is
    neither an English word of our lexicon nor a technical noun."""
    return _name_shaped(word) and not is_technical(
        word[:-2] if word.lower().endswith(("'s", "’s")) else word
    )


def name_shaped(word: str) -> bool:
    """name_like before the text's and the post-mortem's vocabulary are asked: False means
    no vocabulary can make `word` a name."""
    return _name_shaped(word)


@lru_cache(maxsize=8192)
def _name_shaped(word: str) -> bool:
    """name_like without the text's own vocabulary (which changes from text to text)."""
    if word.startswith("@"):
        return bool(_HANDLE.fullmatch(word))
    bare = word[:-2] if word.lower().endswith(("'s", "’s")) else word
    if not _NAME_SHAPE.fullmatch(bare) or len(bare) < 2:
        return False
    low = bare.lower()
    if low in TECH_WORDS or _is_common(low) or _everyday(low):
        return False
    from pm_tui.language.lexicon import NOT_NAMES

    return low not in NOT_NAMES


def capitalised_agent(word: str, *, sentence_start: bool) -> bool:
    """A capitalised English word ("Will", "Hope", "Grant") as the subject of a failure verb
    names a person when it is no thing: mid-sentence, English common nouns are not
    capitalised, so only the lexicons and the text's vocabulary can make it a thing; at a
    sentence's start, where every word is capitalised, only when the dictionary spells it
    capitalised (a proper noun)."""
    bare = word[:-2] if word.lower().endswith(("'s", "’s")) else word
    shape = _agent_shape(bare)
    if shape is None or bare.lower() in _VOCAB.get():
        return False
    return not sentence_start or shape


@lru_cache(maxsize=8192)
def _agent_shape(bare: str) -> bool | None:
    """capitalised_agent without the text's vocabulary: None when `bare` is a thing or no
    capitalised word, else whether the dictionary spells it capitalised."""
    if not _NAME_SHAPE.fullmatch(bare) or len(bare) < 2:
        return None
    low = bare.lower()
    if low in TECH_WORDS or _is_common(low):
        return None
    from pm_tui.language.lexicon import NOT_NAMES

    if low in NOT_NAMES or (low.endswith("s") and _english(low[:-1])):
        return None  # plural nouns ("Backups failed") are things
    if low.endswith(("ed", "ing")) and _english(low):
        return None  # participles and gerunds ("Restarted", "Draining") are no subjects
    return bare in _dictionary()


if __name__ == "__main__":
    import sys

    if "--frequent" in sys.argv:
        write_frequent()
        print(f"wrote {FREQUENT}")
    else:
        write_words()
        print(f"wrote {WORDS}")
