from django.utils.translation import gettext_lazy as _

from wijkgeld.core.audit import register_texts

# Objects are named by pseudonym or number, never by a person's name (see models' __str__).
register_texts(
    {
        "people.appointment.created": _("{actor} gave a task to {object}"),
        "people.appointment.ended": _("{actor} ended the task of {object}"),
        "people.role.created": _("{actor} published the role {object}"),
        "people.role.opened": _("{actor} opened the role {object}"),
        "people.role.closed": _("{actor} closed the role {object}"),
        "people.interest.received": _("A resident showed interest in a role ({object})"),
        "people.interest.deleted": _("{actor} deleted an interest form"),
        "people.interest.purged": _("An interest form was deleted after the retention period"),
        "people.placement.created": _("{actor} registered placement {object} with consent"),
        "people.step.added": _("{actor} added a step to the work rhythm of {object}"),
        "people.hours.recorded": _("{actor} entered the hours of {month} for {object}"),
        "people.hours.corrected": _("{actor} corrected the hours of {month} for {object}"),
        "people.milestone.recorded": _("{actor} recorded a milestone for {object}"),
        "people.consent.withdrawn": _(
            "{actor} recorded that {object} withdrew consent; personal data deleted"
        ),
        "people.personal_data.purged": _("Personal data of {object} deleted after the retention period"),
        "people.builder.registered": _("{actor} registered {object}"),
        "people.builder.profile_changed": _("{actor} changed the public profile of {object}"),
        "people.builder.left": _("{actor} recorded that {object} left the register"),
        "people.builder.purged": _("The name of {object} was deleted after the retention period"),
        "people.training.recorded": _("{actor} recorded a training of {object}"),
        "people.commission.proposed": _("{actor} proposed the commission {object}"),
        "people.commission.approved_by": _("{actor} approved the commission {object}"),
        "people.commission.declined_by": _("{actor} declined the commission {object}"),
        "people.commission.given": _("The commission {object} was given ({amount})"),
        "people.commission.declined": _("The commission {object} was not given"),
        "people.report.submitted": _("{actor} submitted the report {object}"),
        "people.report.accepted": _("{actor} accepted the report {object}"),
        "people.report.sent_back": _("{actor} sent back the report {object}"),
    }
)
