"""The report of a build and its verdict: what every part found, once, and whether the build may be written.

The report holds the registry's and the vocabulary's issues once, then what each release adds (less
what the registry and vocabulary already say, and less what the check across releases replaced),
then what only the releases together show (the nodes several releases describe, and two ids of one
event). The same selection of the Warnings, as conflicts, is what the build publishes in its
conflicts graph (:mod:`migkg.validation.conflicts`): those of the releases it writes. The verdict fails the build on a violation of the
registry or vocabulary, on a bad card (unless the build keeps going), on a violation of a release
(the same), and on a violation found only across releases (which no release can be left out for).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rdflib import Graph

from migkg.build.jobs import Outcome
from migkg.errors import InputErrors, MigkgError, ValidationFailed
from migkg.validation.across import AcrossReleases
from migkg.validation.card_locations import anchored
from migkg.validation.conflicts import Conflict, Findings, side_text
from migkg.validation.reports import Issue, Report, issue_order, report_of
from migkg.validation.shacl import Result

#: what an issue says, whatever graph it is reported in and wherever its card states it
Said = tuple[str, str, str, str, str, str]


def said(issue: Issue) -> Said:
    """What an issue says: two issues saying the same of the same node are one problem, reported once."""
    return (issue.severity, issue.focus, issue.path, issue.message, issue.shape, issue.value)


def dedupe_against(issues: Iterable[Issue], known: set[Said]) -> list[Issue]:
    """A release's issues less those the registry and vocabulary already report (``known``: :func:`said` of those)."""
    return [i for i in issues if said(i) not in known]


@dataclass
class Verdict:
    """The report, the releases by what became of them, and the error that fails the build (None: it succeeds)."""

    report: Report
    built: int = 0
    reused: int = 0
    failed: list[Outcome] = field(default_factory=list)
    invalid: list[Outcome] = field(default_factory=list)
    left_out: list[Outcome] = field(default_factory=list)
    across_violations: int = 0
    error: MigkgError | None = None
    conflicts: list[Conflict] = field(default_factory=list)  # the Warnings of what is written, to publish


def conclude(shapes: Graph, base_issues: list[Issue], base_results: list[Result], ordered: list[Outcome], *,
             across: AcrossReleases, checked: set[str], keep_going: bool, base_conflicts: list[Conflict] | None = None,
             same_events: Findings | None = None) -> Verdict:
    """The report (the registry and vocabulary once, then what each release adds, then what only the releases
    together show: ``across``, and ``same_events``, two ids of one event), and the verdict. A release the check
    across releases took (in ``checked``: those written) has its issues on shared nodes replaced by the
    check's; one it did not take (left out) keeps them. The conflicts to publish are the Warnings of the
    registry and vocabulary (``base_conflicts``), of the releases checked (less those replaced, and less
    those the registry and vocabulary already give), and of the checks of the releases together. The
    outcomes with issues of their own are copied: the parts keep each release's own issues, for the cache."""
    known = {said(i) for i in base_issues}
    report = report_of(base_results, shapes)
    issues = list(base_issues)
    conflicts = list(base_conflicts or [])
    known_sides = {side_text(c.result, side.value) for c in conflicts for side in c.sides}
    same_events = same_events or Findings()
    concluded = []
    for outcome in ordered:
        own_issues, own_results = outcome.issues, outcome.results
        if not own_issues and not own_results and not outcome.conflicts:  # nearly every release: nothing to replace or copy
            concluded.append(outcome)
            continue
        if outcome.release_id in checked:
            own_issues = [i for i in own_issues if not across.replaces_issue(i)]
            own_results = [r for r in own_results if not across.replaces(r)]
            conflicts += [c for c in outcome.conflicts if not across.replaces_conflict(c)
                          and not any(side_text(c.result, side.value) in known_sides for side in c.sides)]
        mine = replace(outcome, issues=dedupe_against(anchored(own_issues, outcome.folder), known),
                       results=own_results)
        concluded.append(mine)
        issues += mine.issues
        report.add_results(mine.results)
    across_issues = dedupe_against(across.issues, known)
    issues += across_issues + same_events.issues
    report.add_results(across.results)
    report.add_results(same_events.results)
    report.issues = sorted(issues, key=issue_order)
    verdict = Verdict(report, built=sum(1 for o in concluded if o.status == "built"),
                      reused=sum(1 for o in concluded if o.status == "reused"),
                      failed=[o for o in concluded if o.status == "failed"],
                      invalid=[o for o in concluded if o.status != "failed" and o.violates],
                      across_violations=sum(1 for i in across_issues if i.severity == "Violation"),
                      conflicts=conflicts + across.conflicts + same_events.conflicts)
    verdict.error = _error(verdict, base_issues, keep_going)
    if keep_going:
        verdict.left_out = verdict.failed + verdict.invalid
    return verdict


def _error(verdict: Verdict, base_issues: list[Issue], keep_going: bool) -> MigkgError | None:
    base_violations = sum(1 for i in base_issues if i.severity == "Violation")
    if base_violations:
        return ValidationFailed(f"the registry or the vocabulary violates the shapes "
                                f"({base_violations} violation(s)); nothing was written.")
    if verdict.failed and not keep_going:
        return InputErrors([e for o in verdict.failed for e in o.input_errors()])
    if verdict.invalid and not keep_going:
        return ValidationFailed(f"the graph violates the shapes ({len(verdict.report.violations)} "
                                "violation(s)); nothing was written.")
    if verdict.across_violations:
        return ValidationFailed(
            f"{verdict.across_violations} violation(s) found across releases, on nodes that several releases "
            "describe (each names the releases that state the values); nothing was written. Fix: correct the "
            "cards that are wrong, or keep a disagreement as claims; --keep-going cannot choose which side of "
            "a disagreement to leave out.")
    return None


def includable(outcome: Outcome, keep_going: bool) -> bool:
    """Whether a release goes into the outputs: without --keep-going every release built (a violation left
    after the check across releases fails the whole build); with it, those valid on their own."""
    return outcome.status != "failed" and not (keep_going and outcome.violates)


def doomed(base_issues: list[Issue], outcomes: Iterable[Outcome], keep_going: bool) -> bool:
    """Whether the build can no longer succeed (then writing the outputs is wasted work). A release's
    violation does not doom it yet: the check across releases may find the node fine with the other
    releases' data (then the violation was not one of the whole graph)."""
    if any(i.severity == "Violation" for i in base_issues):
        return True
    return not keep_going and any(o.status == "failed" for o in outcomes)
