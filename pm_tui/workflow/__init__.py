"""The use cases, each written once: the CLI, the plain mode and the wizard's workers gather
options, call one of these, and show its result. No printing, no prompts, no Textual.

    collect.collect_sources / recollect_sources   step 1: read sources, keep evidence.jsonl
    window.collection_window                      the one definition of the window read
    sources.specs_for / spec_for_record           which sources, with the options they keep
    candidates.rebuild_candidates                 step 2: candidates from the evidence
    candidates.accept_candidates / dismiss_...    step 2: into the timeline, or set aside
    report.render_report / export_report          step 5: the report (team template honoured)
    distribute.distribute_report                  step 5: Slack and e-mail, recorded
    tickets.create_tickets / sync_tickets         step 6: GitHub issues and their states
    follow_up.schedule_follow_up                  step 6: the follow-up review, as iCalendar
    recurrence.decide_recurrence                  confirm / reject that two incidents recur
    views                                         repository reads the wizard shows

Each takes the model and explicit options and returns an `Outcome` (what changed, what
failed, the gaps); long ones report progress through a callback. Saving and committing the
post-mortem stays with the caller, which owns the model (the wizard edits a live copy).
"""
