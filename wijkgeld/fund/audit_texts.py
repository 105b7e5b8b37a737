from django.utils.translation import gettext_lazy as _

from wijkgeld.core.audit import register_texts

register_texts(
    {
        "fund.round.created": _("{actor} created the round {object}"),
        "fund.round.updated": _("{actor} changed the settings of the round {object}"),
        "fund.round.phase_changed": _("{actor} moved the round {object} from {from} to {to}"),
        "fund.round.locked": _(
            "{actor} locked the counting rules of {object}: {rule}, {completion}, {tie_break}"
        ),
        "fund.round.sub_areas_set": _("{actor} set a budget per neighbourhood for the round {object}"),
        "fund.round.sub_areas_cleared": _("{actor} went back to one budget for the round {object}"),
        "fund.round.category_budgets_set": _("{actor} set a budget per theme for the round {object}"),
        "fund.idea.theme_set": _("{actor} changed the theme of the idea {object} to {to}"),
        "fund.idea.sub_area_set": _("{actor} put the idea {object} in the neighbourhood {sub_area}"),
        "fund.idea.submitted": _("A resident submitted the idea {object}"),
        "fund.idea.edited": _("The proposer changed the idea {object}"),
        "fund.idea.revised": _("The proposer revised the idea {object}"),
        "fund.contact.updated": _("{actor} changed how residents reach the committee of {object}"),
        "fund.idea.withdrawn": _("The proposer withdrew the idea {object}"),
        "fund.conflict.declared": _("{actor} declared a conflict of interest for {object}"),
        "fund.idea.assessed": _("{actor} assessed the idea {object}"),
        "fund.idea.revision_requested": _("{actor} asked the proposer to revise {object}"),
        "fund.idea.admitted": _("{actor} admitted the idea {object} to the vote"),
        "fund.idea.not_admitted": _("{actor} did not admit the idea {object}: {reason}"),
        "fund.result.counted": _("{actor} counted the votes of {object}"),
        "fund.result.published": _("{actor} published the result of {object} (SHA-256 {sha256})"),
        "fund.project.awarded": _("{actor} awarded the project {object}"),
        "fund.project.progress": _("The proposer posted an update on {object}"),
        "fund.project.final_account": _("The proposer sent the final account of {object}"),
        "fund.project.accepted": _("{actor} accepted the final account of {object}"),
        "fund.receipt.cleared": _("{actor} cleared a receipt of {object} of personal data; it is now public"),
    }
)
