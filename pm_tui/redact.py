"""Secret redaction: secrets never travel into evidence, reports, tickets or git.

`redact(text)` replaces cloud keys, GitHub/Slack/Stripe-style tokens, JWTs, bearer and basic
`Authorization` credentials, passwords in URLs, `password=`/`api_key=`-style values and private
key blocks with `[REDACTED:<kind>]`, and says how many it replaced. Look-alikes that are not
secrets (UUIDs, git SHAs, trace ids, `password_reset` routes, "token bucket") are left alone.

Speed: a cheap prefilter (literal searches, which `re` runs at GB/s) decides whether a text can
hold a secret at all; only the lines around a hit go through the full rule set.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from collections import Counter
from collections.abc import Callable

MARK = "[REDACTED:{}]"

# Prefilter. Every rule below matches only text holding one of these triggers (in the
# lower-cased text), so text without any is returned untouched. Big texts use regexes that
# begin with a rare literal (re scans for it at GB/s) and check the rest by lookbehind;
# one record uses `in`, whose per-call cost is lower.
_BIG_TRIGGERS = [
    re.compile(p)
    for p in (
        r"k(?:ey|en(?<=token)|_live_|_test_|-(?<=sk-)|ia(?<=akia)|s\.slack)",
        r"j(?<=eyj)",
        r"w(?:d|ord)",
        r"x(?:ox[abprs]-|app-)",
        r"r(?:et(?<=secret)|er(?<=bearer)|ed(?<=cred))",
        # "auth" and "sess" are common words in logs ("Session 4 opened", "authentication
        # failure"): they trigger only with what their rules need after them, a separator
        # (`session_id=`, `auth_key:`, `Authorization: ...`) or Basic credentials
        r"auth(?:orization\b[\"']?\s*[:=]|[a-z_-]*[\"']?[ \t]*[=:])",
        r"basic\s+[a-z0-9+/]{6}",
        r"g(?:h[pousr]_|ithub_pat_|lpat-|=(?<=sig=)|\.(?<=sg\.))",
        r"ya29\.",
        r"npm_",
        r"aiza",
        r"asia",
        r"pass",
        r"cookie",
        r"sess[a-z_-]*[\"']?[ \t]*[=:]",
        r"mysql|mariadb",
    )
]
_SMALL_TRIGGERS = (
    *("key", "token", "k_live_", "k_test_", "sk-", "akia", "asia", "aiza", "eyj", "pwd"),
    *(
        "pass",
        "xox",
        "xapp-",
        "secret",
        "bearer",
        "cred",
        "auth",
        "gh",
        "glpat-",
        "sig=",
        "github_pat_",
    ),
    *("@", "hooks.slack", "ya29.", "sg.", "npm_", "cookie", "sess", "mysql", "mariadb"),
)
_SMALL = 4096

_PLACEHOLDER = re.compile(
    r"""^(?:|null|none|nil|true|false|undefined|\*+|x{3,}|-|\?|%s|<[^>]*>|\$\{.*|\$\w+|\{\{.*|%\(?\w*\)?s|\[REDACTED[^\]]*\]|redacted|\[filtered\]|\[hidden\]|\(hidden\))$""",
    re.I,
)
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_HEX = re.compile(r"^[0-9a-fA-F]+$")


def _entropy(s: str) -> float:
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in Counter(s).values())


# --- rules: (name, compiled regex, replacement function or template) -----------------------

_PRIVATE_KEY = re.compile(
    r"-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----"
    r"(?:.*?-----END \1-----|[A-Za-z0-9+/= \t\r\n\\:,-]*)",
    re.S,
)

_AUTH_HEADER = re.compile(
    r"(?i)(\b(?:proxy-)?authorization\b[\"']?\s*[:=]\s*[\"']?\s*)"
    r"(bearer|basic|token|digest|negotiate|bot|apikey|sso-key)?(\s*)([^\s\"',;]+)"
)
_BEARER = re.compile(r"(?i)(\bbearer\s+)([A-Za-z0-9._~+/=-]{12,})")
_BASIC = re.compile(r"\b(Basic\s+)([A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])")

_TOKEN_RULES: list[tuple[str, re.Pattern]] = [
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")),
    ("aws-access-key-id", re.compile(r"(?<![A-Za-z0-9])A(?:KIA|SIA)[A-Z0-9]{16}(?![A-Za-z0-9])")),
    ("gcp-api-key", re.compile(r"(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])")),
    ("gcp-oauth-token", re.compile(r"\bya29\.[0-9A-Za-z_-]{20,}")),
    (
        "github-token",
        re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{22,255})"),
    ),
    ("gitlab-token", re.compile(r"\bglpat-[A-Za-z0-9_-]{20,}")),
    ("slack-token", re.compile(r"\b(?:xox[abprs]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,})")),
    ("stripe-key", re.compile(r"\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,}")),
    ("openai-key", re.compile(r"\bsk-(?:proj-|ant-[a-z0-9]{2,8}-)?[A-Za-z0-9_-]{32,}")),
    ("sendgrid-key", re.compile(r"\bSG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}")),
    ("npm-token", re.compile(r"\bnpm_[A-Za-z0-9]{36}\b")),
]

_SLACK_WEBHOOK = re.compile(
    r"(https?://hooks\.slack\.com/)((?:services|workflows|triggers)/[A-Za-z0-9/_-]+)"
)
# the password runs to the LAST "@" before the host, so "p@ss@host" loses all of "p@ss"
_URL_PASSWORD = re.compile(
    r"(\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@?#\"'<>\[\]]*:)([^\s/?#\"'<>]+)(@)(?=[^\s@/?#\"'<>]+)"
)
# a token alone as the URL's user: https://ghp_xxx@github.com/..., https://oauth2:TOKEN@...
_URL_USER_TOKEN = re.compile(r"(\bhttps?://)([A-Za-z0-9_-]{20,})(@)(?=[^\s@/?#\"'<>]+)")
# Cookie headers carry sessions: every value goes
_COOKIE = re.compile(r"(?i)(\b(?:set-)?cookie\b[\"']?\s*[:=]\s*[\"']?)([^\n\"']+)")
# mysql -pSECRET, mysql -p'SECRET', sshpass -p SECRET, --password SECRET
_CLI_PASSWORD = re.compile(
    r"(\b(?:mysql\w*|mariadb\w*|mysqldump|mysqladmin)\b[^\n|;&]*?\s-p)(['\"]?[^\s'\"-][^\s'\"]*['\"]?)"
    r"|(\bsshpass\s+-p\s*)(\S+)"
    r"|((?<!\S)--(?:password|passwd|db-password|token|api-key|secret)[ \t]+)(?!-)([^\s\"']+)"
)
_AZURE_SIG = re.compile(r"([?&]sig=)([A-Za-z0-9%+/=]{20,})")

# `key=value`, `"key": "value"`, `key: value` where the key ends with a secret-ish word.
_KEYWORD = (
    r"pass(?:word|wd|phrase)?|pwd|secret|api[_-]?key|apikey|access[_-]?key|secret[_-]?key"
    r"|private[_-]?key|account[_-]?key|shared[_-]?access[_-]?key|token|credentials?|auth[_-]?key"
    r"|client[_-]?secret|session[_-]?(?:id|token|key)|sessionid|sessid|session|auth"
)
_VALUE = r"(\"[^\"\n]*\"|'[^'\n]*'|[^\s&,;\"'}<>\]\)]+)"
_KV = re.compile(
    r"(?i)(?<![A-Za-z0-9])([A-Za-z0-9_.-]*?)(" + _KEYWORD + r")"
    r"((?:\"|')?[ \t]*(?:=|:(?!//))[ \t]*)" + _VALUE
)
_KEYISH = re.compile(
    r"(?i)(?<![A-Za-z0-9])([A-Za-z0-9_.-]*?)(key)((?:\"|')?[ \t]*[=:][ \t]*)" + _VALUE
)


def _boundary(prefix: str, keyword: str) -> bool:
    """The keyword starts a word of the key: `db_password`, `dbPassword`, `PGPASSWORD`
    (an environment variable in capitals), not `bypass`."""
    if not prefix:
        return True
    if prefix[-1] in "_.-" or (keyword[0].isupper() and prefix[-1].islower()):
        return True
    # PGPASSWORD, MYSQL_PWD, REDISCLI_AUTH...: capitals glued to a long keyword
    return prefix.isupper() and keyword.isupper() and len(keyword) >= 5


def _colon_context(m: re.Match, sep: str) -> bool:
    """`key: value` counts only as YAML, a header, JSON or a dict, not in prose."""
    if "=" in sep or sep[:1] in "\"'":
        return True
    before = m.string[: m.start()].rsplit("\n", 1)[-1].rstrip(" \t-")
    return before == "" or before.endswith(("{", ",", "[", '"', "'"))


def _kv_kind(key: str) -> str:
    k = key.lower()
    if k.startswith("sess"):
        return "session"
    if "pass" in k or k.endswith("pwd"):
        return "password"
    if "secret" in k:
        return "secret"
    if "token" in k:
        return "token"
    if "key" in k:
        return "api-key"
    return "credential"


def _unquote(value: str) -> tuple[str, str]:
    if len(value) > 1 and value[0] in "\"'" and value[-1] == value[0]:
        return value[0], value[1:-1].strip()
    return "", value


def _kv_value_is_secret(key: str, inner: str) -> bool:
    if _PLACEHOLDER.match(inner):
        return False
    k = key.lower()
    if k.endswith("pwd") and inner.startswith(("/", "~")):
        return False  # $PWD is the working directory, not a password
    if k.endswith("token") and inner.isdigit() and len(inner) < 6:
        return False  # a token count, not a token
    if k.startswith("sess") or k == "auth":
        # session=abc123...: an id that logs a person in; "session: 5 minutes" is not one
        return len(inner) >= 8 and any(c.isdigit() for c in inner) and " " not in inner
    return True


def _kv_sub(m: re.Match) -> str:
    prefix, keyword, sep, value = m.groups()
    quote, inner = _unquote(value)
    if (
        not _boundary(prefix, keyword)
        or not _colon_context(m, sep)
        or not _kv_value_is_secret(keyword, inner)
    ):
        return m.group(0)
    return f"{prefix}{keyword}{sep}{quote}{MARK.format(_kv_kind(keyword))}{quote}"


def _looks_random(v: str) -> bool:
    if len(v) < 20 or _UUID.match(v) or not re.fullmatch(r"[A-Za-z0-9+/=_-]+", v):
        return False
    if _HEX.match(v):
        return len(v) >= 64  # 256-bit keys; shorter hex is ids, hashes, SHAs
    classes = sum(
        (any(c.islower() for c in v), any(c.isupper() for c in v), any(c.isdigit() for c in v))
    )
    return classes >= 2 and _entropy(v) >= 3.5


def _keyish_sub(m: re.Match) -> str:
    prefix, keyword, sep, value = m.groups()
    quote, inner = _unquote(value)
    if not _boundary(prefix, keyword) or not _looks_random(inner):
        return m.group(0)
    return f"{prefix}{keyword}{sep}{quote}{MARK.format('high-entropy')}{quote}"


def _auth_sub(m: re.Match) -> str:
    head, scheme, space, cred = m.groups()
    if cred.startswith("[REDACTED") or _PLACEHOLDER.match(cred):
        return m.group(0)
    if scheme is None and len(cred) < 8:
        return m.group(0)  # "authorization: failed" is prose, not a credential
    kind = "basic-auth" if scheme and scheme.lower() == "basic" else "authorization"
    return f"{head}{scheme or ''}{space}{MARK.format(kind)}"


def _basic_sub(m: re.Match) -> str:
    try:
        decoded = base64.b64decode(m.group(2), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return m.group(0)
    if ":" not in decoded:
        return m.group(0)
    return m.group(1) + MARK.format("basic-auth")


def _cli_password_sub(m: re.Match) -> str:
    for head in (1, 3, 5):
        if m.group(head) is not None:
            value = m.group(head + 1)
            if _PLACEHOLDER.match(value.strip("'\"")):
                return m.group(0)
            return m.group(head) + MARK.format("password")
    return m.group(0)


def _keep(group: int, kind: str) -> Callable[[re.Match], str]:
    def sub(m: re.Match) -> str:
        return (
            "".join(m.group(i) for i in range(1, group))
            + MARK.format(kind)
            + "".join(m.group(i) for i in range(group + 1, (m.lastindex or 0) + 1))
        )

    return sub


def _apply(text: str, rx: re.Pattern, repl) -> tuple[str, int]:
    before = text.count("[REDACTED:")
    text = rx.sub(repl, text)
    return text, text.count("[REDACTED:") - before


_LINE_RULES: list[tuple[re.Pattern, object]] = [
    (_AUTH_HEADER, _auth_sub),
    (_BEARER, _keep(2, "bearer-token")),
    (_BASIC, _basic_sub),
    *[(rx, MARK.format(name)) for name, rx in _TOKEN_RULES],
    (_SLACK_WEBHOOK, _keep(2, "slack-webhook")),
    (_URL_PASSWORD, _keep(2, "url-password")),
    (_URL_USER_TOKEN, _keep(2, "url-token")),
    (
        _COOKIE,
        lambda m: (
            m.group(0)
            if _PLACEHOLDER.match(m.group(2).strip())
            else m.group(1) + MARK.format("cookie")
        ),
    ),
    (_CLI_PASSWORD, lambda m: _cli_password_sub(m)),
    (_AZURE_SIG, _keep(2, "azure-sas-signature")),
    (_KV, _kv_sub),
    (_KEYISH, _keyish_sub),
]


def _full(text: str) -> tuple[str, int]:
    total = 0
    for rx, repl in _LINE_RULES:
        text, n = _apply(text, rx, repl)
        total += n
    return text, total


_SMALL_RX = re.compile("|".join(re.escape(w) for w in _SMALL_TRIGGERS))


def _maybe_secret_small(text: str) -> bool:
    return _SMALL_RX.search(text.lower()) is not None


def _hit_line_spans(text: str) -> list[tuple[int, int]]:
    """Line spans (start, end) of `text` that contain a trigger, merged and sorted."""
    low = text.lower()
    if len(low) != len(text):  # lower() changed lengths (rare non-ASCII): no positions
        return [(0, len(text))]
    positions: list[int] = []
    for rx in _BIG_TRIGGERS:
        positions.extend(m.start() for m in rx.finditer(low))
    if "@" in text:  # memchr: nearly free
        positions.extend(m.start() for m in re.finditer("@", text))
    if not positions:
        return []
    positions.sort()
    spans: list[tuple[int, int]] = []
    for pos in positions:
        if spans and pos < spans[-1][1]:
            continue
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


# A bare AWS secret access key pasted in chat: 40 characters of base64 alone, mixed case
# and digits. Checked in one message or record (the small path), not in bulk logs.
_BARE_AWS_SECRET = re.compile(r"(?<![A-Za-z0-9/+=_.-])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=_.-])")


def _bare_secret_sub(m: re.Match) -> str:
    v = m.group(0)
    if (
        any(c.islower() for c in v)
        and any(c.isupper() for c in v)
        and any(c.isdigit() for c in v)
        and _entropy(v) >= 4.2
        and "//" not in v
        and not v.startswith("/")
    ):
        return MARK.format("aws-secret-key")
    return v


def redact(text: str) -> tuple[str, int]:
    """Return `text` with every recognised secret replaced by `[REDACTED:<kind>]`, and the count."""
    if not text:
        return text, 0
    total = 0
    if "PRIVATE KEY" in text:
        text, total = _apply(text, _PRIVATE_KEY, MARK.format("private-key"))
    if len(text) <= _SMALL:
        if _maybe_secret_small(text):
            text, n = _full(text)
            total += n
        if len(text) >= 40:
            text, n = _apply(text, _BARE_AWS_SECRET, _bare_secret_sub)
            total += n
        return text, total
    spans = _hit_line_spans(text)
    if not spans:
        return text, total
    parts: list[str] = []
    last = 0
    for start, stop in spans:
        parts.append(text[last:start])
        red, n = _full(text[start:stop])
        parts.append(red)
        total += n
        last = stop
    parts.append(text[last:])
    return "".join(parts), total


_SEP = "\n\x1f\n"


def redact_many(texts: list[str]) -> tuple[list[str], int]:
    """Redact many short texts (log records) at once; faster than one `redact` call each."""
    if not texts:
        return [], 0
    raw = _SEP.join(texts)
    joined, total = redact(raw)
    out = joined.split(_SEP)
    if len(out) != len(texts):  # a rule crossed a record boundary: do them one by one
        pairs = [redact(t) for t in texts]
        out, total = [p[0] for p in pairs], sum(p[1] for p in pairs)
    if "PRIVATE KEY" in raw:
        total += _key_bodies_across_records(texts, out)
    return out, total


_KEY_BODY = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")
_KEY_END = re.compile(r"-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----")
_MAX_KEY_RECORDS = 200  # a 16 kbit key is about 60 lines


def _key_bodies_across_records(originals: list[str], texts: list[str]) -> int:
    """A private key logged one line per record: the record with its BEGIN line opens it,
    and the base64 body in the records after it (up to END, or a record without any) is
    removed too. `texts` (the redacted `originals`) is changed in place."""
    count = 0
    open_at = -1
    for i, original in enumerate(originals):
        if open_at < 0:
            begin = original.rfind("-----BEGIN ")
            if (
                begin >= 0
                and "PRIVATE KEY" in original[begin:]
                and not _KEY_END.search(original, begin)
            ):
                open_at = i
            continue
        text = texts[i]
        ended = _KEY_END.search(text)
        body = text[: ended.end()] if ended else text
        new, n = _KEY_BODY.subn(MARK.format("private-key"), body)
        if ended:
            new = _KEY_END.sub(MARK.format("private-key"), new)
            n += 1
        if not n or i - open_at > _MAX_KEY_RECORDS:
            open_at = -1
            continue
        texts[i] = new + (text[ended.end() :] if ended else "")
        count += 1
        if ended:
            open_at = -1
    return count


# --- structured records: JSON-log attributes, labels, annotations ------------------------

_SECRET_KEY = re.compile(
    r"(?:^|[_.\-])(?:pass(?:word|wd|phrase)?|pwd|secret|secret[_-]?key|api[_-]?key|apikey"
    r"|access[_-]?key|private[_-]?key|token|auth|authorization|cookie|set[_-]?cookie"
    r"|session(?:[_-]?(?:id|token|key))?|sessionid|credentials?|signature|dsn)$"
)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_key_verdicts: dict[str, str | None] = {}
_MAX_DEPTH = 20


def _secret_key_kind(key: str) -> str | None:
    """The kind of secret a field named `key` holds (`password`, `token`...), or None."""
    verdict = _key_verdicts.get(key, "")
    if verdict != "":
        return verdict
    norm = _CAMEL.sub("_", key).lower()
    m = _SECRET_KEY.search(norm)
    kind = None
    if m is not None:
        word = m.group(0).lstrip("_.-")
        kind = "cookie" if "cookie" in word else _kv_kind(word)
        if word.startswith("auth"):
            kind = "authorization"
    if len(_key_verdicts) < 10_000:
        _key_verdicts[key] = kind
    return kind


def _field_is_secret(kind: str, value: object) -> bool:
    if isinstance(value, bool) or value is None:
        return False
    text = str(value).strip()
    if _PLACEHOLDER.match(text):
        return False
    if kind == "token" and text.isdigit() and len(text) < 6:
        return False  # a token count
    if kind in ("session", "authorization"):
        return len(text) >= 8 and " " not in text.split(" ", 1)[-1]
    return True


def redact_fields(fields: dict) -> int:
    """Redact a structured record in place (JSON-log attributes, labels, annotations): the
    value of a key that names a secret (`password`, `db_token`, `Authorization`, `cookie`)
    goes whole, and every string value goes through `redact`. Returns how many went."""
    return redact_fields_many([fields])


def redact_fields_many(records: list[dict]) -> int:
    """`redact_fields` for many records at once (their strings redacted in one batch)."""
    slots: list[tuple[dict | list, object]] = []
    count = 0
    for record in records:
        if record:
            count += _collect_slots(record, slots, 0)
    if slots:
        texts, n = redact_many([holder[key] for holder, key in slots])  # type: ignore[index]
        if n:
            for (holder, key), text in zip(slots, texts, strict=True):
                holder[key] = text  # type: ignore[index]
            count += n
    return count


_inert_verdicts: dict[str, bool] = {}


def _inert(value: str) -> bool:
    """True for a short value no rule can change (`info`, `stdout`, a host name): fewer than
    40 characters (the shortest bare secret) with no trigger. Field values repeat (a level
    per log record), so the verdict is kept per value."""
    verdict = _inert_verdicts.get(value)
    if verdict is None:
        verdict = len(value) < 40 and "PRIVATE KEY" not in value and not _maybe_secret_small(value)
        if len(_inert_verdicts) < 10_000:
            _inert_verdicts[value] = verdict
    return verdict


def _collect_slots(holder: dict | list, slots: list, depth: int) -> int:
    """Blank secret-named fields of `holder`; note its other strings in `slots`."""
    if depth > _MAX_DEPTH:
        return 0
    count = 0
    items = holder.items() if isinstance(holder, dict) else enumerate(holder)
    for key, value in list(items):
        kind = _secret_key_kind(key) if isinstance(key, str) else None
        if kind is not None and not isinstance(value, dict | list):
            if _field_is_secret(kind, value):
                holder[key] = MARK.format(kind)  # type: ignore[index]
                count += 1
        elif isinstance(value, str):
            if len(value) >= 4 and not _inert(value):
                slots.append((holder, key))
        elif isinstance(value, dict | list):
            count += _collect_slots(value, slots, depth + 1)
    return count


def redact_url(url: str) -> str:
    """`url` with any user:password (or token-as-user) removed, for showing or storing."""
    return strip_url_credentials(url)[0]


_USERINFO = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/?#@\s]*@)")


def strip_url_credentials(url: str) -> tuple[str, bool]:
    """(`url` without its `user[:password]@` part, whether it had one)."""
    m = _USERINFO.match(url.strip())
    if m is None:
        return url, False
    return m.group(1) + url.strip()[m.end() :], True
