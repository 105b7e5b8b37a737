from django.utils.translation import gettext_lazy as _

from wijkgeld.core.audit import register_texts

register_texts(
    {
        "areas.area.created": _("{actor} created the area {object}"),
        "areas.area.updated": _("{actor} changed the area {object}"),
        "areas.organisation.created": _("{actor} registered the organisation {object}"),
        "areas.organisation.updated": _("{actor} changed the organisation {object}"),
        "areas.neighbourhood.created": _("{actor} added the neighbourhood {object}"),
        "areas.neighbourhood.updated": _("{actor} changed the neighbourhood {object}"),
        "areas.neighbourhood.deleted": _("{actor} removed the neighbourhood {object}"),
    }
)
