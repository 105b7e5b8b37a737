from django.utils.translation import gettext_lazy as _

from wijkgeld.public.registry import AreaLink, register_area_link

register_area_link(AreaLink(_("Resident collectives"), "community:list", order=30))
register_area_link(
    AreaLink(_("Collectives to verify"), "community:review", action="community.review", order=31)
)
