"""Change-record exports of tools pm-tui had no reader for, shaped after each tool's public API
docs (field names, nesting, time formats), and JSON that is no change at all, for #20.

    python3 tests/data/change_exports/gen_change_exports.py   # rewrites the folders below

- dev/        fifteen tools' exports (JSON, JSON lines, CSV) the change reader was developed on;
- heldout/    three more, set aside BEFORE the reader was changed and never tuned on: scored
              once at the end (bench/score_change_exports.py prints how many are read right);
- lookalike/  JSON with times and names that records no change (metrics, alerts, inventories,
              API answers): must stay unread.

expected.json says, per file, the records a reader must find: the time, words of what changed
(in the change's service, description or version), who did it and its status. Stdlib only,
deterministic.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
DAY = "2026-06-02"


def t(hm: str, sec: str = "00") -> str:
    return f"{DAY}T{hm}:{sec}Z"


def epoch(hm: str) -> int:
    from datetime import datetime

    return int(datetime.fromisoformat(f"{DAY}T{hm}:00+00:00").timestamp())


def dump(obj: object) -> str:
    return json.dumps(obj, indent=2) + "\n"


def lines(objs: list[dict]) -> str:
    return "".join(json.dumps(o, separators=(",", ":")) + "\n" for o in objs)


def table(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()


def expect(time: str, what: list[str], who: str = "", status: str = "") -> dict:
    return {"time": time, "what": what, "who": who, "status": status}


DEV: dict[str, tuple[str, list[dict]]] = {}
HELDOUT: dict[str, tuple[str, list[dict]]] = {}
LOOKALIKE: dict[str, str] = {}

# --- HCP Terraform / Terraform Enterprise: runs of a workspace (JSON:API, ?include=created_by)
DEV["tfc-runs.json"] = (
    dump(
        {
            "data": [
                {
                    "id": f"run-{n}",
                    "type": "runs",
                    "attributes": {
                        "status": st,
                        "message": msg,
                        "source": "tfe-api",
                        "is-destroy": False,
                        "trigger-reason": "manual",
                        "created-at": t(hm, "02").replace("Z", ".512Z"),
                        "has-changes": True,
                        "status-timestamps": {"planned-at": t(hm, "41"), "applied-at": t(ap, "07")}
                        if ap
                        else {"planned-at": t(hm, "41"), "errored-at": t(hm, "58")},
                    },
                    "relationships": {
                        "workspace": {"data": {"id": "ws-7Hq2", "type": "workspaces"}},
                        "created-by": {"data": {"id": uid, "type": "users"}},
                    },
                    "links": {"self": f"/api/v2/runs/run-{n}"},
                }
                for n, st, msg, hm, ap, uid in [
                    (
                        "Xk2",
                        "applied",
                        "Raise ALB idle timeout to 120s",
                        "09:14",
                        "09:16",
                        "user-a1",
                    ),
                    ("Xk1", "errored", "Rotate listener certificate", "08:40", None, "user-b2"),
                ]
            ],
            "included": [
                {
                    "id": "user-a1",
                    "type": "users",
                    "attributes": {"username": "mira.k", "email": "mira@acme.example"},
                },
                {
                    "id": "user-b2",
                    "type": "users",
                    "attributes": {"username": "ops-bot", "email": "ops@acme.example"},
                },
            ],
            "meta": {"pagination": {"current-page": 1, "total-count": 2}},
        }
    ),
    # the applied run took effect when it was applied (status-timestamps.applied-at)
    [
        expect(t("09:16", "07"), ["ALB idle timeout"], "mira.k", "applied"),
        expect(t("08:40", "02"), ["listener certificate"], "ops-bot", "errored"),
    ],
)

# --- Amazon EKS: describe-update of a managed node group's updates, one answer a line
DEV["eks-nodegroup-updates.jsonl"] = (
    lines(
        [
            {
                "update": {
                    "id": "6b1c2a40-0f7e-3d55-9a1e-5c3f0a9b1d11",
                    "status": "Successful",
                    "type": "VersionUpdate",
                    "params": [
                        {"type": "Version", "value": "1.30"},
                        {"type": "ReleaseVersion", "value": "1.30.4-20260528"},
                    ],
                    "createdAt": "2026-06-02T10:02:11.381000+00:00",
                    "errors": [],
                }
            },
            {
                "update": {
                    "id": "0c9d8e7f-1a2b-3c4d-5e6f-7a8b9c0d1e2f",
                    "status": "Failed",
                    "type": "ConfigUpdate",
                    "params": [
                        {"type": "DesiredSize", "value": "12"},
                        {"type": "MaxSize", "value": "16"},
                    ],
                    "createdAt": "2026-06-02T08:31:40.002000+00:00",
                    "errors": [
                        {
                            "errorCode": "AsgInstanceLaunchFailures",
                            "errorMessage": "Could not launch On-Demand Instances",
                            "resourceIds": [],
                        }
                    ],
                }
            },
        ]
    ),
    [
        expect("2026-06-02T10:02:11Z", ["VersionUpdate", "1.30"], "", "Successful"),
        expect("2026-06-02T08:31:40Z", ["ConfigUpdate", "12"], "", "Failed"),
    ],
)

# --- GKE: gcloud container operations list --format=json
DEV["gke-operations.json"] = (
    dump(
        [
            {
                "name": "operation-1780391520871-5e1c",
                "operationType": "UPGRADE_NODES",
                "status": "DONE",
                "selfLink": "https://container.googleapis.com/v1/projects/123/zones/europe-west1-b/operations/operation-1780391520871-5e1c",
                "targetLink": "https://container.googleapis.com/v1/projects/123/zones/europe-west1-b/clusters/prod-eu/nodePools/pool-api",
                "zone": "europe-west1-b",
                "startTime": "2026-06-02T09:52:00.871Z",
                "endTime": "2026-06-02T10:21:40.190Z",
                "detail": "Upgrading pool-api to 1.30.5-gke.1014001",
            },
            {
                "name": "operation-1780387000000-aa01",
                "operationType": "SET_NODE_POOL_SIZE",
                "status": "DONE",
                "selfLink": "https://container.googleapis.com/v1/projects/123/zones/europe-west1-b/operations/operation-1780387000000-aa01",
                "targetLink": "https://container.googleapis.com/v1/projects/123/zones/europe-west1-b/clusters/prod-eu/nodePools/pool-batch",
                "zone": "europe-west1-b",
                "startTime": "2026-06-02T08:36:40.000Z",
                "endTime": "2026-06-02T08:37:02.000Z",
            },
        ]
    ),
    [
        expect("2026-06-02T09:52:00Z", ["UPGRADE_NODES", "pool-api"], "", "DONE"),
        expect("2026-06-02T08:36:40Z", ["SET_NODE_POOL_SIZE", "pool-batch"], "", "DONE"),
    ],
)

# --- AWS CloudFormation: describe-stack-events
DEV["cfn-stack-events.json"] = (
    dump(
        {
            "StackEvents": [
                {
                    "StackId": "arn:aws:cloudformation:eu-west-1:111122223333:stack/payments-edge/6bc2f370",
                    "EventId": f"ev-{i}",
                    "StackName": "payments-edge",
                    "LogicalResourceId": lr,
                    "PhysicalResourceId": pr,
                    "ResourceType": rt,
                    "Timestamp": ts,
                    "ResourceStatus": st,
                    **({"ResourceStatusReason": why} if why else {}),
                    "ClientRequestToken": "Console-UpdateStack-7d1e",
                }
                for i, (lr, pr, rt, ts, st, why) in enumerate(
                    [
                        (
                            "payments-edge",
                            "arn:aws:cloudformation:eu-west-1:111122223333:stack/payments-edge/6bc2f370",
                            "AWS::CloudFormation::Stack",
                            "2026-06-02T09:41:12.281000+00:00",
                            "UPDATE_COMPLETE",
                            "",
                        ),
                        (
                            "ApiTargetGroup",
                            "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/api/9a1",
                            "AWS::ElasticLoadBalancingV2::TargetGroup",
                            "2026-06-02T09:40:51.020000+00:00",
                            "UPDATE_COMPLETE",
                            "",
                        ),
                        (
                            "ApiTargetGroup",
                            "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/api/9a1",
                            "AWS::ElasticLoadBalancingV2::TargetGroup",
                            "2026-06-02T09:40:30.100000+00:00",
                            "UPDATE_IN_PROGRESS",
                            "",
                        ),
                        (
                            "payments-edge",
                            "arn:aws:cloudformation:eu-west-1:111122223333:stack/payments-edge/6bc2f370",
                            "AWS::CloudFormation::Stack",
                            "2026-06-02T09:40:21.593000+00:00",
                            "UPDATE_IN_PROGRESS",
                            "User Initiated",
                        ),
                    ]
                )
            ]
        }
    ),
    [
        expect(
            "2026-06-02T09:40:21Z",
            ["payments-edge", "UPDATE_IN_PROGRESS"],
            "",
            "UPDATE_IN_PROGRESS",
        ),
        expect("2026-06-02T09:40:30Z", ["ApiTargetGroup"], "", "UPDATE_IN_PROGRESS"),
    ],
)


# --- Azure Monitor activity log: az monitor activity-log list
def _azure(ts: str, op: str, caller: str, status: str, rid: str) -> dict:
    return {
        "authorization": {"action": op, "scope": rid},
        "caller": caller,
        "channels": "Operation",
        "claims": {"name": caller},
        "category": {"value": "Administrative", "localizedValue": "Administrative"},
        "correlationId": "5f2c9e1a-0000-4000-8000-00000000000" + ts[-3],
        "eventDataId": "d3c1" + ts[-5:-3],
        "eventName": {"value": "EndRequest", "localizedValue": "End request"},
        "eventTimestamp": ts,
        "submissionTimestamp": ts.replace(".1", ".9"),
        "level": "Informational",
        "operationName": {
            "value": op,
            "localizedValue": op.rsplit("/", 2)[-2] + " " + op.rsplit("/", 1)[-1],
        },
        "resourceGroupName": "rg-checkout-prod",
        "resourceId": rid,
        "resourceProviderName": {"value": op.split("/")[0], "localizedValue": op.split("/")[0]},
        "resourceType": {
            "value": "/".join(op.split("/")[:2]),
            "localizedValue": "/".join(op.split("/")[:2]),
        },
        "status": {"value": status, "localizedValue": status},
        "subStatus": {"value": "OK", "localizedValue": "OK (HTTP Status Code: 200)"},
        "subscriptionId": "0000-sub",
    }


DEV["azure-activity-log.json"] = (
    dump(
        [
            _azure(
                "2026-06-02T09:05:44.1820000Z",
                "Microsoft.Network/applicationGateways/write",
                "lena.ortiz@acme.example",
                "Succeeded",
                "/subscriptions/0000-sub/resourceGroups/rg-checkout-prod/providers/Microsoft.Network/applicationGateways/agw-checkout",
            ),
            _azure(
                "2026-06-02T08:12:03.1110000Z",
                "Microsoft.Compute/virtualMachineScaleSets/restart/action",
                "ops-automation",
                "Started",
                "/subscriptions/0000-sub/resourceGroups/rg-checkout-prod/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-api",
            ),
        ]
    ),
    [
        expect(
            "2026-06-02T09:05:44Z",
            ["applicationGateways/write", "agw-checkout"],
            "lena.ortiz@acme.example",
            "Succeeded",
        ),
        expect("2026-06-02T08:12:03Z", ["restart", "vmss-api"], "ops-automation", "Started"),
    ],
)

# --- Azure activity log downloaded from the portal as CSV
DEV["azure-activity-log.csv"] = (
    table(
        [
            "Operation name",
            "Status",
            "Time",
            "Time stamp",
            "Subscription",
            "Event initiated by",
            "Resource type",
            "Resource group",
            "Resource",
            "Event category",
            "Level",
        ],
        [
            [
                "Update Key Vault access policy",
                "Succeeded",
                "22 minutes ago",
                "Tue Jun 02 2026 09:31:07 GMT+0000 (Coordinated Universal Time)",
                "prod",
                "sam.reyes@acme.example",
                "Microsoft.KeyVault/vaults",
                "rg-identity",
                "kv-identity-prod",
                "Administrative",
                "Informational",
            ],
            [
                "Create or Update Network Security Group",
                "Failed",
                "1 hour ago",
                "Tue Jun 02 2026 08:47:51 GMT+0000 (Coordinated Universal Time)",
                "prod",
                "terraform-sp",
                "Microsoft.Network/networkSecurityGroups",
                "rg-identity",
                "nsg-idp",
                "Administrative",
                "Error",
            ],
        ],
    ),
    [
        expect(
            "2026-06-02T09:31:07Z",
            ["Key Vault access policy"],
            "sam.reyes@acme.example",
            "Succeeded",
        ),
        expect("2026-06-02T08:47:51Z", ["Network Security Group"], "terraform-sp", "Failed"),
    ],
)

# --- LaunchDarkly: GET /api/v2/auditlog
DEV["launchdarkly-auditlog.json"] = (
    dump(
        {
            "items": [
                {
                    "_id": "6655f0a1",
                    "_accountId": "acc1",
                    "date": epoch("09:22") * 1000 + 417,
                    "accesses": [
                        {
                            "action": "updateOn",
                            "resource": "proj/default:env/production:flag/checkout-v2",
                        }
                    ],
                    "kind": "flag",
                    "name": "Checkout v2",
                    "description": "- Turned on flag\n",
                    "shortDescription": "",
                    "member": {
                        "_id": "m1",
                        "email": "priya@acme.example",
                        "firstName": "Priya",
                        "lastName": "Shah",
                    },
                    "titleVerb": "turned on the flag",
                    "title": "Priya Shah turned on the flag Checkout v2 in Production",
                    "target": {
                        "name": "Checkout v2",
                        "resources": ["proj/default:env/production:flag/checkout-v2"],
                    },
                    "_links": {"self": {"href": "/api/v2/auditlog/6655f0a1"}},
                },
                {
                    "_id": "6655e111",
                    "_accountId": "acc1",
                    "date": epoch("08:05") * 1000,
                    "accesses": [
                        {
                            "action": "updateRules",
                            "resource": "proj/default:env/production:flag/search-ranker",
                        }
                    ],
                    "kind": "flag",
                    "name": "Search ranker",
                    "description": "- Changed targeting rules\n",
                    "member": {
                        "_id": "m2",
                        "email": "tom@acme.example",
                        "firstName": "Tom",
                        "lastName": "Berg",
                    },
                    "titleVerb": "changed the targeting rules",
                    "title": "Tom Berg changed the targeting rules of Search ranker",
                    "target": {
                        "name": "Search ranker",
                        "resources": ["proj/default:env/production:flag/search-ranker"],
                    },
                    "_links": {"self": {"href": "/api/v2/auditlog/6655e111"}},
                },
            ],
            "totalCount": 2,
            "_links": {},
        }
    ),
    [
        expect(t("09:22"), ["Checkout v2"], "Priya Shah", ""),
        expect(t("08:05"), ["Search ranker"], "Tom Berg", ""),
    ],
)

# --- Pulumi Cloud: GET /api/stacks/{org}/{project}/{stack}/updates
DEV["pulumi-updates.json"] = (
    dump(
        {
            "updates": [
                {
                    "info": {
                        "kind": "update",
                        "startTime": epoch("10:11"),
                        "endTime": epoch("10:14"),
                        "message": "Shrink Redis maxmemory to 6gb",
                        "result": "succeeded",
                        "version": 88,
                        "environment": {
                            "git.head": "4be1c09",
                            "git.author": "Noor Haddad",
                            "exec.kind": "cli",
                        },
                        "config": {"aws:region": {"string": "eu-west-1", "secret": False}},
                        "resourceChanges": {"update": 1, "same": 41},
                    },
                    "updateID": "b1c2-88",
                    "version": 88,
                    "latestVersion": 88,
                    "requestedBy": {
                        "name": "Noor Haddad",
                        "githubLogin": "nhaddad",
                        "avatarUrl": "https://a/1.png",
                    },
                },
                {
                    "info": {
                        "kind": "refresh",
                        "startTime": epoch("08:20"),
                        "endTime": epoch("08:21"),
                        "message": "",
                        "result": "failed",
                        "version": 87,
                        "environment": {},
                        "config": {},
                        "resourceChanges": {},
                    },
                    "updateID": "b1c2-87",
                    "version": 87,
                    "latestVersion": 88,
                    "requestedBy": {
                        "name": "CI bot",
                        "githubLogin": "ci-bot",
                        "avatarUrl": "https://a/2.png",
                    },
                },
            ],
            "itemsPerPage": 10,
            "total": 2,
        }
    ),
    [
        expect(t("10:11"), ["Redis maxmemory"], "Noor Haddad", "succeeded"),
        expect(t("08:20"), ["87"], "CI bot", "failed"),
    ],
)

# --- Flux: kubectl get helmrelease -o json (status.history, helm-controller v2)
DEV["flux-helmrelease.json"] = (
    dump(
        {
            "apiVersion": "helm.toolkit.fluxcd.io/v2",
            "kind": "HelmRelease",
            "metadata": {"name": "ingest-gateway", "namespace": "ingest", "generation": 14},
            "spec": {
                "chart": {"spec": {"chart": "ingest-gateway", "version": "4.x"}},
                "interval": "5m",
            },
            "status": {
                "history": [
                    {
                        "chartName": "ingest-gateway",
                        "chartVersion": "4.7.1",
                        "appVersion": "2.19.0",
                        "configDigest": "sha256:9f1e",
                        "digest": "sha256:77aa",
                        "firstDeployed": "2026-05-20T07:00:00Z",
                        "lastDeployed": "2026-06-02T09:58:31Z",
                        "name": "ingest-gateway",
                        "namespace": "ingest",
                        "status": "deployed",
                        "version": 9,
                    },
                    {
                        "chartName": "ingest-gateway",
                        "chartVersion": "4.7.0",
                        "appVersion": "2.18.3",
                        "configDigest": "sha256:0b2c",
                        "digest": "sha256:1f2e",
                        "firstDeployed": "2026-05-20T07:00:00Z",
                        "lastDeployed": "2026-06-02T08:44:02Z",
                        "name": "ingest-gateway",
                        "namespace": "ingest",
                        "status": "superseded",
                        "version": 8,
                    },
                ],
                "conditions": [
                    {
                        "type": "Ready",
                        "status": "True",
                        "lastTransitionTime": "2026-06-02T09:59:00Z",
                        "reason": "UpgradeSucceeded",
                        "message": "Helm upgrade succeeded",
                    }
                ],
            },
        }
    ),
    [
        expect("2026-06-02T09:58:31Z", ["ingest-gateway", "4.7.1"], "", "deployed"),
        expect("2026-06-02T08:44:02Z", ["ingest-gateway", "4.7.0"], "", "superseded"),
    ],
)

# --- Rundeck: GET /api/41/project/ops/executions
DEV["rundeck-executions.json"] = (
    dump(
        {
            "paging": {"count": 2, "total": 2, "offset": 0, "max": 20},
            "executions": [
                {
                    "id": 5121,
                    "href": "https://rd/api/41/execution/5121",
                    "permalink": "https://rd/project/ops/execution/show/5121",
                    "status": "succeeded",
                    "project": "ops",
                    "executionType": "user",
                    "user": "gwen",
                    "date-started": {"unixtime": epoch("09:47") * 1000, "date": t("09:47")},
                    "date-ended": {"unixtime": epoch("09:49") * 1000, "date": t("09:49")},
                    "job": {
                        "id": "j-1",
                        "averageDuration": 90000,
                        "name": "flush-cdn-cache",
                        "group": "edge",
                        "project": "ops",
                        "description": "Purge the edge cache of a path",
                    },
                    "description": "flush-cdn-cache",
                    "argstring": "-path /static/*",
                    "serverUUID": "s1",
                    "successfulNodes": ["edge-1"],
                },
                {
                    "id": 5119,
                    "href": "https://rd/api/41/execution/5119",
                    "permalink": "https://rd/project/ops/execution/show/5119",
                    "status": "failed",
                    "project": "ops",
                    "executionType": "scheduled",
                    "user": "rundeck",
                    "date-started": {"unixtime": epoch("08:00") * 1000, "date": t("08:00")},
                    "date-ended": {"unixtime": epoch("08:01") * 1000, "date": t("08:01")},
                    "job": {
                        "id": "j-2",
                        "averageDuration": 50000,
                        "name": "rotate-logs",
                        "group": "hygiene",
                        "project": "ops",
                        "description": "Nightly log rotation",
                    },
                    "description": "rotate-logs",
                    "argstring": "",
                    "serverUUID": "s1",
                    "failedNodes": ["edge-2"],
                },
            ],
        }
    ),
    [
        expect(t("09:47"), ["flush-cdn-cache"], "gwen", "succeeded"),
        expect(t("08:00"), ["rotate-logs"], "rundeck", "failed"),
    ],
)

# --- Unleash: GET /api/admin/events
DEV["unleash-events.json"] = (
    dump(
        {
            "version": 1,
            "totalEvents": 2,
            "events": [
                {
                    "id": 902,
                    "type": "feature-environment-enabled",
                    "createdBy": "ana@acme.example",
                    "createdByUserId": 4,
                    "createdAt": "2026-06-02T09:12:44.120Z",
                    "featureName": "instant-payouts",
                    "project": "payments",
                    "environment": "production",
                    "data": None,
                    "preData": None,
                    "tags": [],
                },
                {
                    "id": 899,
                    "type": "feature-strategy-update",
                    "createdBy": "ben@acme.example",
                    "createdByUserId": 7,
                    "createdAt": "2026-06-02T08:30:05.000Z",
                    "featureName": "ledger-batching",
                    "project": "payments",
                    "environment": "production",
                    "data": {"name": "flexibleRollout", "parameters": {"rollout": "50"}},
                    "preData": {"name": "flexibleRollout", "parameters": {"rollout": "10"}},
                    "tags": [],
                },
            ],
        }
    ),
    [
        expect("2026-06-02T09:12:44Z", ["instant-payouts"], "ana@acme.example", ""),
        expect("2026-06-02T08:30:05Z", ["ledger-batching"], "ben@acme.example", ""),
    ],
)

# --- AWS Config: get-resource-config-history
DEV["aws-config-history.json"] = (
    dump(
        {
            "configurationItems": [
                {
                    "version": "1.3",
                    "accountId": "111122223333",
                    "configurationItemCaptureTime": "2026-06-02T09:36:12.114000+00:00",
                    "configurationItemStatus": "OK",
                    "configurationStateId": "1780392972114",
                    "configurationItemMD5Hash": "",
                    "arn": "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0a1b",
                    "resourceType": "AWS::EC2::SecurityGroup",
                    "resourceId": "sg-0a1b",
                    "resourceName": "db-clients",
                    "awsRegion": "eu-west-1",
                    "availabilityZone": "Not Applicable",
                    "tags": {"team": "data"},
                    "relatedEvents": ["6f7e0a12-1111-2222-3333-444455556666"],
                    "relationships": [],
                    "configuration": '{"ipPermissions":[]}',
                    "supplementaryConfiguration": {},
                },
                {
                    "version": "1.3",
                    "accountId": "111122223333",
                    "configurationItemCaptureTime": "2026-06-02T08:02:00.000000+00:00",
                    "configurationItemStatus": "OK",
                    "configurationStateId": "1780387320000",
                    "configurationItemMD5Hash": "",
                    "arn": "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0a1b",
                    "resourceType": "AWS::EC2::SecurityGroup",
                    "resourceId": "sg-0a1b",
                    "resourceName": "db-clients",
                    "awsRegion": "eu-west-1",
                    "availabilityZone": "Not Applicable",
                    "tags": {"team": "data"},
                    "relatedEvents": [],
                    "relationships": [],
                    "configuration": '{"ipPermissions":[{"fromPort":5432}]}',
                    "supplementaryConfiguration": {},
                },
            ]
        }
    ),
    [
        expect("2026-06-02T09:36:12Z", ["db-clients"], "", "OK"),
        expect("2026-06-02T08:02:00Z", ["db-clients"], "", "OK"),
    ],
)

# --- ECS: describe-services' deployments (the service's rollouts)
DEV["ecs-deployments.json"] = (
    dump(
        {
            "services": [
                {
                    "serviceName": "quote-api",
                    "clusterArn": "arn:aws:ecs:eu-west-1:1:cluster/prod",
                    "status": "ACTIVE",
                    "desiredCount": 6,
                    "runningCount": 6,
                    "deployments": [
                        {
                            "id": "ecs-svc/111",
                            "status": "PRIMARY",
                            "taskDefinition": "arn:aws:ecs:eu-west-1:1:task-definition/quote-api:57",
                            "desiredCount": 6,
                            "runningCount": 2,
                            "createdAt": "2026-06-02T10:04:19.551000+00:00",
                            "updatedAt": "2026-06-02T10:06:00.000000+00:00",
                            "launchType": "FARGATE",
                            "rolloutState": "IN_PROGRESS",
                            "rolloutStateReason": "ECS deployment ecs-svc/111 in progress.",
                        },
                        {
                            "id": "ecs-svc/110",
                            "status": "ACTIVE",
                            "taskDefinition": "arn:aws:ecs:eu-west-1:1:task-definition/quote-api:56",
                            "desiredCount": 4,
                            "runningCount": 4,
                            "createdAt": "2026-06-02T08:10:00.000000+00:00",
                            "updatedAt": "2026-06-02T08:15:00.000000+00:00",
                            "launchType": "FARGATE",
                            "rolloutState": "COMPLETED",
                            "rolloutStateReason": "ECS deployment ecs-svc/110 completed.",
                        },
                    ],
                    "events": [
                        {
                            "id": "e1",
                            "createdAt": "2026-06-02T10:06:00+00:00",
                            "message": "(service quote-api) has started 2 tasks: (task 9f).",
                        }
                    ],
                }
            ],
            "failures": [],
        }
    ),
    [
        expect("2026-06-02T10:04:19Z", ["quote-api", "57"], "", "PRIMARY"),
        expect("2026-06-02T08:10:00Z", ["quote-api", "56"], "", "ACTIVE"),
    ],
)

# --- Flagsmith: GET /api/v1/audit/ (added after the first reader change: developed on)
DEV["flagsmith-audit.json"] = (
    dump(
        {
            "count": 2,
            "next": None,
            "previous": None,
            "results": [
                {
                    "id": 9912,
                    "created_date": "2026-06-02T09:20:31.118Z",
                    "log": "Flag state updated for feature: checkout_v2",
                    "author": {
                        "id": 4,
                        "email": "ana@acme.example",
                        "first_name": "Ana",
                        "last_name": "Silva",
                    },
                    "environment": {"id": 2, "name": "Production"},
                    "project": {"id": 1, "name": "Shop"},
                    "related_object_id": 551,
                    "related_object_type": "FEATURE_STATE",
                    "is_system_event": False,
                },
                {
                    "id": 9907,
                    "created_date": "2026-06-02T08:11:02.000Z",
                    "log": "Remote config value updated for feature: search_boost",
                    "author": {
                        "id": 5,
                        "email": "ben@acme.example",
                        "first_name": "Ben",
                        "last_name": "Ode",
                    },
                    "environment": {"id": 2, "name": "Production"},
                    "project": {"id": 1, "name": "Shop"},
                    "related_object_id": 552,
                    "related_object_type": "FEATURE_STATE",
                    "is_system_event": False,
                },
            ],
        }
    ),
    [
        expect("2026-06-02T09:20:31Z", ["checkout_v2"], "ana@acme.example", ""),
        expect("2026-06-02T08:11:02Z", ["search_boost"], "ben@acme.example", ""),
    ],
)

# --- ConfigCat: GET /v1/products/{productId}/auditlogs (added after the first reader change)
DEV["configcat-auditlogs.json"] = (
    dump(
        [
            {
                "auditLogId": 77123,
                "auditLogDateTime": "2026-06-02T09:44:10.51Z",
                "auditLogTypeEnum": "settingValueChanged",
                "changeSetId": "a1",
                "details": "Value changed from false to true",
                "userEmail": "kim@acme.example",
                "userName": "Kim Lee",
                "where": "Production / Checkout",
                "why": "enable new flow",
                "actionTarget": "checkoutV2Enabled",
            },
            {
                "auditLogId": 77101,
                "auditLogDateTime": "2026-06-02T08:02:00.00Z",
                "auditLogTypeEnum": "settingValueChanged",
                "changeSetId": "a0",
                "details": "Targeting rules changed",
                "userEmail": "lee@acme.example",
                "userName": "Lee Park",
                "where": "Production / Search",
                "why": "",
                "actionTarget": "searchBoost",
            },
        ]
    ),
    [
        expect(
            "2026-06-02T09:44:10Z", ["checkoutV2Enabled", "false to true"], "kim@acme.example", ""
        ),
        expect("2026-06-02T08:02:00Z", ["searchBoost", "Targeting rules"], "lee@acme.example", ""),
    ],
)

# === held out: written before the reader changed, never tuned on =============================
# --- Amazon EC2 Auto Scaling: describe-scaling-activities
HELDOUT["asg-scaling-activities.json"] = (
    dump(
        {
            "Activities": [
                {
                    "ActivityId": "f9f2d65b-f1f2-43e7-b46d-d86756459699",
                    "AutoScalingGroupName": "web-asg",
                    "Description": "Terminating EC2 instance: i-0598c7d356eba48d7",
                    "Cause": "At 2026-06-02T09:27:10Z a user request update of AutoScalingGroup constraints to min: 2, max: 4, desired: 2 changing the desired capacity from 6 to 2.",
                    "StartTime": "2026-06-02T09:27:12.010000+00:00",
                    "EndTime": "2026-06-02T09:28:41+00:00",
                    "StatusCode": "Successful",
                    "Progress": 100,
                    "Details": '{"Subnet ID":"subnet-1","Availability Zone":"eu-west-1a"}',
                    "AutoScalingGroupARN": "arn:aws:autoscaling:eu-west-1:1:autoScalingGroup:1:autoScalingGroupName/web-asg",
                },
                {
                    "ActivityId": "0a1b2c3d-1111-2222-3333-444455556666",
                    "AutoScalingGroupName": "web-asg",
                    "Description": "Launching a new EC2 instance: i-0d44425630326060f",
                    "Cause": "At 2026-06-02T08:14:55Z an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 5 to 6.",
                    "StartTime": "2026-06-02T08:14:57.500000+00:00",
                    "EndTime": "2026-06-02T08:15:30+00:00",
                    "StatusCode": "Successful",
                    "Progress": 100,
                    "Details": "{}",
                    "AutoScalingGroupARN": "arn:aws:autoscaling:eu-west-1:1:autoScalingGroup:1:autoScalingGroupName/web-asg",
                },
            ]
        }
    ),
    [
        expect("2026-06-02T09:27:12Z", ["web-asg", "Terminating"], "", "Successful"),
        expect("2026-06-02T08:14:57Z", ["web-asg", "Launching"], "", "Successful"),
    ],
)

# --- Cloudflare: GET /accounts/{id}/audit_logs
HELDOUT["cloudflare-audit-logs.json"] = (
    dump(
        {
            "success": True,
            "errors": [],
            "messages": [],
            "result": [
                {
                    "id": "d5b0f326-1232-4452-8858-1089bd7168ef",
                    "action": {"type": "rec_set", "result": True},
                    "actor": {
                        "email": "kai@acme.example",
                        "id": "f6b5de03",
                        "ip": "198.51.100.7",
                        "type": "user",
                    },
                    "interface": "UI",
                    "metadata": {
                        "zone_name": "acme.example",
                        "name": "api.acme.example",
                        "type": "CNAME",
                    },
                    "newValue": "api-lb-2.acme.example",
                    "oldValue": "api-lb-1.acme.example",
                    "owner": {"id": "f6b5de03"},
                    "resource": {"id": "023e105f", "type": "DNS_record"},
                    "when": "2026-06-02T09:18:33Z",
                },
                {
                    "id": "e1c0a000-0000-4000-8000-000000000002",
                    "action": {"type": "change_setting", "result": True},
                    "actor": {
                        "email": "lee@acme.example",
                        "id": "aa11",
                        "ip": "198.51.100.9",
                        "type": "user",
                    },
                    "interface": "API",
                    "metadata": {"zone_name": "acme.example"},
                    "newValue": '{"value":"strict"}',
                    "oldValue": '{"value":"full"}',
                    "owner": {"id": "aa11"},
                    "resource": {"id": "ssl", "type": "zone_setting"},
                    "when": "2026-06-02T08:26:02Z",
                },
            ],
            "result_info": {"page": 1, "per_page": 25, "count": 2},
        }
    ),
    [
        expect("2026-06-02T09:18:33Z", ["rec_set"], "kai@acme.example", ""),
        expect("2026-06-02T08:26:02Z", ["change_setting"], "lee@acme.example", ""),
    ],
)

# --- GitLab: audit events exported as CSV (Admin area > Audit events > Export as CSV)
HELDOUT["gitlab-audit-events.csv"] = (
    table(
        [
            "ID",
            "Author ID",
            "Author Name",
            "Entity ID",
            "Entity Type",
            "Entity Path",
            "Target ID",
            "Target Type",
            "Target Details",
            "Action",
            "IP Address",
            "Created At (UTC)",
        ],
        [
            [
                "88213",
                "41",
                "Dana Whit",
                "310",
                "Project",
                "platform/ingress-config",
                "310",
                "Project",
                "platform/ingress-config",
                "Changed protected branch push access from Maintainers to No one",
                "203.0.113.4",
                "2026-06-02 09:09:51",
            ],
            [
                "88190",
                "12",
                "Ravi Nair",
                "77",
                "Group",
                "platform",
                "903",
                "CiVariable",
                "DB_POOL_SIZE",
                "Changed variable DB_POOL_SIZE",
                "203.0.113.8",
                "2026-06-02 08:22:10",
            ],
        ],
    ),
    [
        expect("2026-06-02T09:09:51Z", ["protected branch"], "Dana Whit", ""),
        expect("2026-06-02T08:22:10Z", ["DB_POOL_SIZE"], "Ravi Nair", ""),
    ],
)

# === look-alikes: times and names, but no change ==============================================
LOOKALIKE["cloudwatch-metric-data.json"] = dump(
    {
        "MetricDataResults": [
            {
                "Id": "m1",
                "Label": "CPUUtilization",
                "Timestamps": [t("09:05"), t("09:00")],
                "Values": [71.2, 64.9],
                "StatusCode": "Complete",
            }
        ],
        "Messages": [],
    }
)
LOOKALIKE["eks-describe-nodegroup.json"] = dump(
    {
        "nodegroup": {
            "nodegroupName": "ng-api",
            "clusterName": "prod",
            "version": "1.30",
            "releaseVersion": "1.30.4-20260528",
            "createdAt": "2025-11-02T10:00:00+00:00",
            "modifiedAt": "2026-06-02T10:20:00+00:00",
            "status": "ACTIVE",
            "capacityType": "ON_DEMAND",
            "scalingConfig": {"minSize": 3, "maxSize": 16, "desiredSize": 12},
            "instanceTypes": ["m6i.xlarge"],
            "health": {"issues": []},
        }
    }
)
LOOKALIKE["k8s-pods.json"] = dump(
    {
        "apiVersion": "v1",
        "kind": "List",
        "items": [
            {
                "kind": "Pod",
                "metadata": {
                    "name": f"quote-api-7d9f-{s}",
                    "namespace": "prod",
                    "creationTimestamp": t(hm),
                },
                "spec": {"containers": [{"name": "app", "image": "registry/quote-api:2.4.1"}]},
                "status": {"phase": "Running", "startTime": t(hm)},
            }
            for s, hm in (("x1", "09:01"), ("x2", "09:03"))
        ],
    }
)
LOOKALIKE["datadog-monitors.json"] = dump(
    [
        {
            "id": 1201,
            "name": "quote-api p99 latency",
            "type": "query alert",
            "query": "avg(last_5m):p99:trace.http.request{service:quote-api} > 1.5",
            "message": "@pagerduty",
            "overall_state": "Alert",
            "created": "2025-04-01T10:00:00.000000+00:00",
            "modified": "2026-05-12T11:00:00.000000+00:00",
            "creator": {"name": "Mira K", "email": "mira@acme.example"},
            "tags": ["service:quote-api"],
        },
        {
            "id": 1202,
            "name": "ledger disk",
            "type": "metric alert",
            "query": "avg(last_5m):disk > 0.9",
            "message": "",
            "overall_state": "OK",
            "created": "2025-04-02T10:00:00.000000+00:00",
            "modified": "2026-05-13T11:00:00.000000+00:00",
            "creator": {"name": "Tom B", "email": "tom@acme.example"},
            "tags": [],
        },
    ]
)


# --- Argo CD: kubectl get applications -n argocd -o json (an ApplicationList: each
# Application's status.history, named by its metadata.name; operationState is the last sync)
def _argo_app(name: str, path: str, history: list[tuple[int, str, str, str]], user: str) -> dict:
    return {
        "apiVersion": "argoproj.io/v1alpha1",
        "kind": "Application",
        "metadata": {
            "name": name,
            "namespace": "argocd",
            "resourceVersion": "88123",
            "creationTimestamp": "2026-01-12T10:00:00Z",
        },
        "spec": {
            "project": "default",
            "source": {"repoURL": "https://git.example.com/ops/deploy.git", "path": path,
                       "targetRevision": "HEAD"},
            "destination": {"server": "https://kubernetes.default.svc", "namespace": name},
            "syncPolicy": {"automated": {"prune": True, "selfHeal": True}},
        },
        "status": {
            "sync": {"status": "Synced", "revision": history[-1][1]},
            "health": {"status": "Healthy"},
            "history": [
                {"id": n, "revision": rev, "deployStartedAt": started, "deployedAt": done,
                 "source": {"repoURL": "https://git.example.com/ops/deploy.git", "path": path,
                            "targetRevision": "HEAD"}}
                for n, rev, started, done in history
            ],
            "operationState": {
                "operation": {"sync": {"revision": history[-1][1]},
                              "initiatedBy": {"username": user}},
                "phase": "Succeeded",
                "message": "successfully synced (all tasks run)",
                "startedAt": history[-1][2],
                "finishedAt": history[-1][3],
            },
        },
    }  # fmt: skip


DEV["argocd-applicationlist.json"] = (
    dump(
        {
            "apiVersion": "argoproj.io/v1alpha1",
            "kind": "ApplicationList",
            "metadata": {"resourceVersion": "88130"},
            "items": [
                _argo_app(
                    "quote-api",
                    "apps/quote-api/prod",
                    [
                        (41, "3f1c9e2", t("07:10", "02"), t("07:11", "40")),
                        (42, "9b7d0aa", t("09:31", "07"), t("09:32", "15")),
                    ],
                    "mira.k",
                ),
                _argo_app(
                    "fx-rates",
                    "apps/fx-rates/prod",
                    [(17, "c0ffee1", t("08:05", "10"), t("08:06", "00"))],
                    "admin",
                ),
            ],
        }
    ),
    # each sync dated by its start (`deployStartedAt`), when its pods began to roll
    [
        expect(t("09:31", "07"), ["quote-api", "9b7d0aa"]),
        expect(t("07:10", "02"), ["quote-api", "3f1c9e2"]),
        expect(t("08:05", "10"), ["fx-rates", "c0ffee1"]),
    ],
)

# --- GitHub Deployments saved per repository by a script
# (`{repo: gh api repos/{repo}/deployments}`): the records grouped under what they deploy
DEV["deployments-by-repo.json"] = (
    dump(
        {
            f"shop/{repo}": [
                {
                    "url": f"https://api.github.com/repos/shop/{repo}/deployments/{n}",
                    "id": n,
                    "sha": sha,
                    "ref": ref,
                    "task": "deploy",
                    "environment": "production",
                    "description": desc,
                    "creator": {"login": who, "id": 77, "type": "User"},
                    "created_at": t(hm),
                    "updated_at": t(hm, "40"),
                }
                for n, sha, ref, desc, who, hm in rows
            ]
            for repo, rows in (
                (
                    "quote-api",
                    [
                        (9101, "a1b2c3d4e5", "v7.41.0", "quote cache TTL 5m", "mira-k", "09:31"),
                        (9088, "0f9e8d7c6b", "v7.40.2", "", "mira-k", "07:02"),
                    ],
                ),
                (
                    "fx-rates",
                    [(9095, "77aa88bb99", "v2.3.0", "ECB feed retries", "tomas-n", "08:44")],
                ),
            )
        }
    ),
    [
        expect(t("09:31"), ["quote-api", "v7.41.0"], "mira-k"),
        expect(t("07:02"), ["quote-api", "v7.40.2"], "mira-k"),
        expect(t("08:44"), ["fx-rates", "v2.3.0"], "tomas-n"),
    ],
)

LOOKALIKE["ec2-instances.json"] = dump(
    {
        "Reservations": [
            {
                "Instances": [
                    {
                        "InstanceId": "i-0abc",
                        "InstanceType": "m6i.large",
                        "LaunchTime": "2026-06-02T07:58:00+00:00",
                        "State": {"Code": 16, "Name": "running"},
                        "ImageId": "ami-0123",
                        "Tags": [{"Key": "Name", "Value": "quote-api-1"}],
                    },
                    {
                        "InstanceId": "i-0abd",
                        "InstanceType": "m6i.large",
                        "LaunchTime": "2026-06-02T08:01:00+00:00",
                        "State": {"Code": 16, "Name": "running"},
                        "ImageId": "ami-0123",
                        "Tags": [{"Key": "Name", "Value": "quote-api-2"}],
                    },
                ]
            }
        ]
    }
)
LOOKALIKE["sentry-issues.json"] = dump(
    [
        {
            "id": "4102",
            "title": "TimeoutError: upstream quote",
            "culprit": "quote.fetch",
            "level": "error",
            "status": "unresolved",
            "firstSeen": t("09:02"),
            "lastSeen": t("09:40"),
            "count": "311",
            "userCount": 90,
            "project": {"slug": "quote-api", "name": "quote-api"},
            "assignedTo": {"name": "Mira K"},
        },
        {
            "id": "4103",
            "title": "KeyError: currency",
            "culprit": "fx.convert",
            "level": "error",
            "status": "resolved",
            "firstSeen": t("08:02"),
            "lastSeen": t("08:40"),
            "count": "3",
            "userCount": 1,
            "project": {"slug": "fx", "name": "fx"},
            "assignedTo": None,
        },
    ]
)
LOOKALIKE["statuspage-incidents.json"] = dump(
    {
        "incidents": [
            {
                "id": "p31",
                "name": "Elevated checkout errors",
                "status": "resolved",
                "impact": "major",
                "created_at": t("09:20"),
                "updated_at": t("10:40"),
                "resolved_at": t("10:38"),
                "shortlink": "https://stspg.io/p31",
                "incident_updates": [
                    {"status": "resolved", "body": "Fixed.", "created_at": t("10:38")}
                ],
            }
        ]
    }
)


# latency samples saved per service: grouped records of one shape with a time, no change
LOOKALIKE["latency-by-service.json"] = dump(
    {
        service: [
            {"ts": t(hm), "p50_ms": p50, "p99_ms": p99, "host": f"{service}-1"}
            for hm, p50, p99 in samples
        ]
        for service, samples in (
            ("quote-api", [("09:30", 41, 220), ("09:31", 44, 1900)]),
            ("fx-rates", [("09:30", 12, 80), ("09:31", 12, 85)]),
        )
    }
)


# look-alikes that are evidence of another kind: an error tracker's issues and a status
# page's history are read as rows (a log's kind: collectors/logs/documents.py), not as changes
READ_AS_ROWS = {"sentry-issues.json": "logs", "statuspage-incidents.json": "logs"}


def main() -> None:
    expected: dict[str, dict] = {}
    for folder, items in (("dev", DEV), ("heldout", HELDOUT)):
        (HERE / folder).mkdir(exist_ok=True)
        for name, (text, records) in items.items():
            (HERE / folder / name).write_text(text, encoding="utf-8")
            expected[f"{folder}/{name}"] = {"kind": "deploys", "records": records}
    (HERE / "lookalike").mkdir(exist_ok=True)
    for name, text in LOOKALIKE.items():
        (HERE / "lookalike" / name).write_text(text, encoding="utf-8")
        expected[f"lookalike/{name}"] = {"kind": READ_AS_ROWS.get(name), "records": []}
    (HERE / "expected.json").write_text(json.dumps(expected, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
