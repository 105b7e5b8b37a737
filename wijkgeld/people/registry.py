"""People adds itself to the area page."""

from django.utils.translation import gettext_lazy as _

from wijkgeld.public.registry import AreaLink, register_area_link

register_area_link(AreaLink(_("Work and community builders"), "people:overview", order=40))
