"""The authorization matrix: every URL pattern x every role x own and other area, with the expected status.

Generated from the URL configuration: a URL pattern without a row in EXPECTED fails the test, so a new page
cannot go live unclassified. The world is the demo (two areas full of data, tests/core/world.py); every role
is a demo account with its role in Rotterdam-Zuid ("own"); observer and admin hold in every area. "other" asks
for the same page in Utrecht Overvecht, with Overvecht's own objects.

Statuses: 200 page, 302 redirect (to the login page for anonymous visitors), 403 refused, 404 not found,
405 method not allowed (GET on a POST-only action). Print the observed table with
`WIJKGELD_PRINT_MATRIX=1 pytest tests/test_authorization_matrix.py -s` when classifying a new URL, then check
every cell by hand: the table is the specification, not a recording.
"""

from __future__ import annotations

import os

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.core.world import OTHER, OWN, ROLE_USERS, build_world, client_as

ROLES = tuple(ROLE_USERS)  # anonymous resident delegate committee staff finance finance2 observer admin
YEAR = 2026


def url_names(resolver=None, namespace=""):
    """Every named URL pattern ("namespace:name"); the admin site counts as one entry, "admin:*"."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                yield "admin:*"
                continue
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern, ns)
        elif isinstance(pattern, URLPattern):
            if pattern.name == "media" and not namespace:
                # The development-only media route (DEBUG): tested in tests/core/test_errors_and_admin.py.
                continue
            yield f"{namespace}{pattern.name}"


def _slug(o):
    return {"slug": o.area.slug}


def _round(attr="round_done"):
    return lambda o: {"slug": o.area.slug, "round_id": getattr(o, attr).pk}


def _pk(attr):
    return lambda o: {"slug": o.area.slug, "pk": getattr(o, attr).pk}


def _pk0(attr):
    """Like _pk, with pk 0 (a 404) where the area has no such object."""
    return lambda o: {"slug": o.area.slug, "pk": getattr(getattr(o, attr), "pk", 0)}


def _report(o):
    return {"slug": o.area.slug, "pk": o.commission.pk, "report_pk": getattr(o.report, "pk", 0)}


def _batch(o):
    return {
        "slug": o.area.slug,
        "round_id": o.round_done.pk if o.batch is None else o.batch.round_id,
        "batch_id": getattr(o.batch, "pk", 0),
    }


def _idea(attr, round_attr):
    return lambda o: {
        "slug": o.area.slug,
        "round_id": getattr(o, round_attr).pk,
        "number": getattr(o, attr).number,
    }


# URL name -> its arguments from an area's objects (None: the URL has no area; "other" is then not asked).
ARGS = {
    "healthz": None,
    "favicon": None,
    "task_mail": None,
    "set_language": None,
    "admin:*": None,
    "accounts:login": None,
    "accounts:logout": None,
    "accounts:two_factor": None,
    "accounts:dashboard": None,
    "accounts:password_reset_confirm": lambda o: {"uidb64": "MQ", "token": "set-password"},
    "accounts:area_roles": _slug,
    "accounts:area_role_revoke": _slug,
    "accounts:area_role_history": _slug,
    "accounts:area_password_link_resend": _slug,
    "api:national_api:api-root": None,
    "api:national_api:areas": None,
    "api:national_api:finance": None,
    "api:national_api:process": None,
    "api:national_api:postings": None,
    "api:national_api:national_summary": lambda o: {"year": YEAR},
    "api:openapi": None,
    "money_api:area_finance": lambda o: {"slug": o.area.slug, "year": YEAR},
    "money_api:area_commitments": _slug,
    "people_api:area_people": lambda o: {"slug": o.area.slug, "year": YEAR},
    "alliance_api:decisions": _slug,
    "fund_api:rounds": None,
    "fund_api:round": lambda o: {"round_id": o.round_done.pk},
    "community:list": _slug,
    "community:register": _slug,
    "community:review": _slug,
    "community:decide": _pk("collective"),
    "money:overview_current": _slug,
    "money:overview": lambda o: {"slug": o.area.slug, "year": YEAR},
    "money:accountability_csv": _slug,
    "money:ledger_csv": lambda o: {"slug": o.area.slug, "year": YEAR},
    "money:grant_create": lambda o: {"slug": o.area.slug, "year": YEAR},
    "money:line_create": lambda o: {"slug": o.area.slug, "year": YEAR},
    "money:line": _pk("line"),
    "money:line_fund": _pk("line"),
    "money:line_carry_over": _pk("line"),
    "money:commitment_create": _pk("line"),
    "money:commitment": _pk("commitment"),
    "money:payment_create": _pk("commitment"),
    "money:commitment_release": _pk("commitment"),
    "money:payment_decide": _pk("payment"),
    "money:transaction_reverse": _pk("transaction"),
    "money:support_list": _slug,
    "money:support_create": _slug,
    "money:support_detail": _pk("support"),
    "money:register": _slug,
    "money:register_csv": _slug,
    "money:document": lambda o: {"slug": o.area.slug, "kind": o.money_document[0], "pk": o.money_document[1]},
    "money:line_change_create": lambda o: {"slug": o.area.slug, "line_pk": o.line.pk},
    "money:line_change": _pk0("line_change"),
    "money:line_size_decision": lambda o: {"slug": o.area.slug, "line_pk": o.line.pk},
    "alliance:public": _slug,
    "alliance:decisions": _slug,
    "alliance:calendar": _slug,
    "alliance:meeting": _pk("meeting"),
    "alliance:documents": _slug,
    "alliance:document_add": _slug,
    "alliance:advice_add": _slug,
    "alliance:document": _pk("document"),
    "alliance:download": _pk("document"),
    "alliance:agenda": _slug,
    "alliance:propose": _slug,
    "alliance:decide_item": _pk("agenda_item"),
    "alliance:answer": _pk("question"),
    "alliance:manage": _slug,
    "alliance:alliance_new": _slug,
    "alliance:settings": _slug,
    "alliance:partner_add": _slug,
    "alliance:representative_add": _slug,
    "alliance:delegate_add": _slug,
    "alliance:meeting_create": _slug,
    "alliance:meeting_edit": _pk("meeting"),
    "alliance:agenda_item_add": _pk("meeting"),
    "alliance:document_upload": _pk("meeting"),
    "alliance:document_share": _pk("document"),
    "alliance:minutes": _pk("meeting"),
    "alliance:decision_add": _pk("meeting"),
    "fund:home": _slug,
    "fund:round": _round(),
    "fund:idea_new": _round("round_ideas"),
    "fund:idea_thanks": _round("round_ideas"),
    "fund:idea": _idea("idea", "round_ideas"),
    "fund:idea_private": lambda o: {**_idea("idea", "round_ideas")(o), "token": o.idea_token},
    "fund:results": _round(),
    "fund:receipt": _round(),
    "fund:download_pb": _round(),
    "fund:download_receipts": _round(),
    "fund:manage": _slug,
    "fund:contact": _slug,
    "fund:clear_receipt": lambda o: {**_round()(o), "photo_id": getattr(o.receipt_photo, "pk", 0)},
    "fund:manage_round": _round(),
    "fund:advance": _round(),
    "fund:manage_sub_areas": _round(),
    "fund:idea_sub_area": _idea("idea", "round_ideas"),
    "fund:manage_categories": _round(),
    "fund:idea_theme": _idea("idea", "round_ideas"),
    "fund:assess": _idea("assessed", "round_assessment"),
    "fund:manage_results": _round(),
    "fund:count": _round(),
    "fund:publish": _round(),
    "fund:manage_execution": _round(),
    "fund:award": _idea("awarded", "round_done"),
    "fund:accept": _idea("awarded", "round_done"),
    "voting:start": None,
    "voting:ballot": None,
    "voting:receipt": None,
    "voting:receipt_done": None,
    "voting:issue": _batch,
    "voting:cancel": _batch,
    "voting:area_start": _slug,
    "voting:committee_rounds": _slug,
    "voting:committee": _round(),
    "voting:generate": _round(),
    "voting:replace": _round(),
    "voting:paper": _round(),
    "voting:mismatches": _round(),
    "voting:desk": None,
    "voting:desk_next": None,
    "voting:desk_close": None,
    "voting:desk_home": _slug,
    "voting:desk_open": _round(),
    "voting:desk_replace": _round(),
    "voting:desk_close_remote": lambda o: {"slug": o.area.slug, "desk_id": 0},
    "voting:desk_volunteers": _slug,
    "voting:desk_volunteer_revoke": lambda o: {"slug": o.area.slug, "role_id": 0},
    "public:home": None,
    "public:accessibility": None,
    "public:area": _slug,
    "public:area_audit": _slug,
    "public:postcode": None,
    "public:national": None,
    "public:open_data": None,
    "public:dictionary": None,
    "public:dictionary_json": None,
    "public:dcat": None,
    "public:download": lambda o: {"dataset": "finance", "fmt": "csv"},
    "public:download_area": lambda o: {"slug": o.area.slug, "dataset": "finance", "fmt": "csv"},
    "people:overview": _slug,
    "people:role": _pk0("work_role"),
    "people:figures_csv": lambda o: {"slug": o.area.slug, "year": YEAR},
    "people:coordinator": _slug,
    "people:role_create": _slug,
    "people:role_toggle": _pk0("work_role"),
    "people:interest_delete": _pk0("interest"),
    "people:placement_create": _slug,
    "people:placement": _pk0("placement"),
    "people:step_add": _pk0("placement"),
    "people:hours": _pk0("placement"),
    "people:milestone": _pk0("placement"),
    "people:withdraw": _pk0("placement"),
    "people:placements": _slug,
    "people:fee": _pk0("placement"),
    "people:appointments": _slug,
    "people:appointment_end": _slug,
    "people:builders": _slug,
    "people:builder": _pk0("builder"),
    "people:builder_profile": _pk0("builder"),
    "people:builder_training": _pk0("builder"),
    "people:builder_leave": _pk0("builder"),
    "people:commission_create": _slug,
    "people:commission": _pk0("commission"),
    "people:commission_vote": _pk0("commission"),
    "people:commission_commit": _pk0("commission"),
    "people:report_submit": _pk0("commission"),
    "people:report_decide": _report,
    "people:report_pay": _report,
}


def _url(name: str, objects, world) -> str:
    if name == "admin:*":
        return reverse("admin:money_posting_changelist")
    if name == "voting:ballot":  # the demo's one round in voting
        return reverse(name, kwargs={"round_id": world.obj(OTHER).round_voting.pk})
    make = ARGS[name]
    return reverse(name, kwargs=make(objects) if make else None)


# fmt: off
# Expected GET status per role, in the order of ROLES. Rows that recur get a name.
#                anon resid deleg commi staff finan fin2 obser admin
PUBLIC        = (200, 200, 200, 200, 200, 200, 200, 200, 200)
REDIRECT      = (302, 302, 302, 302, 302, 302, 302, 302, 302)
POST_ONLY     = (405, 405, 405, 405, 405, 405, 405, 405, 405)  # actions; their POSTs are checked below
NOT_FOUND     = (404, 404, 404, 404, 404, 404, 404, 404, 404)
MEMBERS       = (302, 403, 200, 200, 200, 200, 200, 200, 200)  # any role in the area, not plain residents
FUND_VIEW     = (302, 403, 403, 200, 200, 200, 200, 200, 200)
STAFF_ONLY    = (302, 403, 403, 403, 200, 403, 403, 403, 200)
FINANCE_ONLY  = (302, 403, 403, 403, 403, 200, 200, 403, 200)
STAFF_FINANCE = (302, 403, 403, 403, 200, 200, 200, 403, 200)
COMMITTEE_ONLY= (302, 403, 403, 200, 403, 403, 403, 403, 200)
DELEGATE_ONLY = (302, 403, 200, 403, 403, 403, 403, 403, 200)
# In the other area only the roles that hold in every area get in: the observer reads, the admin does all.
OTHER_READ    = (302, 403, 403, 403, 403, 403, 403, 200, 200)
OTHER_WRITE   = (302, 403, 403, 403, 403, 403, 403, 403, 200)
# Coordinator and municipal-contact pages: an appointment, not an area role; the site admin never (separation).
APPOINTED     = (302, 403, 403, 403, 403, 403, 403, 403, 403)
# Allowed roles get past the permission check to an object the demo lacks (no stored money document; the
# line is no support line): 404 for them, 403 for everyone else.
ALLOWED_404   = (302, 403, 403, 403, 404, 404, 404, 403, 404)
OTHER_404     = (302, 403, 403, 403, 403, 403, 403, 403, 404)

EXPECTED: dict[str, dict[str, tuple[int, ...]]] = {
    # Site-wide pages without an area ("other" is not asked).
    "healthz": {"own": PUBLIC},
    "favicon": {"own": (301, 301, 301, 301, 301, 301, 301, 301, 301)},
    "task_mail": {"own": POST_ONLY},  # every account sets its own; anonymous POSTs go to the login page
    "set_language": {"own": REDIRECT},
    "admin:*": {"own": (302, 302, 302, 302, 302, 302, 302, 302, 200)},
    "accounts:login": {"own": (200, 302, 302, 302, 302, 302, 302, 302, 302)},
    "accounts:logout": {"own": POST_ONLY},
    "accounts:two_factor": {"own": (302, 200, 200, 200, 302, 302, 302, 200, 302)},
    "accounts:dashboard": {"own": (302, 200, 200, 200, 200, 200, 200, 200, 200)},
    # A set-password link with a made-up token shows the "link not valid" page.
    "accounts:password_reset_confirm": {"own": PUBLIC, "other": PUBLIC},
    "accounts:area_roles": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "accounts:area_role_revoke": {"own": POST_ONLY, "other": POST_ONLY},
    "accounts:area_password_link_resend": {"own": POST_ONLY, "other": POST_ONLY},
    # Who held which role names people: delegates, committee and staff; not finance, not the observer.
    "accounts:area_role_history": {"own": (302, 403, 200, 200, 200, 403, 403, 403, 200), "other": OTHER_WRITE},
    # Open data: public by design.
    "api:national_api:api-root": {"own": NOT_FOUND},  # no docs page at the root, by choice
    "api:national_api:areas": {"own": PUBLIC},
    "api:national_api:finance": {"own": PUBLIC},
    "api:national_api:process": {"own": PUBLIC},
    "api:national_api:postings": {"own": PUBLIC},
    "api:national_api:national_summary": {"own": PUBLIC, "other": PUBLIC},
    "money_api:area_commitments": {"own": PUBLIC, "other": PUBLIC},
    "people_api:area_people": {"own": PUBLIC, "other": PUBLIC},
    "api:openapi": {"own": PUBLIC},
    "money_api:area_finance": {"own": PUBLIC, "other": PUBLIC},
    "alliance_api:decisions": {"own": PUBLIC, "other": PUBLIC},
    "public:national": {"own": PUBLIC},
    "public:open_data": {"own": PUBLIC},
    "public:dictionary": {"own": PUBLIC},
    "public:dictionary_json": {"own": PUBLIC},
    "public:dcat": {"own": PUBLIC},
    "public:download": {"own": PUBLIC, "other": PUBLIC},
    "public:download_area": {"own": PUBLIC, "other": PUBLIC},
    "fund_api:rounds": {"own": PUBLIC},
    "fund_api:round": {"own": PUBLIC, "other": PUBLIC},
    # Register of resident collectives: public list and sign-up; review by delegates and staff.
    "community:list": {"own": PUBLIC, "other": PUBLIC},
    "community:register": {"own": PUBLIC, "other": PUBLIC},
    "community:review": {"own": (302, 403, 200, 403, 200, 403, 403, 200, 200), "other": OTHER_READ},
    "community:decide": {"own": (302, 403, 200, 403, 200, 403, 403, 403, 200), "other": OTHER_WRITE},
    # Money: the overview and accountability are public; the ledger names recipients: members only.
    "money:overview_current": {"own": REDIRECT, "other": REDIRECT},
    "money:overview": {"own": PUBLIC, "other": PUBLIC},
    "money:accountability_csv": {"own": PUBLIC, "other": PUBLIC},
    "money:ledger_csv": {"own": MEMBERS, "other": OTHER_READ},
    "money:grant_create": {"own": FINANCE_ONLY, "other": OTHER_WRITE},
    "money:line_create": {"own": STAFF_FINANCE, "other": OTHER_WRITE},
    "money:line": {"own": MEMBERS, "other": OTHER_READ},
    "money:line_fund": {"own": STAFF_FINANCE, "other": OTHER_WRITE},
    "money:line_carry_over": {"own": STAFF_FINANCE, "other": OTHER_WRITE},
    "money:commitment_create": {"own": STAFF_FINANCE, "other": OTHER_WRITE},
    "money:commitment": {"own": MEMBERS, "other": OTHER_READ},
    "money:payment_create": {"own": FINANCE_ONLY, "other": OTHER_WRITE},
    "money:commitment_release": {"own": STAFF_FINANCE, "other": OTHER_WRITE},
    "money:payment_decide": {"own": FINANCE_ONLY, "other": OTHER_WRITE},
    "money:transaction_reverse": {"own": FINANCE_ONLY, "other": OTHER_WRITE},
    "money:support_list": {"own": (302, 403, 200, 403, 200, 200, 200, 200, 200), "other": OTHER_READ},
    "money:support_create": {"own": DELEGATE_ONLY, "other": OTHER_WRITE},
    "money:support_detail": {"own": (302, 403, 200, 403, 200, 200, 200, 200, 200), "other": OTHER_READ},
    # The Woo register of commitments is public; invoices and decisions (names, bank details) only for
    # finance and staff; line changes are read with the support budget, decided by staff and finance.
    "money:register": {"own": PUBLIC, "other": PUBLIC},
    "money:register_csv": {"own": PUBLIC, "other": PUBLIC},
    "money:document": {"own": ALLOWED_404, "other": OTHER_404},
    "money:line_change_create": {"own": ALLOWED_404, "other": OTHER_404},
    "money:line_change": {"own": (302, 403, 200, 403, 200, 200, 200, 200, 200), "other": (302, 403, 403, 403, 403, 403, 403, 404, 404)},
    "money:line_size_decision": {"own": STAFF_FINANCE, "other": OTHER_WRITE},
    # Alliance: meetings are public; a members-only document is hidden (404, not 403: its existence is private).
    "alliance:public": {"own": PUBLIC, "other": PUBLIC},
    "alliance:decisions": {"own": PUBLIC, "other": PUBLIC},
    "alliance:calendar": {"own": PUBLIC, "other": PUBLIC},
    "alliance:meeting": {"own": PUBLIC, "other": PUBLIC},
    "alliance:documents": {"own": PUBLIC, "other": PUBLIC},  # lists only what this visitor may see
    "alliance:document_add": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "alliance:advice_add": {"own": DELEGATE_ONLY, "other": OTHER_WRITE},
    "alliance:document": {"own": (404, 404, 200, 404, 200, 200, 200, 200, 200), "other": (404, 404, 404, 404, 404, 404, 404, 200, 200)},
    "alliance:download": {"own": (404, 404, 200, 404, 200, 200, 200, 200, 200), "other": (404, 404, 404, 404, 404, 404, 404, 200, 200)},
    "alliance:agenda": {"own": (302, 403, 200, 403, 200, 200, 200, 200, 200), "other": OTHER_READ},
    "alliance:propose": {"own": DELEGATE_ONLY, "other": OTHER_WRITE},
    "alliance:decide_item": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "alliance:answer": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "alliance:manage": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "alliance:alliance_new": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "alliance:settings": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "alliance:partner_add": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "alliance:representative_add": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "alliance:delegate_add": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "alliance:meeting_create": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "alliance:meeting_edit": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "alliance:agenda_item_add": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "alliance:document_upload": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "alliance:document_share": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "alliance:minutes": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    "alliance:decision_add": {"own": STAFF_ONLY, "other": OTHER_WRITE},
    # Bewonersfonds: public pages; the receipt and .pb exist only once a result is published (the other
    # area's round has none, hence 404). The committee pages are readable by staff, finance and the observer.
    "fund:home": {"own": PUBLIC, "other": PUBLIC},
    "fund:round": {"own": PUBLIC, "other": PUBLIC},
    "fund:idea_new": {"own": PUBLIC, "other": PUBLIC},
    "fund:idea_thanks": {"own": REDIRECT, "other": REDIRECT},
    "fund:idea": {"own": PUBLIC, "other": PUBLIC},
    "fund:idea_private": {"own": PUBLIC, "other": PUBLIC},
    "fund:results": {"own": PUBLIC, "other": PUBLIC},
    "fund:receipt": {"own": PUBLIC, "other": NOT_FOUND},
    "fund:download_pb": {"own": PUBLIC, "other": NOT_FOUND},
    "fund:download_receipts": {"own": PUBLIC, "other": NOT_FOUND},
    "fund:manage": {"own": FUND_VIEW, "other": OTHER_READ},
    "fund:contact": {"own": POST_ONLY, "other": POST_ONLY},
    "fund:clear_receipt": {"own": POST_ONLY, "other": POST_ONLY},
    "fund:manage_round": {"own": FUND_VIEW, "other": OTHER_READ},
    "fund:advance": {"own": POST_ONLY, "other": POST_ONLY},
    "fund:manage_sub_areas": {"own": FUND_VIEW, "other": OTHER_READ},
    "fund:idea_sub_area": {"own": POST_ONLY, "other": POST_ONLY},
    "fund:manage_categories": {"own": FUND_VIEW, "other": OTHER_READ},
    "fund:idea_theme": {"own": POST_ONLY, "other": POST_ONLY},
    "fund:assess": {"own": FUND_VIEW, "other": OTHER_READ},
    "fund:manage_results": {"own": FUND_VIEW, "other": OTHER_READ},
    "fund:count": {"own": POST_ONLY, "other": POST_ONLY},
    "fund:publish": {"own": POST_ONLY, "other": POST_ONLY},
    "fund:manage_execution": {"own": FUND_VIEW, "other": OTHER_READ},
    "fund:award": {"own": POST_ONLY, "other": POST_ONLY},
    "fund:accept": {"own": POST_ONLY, "other": POST_ONLY},
    # Voting: the ballot needs a code first (302 to the start page); turnout for committee, staff, delegates.
    "voting:start": {"own": PUBLIC},
    "voting:ballot": {"own": REDIRECT},
    "voting:receipt": {"own": PUBLIC},
    "voting:receipt_done": {"own": POST_ONLY},  # forgets the receipt on this device: anyone
    "voting:issue": {"own": POST_ONLY, "other": POST_ONLY},
    "voting:cancel": {"own": POST_ONLY, "other": POST_ONLY},
    "voting:area_start": {"own": PUBLIC, "other": PUBLIC},
    "voting:committee_rounds": {"own": (302, 403, 200, 200, 200, 403, 403, 200, 200), "other": OTHER_READ},
    "voting:committee": {"own": (302, 403, 200, 200, 200, 403, 403, 200, 200), "other": OTHER_READ},
    "voting:generate": {"own": POST_ONLY, "other": POST_ONLY},
    "voting:replace": {"own": POST_ONLY, "other": POST_ONLY},
    "voting:paper": {"own": COMMITTEE_ONLY, "other": OTHER_WRITE},
    "voting:mismatches": {"own": COMMITTEE_ONLY, "other": OTHER_WRITE},
    # The desk device's pages need no account: without a desk cookie they say "this device is no desk".
    "voting:desk": {"own": PUBLIC},
    "voting:desk_next": {"own": POST_ONLY},
    "voting:desk_close": {"own": POST_ONLY},
    # Committee and help-desk volunteers (no volunteer among these demo roles); the committee alone
    # gives the volunteer role.
    "voting:desk_home": {"own": COMMITTEE_ONLY, "other": OTHER_WRITE},
    "voting:desk_open": {"own": POST_ONLY, "other": POST_ONLY},
    "voting:desk_replace": {"own": POST_ONLY, "other": POST_ONLY},
    "voting:desk_close_remote": {"own": POST_ONLY, "other": POST_ONLY},
    "voting:desk_volunteers": {"own": COMMITTEE_ONLY, "other": OTHER_WRITE},
    "voting:desk_volunteer_revoke": {"own": POST_ONLY, "other": POST_ONLY},
    # Home, area page, and the area's audit log (members only).
    "public:home": {"own": PUBLIC},
    "public:accessibility": {"own": PUBLIC},
    "public:area": {"own": PUBLIC, "other": PUBLIC},
    "public:area_audit": {"own": MEMBERS, "other": OTHER_READ},
    "public:postcode": {"own": PUBLIC},
    # People (docs/people.md): open roles and figures are public; participants' names only for their own
    # coordinator and municipal contact (never staff, finance or the admin); pseudonymous placements, the
    # builders' register and commissions for delegates, committee, staff, finance and observers.
    "people:overview": {"own": PUBLIC, "other": PUBLIC},
    "people:role": {"own": PUBLIC, "other": PUBLIC},
    "people:figures_csv": {"own": PUBLIC, "other": PUBLIC},
    "people:coordinator": {"own": APPOINTED, "other": APPOINTED},
    "people:role_create": {"own": APPOINTED, "other": APPOINTED},
    "people:role_toggle": {"own": POST_ONLY, "other": POST_ONLY},
    "people:interest_delete": {"own": POST_ONLY, "other": POST_ONLY},
    "people:placement_create": {"own": APPOINTED, "other": APPOINTED},
    "people:placement": {"own": APPOINTED, "other": APPOINTED},
    "people:step_add": {"own": POST_ONLY, "other": POST_ONLY},
    "people:hours": {"own": POST_ONLY, "other": POST_ONLY},
    "people:milestone": {"own": POST_ONLY, "other": POST_ONLY},
    "people:withdraw": {"own": APPOINTED, "other": APPOINTED},
    "people:placements": {"own": MEMBERS, "other": OTHER_READ},
    "people:fee": {"own": MEMBERS, "other": OTHER_READ},
    "people:appointments": {"own": (302, 403, 200, 403, 200, 403, 403, 403, 200), "other": OTHER_WRITE},
    "people:appointment_end": {"own": POST_ONLY, "other": POST_ONLY},
    "people:builders": {"own": MEMBERS, "other": OTHER_READ},
    "people:builder": {"own": MEMBERS, "other": OTHER_READ},
    "people:builder_profile": {"own": POST_ONLY, "other": POST_ONLY},
    "people:builder_training": {"own": POST_ONLY, "other": POST_ONLY},
    "people:builder_leave": {"own": POST_ONLY, "other": POST_ONLY},
    # Commissions are given by delegates (and representatives): the admin does not act for residents.
    "people:commission_create": {"own": (302, 403, 200, 403, 403, 403, 403, 403, 403), "other": APPOINTED},
    "people:commission": {"own": MEMBERS, "other": OTHER_READ},
    "people:commission_vote": {"own": POST_ONLY, "other": POST_ONLY},
    "people:commission_commit": {"own": POST_ONLY, "other": POST_ONLY},
    "people:report_submit": {"own": POST_ONLY, "other": POST_ONLY},
    "people:report_decide": {"own": POST_ONLY, "other": POST_ONLY},
    "people:report_pay": {"own": POST_ONLY, "other": POST_ONLY},
}
# fmt: on


def _observe(client, world) -> dict[str, dict[str, tuple[int, ...]]]:
    observed: dict[str, dict[str, list[int]]] = {}
    names = list(dict.fromkeys(url_names()))
    for role in ROLES:
        client_as(client, role)
        for name in names:
            row = observed.setdefault(name, {"own": [], "other": []})
            for which, slug in (("own", OWN), ("other", OTHER)):
                if which == "other" and (ARGS.get(name) is None):
                    continue
                response = client.get(_url(name, world.obj(slug), world))
                row[which].append(response.status_code)
    return {n: {k: tuple(v) for k, v in r.items() if v} for n, r in observed.items()}


# Write paths: who may POST in their own area (the site admin may everywhere). Everyone else must be refused
# before anything is read or written: 302 to the login page when anonymous, 403 otherwise, in both areas.
WRITERS: dict[str, set[str]] = {
    "accounts:area_roles": {"staff"},
    "accounts:area_role_revoke": {"staff"},
    "accounts:area_password_link_resend": {"staff"},
    "money:line_change_create": {"staff", "finance", "finance2"},
    "money:line_size_decision": {"staff", "finance", "finance2"},
    "alliance:document_add": {"staff"},
    "alliance:advice_add": {"delegate"},
    "fund:contact": {"committee"},
    "fund:clear_receipt": {"committee"},
    "voting:issue": {"committee"},
    "voting:cancel": {"committee"},
    "people:appointments": {"delegate", "staff"},
    "people:appointment_end": {"delegate", "staff"},
    "people:fee": {"staff", "finance", "finance2"},
    "people:builders": {"delegate"},
    "people:commission_create": {"delegate"},
    # Only an appointed coordinator or municipal contact: none of these roles, the admin least of all.
    "people:role_create": set(),
    "people:placement_create": set(),
    "people:step_add": set(),
    "people:hours": set(),
    "people:milestone": set(),
    "people:withdraw": set(),
    "community:decide": {"delegate", "staff"},
    "money:grant_create": {"finance", "finance2"},
    "money:line_fund": {"staff", "finance", "finance2"},
    "money:commitment_create": {"staff", "finance", "finance2"},
    "money:commitment_release": {"staff", "finance", "finance2"},
    "money:payment_create": {"finance", "finance2"},
    "money:payment_decide": {"finance", "finance2"},
    "money:transaction_reverse": {"finance", "finance2"},
    "money:support_create": {"delegate"},
    "alliance:propose": {"delegate"},
    "alliance:answer": {"staff"},
    "alliance:decision_add": {"staff"},
    "alliance:document_share": {"staff"},
    "fund:manage_round": {"committee"},
    "fund:advance": {"committee"},
    "fund:manage_sub_areas": {"committee"},
    "fund:idea_sub_area": {"committee"},
    "fund:manage_categories": {"committee"},
    "fund:idea_theme": {"committee"},
    "fund:assess": {"committee"},
    "fund:count": {"committee"},
    "fund:publish": {"committee"},
    "fund:award": {"committee"},
    "fund:accept": {"committee"},
    "voting:generate": {"committee"},
    "voting:replace": {"committee"},
    "voting:paper": {"committee"},
    "voting:desk_open": {"committee"},
    "voting:desk_replace": {"committee"},
    "voting:desk_close_remote": {"committee"},
    "voting:desk_volunteers": {"committee"},
    "voting:desk_volunteer_revoke": {"committee"},
}


def _refused_posts(client, world) -> list[str]:
    from wijkgeld.core.models import AuditEntry
    from wijkgeld.money.models import Posting
    from wijkgeld.voting.models import VotingCode

    before = (AuditEntry.objects.count(), Posting.objects.count(), VotingCode.objects.count())
    wrong = []
    for role in ROLES:
        if role == "admin":
            continue
        client_as(client, role)
        for name, writers in WRITERS.items():
            for which, slug in (("own", OWN), ("other", OTHER)):
                if which == "own" and role in writers:
                    continue
                expected = 302 if role == "anonymous" else 403
                status = client.post(_url(name, world.obj(slug), world), {"action": "decide"}).status_code
                if status != expected:
                    wrong.append(f"POST {name} as {role} ({which}): expected {expected}, got {status}")
    after = (AuditEntry.objects.count(), Posting.objects.count(), VotingCode.objects.count())
    assert after == before, "a refused POST changed something"
    return wrong


@pytest.mark.django_db
def test_every_url_has_an_expected_status_for_every_role_and_area(client, settings):
    settings.DEBUG = False
    world = build_world()
    names = set(url_names())
    missing = sorted(names - set(ARGS))
    assert not missing, f"classify these new URLs in ARGS and EXPECTED: {missing}"
    observed = _observe(client, world)
    if os.environ.get("WIJKGELD_PRINT_MATRIX"):
        for name, row in observed.items():
            for which, statuses in row.items():
                print(f"{name:38} {which:5} {statuses}")
    unclassified = sorted(names - set(EXPECTED))
    assert not unclassified, f"add the expected statuses of these URLs to EXPECTED: {unclassified}"
    wrong = [
        f"{name} ({which}): expected {EXPECTED[name][which]}, got {statuses}"
        for name, row in observed.items()
        for which, statuses in row.items()
        if EXPECTED[name].get(which) != statuses
    ]
    wrong += _refused_posts(client, world)
    assert not wrong, "\n".join(wrong)
