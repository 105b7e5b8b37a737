import pytest
from django.core.management import call_command

from wijkgeld.accounts.models import Role, User
from wijkgeld.areas.models import Area, Organisation


@pytest.mark.django_db
def test_demo_is_idempotent_and_complete():
    call_command("demo", quiet=True)
    counts = (Area.objects.count(), Organisation.objects.count(), User.objects.count(), Role.objects.count())
    call_command("demo", quiet=True)
    assert (
        Area.objects.count(),
        Organisation.objects.count(),
        User.objects.count(),
        Role.objects.count(),
    ) == counts
    assert counts[0] == 20
    assert set(Role.objects.values_list("name", flat=True)) == set(Role.Name.values)
    codes = dict(Area.objects.values_list("name", "cbs_code"))
    assert codes["Delft West"] == "GM0503" and codes["Roosendaal-stad"] == "GM1674"
