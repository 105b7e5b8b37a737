import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from tests.conftest import login
from wijkgeld.accounts.models import Role, User
from wijkgeld.core.models import AuditEntry

TERM = (dt.date.today() + dt.timedelta(days=700)).isoformat()
CHOSEN = {
    "chosen_by": "residents_platform",
    "chosen_reference": "Bewonersplatform 12-3, besluit 4",
    "until": TERM,
}


def url(area):
    return reverse("accounts:area_roles", kwargs={"slug": area.slug})


def history_url(area):
    return reverse("accounts:area_role_history", kwargs={"slug": area.slug})


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
def test_grant_delegate_records_the_residents_choice_and_revoke(login_as, area, make_user):
    client = login_as("programme_staff", area)
    kees = make_user(username="kees")
    response = client.post(url(area), {"username": "kees", "role": "resident_delegate", **CHOSEN})
    assert response.status_code == 302
    role = Role.objects.get(user=kees, area=area)
    assert (role.name, role.chosen_by, role.until.isoformat()) == (
        "resident_delegate",
        "residents_platform",
        TERM,
    )
    assert role.chosen_reference == "Bewonersplatform 12-3, besluit 4"
    assert role.granted_by == client.user
    entry = AuditEntry.objects.get(action="accounts.role.granted", area=area)
    assert entry.data["reference"] == "Bewonersplatform 12-3, besluit 4"
    client.post(reverse("accounts:area_role_revoke", kwargs={"slug": area.slug}), {"role_id": role.pk})
    assert not Role.objects.filter(pk=role.pk).exists()
    assert AuditEntry.objects.filter(action="accounts.role.revoked", area=area).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("missing", "field"),
    [("chosen_by", "chosen_by"), ("chosen_reference", "chosen_reference"), ("until", "until")],
)
def test_delegate_without_the_residents_choice_is_refused(login_as, area, make_user, missing, field):
    client = login_as("programme_staff", area)
    kees = make_user(username="kees")
    data = {"username": "kees", "role": "resident_delegate", **CHOSEN, missing: ""}
    response = client.post(url(area), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Role.objects.filter(user=kees).exists()


@pytest.mark.django_db
def test_term_in_the_past_is_refused_and_an_ended_term_gives_no_rights(login_as, area, make_user):
    from wijkgeld.accounts.permissions import can

    client = login_as("programme_staff", area)
    kees = make_user(username="kees")
    response = client.post(
        url(area), {"username": "kees", "role": "fund_committee", **CHOSEN, "until": "2020-01-01"}
    )
    assert "until" in response.context["form"].errors
    ended = Role.objects.create(user=kees, area=area, name="resident_delegate", until=dt.date(2020, 1, 1))
    assert not can(kees, "area.view_members", area)
    # A new term on the same role is a new grant.
    client.post(url(area), {"username": "kees", "role": "resident_delegate", **CHOSEN})
    ended.refresh_from_db()
    assert ended.until.isoformat() == TERM
    kees = User.objects.get(pk=kees.pk)
    assert can(kees, "area.view_members", area)


@pytest.mark.django_db
def test_new_account_gets_its_password_link_by_email_not_on_screen(
    login_as, area, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://wijkgeld.example.nl"
    settings.ALLOWED_HOSTS = ["testserver", "evil.example.com"]  # a too-wide production setting
    staff_client = login_as("programme_staff", area)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            url(area),
            {
                "username": "noor",
                "display_name": "Noor",
                "email": "noor@example.org",
                "role": "fund_committee",
                **CHOSEN,
            },
            HTTP_HOST="evil.example.com",
            follow=True,
        )
    assert response.status_code == 200
    noor = User.objects.get(username="noor")
    assert not noor.has_usable_password()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["noor@example.org"]
    link = next(word for word in message.body.split() if "/account/wachtwoord/" in word)
    # The link is built from SITE_URL, never from the Host header of the request.
    assert link.startswith("https://wijkgeld.example.nl/account/wachtwoord/")
    assert "evil.example.com" not in message.body
    # Whoever made the account never sees the link.
    path = link.removeprefix("https://wijkgeld.example.nl")
    token = path.rstrip("/").rsplit("/", 1)[-1]
    assert token not in response.content.decode()
    assert "noor@example.org" in response.content.decode()
    staff_client.logout()
    page = staff_client.get(path, follow=True)
    assert page.context["validlink"]
    done = staff_client.post(
        page.redirect_chain[-1][0], {"new_password1": "een lange zin!", "new_password2": "een lange zin!"}
    )
    assert done.status_code == 302
    noor.refresh_from_db()
    assert noor.check_password("een lange zin!")


@pytest.mark.django_db
def test_refused_role_leaves_no_account_and_sends_no_email(
    login_as, area, django_capture_on_commit_callbacks
):
    client = login_as("programme_staff", area)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(area),
            {
                "username": "nieuw",
                "display_name": "Nieuw",
                "email": "n@example.org",
                "role": "resident_delegate",
            },
        )
    assert "chosen_by" in response.context["form"].errors
    assert not User.objects.filter(username="nieuw").exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_second_account_with_own_email_is_refused(login_as, area):
    """A staff member cannot make a second account for themselves (one person, one account)."""
    client = login_as("programme_staff", area, email="eva@example.org")
    response = client.post(
        url(area),
        {
            "username": "eva2",
            "display_name": "Eva",
            "email": "EVA@example.org",
            "role": "resident_delegate",
            **CHOSEN,
        },
    )
    assert "email" in response.context["form"].errors
    assert not User.objects.filter(username="eva2").exists()


@pytest.mark.django_db
def test_new_account_needs_name_and_email(login_as, area):
    client = login_as("programme_staff", area)
    response = client.post(url(area), {"username": "nieuw", "role": "resident"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"display_name", "email"}
    assert not User.objects.filter(username="nieuw").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["finance", "programme_staff", "site_admin", "observer"])
def test_staff_cannot_give_finance_staff_or_admin_roles(login_as, area, make_user, role):
    client = login_as("programme_staff", area)
    make_user(username="kees")
    for username in ("kees", client.user.username):
        response = client.post(url(area), {"username": username, "role": role})
        assert "role" in response.context["form"].errors
    assert Role.objects.filter(name=role).count() == (1 if role == "programme_staff" else 0)


@pytest.mark.django_db
def test_nobody_gives_themselves_a_role(login_as, area):
    client = login_as("programme_staff", area)
    response = client.post(url(area), {"username": client.user.username, "role": "resident"})
    assert response.context["form"].errors
    assert list(Role.objects.filter(user=client.user).values_list("name", flat=True)) == ["programme_staff"]


@pytest.mark.django_db
def test_cannot_take_away_own_staff_role(login_as, area):
    client = login_as("programme_staff", area)
    own = Role.objects.get(user=client.user, area=area)
    client.post(reverse("accounts:area_role_revoke", kwargs={"slug": area.slug}), {"role_id": own.pk})
    assert Role.objects.filter(pk=own.pk).exists()


@pytest.mark.django_db
def test_staff_cannot_take_away_a_finance_role(login_as, area, make_user):
    client = login_as("programme_staff", area)
    finance = Role.objects.create(user=make_user(), area=area, name="finance")
    assert f'name="role_id" value="{finance.pk}"' not in client.get(url(area)).content.decode()
    client.post(reverse("accounts:area_role_revoke", kwargs={"slug": area.slug}), {"role_id": finance.pk})
    assert Role.objects.filter(pk=finance.pk).exists()


@pytest.mark.django_db
def test_site_admin_gives_finance_on_the_role_page(client, area, make_user):
    admin = make_user("site_admin", None)
    login(client, admin)
    bram = make_user(username="bram")
    response = client.post(url(area), {"username": "bram", "role": "finance"})
    assert response.status_code == 302
    assert Role.objects.filter(user=bram, area=area, name="finance").exists()


@pytest.mark.django_db
def test_cannot_revoke_a_role_of_another_area(login_as, area, other_area, make_user):
    client = login_as("programme_staff", area)
    foreign = Role.objects.create(user=make_user(), area=other_area, name="resident")
    response = client.post(
        reverse("accounts:area_role_revoke", kwargs={"slug": area.slug}), {"role_id": foreign.pk}
    )
    assert response.status_code == 404
    assert Role.objects.filter(pk=foreign.pk).exists()


@pytest.mark.django_db
def test_delegates_see_every_grant_and_removal(client, login_as, area, other_area, make_user):
    staff = login_as("programme_staff", area)
    kees = make_user(username="kees", display_name="Kees")
    staff.post(url(area), {"username": "kees", "role": "resident_delegate", **CHOSEN})
    role = Role.objects.get(user=kees)
    staff.post(reverse("accounts:area_role_revoke", kwargs={"slug": area.slug}), {"role_id": role.pk})
    delegate = make_user("resident_delegate", area)
    login(client, delegate)
    page = client.get(history_url(area))
    assert page.status_code == 200
    rows = page.context["rows"]
    assert [r["granted"] for r in rows] == [False, True]
    assert rows[1]["chosen_by"] and rows[1]["reference"] == "Bewonersplatform 12-3, besluit 4"
    assert "Kees" in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "status"), [("resident", 403), ("finance", 403), ("observer", 403)])
def test_role_history_is_for_delegates_committee_and_staff(login_as, area, role, status):
    assert login_as(role, area).get(history_url(area)).status_code == status


@pytest.mark.django_db
def test_delegate_of_another_area_cannot_see_the_history(login_as, area, other_area):
    assert login_as("resident_delegate", other_area).get(history_url(area)).status_code == 403


@pytest.mark.django_db
def test_the_link_can_be_sent_again_to_the_person_only(
    login_as, area, make_user, django_capture_on_commit_callbacks
):
    client = login_as("programme_staff", area)
    resend = reverse("accounts:area_password_link_resend", kwargs={"slug": area.slug})
    noor = User.objects.create(username="noor", email="noor@example.org")
    noor.set_unusable_password()
    noor.save()
    Role.objects.create(user=noor, area=area, name="resident")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend, {"user_id": noor.pk}, follow=True)
    assert [m.to for m in mail.outbox] == [["noor@example.org"]]
    assert "/account/wachtwoord/" not in response.content.decode()
    assert AuditEntry.objects.filter(action="accounts.user.link_sent", area=area).count() == 1
    # Not for someone who already has a password, nor for someone without a role in this area.
    has_password = make_user("resident", area)
    outsider = User.objects.create(username="elders", email="elders@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(resend, {"user_id": has_password.pk})
        assert client.post(resend, {"user_id": outsider.pk}).status_code == 404
    assert len(mail.outbox) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["resident_delegate", "finance", "resident"])
def test_only_staff_send_the_link_again(login_as, area, role):
    client = login_as(role, area)
    response = client.post(
        reverse("accounts:area_password_link_resend", kwargs={"slug": area.slug}), {"user_id": client.user.pk}
    )
    assert response.status_code == 403
    assert mail.outbox == []
