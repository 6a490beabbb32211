"""Writes deploy-exports/: deploy and change records as real deploy tools export them (#18).

Shapes from the tools' public API documentation (AWX/Ansible Tower /api/v2/jobs/, Argo CD
`argocd app get -o json` and its status.history, Spinnaker pipeline executions, Jenkins
/job/NAME/api/json, Octopus /api/deployments, GitLab /projects/:id/deployments, Heroku
/apps/:app/releases), plus JSON that is NOT deploy records (a GitLab users list, a GitHub
issues list, a Grafana dashboard search) which must stay unread. Written before the rule
was changed, as its own test set; values are invented.

    python3 tests/incidents/own-kinds/gen_deploy_exports.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent / "deploy-exports"
EV = HERE / "evidence"


def awx() -> dict:
    jobs = []
    for i, (name, rev, who, start, end, status) in enumerate(
        [
            (
                "checkout-api deploy",
                "8c41e0b",
                "dana.w",
                "2026-06-02T09:14:03.512Z",
                "2026-06-02T09:19:40.101Z",
                "successful",
            ),
            (
                "patch web tier",
                "release-2026.23",
                "ops-scheduler",
                "2026-06-02T10:00:00.004Z",
                "2026-06-02T10:41:12.880Z",
                "failed",
            ),
            (
                "rotate tls certs",
                "e01f9a2",
                "kiran.p",
                "2026-06-02T11:30:45.000Z",
                "2026-06-02T11:32:02.000Z",
                "successful",
            ),
        ]
    ):
        jobs.append(
            {
                "id": 71200 + i,
                "type": "job",
                "url": f"/api/v2/jobs/{71200 + i}/",
                "related": {
                    "created_by": "/api/v2/users/12/",
                    "stdout": f"/api/v2/jobs/{71200 + i}/stdout/",
                },
                "summary_fields": {
                    "organization": {"id": 1, "name": "Acme"},
                    "inventory": {"id": 3, "name": "prod-eu"},
                    "project": {
                        "id": 8,
                        "name": "platform-playbooks",
                        "status": "successful",
                        "scm_type": "git",
                    },
                    "job_template": {"id": 21, "name": name},
                    "created_by": {"id": 12, "username": who, "first_name": "", "last_name": ""},
                },
                "created": start,
                "modified": end,
                "name": name,
                "description": "",
                "job_type": "run",
                "launch_type": "manual",
                "status": status,
                "failed": status == "failed",
                "started": start,
                "finished": end,
                "canceled_on": None,
                "elapsed": 337.2,
                "job_explanation": "",
                "execution_node": "awx-task-0",
                "launched_by": {"id": 12, "name": who, "type": "user", "url": "/api/v2/users/12/"},
                "playbook": "deploy.yml",
                "scm_branch": "main",
                "forks": 5,
                "limit": "",
                "verbosity": 0,
                "extra_vars": "{}",
                "job_tags": "",
                "scm_revision": rev,
            }
        )
    return {"count": len(jobs), "next": None, "previous": None, "results": jobs}


def argocd_app() -> dict:
    history = [
        {
            "id": 41,
            "revision": "3f2a9d1c0b7e",
            "deployStartedAt": "2026-06-02T08:58:11Z",
            "deployedAt": "2026-06-02T08:58:40Z",
            "source": {
                "repoURL": "https://git.example.com/acme/deploy.git",
                "path": "apps/payments",
                "targetRevision": "HEAD",
            },
            "initiatedBy": {"username": "admin", "automated": False},
        },
        {
            "id": 42,
            "revision": "9b00c4e71d22",
            "deployStartedAt": "2026-06-02T10:12:03Z",
            "deployedAt": "2026-06-02T10:12:31Z",
            "source": {
                "repoURL": "https://git.example.com/acme/deploy.git",
                "path": "apps/payments",
                "targetRevision": "HEAD",
            },
            "initiatedBy": {"automated": True},
        },
    ]
    return {
        "metadata": {
            "name": "payments",
            "namespace": "argocd",
            "uid": "5a1d-77",
            "creationTimestamp": "2025-11-04T12:00:00Z",
        },
        "spec": {
            "project": "default",
            "source": history[0]["source"],
            "destination": {"server": "https://kubernetes.default.svc", "namespace": "payments"},
        },
        "status": {
            "sync": {"status": "Synced", "revision": "9b00c4e71d22"},
            "health": {"status": "Healthy"},
            "history": history,
            "reconciledAt": "2026-06-02T10:20:00Z",
        },
    }


def spinnaker() -> list:
    out = []
    for i, (app, tag, who, start) in enumerate(
        [
            ("search", "2.14.0", "lena@acme.example", 1780390800000),
            ("search", "2.14.1", "lena@acme.example", 1780395120000),
            ("ledger", "7.0.3", "spinnaker-bot", 1780398000000),
        ]
    ):
        out.append(
            {
                "type": "PIPELINE",
                "id": f"01HZX8K2V{i}QWJ7",
                "application": app,
                "name": "Deploy to prod",
                "buildTime": start - 2000,
                "canceled": False,
                "limitConcurrent": True,
                "keepWaitingPipelines": False,
                "stages": [
                    {
                        "id": "s1",
                        "type": "deployManifest",
                        "name": "Deploy (Manifest)",
                        "startTime": start + 1000,
                        "endTime": start + 90000,
                        "status": "SUCCEEDED",
                    }
                ],
                "startTime": start,
                "endTime": start + 95000,
                "status": "SUCCEEDED",
                "authentication": {"user": who, "allowedAccounts": ["prod"]},
                "origin": "api",
                "trigger": {
                    "type": "docker",
                    "user": who,
                    "account": "dockerhub",
                    "repository": f"acme/{app}",
                    "tag": tag,
                    "parameters": {},
                    "artifacts": [],
                },
                "pipelineConfigId": f"cfg-{app}",
            }
        )
    return out


def jenkins() -> dict:
    builds = []
    for n, (ts, who, sha, result) in zip(
        range(412, 415),
        [
            (1780393500000, "alice", "0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d", "SUCCESS"),
            (1780397100000, "bob", "1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e", "FAILURE"),
            (1780399800000, "alice", "2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f", "SUCCESS"),
        ],
        strict=True,
    ):
        builds.append(
            {
                "_class": "org.jenkinsci.plugins.workflow.job.WorkflowRun",
                "actions": [
                    {
                        "_class": "hudson.model.CauseAction",
                        "causes": [
                            {
                                "_class": "hudson.model.Cause$UserIdCause",
                                "shortDescription": f"Started by user {who}",
                                "userId": who,
                                "userName": who,
                            }
                        ],
                    },
                    {},
                    {
                        "_class": "hudson.plugins.git.util.BuildData",
                        "lastBuiltRevision": {
                            "SHA1": sha,
                            "branch": [{"SHA1": sha, "name": "refs/remotes/origin/main"}],
                        },
                        "remoteUrls": ["https://git.example.com/acme/checkout.git"],
                    },
                ],
                "building": False,
                "displayName": f"#{n}",
                "duration": 241873,
                "fullDisplayName": f"deploy-checkout #{n}",
                "id": str(n),
                "number": n,
                "result": result,
                "timestamp": ts,
                "url": f"https://ci.example.com/job/deploy-checkout/{n}/",
            }
        )
    return {
        "_class": "org.jenkinsci.plugins.workflow.job.WorkflowJob",
        "name": "deploy-checkout",
        "fullName": "deploy-checkout",
        "builds": builds,
    }


def octopus() -> dict:
    items = []
    for i, (created, who, env) in enumerate(
        [
            ("2026-06-02T09:40:12.351+00:00", "sam.okafor", "Environments-3"),
            ("2026-06-02T10:55:40.007+00:00", "sam.okafor", "Environments-3"),
        ]
    ):
        items.append(
            {
                "Id": f"Deployments-{1043 + i}",
                "SpaceId": "Spaces-1",
                "ReleaseId": f"Releases-{512 + i}",
                "ChannelId": "Channels-41",
                "DeploymentProcessId": "deploymentprocess-Projects-41-s-7",
                "EnvironmentId": env,
                "TenantId": None,
                "ForcePackageDownload": False,
                "ForcePackageRedeployment": False,
                "SkipActions": [],
                "SpecificMachineIds": [],
                "ExcludedMachineIds": [],
                "ManifestVariableSetId": "variableset-Deployments-1043",
                "TaskId": f"ServerTasks-{9981 + i}",
                "ProjectId": "Projects-41",
                "UseGuidedFailure": False,
                "Comments": None,
                "FormValues": {},
                "QueueTime": None,
                "QueueTimeExpiry": None,
                "Name": "Deploy to Production",
                "Created": created,
                "DeployedBy": who,
                "DeployedById": "Users-5",
                "FailureEncountered": False,
                "DeployedToMachineIds": [],
                "Links": {"Self": f"/api/Spaces-1/deployments/Deployments-{1043 + i}"},
            }
        )
    return {
        "ItemType": "Deployment",
        "TotalResults": len(items),
        "ItemsPerPage": 30,
        "NumberOfPages": 1,
        "LastPageNumber": 0,
        "Items": items,
        "Links": {"Self": "/api/Spaces-1/deployments?skip=0&take=30"},
    }


def gitlab() -> list:
    out = []
    for i, (when, sha, ref, who, env) in enumerate(
        [
            (
                "2026-06-02T09:02:40.222Z",
                "99d03678b90d914dbb1b109132516d71a4a03ea8",
                "main",
                "root",
                "production",
            ),
            (
                "2026-06-02T11:21:05.010Z",
                "a91c0e2f3b4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f",
                "v3.2.0",
                "maria.g",
                "production",
            ),
        ]
    ):
        user = {
            "id": 1 + i,
            "name": who.title(),
            "username": who,
            "state": "active",
            "avatar_url": "https://www.gravatar.com/avatar/x",
            "web_url": f"https://gitlab.example.com/{who}",
        }
        out.append(
            {
                "id": 41 + i,
                "iid": 2 + i,
                "ref": ref,
                "sha": sha,
                "created_at": when,
                "updated_at": when,
                "status": "success",
                "user": user,
                "environment": {"id": 9, "name": env, "external_url": "https://shop.example.com"},
                "deployable": {
                    "id": 657 + i,
                    "status": "success",
                    "stage": "deploy",
                    "name": "deploy",
                    "ref": ref,
                    "tag": False,
                    "coverage": None,
                    "created_at": when,
                    "started_at": when,
                    "finished_at": when,
                    "duration": 8.2,
                    "user": user,
                    "commit": {
                        "id": sha,
                        "short_id": sha[:8],
                        "created_at": when,
                        "title": "Merge branch 'fix-timeouts' into 'main'",
                        "author_name": "Administrator",
                        "author_email": "admin@example.com",
                    },
                    "pipeline": {"id": 33, "sha": sha, "ref": ref, "status": "success"},
                    "runner": None,
                    "artifacts_expire_at": None,
                },
            }
        )
    return out


def heroku() -> list:
    return [
        {
            "addon_plan_names": ["heroku-postgresql:standard-0"],
            "app": {"id": "01234567-89ab-cdef-0123-456789abcdef", "name": "acme-web"},
            "created_at": "2026-06-02T09:31:10Z",
            "description": "Deploy 4a9f2c1",
            "status": "succeeded",
            "id": "0f1e2d3c-89ab-cdef-0123-456789abcdef",
            "slug": {"id": "11111111-89ab-cdef-0123-456789abcdef"},
            "updated_at": "2026-06-02T09:31:40Z",
            "user": {"email": "ravi@acme.example", "id": "22222222-89ab-cdef-0123-456789abcdef"},
            "version": 311,
            "current": False,
            "output_stream_url": None,
            "eligible_for_rollback": True,
        },
        {
            "addon_plan_names": ["heroku-postgresql:standard-0"],
            "app": {"id": "01234567-89ab-cdef-0123-456789abcdef", "name": "acme-web"},
            "created_at": "2026-06-02T10:47:02Z",
            "description": "Rollback to v311",
            "status": "succeeded",
            "id": "1f1e2d3c-89ab-cdef-0123-456789abcdef",
            "slug": {"id": "11111111-89ab-cdef-0123-456789abcdef"},
            "updated_at": "2026-06-02T10:47:20Z",
            "user": {"email": "ravi@acme.example", "id": "22222222-89ab-cdef-0123-456789abcdef"},
            "version": 313,
            "current": True,
            "output_stream_url": None,
            "eligible_for_rollback": False,
        },
    ]


def gitlab_users() -> list:  # NOT deploy records: who has an account
    return [
        {
            "id": 7 + i,
            "username": u,
            "name": u.title(),
            "state": "active",
            "locked": False,
            "avatar_url": "https://www.gravatar.com/avatar/y",
            "web_url": f"https://gitlab.example.com/{u}",
            "created_at": f"2024-03-0{i + 1}T10:00:00.000Z",
            "bio": "",
            "email": f"{u}@acme.example",
            "last_sign_in_at": "2026-06-01T08:00:00.000Z",
            "is_admin": False,
        }
        for i, u in enumerate(["dana.w", "kiran.p", "maria.g"])
    ]


def github_issues() -> list:  # NOT deploy records: tickets
    return [
        {
            "url": f"https://api.github.com/repos/acme/web/issues/{n}",
            "id": 9000 + n,
            "number": n,
            "title": t,
            "user": {"login": u, "id": 40 + n, "type": "User"},
            "labels": [{"name": "bug"}],
            "state": "open",
            "locked": False,
            "assignee": None,
            "comments": 2,
            "created_at": f"2026-06-02T0{n % 9}:15:00Z",
            "updated_at": "2026-06-02T11:00:00Z",
            "closed_at": None,
            "author_association": "MEMBER",
            "body": "Seen since this morning.",
        }
        for n, t, u in [
            (812, "Checkout times out for EU users", "dana-w"),
            (813, "Deploy button greyed out", "kiran-p"),
        ]
    ]


def grafana_search() -> list:  # NOT deploy records: dashboards
    return [
        {
            "id": 31,
            "uid": "checkout-red",
            "title": "Checkout RED",
            "uri": "db/checkout-red",
            "url": "/d/checkout-red/checkout-red",
            "slug": "",
            "type": "dash-db",
            "tags": ["checkout"],
            "isStarred": False,
            "folderId": 4,
            "folderUid": "payments",
            "folderTitle": "Payments",
        },
        {
            "id": 32,
            "uid": "pg-overview",
            "title": "Postgres overview",
            "uri": "db/pg-overview",
            "url": "/d/pg-overview/postgres-overview",
            "slug": "",
            "type": "dash-db",
            "tags": ["db"],
            "isStarred": True,
            "folderId": 5,
            "folderUid": "data",
            "folderTitle": "Data",
        },
    ]


FILES = {
    "awx-jobs.json": (awx, "deploys"),
    "argocd-app.json": (argocd_app, "deploys"),
    "argocd-history.json": (lambda: argocd_app()["status"]["history"], "deploys"),
    "spinnaker-executions.json": (spinnaker, "deploys"),
    "jenkins-builds.json": (jenkins, "deploys"),
    "octopus-deployments.json": (octopus, "deploys"),
    "gitlab-deployments.json": (gitlab, "deploys"),
    "heroku-releases.json": (heroku, "deploys"),
    "gitlab-users.json": (gitlab_users, None),
    "github-issues.json": (github_issues, None),
    "grafana-search.json": (grafana_search, None),
}


def main() -> None:
    EV.mkdir(parents=True, exist_ok=True)
    truth = [
        'name = "deploy-exports"',
        'summary = "deploy tools\' JSON exports, and JSON that is not deploys"',
        "",
    ]
    for name, (make, kind) in FILES.items():
        (EV / name).write_text(json.dumps(make(), indent=2) + "\n", encoding="utf-8")
        if kind:
            truth += [f'[files."evidence/{name}"]', f'kind = "{kind}"', ""]
    # the kind scorer lists files the truth does not name: the negatives are named as unread
    for name, (_, kind) in FILES.items():
        if not kind:
            truth += [f'[files."evidence/{name}"]', "# not deploy records: unread", ""]
    (HERE / "truth.toml").write_text("\n".join(truth), encoding="utf-8")


if __name__ == "__main__":
    main()
