from django.utils.translation import gettext_lazy as _

from wijkgeld.public.registry import AreaLink, register_area_link

register_area_link(AreaLink(_("Vote with your code"), "voting:area_start", order=40))
register_area_link(
    AreaLink(_("Voting: codes and paper ballots"), "voting:committee_rounds", "voting.view_turnout", 41)
)
