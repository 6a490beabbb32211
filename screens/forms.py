"""The wizard's edit forms: a timeline event, an action item, a source, a factor, a new post-mortem.

Each form is loaded from model values and returns a plain dict; the screen that opened it
writes the dict into the model. Inputs carry validators so bad values are refused as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, SelectionList, Static

from pm_tui import model
from pm_tui.errors import PmTuiError, UsageError
from pm_tui.timeparse import format_event_time, parse_deadline, parse_event_time, parse_utc
from screens.modals import ParseValidator


class FormModal(ModalScreen[dict | None]):
    """A small form: labelled fields, Save (enter / ctrl+s) and Cancel (escape).

    Subclasses implement `fields()` (yield widgets with ids) and `values()`, which reads
    them back into a dict or raises PmTuiError with what to fix.
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+z", "undo", "Undo", show=False),
    ]
    UNDO_LEVELS = 200
    TITLE_TEXT = "Edit"
    SAVE_LABEL = "Save (ctrl+s)"
    CANCEL_LABEL = "Cancel (esc)"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Label(Text(self.TITLE_TEXT), classes="form-title")
            with VerticalScroll(classes="form-fields"):
                yield from self.fields()
            yield Static("", id="form-error", classes="form-error")
            with Horizontal(classes="buttons"):
                yield Button(self.SAVE_LABEL, variant="primary", id="save")
                yield Button(self.CANCEL_LABEL, id="cancel")

    def fields(self) -> ComposeResult:  # pragma: no cover - abstract
        yield from ()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._last_values: dict[str, str] = {}  # each field's value as last seen
        self._undo: list[tuple[str, str]] = []  # (field id, value before a change), newest last

    def on_input_changed(self, event: Input.Changed) -> None:
        # Each change of a field is one step ctrl+z takes back (several levels, any field).
        widget_id = event.input.id or ""
        before = self._last_values.get(widget_id)
        if before is not None and before != event.value:
            self._undo.append((widget_id, before))
            del self._undo[: -self.UNDO_LEVELS]
        self._last_values[widget_id] = event.value

    def action_undo(self) -> None:
        if not self._undo:
            self.notify("Nothing to undo in this form.", timeout=2)
            return
        widget_id, value = self._undo.pop()
        self._last_values[widget_id] = value  # so the change it makes is not recorded again
        inp = self.query_one(f"#{widget_id}", Input)
        inp.value = value
        inp.cursor_position = len(value)
        inp.focus()

    def on_mount(self) -> None:
        for inp in self.query(Input):  # the values the form opened with: undo's floor
            self._last_values[inp.id or ""] = inp.value
        # The first field has focus, so typing right after `a` fills it.
        first = self._first_field()
        if first is not None:
            self.set_focus(first)
        self._fit_height()

    def _first_field(self):
        for widget in self.query_one(".form-fields").query("*"):
            if widget.focusable:
                return widget
        return None

    def on_key(self, event) -> None:
        # Keys typed while the form was opening were sent to the form itself (no field had
        # focus yet): they go into the focused field, or the first one, instead of being lost.
        # (A key typed in a field never gets here: the field keeps its printable keys.)
        if not (event.is_printable and event.character):
            return
        field = self.focused if self.focused is not None else self._first_field()
        if isinstance(field, Input):
            if self.focused is None:
                self.set_focus(field)
            field.insert_text_at_cursor(event.character)
            event.stop()

    def on_resize(self) -> None:
        self._fit_height()

    def _fit_height(self) -> None:
        # The fields scroll in what the title, error line and buttons leave, so Save and
        # Cancel stay on screen however short the terminal (80x24 included).
        height = self.app.size.height
        self.set_class(height < 32, "-short")
        spare = 10 if height < 32 else 14
        self.query_one(".form-fields").styles.max_height = max(3, height - spare)

    def values(self) -> dict:  # pragma: no cover - abstract
        return {}

    @staticmethod
    def labelled(label: str, widget) -> ComposeResult:
        yield Label(label, classes="field-label")
        yield widget

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        for inp in self.query(Input):
            result = inp.validate(inp.value)
            if result is not None and not result.is_valid:
                self._error(f"{inp.border_title or inp.id}: {result.failure_descriptions[0]}")
                inp.focus()
                return
        try:
            values = self.values()
        except PmTuiError as exc:
            self._error(str(exc))
            return
        self.dismiss(values)

    def _error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(Text(message, style="bold red"))

    # small helpers for subclasses
    def text_of(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def select_of(self, widget_id: str):
        value = self.query_one(f"#{widget_id}", Select).value
        return None if value is Select.NULL else value

    def selected_of(self, widget_id: str) -> list:
        return list(self.query_one(f"#{widget_id}", SelectionList).selected)


def _input(value: str, widget_id: str, title: str, placeholder: str = "", validators=()) -> Input:
    inp = Input(value, placeholder=placeholder, id=widget_id, validators=list(validators))
    inp.border_title = title
    return inp


def _required(label: str) -> Callable[[str], None]:
    def check(text: str) -> None:
        if not text.strip():
            raise UsageError(f"{label} is needed")

    return check


class EventForm(FormModal):
    """Add or edit a timeline event. Time: `10:05:23`, ISO 8601 with offset, or `+5m`."""

    TITLE_TEXT = "Timeline event (times in UTC)"

    def __init__(
        self, event: model.TimelineEvent | None, *, base_date: date, previous: datetime | None
    ) -> None:
        super().__init__()
        self.event, self.base_date, self.previous = event, base_date, previous

    def _parse_time(self, text: str) -> datetime:
        return parse_event_time(text, base_date=self.base_date, previous=self.previous)

    def fields(self) -> ComposeResult:
        e = self.event
        hint = "10:05:23 · 2025-02-09T11:05:23+01:00 · +5m from the previous row"
        yield _input(
            format_event_time(e.time) if e else "",
            "time",
            "Time",
            hint,
            [ParseValidator(self._parse_time)],
        )
        yield Select(
            [(k, k) for k in model.EVENT_KINDS],
            value=e.kind if e else "other",
            allow_blank=False,
            id="kind",
        )
        yield _input(
            e.text if e else "",
            "text",
            "What happened",
            "a fact, not a judgement",
            [ParseValidator(_required("the text"))],
        )
        yield _input(e.source if e else "", "source", "Source", "where this is seen: log, alert…")
        yield _input(e.actor if e else "", "actor", "Actor", "a role or person (optional)")

    def values(self) -> dict:
        return {
            "time": self._parse_time(self.text_of("time")),
            "kind": self.select_of("kind") or "other",
            "text": self.text_of("text"),
            "source": self.text_of("source"),
            "actor": self.text_of("actor"),
        }


class ActionForm(FormModal):
    """Add or edit an action item. Deadline: YYYY-MM-DD, +10d or +2w."""

    TITLE_TEXT = "Action item"

    def __init__(
        self, item: model.ActionItem | None, *, today: date, factors: list[model.ContributingFactor]
    ) -> None:
        super().__init__()
        self.item, self.today, self.factors = item, today, factors

    def _deadline(self, text: str) -> date:
        return parse_deadline(text, today=self.today)

    def fields(self) -> ComposeResult:
        a = self.item
        yield _input(
            a.action if a else "",
            "action",
            "Action",
            "a concrete change, with a verb",
            [ParseValidator(_required("the action"))],
        )
        yield _input(a.owner if a else "", "owner", "Owner", "one person or team")
        yield _input(
            a.deadline.isoformat() if a and a.deadline else "",
            "deadline",
            "Deadline",
            "YYYY-MM-DD, +10d, +2w",
            [ParseValidator(self._deadline, allow_empty=True)],
        )
        yield Select(
            [(p, p) for p in model.PRIORITIES],
            value=a.priority if a else "Medium",
            allow_blank=False,
            id="priority",
        )
        yield Select(
            [(s, s) for s in model.ACTION_STATUSES],
            value=a.status if a else "open",
            allow_blank=False,
            id="status",
        )
        options = [(f"{f.id} {f.description[:50]}", f.id) for f in self.factors]
        current = a.factor if a and a.factor in {f.id for f in self.factors} else Select.NULL
        yield Select(options, value=current, prompt="linked factor (optional)", id="factor")

    def values(self) -> dict:
        deadline = self.text_of("deadline")
        return {
            "action": self.text_of("action"),
            "owner": self.text_of("owner"),
            "deadline": self._deadline(deadline) if deadline else None,
            "priority": self.select_of("priority") or "Medium",
            "status": self.select_of("status") or "open",
            "factor": self.select_of("factor") or "",
        }


COLLECT_KINDS = (
    "logs",
    "prometheus",
    "alertmanager",
    "alert-notifications",
    "pagerduty",
    "slack",
    "kubectl",
    "kube-events",
    "changes",
    "loki",
    "elasticsearch",
    "opensearch",
    "clickhouse",
    "cloudwatch",
)


class SourceForm(FormModal):
    """Add an evidence source for step 1."""

    TITLE_TEXT = "Add an evidence source"

    def fields(self) -> ComposeResult:
        yield Select([(k, k) for k in COLLECT_KINDS], value="logs", allow_blank=False, id="kind")
        yield _input(
            "",
            "target",
            "Target",
            "a file, folder, URL, deployment or log group",
            [ParseValidator(_required("the target"))],
        )
        yield _input(
            "",
            "query",
            "Query",
            "PromQL, LogQL, query string, SQL condition, Slack channel… (optional)",
        )
        yield _input(
            "",
            "options",
            "Options",
            "selector='job=\"api\"' namespace=shop token_env=VAR ca_bundle=FILE (optional)",
            [ParseValidator(_source_options, allow_empty=True)],
        )

    def values(self) -> dict:
        kind = self.select_of("kind") or "logs"
        return {
            "kind": kind,
            "target": self.text_of("target"),
            "query": self.text_of("query"),
            "options": _source_options(self.text_of("options"), kind),
        }


class FactorForm(FormModal):
    """Add or edit a contributing factor and the timeline events that show it."""

    TITLE_TEXT = "Contributing factor"

    def __init__(
        self, factor: model.ContributingFactor | None, events: list[model.TimelineEvent]
    ) -> None:
        super().__init__()
        self.factor, self.events = factor, events

    def fields(self) -> ComposeResult:
        f = self.factor
        yield Select(
            [(c, c) for c in model.FACTOR_CATEGORIES],
            value=f.category if f else "other",
            allow_blank=False,
            id="category",
        )
        yield _input(
            f.description if f else "",
            "description",
            "Description",
            "a condition of the system, not a person",
            [ParseValidator(_required("the description"))],
        )
        linked = set(f.events) if f else set()
        sel = SelectionList(
            *[(f"{e.id} {e.time:%H:%M} {e.text[:60]}", e.id, e.id in linked) for e in self.events],
            id="events",
        )
        sel.border_title = "Linked timeline events (space to toggle)"
        yield sel

    def values(self) -> dict:
        return {
            "category": self.select_of("category") or "other",
            "description": self.text_of("description"),
            "events": self.selected_of("events"),
        }


def _source_options(text: str, kind: str | None = None) -> dict:
    from pm_tui.workflow.sources import parse_source_options

    return parse_source_options(text, kind)


def _parse_utc(text: str) -> datetime:
    return parse_utc(text, "the time")


class NewPostMortemForm(FormModal):
    """Title, incident start/end (UTC), severity, services and authors of a new post-mortem."""

    TITLE_TEXT = "New post-mortem"

    def fields(self) -> ComposeResult:
        yield _input(
            "", "title", "Title", "what broke, for whom", [ParseValidator(_required("a title"))]
        )
        yield _input(
            "", "started", "Incident start (UTC)", "2025-02-09 10:05", [ParseValidator(_parse_utc)]
        )
        yield _input(
            "",
            "resolved",
            "Incident end (UTC, optional)",
            "2025-02-09 11:40",
            [ParseValidator(_parse_utc, allow_empty=True)],
        )
        yield Select(
            [(f"{k} {v[:50]}", k) for k, v in model.SEVERITIES.items()],
            value="P3",
            allow_blank=False,
            id="severity",
        )
        yield _input("", "services", "Services", "comma separated")
        yield _input("", "authors", "Authors", "comma separated")

    def values(self) -> dict:
        started = _parse_utc(self.text_of("started"))
        resolved = _parse_utc(self.text_of("resolved")) if self.text_of("resolved") else None
        if resolved and resolved < started:
            raise UsageError("the incident cannot end before it starts")

        def items(widget_id: str) -> list[str]:
            return [s.strip() for s in self.text_of(widget_id).split(",") if s.strip()]

        return {
            "title": self.text_of("title"),
            "started": started,
            "resolved": resolved,
            "severity": self.select_of("severity") or "P3",
            "services": items("services"),
            "authors": items("authors"),
        }
