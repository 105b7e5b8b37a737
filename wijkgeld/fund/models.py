"""Bewonersfonds: a fund per area, its rounds, the ideas residents submit, their assessment, the frozen
result of the vote, and the execution of the winning projects.

Rounds move through phases; what may happen in each phase is enforced by the services
(`wijkgeld.fund.services`). The counting settings are locked when voting opens (`locked_at`) and public
from then on. Ballots and voting codes live in the `voting` app; money lives in the `money` app.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkgeld.core.languages import CONTENT_LANGUAGE_CHOICES


class Fund(models.Model):
    """The bewonersfonds of one area, drawing on the area's budget line with `line_code`."""

    area = models.OneToOneField("areas.Area", on_delete=models.PROTECT, related_name="fund")
    name = models.CharField(_("name"), max_length=200)
    line_code = models.CharField(_("budget line code"), max_length=64, default="bewonersfonds")
    description = models.TextField(_("description"), blank=True)
    # Printed on the voting letters and paper ballots: how residents reach the committee.
    contact = models.CharField(
        _("how residents reach the committee"),
        max_length=300,
        blank=True,
        help_text=_(
            "For example: bewonerscommissie@example.org, 010 123 4567, or Tuesdays 10-12 in the community centre."
        ),
    )

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
        ADD1_ONLY = "add1-only", _("Raise voter budget step by step (add1), nothing after")
        BUDGET_INCREASE = "budget-increase", _("Raise the budget, then most votes")

    class Split(models.TextChoices):
        NONE = "none", _("One budget for the whole area")
        NEIGHBOURHOOD = "neighbourhood", _("A budget per neighbourhood: residents vote in their own")
        CATEGORY = "category", _("A budget per theme: residents vote on all ideas")

    class Leftover(models.TextChoices):
        FUND = "fund", _("Money left in a neighbourhood stays in the fund")
        POOLED = "pooled", _("Money left goes to the ideas with most votes that still fit")

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
    # Rule variants real cities use (docs/algorithms/city-rules.md); locked with the other rules.
    min_votes = models.PositiveIntegerField(_("minimum number of votes for an idea"), null=True, blank=True)
    comparison = models.BooleanField(_("compare with most votes first"), default=False)
    # Sub-area budgets (`SubArea`); the split and what happens to money left are locked with the rules.
    split = models.CharField(_("budget split"), max_length=16, choices=Split.choices, default=Split.NONE)
    leftover = models.CharField(
        _("money left in a neighbourhood"), max_length=8, choices=Leftover.choices, default=Leftover.FUND
    )
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
    def is_split(self) -> bool:
        """The budget is split (per neighbourhood or per theme), each part counted on its own."""
        return self.split != self.Split.NONE

    @property
    def by_neighbourhood(self) -> bool:
        """Residents vote in their own neighbourhood only (their voting code carries it)."""
        return self.split == self.Split.NEIGHBOURHOOD

    @property
    def by_category(self) -> bool:
        """A budget per theme: everyone votes on all ideas, each theme is counted on its own budget."""
        return self.split == self.Split.CATEGORY

    @property
    def uses_city_rule(self) -> bool:
        """Counted with a Pabulib city rule (`wijkgeld tally --rule from-file`), see `fund.cityrule`."""
        return (
            self.is_split
            or self.min_votes is not None
            or self.comparison
            or self.completion == self.Completion.ADD1_ONLY
        )

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def tie_break_option(self) -> str:
        """The tie-break as the counting engine and `wijkgeld tally` spell it."""
        if self.tie_break == self.TieBreak.LOTTERY:
            return f"lottery:{self.lottery_seed}"
        return self.tie_break


class SubArea(models.Model):
    """A part of a round's budget: a neighbourhood of the area, or a theme (category) of the ideas.

    Per neighbourhood, residents vote in their own sub-area only (their voting code carries it); per
    theme, everyone votes on all ideas and an idea counts against the budget of its own theme
    (`Proposal.theme`). Either way each part is counted on its own budget with the round's rule.
    Set by the committee before voting opens, then locked.

    One model for both kinds, not a second `CategoryBudget`: the count, the `.pb` export, the
    results page and the lock treat a part the same whatever it is (a name, a budget, a position),
    so one table keeps one code path; the kind is which of `neighbourhood` / `theme` is set.
    """

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="sub_areas")
    neighbourhood = models.ForeignKey(
        "areas.Neighbourhood", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    # The idea theme (`forms.THEMES` code) whose ideas this budget pays for; "" for a neighbourhood.
    theme = models.CharField(_("theme"), max_length=64, blank=True)
    # The name as published (in the .pb file and on the results page); fixed when the budget is set.
    name = models.CharField(_("name"), max_length=120)
    postcodes = models.CharField(_("postcodes"), max_length=20, blank=True)
    budget_cents = models.BigIntegerField(_("budget"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["round", "position", "id"]
        verbose_name = _("sub-area")
        verbose_name_plural = _("sub-areas")
        constraints = [
            models.UniqueConstraint(fields=["round", "neighbourhood"], name="sub_area_unique_per_round"),
            models.UniqueConstraint(
                fields=["round", "theme"],
                condition=~models.Q(theme=""),
                name="sub_area_theme_unique_per_round",
            ),
            models.CheckConstraint(condition=models.Q(budget_cents__gt=0), name="sub_area_budget_positive"),
            models.CheckConstraint(
                condition=(models.Q(neighbourhood__isnull=False) & models.Q(theme=""))
                | (models.Q(neighbourhood__isnull=True) & ~models.Q(theme="")),
                name="sub_area_neighbourhood_or_theme",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The name to show: a theme in the reader's language, a neighbourhood as it is called."""
        if self.theme:
            from wijkgeld.fund.forms import theme_label

            return theme_label(self.theme)
        return self.name


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
    # The language the person wrote the text in (WCAG 3.1.2: pages mark it with lang=...).
    content_language = models.CharField(
        _("language of the text"), max_length=8, choices=CONTENT_LANGUAGE_CHOICES, default="nl"
    )
    theme = models.CharField(_("theme"), max_length=64, blank=True)
    # For a round with a budget per neighbourhood: the neighbourhood whose residents vote on this idea.
    sub_area = models.ForeignKey(
        SubArea,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("neighbourhood"),
    )
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
    revision_request = models.TextField(_("what to change"), blank=True)
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
            models.CheckConstraint(
                condition=models.Q(final_cost_cents__isnull=True) | models.Q(final_cost_cents__gt=0),
                name="proposal_final_cost_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "fund:idea",
            kwargs={"slug": self.round.fund.area.slug, "round_id": self.round_id, "number": self.number},
        )

    @property
    def cost_cents(self) -> int:
        return self.final_cost_cents if self.final_cost_cents is not None else self.estimated_cost_cents

    @property
    def project_id(self) -> str:
        return str(self.number)


class ProgressUpdate(models.Model):
    """A proposer's public progress report on a funded project, or the final account (with spent amount)."""

    class Kind(models.TextChoices):
        PROGRESS = "progress", _("Progress update")
        FINAL = "final", _("Final account")

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="updates")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.PROGRESS)
    text = models.TextField(_("what happened"))
    spent_cents = models.BigIntegerField(_("money spent"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(spent_cents__isnull=True) | models.Q(spent_cents__gte=0),
                name="update_spent_not_negative",
            ),
            models.UniqueConstraint(
                fields=["proposal"], condition=models.Q(kind="final"), name="one_final_account_per_project"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.proposal} – {self.get_kind_display()}"


class Photo(models.Model):
    """A photo of an idea, of a progress update or of a receipt; re-encoded without metadata."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="photos")
    update = models.ForeignKey(
        ProgressUpdate, null=True, blank=True, on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(upload_to="fund/photos/%Y/")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    # A receipt with a final account may show names, addresses or bank details: it is public only once
    # a committee member has checked it and marked it as cleared of personal data.
    cleared_at = models.DateTimeField(_("cleared of personal data at"), null=True, blank=True)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return f"{self.proposal} – {self.image.name}"

    @property
    def is_receipt(self) -> bool:
        return self.update_id is not None and self.update.kind == ProgressUpdate.Kind.FINAL

    @property
    def is_public(self) -> bool:
        return not self.is_receipt or self.cleared_at is not None


class ConflictOfInterest(models.Model):
    """A committee member declares being involved in an idea; they may then not assess it."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="conflicts")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    explanation = models.CharField(_("how you are involved"), max_length=300)
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [models.UniqueConstraint(fields=["proposal", "member"], name="conflict_unique")]

    def __str__(self) -> str:
        return f"{self.member} – {self.proposal}"


class Assessment(models.Model):
    """One committee member's check of one idea against the published criteria."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="assessments")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    within_area = models.BooleanField(_("within the area"))
    for_the_public = models.BooleanField(_("for the public"))
    legal = models.BooleanField(_("legal"))
    realistic_cost = models.BooleanField(_("realistic cost"))
    doable_in_a_year = models.BooleanField(_("can be done within a year"))
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField()

    CRITERIA = ("within_area", "for_the_public", "legal", "realistic_cost", "doable_in_a_year")

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [models.UniqueConstraint(fields=["proposal", "member"], name="assessment_unique")]

    def __str__(self) -> str:
        return f"{self.member} – {self.proposal}"

    @property
    def all_met(self) -> bool:
        return all(getattr(self, name) for name in self.CRITERIA)


class RoundResult(models.Model):
    """The count of a round. A draft until published; once `published_at` is set it never changes.

    `pb_text` is the exact .pb file offered for download, `sha256` its digest; `selected` the winning
    project ids; `explanation` the structured data the results and receipt pages explain in words.
    """

    round = models.OneToOneField(Round, on_delete=models.PROTECT, related_name="result")
    rule = models.CharField(max_length=16)
    completion = models.CharField(max_length=16)
    tie_break = models.CharField(max_length=80)
    engine_version = models.CharField(max_length=32)
    pb_text = models.TextField()
    sha256 = models.CharField(max_length=64)
    selected = models.JSONField(default=list)
    explanation = models.JSONField(default=dict)
    comparison = models.JSONField(default=dict)
    receipt_codes = models.JSONField(default=list)
    num_ballots = models.PositiveIntegerField(default=0)
    counted_at = models.DateTimeField()
    counted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self) -> str:
        return f"{self.round} – {self.sha256[:12]}"

    def save(self, *args, **kwargs) -> None:
        # A published result is frozen: refuse any write to a row that is published in the database.
        if self.pk and RoundResult.objects.filter(pk=self.pk, published_at__isnull=False).exists():
            raise ValueError("A published result cannot change.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_published:
            raise ValueError("A published result cannot be deleted.")
        return super().delete(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class Award(models.Model):
    """A winning project turned into a commitment in the ledger (money app), to its proposer or collective."""

    class Status(models.TextChoices):
        AWARDED = "awarded", _("Awarded")
        ACCOUNTED = "accounted", _("Final account accepted")
        CLOSED = "closed", _("Closed")

    proposal = models.OneToOneField(Proposal, on_delete=models.PROTECT, related_name="award")
    amount_cents = models.BigIntegerField(_("amount"))
    # The money app's commitment; kept as an id so the fund does not depend on the ledger's schema.
    commitment_id = models.BigIntegerField(null=True, blank=True)
    recipient_organisation = models.ForeignKey(
        "areas.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.AWARDED)
    released_cents = models.BigIntegerField(default=0)
    awarded_at = models.DateTimeField()
    awarded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_cents__gt=0), name="award_amount_positive"),
            models.CheckConstraint(condition=models.Q(released_cents__gte=0), name="award_released_nonneg"),
        ]

    def __str__(self) -> str:
        return f"{self.proposal} – {self.amount_cents}"
