"""Bewonersfonds: a fund per area, its rounds and the ideas (proposals) residents submit.

Rounds move through phases; what may happen in each phase is enforced by the services. The counting
settings are locked when voting opens (`locked_at`) and public from then on. Ballots and voting codes
live in the `voting` app.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Fund(models.Model):
    """The bewonersfonds of one area, drawing on the area's budget line with `line_code`."""

    area = models.OneToOneField("areas.Area", on_delete=models.PROTECT, related_name="fund")
    name = models.CharField(_("name"), max_length=200)
    line_code = models.CharField(_("budget line code"), max_length=64, default="bewonersfonds")
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("resident fund")
        verbose_name_plural = _("resident funds")

    def __str__(self) -> str:
        return self.name


class Round(models.Model):
    class Phase(models.TextChoices):
        PREPARATION = "preparation", _("Preparation")
        IDEAS = "ideas", _("Ideas")
        ASSESSMENT = "assessment", _("Assessment")
        VOTING = "voting", _("Voting")
        RESULTS = "results", _("Results")
        EXECUTION = "execution", _("Execution")
        CLOSED = "closed", _("Closed")

    class BallotType(models.TextChoices):
        APPROVAL = "approval", _("Choose projects (approval)")
        CUMULATIVE = "cumulative", _("Divide points (cumulative)")

    class Rule(models.TextChoices):
        MES = "mes", _("Method of Equal Shares")
        GREEDY = "greedy", _("Most votes (greedy)")
        PHRAGMEN = "phragmen", _("Phragmén")

    class Completion(models.TextChoices):
        NONE = "none", _("None")
        ADD1 = "add1", _("Raise voter budget step by step (add1), then most votes")
        BUDGET_INCREASE = "budget-increase", _("Raise the budget, then most votes")

    class TieBreak(models.TextChoices):
        COST_THEN_VOTES = "cost-then-votes", _("Lowest cost first, then most votes")
        ID = "id", _("Project number")
        LOTTERY = "lottery", _("Lottery with a published seed")

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="rounds")
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(_("budget year"))
    budget_cents = models.BigIntegerField(_("budget"), validators=[MinValueValidator(1)])
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices, default=Phase.PREPARATION)

    # Phase dates: `advance_rounds` moves a round on when the start of its next phase has passed.
    ideas_start = models.DateTimeField(_("ideas open"), null=True, blank=True)
    assessment_start = models.DateTimeField(_("assessment starts"), null=True, blank=True)
    voting_start = models.DateTimeField(_("voting opens"), null=True, blank=True)
    voting_end = models.DateTimeField(_("voting closes"), null=True, blank=True)
    results_date = models.DateTimeField(_("results published by"), null=True, blank=True)
    execution_end = models.DateTimeField(_("projects finished by"), null=True, blank=True)

    # Eligibility and ballot; locked when voting opens.
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"), default=12, validators=[MinValueValidator(0), MaxValueValidator(120)]
    )
    ballot_type = models.CharField(
        _("ballot type"), max_length=16, choices=BallotType.choices, default=BallotType.APPROVAL
    )
    max_projects = models.PositiveSmallIntegerField(_("maximum number of projects"), null=True, blank=True)
    limit_to_budget = models.BooleanField(_("selection may not cost more than the budget"), default=False)
    points_total = models.PositiveSmallIntegerField(_("points per voter"), null=True, blank=True)
    min_projects = models.PositiveSmallIntegerField(_("minimum number of projects"), default=1)
    rule = models.CharField(_("counting rule"), max_length=16, choices=Rule.choices, default=Rule.MES)
    completion = models.CharField(
        _("completion"), max_length=16, choices=Completion.choices, default=Completion.ADD1
    )
    tie_break = models.CharField(
        _("tie-breaking"), max_length=16, choices=TieBreak.choices, default=TieBreak.COST_THEN_VOTES
    )
    lottery_seed = models.CharField(_("lottery seed"), max_length=64, blank=True)
    locked_at = models.DateTimeField(_("rules locked at"), null=True, blank=True)
    published_at = models.DateTimeField(_("results published at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-id"]
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        constraints = [
            models.CheckConstraint(condition=models.Q(budget_cents__gt=0), name="round_budget_positive"),
            models.CheckConstraint(
                condition=~models.Q(ballot_type="cumulative") | models.Q(points_total__gt=0),
                name="round_cumulative_has_points",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("fund:round", kwargs={"slug": self.fund.area.slug, "round_id": self.pk})

    @property
    def area(self):
        return self.fund.area

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


class Proposal(models.Model):
    """An idea submitted by a resident. Contact details are private; everything else is public."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        REVISION = "revision_requested", _("Revision requested")
        ADMITTED = "admitted", _("Admitted to the vote")
        NOT_ADMITTED = "not_admitted", _("Not admitted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="proposals")
    # Number within the round; it is the project id in the published .pb file.
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=120)
    summary = models.CharField(_("short summary"), max_length=300)
    description = models.TextField(_("description"))
    estimated_cost_cents = models.BigIntegerField(_("estimated cost"))
    final_cost_cents = models.BigIntegerField(_("final cost"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    theme = models.CharField(_("theme"), max_length=64, blank=True)
    on_behalf_of = models.ForeignKey(
        "areas.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="fund_proposals"
    )
    # Private: only the committee sees these. Minimum needed to reach the proposer; no address, no BSN.
    contact_name = models.CharField(_("your name"), max_length=120)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    contact_phone = models.CharField(_("phone number"), max_length=20, blank=True)
    # The proposer's private edit link carries a token; only its hash is stored.
    edit_token_hash = models.CharField(max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=24, choices=Status.choices, default=Status.SUBMITTED)
    public_reason = models.TextField(_("reason (public)"), blank=True)
    revised = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["round", "number"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="proposal_number_unique_per_round"),
            models.CheckConstraint(
                condition=models.Q(estimated_cost_cents__gt=0), name="proposal_cost_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def cost_cents(self) -> int:
        return self.final_cost_cents if self.final_cost_cents is not None else self.estimated_cost_cents

    @property
    def project_id(self) -> str:
        return str(self.number)
