"""Voting codes, ballots and paper ballot entries. Nothing here links a code or a ballot to a person.

- `VotingCode` keeps only the HMAC of a letter code, whether it was revoked and how it was used.
- `Ballot` is the one ballot that counts for a code (online or paper): the selection, the code
  reference (for "last one counts" and against double votes), a random receipt and the channel. No IP
  address, no user agent and no time of casting: times could be matched with server logs.
- `PaperBallot` is the double entry of one paper ballot by two committee members. It counts only
  once two entries agree; until then the code can still vote online (the first ballot to count wins).
  An entry may say "invalid" (too many crosses, unreadable) instead of a choice: two such entries
  make an invalid ballot, counted as invalid, never in the .pb file. A difference is resolved by a
  third member, never by one of the two who entered it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("Paper")


class VotingCode(models.Model):
    # Indexed by "voting_code_valid" below (round first), so no index of its own.
    round = models.ForeignKey(
        "fund.Round", on_delete=models.PROTECT, related_name="voting_codes", db_index=False
    )
    code_hash = models.CharField(max_length=64, unique=True)
    revoked = models.BooleanField(default=False)
    # Set by whichever ballot counts first: an online ballot, or a paper ballot once two entries agree
    # (or a difference was resolved). A single paper entry never sets it (docs/voting.md).
    used_channel = models.CharField(max_length=8, choices=Channel.choices, blank=True)
    # In a round with a budget per neighbourhood: the neighbourhood this code votes in. Letters are
    # printed per neighbourhood (its postcodes on the letter), so a code says where, never who.
    sub_area = models.ForeignKey(
        "fund.SubArea", null=True, blank=True, on_delete=models.PROTECT, related_name="voting_codes"
    )
    # HMAC of "letter:<round>:<letter number>": the number printed on the letter and in codes.csv, so a
    # lost letter can be found again from the committee's own address list (kept outside Wijkgeld).
    # Keyed like the code hash: a copy of the database plus that list cannot link ballots to addresses.
    # Blank for codes made without letters.
    letter_hash = models.CharField(max_length=64, blank=True, default="", db_index=True)

    class Meta:
        verbose_name = _("voting code")
        verbose_name_plural = _("voting codes")
        # No index may contain used_channel: then marking a code used is a "HOT" update on PostgreSQL
        # (no index is touched; migration 0007 leaves room on each page for it), and a cast writes
        # half as much. The turnout counts need only round and revoked.
        indexes = [models.Index(fields=["round", "revoked"], name="voting_code_valid")]

    def __str__(self) -> str:
        return f"code {self.pk}"


class Ballot(models.Model):
    round = models.ForeignKey("fund.Round", on_delete=models.PROTECT, related_name="ballots")
    code = models.OneToOneField(VotingCode, on_delete=models.PROTECT, related_name="ballot")
    receipt = models.CharField(max_length=16, unique=True)
    channel = models.CharField(max_length=8, choices=Channel.choices, default=Channel.ONLINE)
    approvals = models.JSONField(default=list)  # project ids (str(Proposal.number)), sorted
    points = models.JSONField(null=True, blank=True)  # {project id: points} for cumulative ballots

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")

    def __str__(self) -> str:
        return f"ballot {self.receipt}"


# What a paper entry stores instead of a selection when the paper is invalid (over-voted, unreadable).
INVALID_ENTRY = {"invalid": True}


class PaperBallot(models.Model):
    class Status(models.TextChoices):
        FIRST = "first", _("Waiting for the second entry")
        MATCHED = "matched", _("Both entries match: counted")
        MISMATCH = "mismatch", _("Entries differ: not counted yet")
        RESOLVED = "resolved", _("Difference resolved: counted")
        SET_ASIDE = "aside", _("Not counted: the code voted online first")
        INVALID = "invalid", _("Invalid (too many crosses or unreadable): counted as invalid")

    round = models.ForeignKey("fund.Round", on_delete=models.PROTECT, related_name="paper_ballots")
    number = models.PositiveIntegerField(_("number"))  # written on the paper after the first entry
    code = models.OneToOneField(VotingCode, on_delete=models.PROTECT, related_name="paper_ballot")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.FIRST)
    first_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # A selection ({"approvals": [...], "points": ...}) or INVALID_ENTRY for "this paper is invalid".
    first_selection = models.JSONField()
    second_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    second_selection = models.JSONField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["round", "number"]
        verbose_name = _("paper ballot")
        verbose_name_plural = _("paper ballots")
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="paper_ballot_number_unique"),
            models.CheckConstraint(
                condition=models.Q(second_by__isnull=True) | ~models.Q(second_by=models.F("first_by")),
                name="paper_ballot_two_different_members",
            ),
            # A difference is settled by a third member: neither of the two whose entries differ.
            models.CheckConstraint(
                condition=models.Q(resolved_by__isnull=True)
                | (
                    ~models.Q(resolved_by=models.F("first_by")) & ~models.Q(resolved_by=models.F("second_by"))
                ),
                name="paper_ballot_resolved_by_a_third_member",
            ),
        ]

    def __str__(self) -> str:
        return f"paper ballot {self.number}"

    def entered_by(self, user) -> bool:
        """Whether this user made one of the two entries (and so may not resolve a difference)."""
        return user.pk in (self.first_by_id, self.second_by_id)


class CodeBatch(models.Model):
    """A two-person release of letter codes: one committee member asks, another issues (once).

    Issuing makes the codes and answers with the print files in that one response; afterwards only the
    files' SHA-256 hashes remain, so the committee can later show which files were printed but nobody
    can download the codes again.
    """

    class Kind(models.TextChoices):
        LETTERS = "letters", _("New codes and letters")
        REPLACEMENT = "replace", _("Replacement of one code")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for a second committee member")
        ISSUED = "issued", _("Issued and downloaded")
        CANCELLED = "cancelled", _("Cancelled")

    round = models.ForeignKey("fund.Round", on_delete=models.PROTECT, related_name="code_batches")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    count = models.PositiveIntegerField()
    # For a replacement: the code that stops working when the batch is issued.
    replaces = models.ForeignKey(
        VotingCode, null=True, blank=True, on_delete=models.PROTECT, related_name="replacement_batches"
    )
    # Letters for one neighbourhood of a round with a budget per neighbourhood.
    sub_area = models.ForeignKey(
        "fund.SubArea", null=True, blank=True, on_delete=models.PROTECT, related_name="code_batches"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # {"stemcodes.zip": sha256, "brieven.pdf": sha256, "codes.csv": sha256}; never the codes themselves.
    file_hashes = models.JSONField(default=dict, blank=True)
    # The letter number of the batch's first code once issued; its codes have the next `count` numbers.
    first_letter = models.PositiveIntegerField(null=True, blank=True)
    # A replacement asked for at the help desk names the lost letter by its number (never its code).
    replaces_letter = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("code batch")
        verbose_name_plural = _("code batches")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decided_by__isnull=True)
                | ~models.Q(decided_by=models.F("requested_by"))
                | models.Q(status="cancelled"),
                name="code_batch_issued_by_another_member",
            ),
            models.CheckConstraint(condition=models.Q(count__gte=1), name="code_batch_count_positive"),
            models.CheckConstraint(
                condition=models.Q(kind="replace", replaces__isnull=False, count=1)
                | models.Q(kind="letters", replaces__isnull=True),
                name="code_batch_replacement_names_one_code",
            ),
        ]

    def __str__(self) -> str:
        return f"code batch {self.pk}"


class HelpDesk(models.Model):
    """One tablet at a buurthuis table that is in help-desk mode for one round.

    A committee member or help-desk volunteer opens it; the device is then logged out and carries only
    a random token in a cookie (its HMAC is stored here). Residents vote on it one after another. This
    row says who opened the desk and when (accountability), never which ballots were cast on it: the
    round keeps only a count (`HelpDeskTally`).
    """

    round = models.ForeignKey("fund.Round", on_delete=models.PROTECT, related_name="help_desks")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("help desk")
        verbose_name_plural = _("help desks")

    def __str__(self) -> str:
        return f"help desk {self.pk}"


class HelpDeskTally(models.Model):
    """How many ballots of a round were cast at a help desk: one number, no link to any ballot."""

    round = models.OneToOneField("fund.Round", on_delete=models.PROTECT, related_name="help_desk_tally")
    ballots = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("help-desk count")
        verbose_name_plural = _("help-desk counts")

    def __str__(self) -> str:
        return f"{self.ballots} ballots with help"
