import pytest
from django.urls import reverse

from wijkgeld.accounts.models import Role, User
from wijkgeld.core.models import AuditEntry


def url(area):
    return reverse("accounts:area_roles", kwargs={"slug": area.slug})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("resident", 403),
        ("resident_delegate", 403),
        ("fund_committee", 403),
        ("finance", 403),
        ("observer", 403),
        ("programme_staff", 200),
    ],
)
def test_only_programme_staff_of_the_area_manage_roles(login_as, area, role, status):
    client = login_as(role, area)
    assert client.get(url(area)).status_code == status


@pytest.mark.django_db
def test_staff_of_another_area_cannot(login_as, area, other_area):
    client = login_as("programme_staff", other_area)
    assert client.get(url(area)).status_code == 403
    assert client.post(url(area), {"username": "x", "role": "resident"}).status_code == 403
    assert not User.objects.filter(username="x").exists()


@pytest.mark.django_db
def test_grant_to_existing_user_and_revoke(login_as, area, make_user):
    client = login_as("programme_staff", area)
    kees = make_user(username="kees")
    response = client.post(url(area), {"username": "kees", "role": "resident_delegate"})
    assert response.status_code == 302
    role = Role.objects.get(user=kees, area=area)
    assert role.name == "resident_delegate"
    assert AuditEntry.objects.filter(action="accounts.role.granted", area=area).count() == 1
    client.post(reverse("accounts:area_role_revoke", kwargs={"slug": area.slug}), {"role_id": role.pk})
    assert not Role.objects.filter(pk=role.pk).exists()
    assert AuditEntry.objects.filter(action="accounts.role.revoked", area=area).count() == 1


@pytest.mark.django_db
def test_new_account_gets_a_one_time_password_link(login_as, area, client):
    staff_client = login_as("programme_staff", area)
    response = staff_client.post(
        url(area),
        {"username": "noor", "display_name": "Noor", "email": "noor@example.org", "role": "fund_committee"},
    )
    assert response.status_code == 200
    link = response.context["new_account_link"]
    noor = User.objects.get(username="noor")
    assert not noor.has_usable_password()
    staff_client.logout()
    page = staff_client.get(link, follow=True)
    assert page.context["validlink"]
    done = staff_client.post(
        page.redirect_chain[-1][0], {"new_password1": "een lange zin!", "new_password2": "een lange zin!"}
    )
    assert done.status_code == 302
    noor.refresh_from_db()
    assert noor.check_password("een lange zin!")


@pytest.mark.django_db
def test_new_account_needs_name_and_email(login_as, area):
    client = login_as("programme_staff", area)
    response = client.post(url(area), {"username": "nieuw", "role": "resident"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"display_name", "email"}
    assert not User.objects.filter(username="nieuw").exists()


@pytest.mark.django_db
def test_cannot_give_site_admin_or_take_away_own_staff_role(login_as, area):
    client = login_as("programme_staff", area)
    response = client.post(url(area), {"username": client.user.username, "role": "site_admin"})
    assert "role" in response.context["form"].errors
    own = Role.objects.get(user=client.user, area=area)
    client.post(reverse("accounts:area_role_revoke", kwargs={"slug": area.slug}), {"role_id": own.pk})
    assert Role.objects.filter(pk=own.pk).exists()


@pytest.mark.django_db
def test_cannot_revoke_a_role_of_another_area(login_as, area, other_area, make_user):
    client = login_as("programme_staff", area)
    foreign = Role.objects.create(user=make_user(), area=other_area, name="resident")
    response = client.post(
        reverse("accounts:area_role_revoke", kwargs={"slug": area.slug}), {"role_id": foreign.pk}
    )
    assert response.status_code == 404
    assert Role.objects.filter(pk=foreign.pk).exists()
