from django.utils.translation import gettext_lazy as _

from wijkgeld.core.audit import register_texts

register_texts(
    {
        "alliance.alliance.created": _("{actor} set up the alliance {object}"),
        "alliance.alliance.updated": _("{actor} changed the settings of the alliance {object}"),
        "alliance.partner.added": _("{actor} added {object} as a partner of the alliance"),
        "alliance.representative.added": _("{actor} added {object} as a representative of {partner}"),
        "alliance.delegate.added": _("{actor} added {object} as a resident delegate"),
        "alliance.meeting.created": _("{actor} planned the meeting {object}"),
        "alliance.meeting.updated": _("{actor} changed the meeting {object}"),
        "alliance.minutes.saved": _("{actor} saved the minutes of {object}"),
        "alliance.decision.recorded": _("{actor} recorded the decision {object}"),
        "alliance.agenda_item.proposed": _("{actor} proposed the agenda item {object}"),
        "alliance.agenda_item.added": _("{actor} put {object} on the agenda of {meeting}"),
        "alliance.agenda_item.accepted": _("{actor} accepted the agenda item {object}"),
        "alliance.agenda_item.planned": _("{actor} planned the agenda item {object} for {meeting}"),
        "alliance.agenda_item.declined": _("{actor} declined the agenda item {object}: {reason}"),
        "alliance.document.uploaded": _("{actor} uploaded the document {object} for {meeting}"),
        "alliance.document.shared": _("{actor} shared the document {object} with: {group}"),
        "alliance.question.asked": _("{actor} asked a question about {document}"),
        "alliance.question.answered": _("{actor} answered a question about {document}"),
        "alliance.reminder.sent": _("{actor} sent {count} reminder e-mails"),
    }
)
