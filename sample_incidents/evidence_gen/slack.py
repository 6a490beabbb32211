"""The Slack export folder of the incident channel."""

from __future__ import annotations

import hashlib
import json

from . import scenario as sc

CHANNEL = "inc-api-2025-02-09"
CHANNEL_ID = "C08INCAPI09"
BOT_ID = "B05PDUTY01"

EXPLAIN = (
    "```EXPLAIN ANALYZE SELECT id, status, total_cents, created_at FROM orders WHERE customer_ref = 'C-88231' ORDER BY created_at DESC LIMIT 50;\n"
    " Limit  (cost=412905.31..412905.39 rows=31 width=64) (actual time=2398.470..2398.478 rows=27 loops=1)\n"
    "   ->  Sort  (cost=412905.31..412905.39 rows=31 width=64) (actual time=2398.468..2398.472 rows=27 loops=1)\n"
    "         ->  Seq Scan on orders  (cost=0.00..412893.12 rows=31 width=64) (actual time=1843.227..2398.411 rows=27 loops=1)\n"
    "               Filter: (customer_ref = 'C-88231'::text)\n"
    "               Rows Removed by Filter: 8412907\n"
    " Planning Time: 0.112 ms\n"
    " Execution Time: 2398.602 ms```"
)

# (time, user or None for the PagerDuty bot, text, subtype)
MESSAGES = (
    ("10:18:30", sc.ALICE, "<@U01ALICE> has joined the channel", "channel_join"),
    ("10:18:30", sc.ALICE, "Investigating elevated 5xx on api, paged at 10:12", None),
    (
        "10:18:52",
        None,
        "Incident #4812 *[FIRING:1] HighErrorRate api (page)* acknowledged by Alice Chen - https://shop-example.pagerduty.com/incidents/Q1ABCDEF2GHIJK",
        "bot_message",
    ),
    ("10:19:40", sc.BOB, "<@U02BOB> has joined the channel", "channel_join"),
    ("10:20:00", sc.PRIYA, "<@U04PRIYA> has joined the channel", "channel_join"),
    (
        "10:20:35",
        sc.PRIYA,
        "I'm IC. Alice: customer impact + status page, Bob: database side. Next update in #status at 10:35.",
        None,
    ),
    (
        "10:21:12",
        sc.BOB,
        "api p99 went from ~300ms to >20s from about 10:03, 5xx around 20-25% since 10:05. Mostly 503 and 504 from nginx.",
        None,
    ),
    ("10:22:05", sc.ALICE, 'status page updated: "Degraded performance - orders"', None),
    (
        "10:24:10",
        sc.BOB,
        "DB connection pool exhausted: all 30 connections busy (20 + 10 overflow), requests waiting. Logs full of `QueuePool limit of size 20 overflow 10 reached`",
        None,
    ),
    ("10:25:31", sc.DANA, "<@U03DANA> has joined the channel", "channel_join"),
    (
        "10:25:48",
        sc.DANA,
        "here, sorry, was in another call. anything from the v2.3.0 deploy this morning?",
        None,
    ),
    (
        "10:27:40",
        sc.BOB,
        f"posting updates to #status with the bot: `curl -X POST -H 'Authorization: Bearer {sc.SLACK_TOKEN}' https://slack.com/api/chat.postMessage -d channel=C01STATUS`",
        None,
    ),
    (
        "10:28:15",
        sc.PRIYA,
        "<@U02BOB> that's the bot token in a channel, please rotate it after we're done",
        None,
    ),
    ("10:28:30", sc.BOB, "ugh, yes. will do", None),
    (
        "10:31:00",
        sc.BOB,
        "identified: the new query in v2.3.0 on orders.customer_ref does a sequential scan (no index on customer_ref). Every order lookup reads 8.4M rows and holds a connection for 2-9s.\n"
        + EXPLAIN,
        None,
    ),
    ("10:33:40", sc.ALICE, "added a note on the PD incident", None),
    ("10:36:02", sc.ALICE, "roll back to v2.2.4?", None),
    (
        "10:38:27",
        sc.DANA,
        "careful: v2.3.0 ran migration 0142 (drops orders.legacy_status). v2.2.4 still selects that column",
        None,
    ),
    (
        "10:41:10",
        sc.BOB,
        "we have the Redis read-through cache for order lookups behind ORDER_LOOKUP_CACHE, tested in staging last week",
        None,
    ),
    (
        "10:45:00",
        sc.PRIYA,
        "Decision: rollback is not safe because v2.3.0 ran a migration. We enable the Redis read-through cache for order lookups (ORDER_LOOKUP_CACHE=on). Bob deploys it, Dana prepares the index on orders.customer_ref (CONCURRENTLY).",
        None,
    ),
    ("10:46:30", sc.ALICE, "anyone want coffee? going to the kitchen", None),
    ("10:46:41", sc.DANA, "oat flat white please :pray:", None),
    (
        "10:52:10",
        sc.BOB,
        "cache layer deployed: order-cache is up, api rolling out with ORDER_LOOKUP_CACHE=on (3 pods, one every 2 min)",
        None,
    ),
    ("10:55:33", sc.ALICE, "new pods look healthy, 5xx going down", None),
    (
        "10:59:20",
        sc.BOB,
        "error rate back to baseline since 10:58, pool in use ~5/30 per pod",
        None,
    ),
    ("11:04:25", None, "Alert *[RESOLVED] HighErrorRate api (page)*", "bot_message"),
    ("11:06:10", sc.PRIYA, "Thanks all. Keeping the incident open until the index is in.", None),
    (
        "11:14:05",
        sc.DANA,
        "starting CREATE INDEX CONCURRENTLY orders_customer_ref_idx ON orders (customer_ref)",
        None,
    ),
    (
        "11:25:00",
        sc.DANA,
        "index created: orders_customer_ref_idx is live (CREATE INDEX CONCURRENTLY took 11 min). customer_ref lookups now 2ms",
        None,
    ),
    ("11:40:00", sc.PRIYA, "Resolved. Cache stays on; post-mortem tomorrow.", None),
    ("11:40:40", sc.ALICE, "resolved in PD :white_check_mark:", None),
    ("11:41:02", sc.BOB, "token rotated btw", None),
)


def _profile(p: sc.Person) -> dict:
    return {
        "real_name": p.name,
        "display_name": p.handle.split(".")[0],
        "image_72": f"https://avatars.slack-edge.com/2024-01-10/{p.slack_id}_72.png",
        "avatar_hash": hashlib.md5(p.slack_id.encode()).hexdigest()[:12],
        "first_name": p.name.split()[0],
        "is_restricted": False,
        "is_ultra_restricted": False,
        "team": "T01SHOP",
    }


def slack_export() -> dict[str, str]:
    """Files of a standard Slack export folder: relative path -> JSON text."""
    msgs, seen = [], {}
    for hhmmss, who, text, subtype in MESSAGES:
        t = sc.at(hhmmss)
        n = seen[hhmmss] = seen.get(hhmmss, 0) + 1
        ts = f"{int(t.timestamp())}.{n * 100:06d}"
        if who is None:
            msg = {
                "type": "message",
                "subtype": "bot_message",
                "text": text,
                "ts": ts,
                "bot_id": BOT_ID,
                "username": "PagerDuty",
            }
        else:
            msg = {"type": "message", "text": text, "user": who.slack_id, "ts": ts}
            if subtype:
                msg["subtype"] = subtype
            else:
                msg.update(
                    {
                        "client_msg_id": hashlib.sha1(ts.encode()).hexdigest()[:8]
                        + "-7c1e-4d2a-9f3b-"
                        + hashlib.sha1(text.encode()).hexdigest()[:12],
                        "team": "T01SHOP",
                        "user_team": "T01SHOP",
                        "user_profile": _profile(who),
                    }
                )
        msgs.append(msg)
    users = [
        {
            "id": p.slack_id,
            "team_id": "T01SHOP",
            "name": p.handle,
            "deleted": False,
            "real_name": p.name,
            "tz": "Europe/London",
            "tz_label": "Greenwich Mean Time",
            "tz_offset": 0,
            "profile": dict(_profile(p), email=p.email),
            "is_admin": False,
            "is_owner": False,
            "is_bot": False,
            "is_app_user": False,
            "updated": 1736500000,
        }
        for p in sc.PEOPLE
    ]
    users.append(
        {
            "id": "U05PDBOT",
            "team_id": "T01SHOP",
            "name": "pagerduty",
            "deleted": False,
            "real_name": "PagerDuty",
            "profile": {
                "real_name": "PagerDuty",
                "display_name": "PagerDuty",
                "bot_id": BOT_ID,
                "team": "T01SHOP",
            },
            "is_bot": True,
            "is_app_user": False,
            "updated": 1736500000,
        }
    )
    created = int(sc.SLACK_CHANNEL_CREATED.timestamp())
    channels = [
        {
            "id": CHANNEL_ID,
            "name": CHANNEL,
            "created": created,
            "creator": sc.ALICE.slack_id,
            "is_archived": False,
            "is_general": False,
            "members": [p.slack_id for p in sc.PEOPLE],
            "topic": {
                "value": "api 5xx / DB pool exhaustion - IC: Priya",
                "creator": sc.PRIYA.slack_id,
                "last_set": created + 125,
            },
            "purpose": {
                "value": "Incident: elevated 5xx on api (PD #4812)",
                "creator": sc.ALICE.slack_id,
                "last_set": created,
            },
        }
    ]
    return {
        "channels.json": json.dumps(channels, indent=4) + "\n",
        "users.json": json.dumps(users, indent=4) + "\n",
        f"{CHANNEL}/2025-02-09.json": json.dumps(msgs, indent=4, ensure_ascii=False) + "\n",
    }
