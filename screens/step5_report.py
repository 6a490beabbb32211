"""Step 5: write the story — summary, impact, retrospective — with the rendered report beside it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.validation import Integer
from textual.widgets import Button, Input, Markdown, TextArea

from screens.step3_factors import lines_of
from screens.step_base import StepScreen

# (widget id, title, getter, setter) for each text editor; list fields hold one item per line.
_RETRO = (
    ("went_well", "What went well"),
    ("went_wrong", "What went wrong"),
    ("lucky", "Where we got lucky"),
    ("lessons", "Lessons learned"),
)
PREVIEW_DELAY = 0.5


class ReportScreen(StepScreen):
    STEP = 5
    # Below 100 columns the report preview gives its room to the editors (see app.tcss),
    # until ctrl+v shows it in their place.
    GUIDANCE = """
Tell the story for readers who were not there: a summary in a few sentences, the impact in \
words and figures, what went well, what went wrong, where you got lucky, lessons learned \
(one item per line). Figures unknown? Say how you would estimate them, and from what."""

    BINDINGS = [
        Binding("ctrl+r", "app.export", "Export"),
        Binding("ctrl+t", "app.distribute", "Distribute"),
        Binding("o", "app.open_report", "Open in browser", show=False),  # on its button, and ?
        # `o` types a letter in an editor: ctrl+o opens the report from anywhere on the step
        Binding("ctrl+o", "app.open_report", "Open in browser", show=False),
        Binding("f2", "toggle_preview", "Preview"),
    ]

    def action_toggle_preview(self) -> None:
        """Below 100 columns the preview and the editors take turns; F2 switches."""
        if not self.has_class("-narrow"):
            self.notify("The preview is beside the editors at this width.")
            return
        self.toggle_class("-show-preview")
        if self.has_class("-show-preview"):
            self.refresh_preview()

    def __init__(self, pm) -> None:
        super().__init__(pm)
        self._preview_timer: Timer | None = None
        self._graph_notes: dict[str, str] = {}

    def compose_main(self) -> ComposeResult:
        with Horizontal(id="report-split"):
            with VerticalScroll(id="editors"):
                yield self._area("summary", "Summary")
                yield self._area("description", "Impact")
                for key, label in (
                    ("failed_requests", "Failed requests"),
                    ("customers_affected", "Customers affected"),
                ):
                    inp = Input(
                        id=key,
                        validators=[Integer(minimum=0)],
                        valid_empty=True,
                        placeholder="a number, or leave empty",
                    )
                    inp.border_title = label
                    yield inp
                for key, label in _RETRO:
                    yield self._area(key, f"{label} (one per line)")
                with Horizontal(id="report-buttons"):
                    yield Button("Export (ctrl+r)", id="export")
                    yield Button("Distribute (ctrl+t)", id="distribute")
                    yield Button("Open in browser (o)", id="open-report")
            preview = Markdown(id="preview")
            preview.border_title = "Report preview"
            yield preview

    @staticmethod
    def _area(widget_id: str, title: str) -> TextArea:
        area = TextArea(id=widget_id, soft_wrap=True, classes="report-editor")
        area.border_title = title
        return area

    def load(self) -> None:
        pm = self.pm
        self.query_one("#summary", TextArea).load_text(pm.summary.strip())
        self.query_one("#description", TextArea).load_text(pm.impact.description.strip())
        for key in ("failed_requests", "customers_affected"):
            value = getattr(pm.impact, key)
            self.query_one(f"#{key}", Input).value = "" if value is None else str(value)
        for key, _ in _RETRO:
            self.query_one(f"#{key}", TextArea).load_text("\n".join(getattr(pm.retrospective, key)))
        for area in self.query(TextArea):
            area.read_only = self.read_only
        self._graph_notes = self._where_graphs_are()
        self.refresh_preview()

    def _where_graphs_are(self) -> dict[str, str]:
        """What the preview says in place of each graph: where it is drawn, or why it is not."""
        from pm_tui.report.graphs import NO_METRICS, NO_TIMELINE

        paths = self.app.report_paths(self.pm)
        root = self.app.repo.root
        folder = paths["graphs"].relative_to(root).as_posix()
        html = paths["html"].relative_to(root).as_posix()
        has = {
            "incident_graph": bool(self.app.metric_series_for(self.pm)),
            "timeline_graph": bool(self.pm.timeline),
        }
        notes = {}
        for name, svg, missing in (
            ("incident_graph", "incident.svg", NO_METRICS),
            ("timeline_graph", "timeline.svg", NO_TIMELINE),
        ):
            if not has[name]:
                notes[name] = f"_{missing}_"
                continue
            notes[name] = (
                f"_Drawn in the HTML report `{html}` (press **o**, or ctrl+o while typing, to open it in your browser) "
                f"and written to `{folder}/{svg}` on Export (ctrl+r)._"
            )
        return notes

    def refresh_preview(self) -> None:
        self.query_one("#preview", Markdown).update(
            self.app.report_preview(self.pm, self._graph_notes or None)
        )

    def _edited(self, section: str) -> None:
        self.changed(section)
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = self.set_timer(PREVIEW_DELAY, self.refresh_preview)

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        key, text = event.text_area.id, event.text_area.text
        if key == "summary":
            if text.strip() != self.pm.summary.strip():
                self.pm.summary = text
                self._edited("summary")
        elif key == "description":
            if text.strip() != self.pm.impact.description.strip():
                self.pm.impact.description = text
                self._edited("impact")
        elif key in dict(_RETRO):
            new = lines_of(text)
            if new != getattr(self.pm.retrospective, key):
                setattr(self.pm.retrospective, key, new)
                self._edited("retrospective")

    @on(Input.Changed, "#failed_requests, #customers_affected")
    def _figure_changed(self, event: Input.Changed) -> None:
        if event.validation_result is not None and not event.validation_result.is_valid:
            return
        value = int(event.value) if event.value.strip() else None
        if getattr(self.pm.impact, event.input.id) != value and not self.read_only:
            setattr(self.pm.impact, event.input.id, value)
            self._edited("impact")

    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        self.app.action_export()

    @on(Button.Pressed, "#open-report")
    def _open_report(self) -> None:
        self.app.action_open_report()

    @on(Button.Pressed, "#distribute")
    def _distribute(self) -> None:
        self.app.action_distribute()
