from django.urls import path, register_converter

from . import views

app_name = "casework"


class JusticeKind:
    regex = "order|court|breach"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(JusticeKind, "kind")

woman = "women/<int:pk>/"

urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("team/", views.team, name="team"),
    path("not-heard-from/", views.not_heard_from, name="not_heard_from"),
    path("search/", views.woman_search, name="search"),
    # Her record
    path(woman, views.woman_detail, name="woman"),
    path(f"{woman}break-glass/", views.break_glass, name="break_glass"),
    path(f"{woman}details/", views.woman_edit, name="woman_edit"),
    path(f"{woman}photo/", views.woman_photo, name="woman_photo"),
    path(f"{woman}participation/", views.woman_participation, name="woman_participation"),
    path(f"{woman}stage/", views.woman_stage, name="woman_stage"),
    path(f"{woman}allocation/", views.woman_allocate, name="woman_allocate"),
    path(f"{woman}involve/", views.woman_involve, name="woman_involve"),
    path(f"{woman}handover-read/", views.handover_read, name="handover_read"),
    path(f"{woman}who-looked/", views.woman_viewers, name="woman_viewers"),
    path(f"{woman}timeline/", views.woman_timeline, name="woman_timeline"),
    path(f"{woman}record.pdf", views.woman_pdf, name="woman_pdf"),
    path(f"{woman}contacts/new/", views.contact_new, name="contact_new"),
    path(f"{woman}appointments/new/", views.appointment_new, name="appointment_new"),
    path(f"{woman}needs/", views.needs, name="needs"),
    path(f"{woman}plan/", views.plan, name="plan"),
    path(f"{woman}plan/goals/", views.goal_new, name="goal_new"),
    path(f"{woman}plan/actions/", views.action_new, name="action_new"),
    path(f"{woman}reviews/new/", views.review_new, name="review_new"),
    path(f"{woman}distance/", views.distance, name="distance"),
    path(f"{woman}distance.svg", views.distance_svg, name="distance_svg"),
    path(f"{woman}justice/", views.justice, name="justice"),
    path(f"{woman}justice/<kind:kind>/", views.justice_add, name="justice_add"),
    path(f"{woman}alerts/new/", views.alert_new, name="alert_new"),
    path(f"{woman}consent/", views.consents, name="consents"),
    path(f"{woman}move-on/", views.move_on, name="move_on"),
    path(f"{woman}move-on/referrals/", views.referral_out_new, name="referral_out_new"),
    # Rows on her record
    path("allocations/<int:pk>/end/", views.allocation_end, name="allocation_end"),
    path("appointments/<int:pk>/outcome/", views.appointment_outcome, name="appointment_outcome"),
    path("goals/<int:pk>/status/", views.goal_status, name="goal_status"),
    path("actions/<int:pk>/done/", views.action_done, name="action_done"),
    path("reviews/<int:pk>/", views.review_edit, name="review_edit"),
    path("alerts/<int:pk>/end/", views.alert_end, name="alert_end"),
    path("referrals-out/<int:pk>/status/", views.referral_out_status, name="referral_out_status"),
    # Referrals in
    path("referrals/", views.referral_list, name="referrals"),
    path("referrals/new/", views.referral_new, name="referral_new"),
    path("referrals/report/", views.referral_report, name="referral_report"),
    path("referrals/<int:pk>/", views.referral_detail, name="referral"),
    path("referrals/<int:pk>/answer/", views.referral_answer, name="referral_answer"),
    # Directory
    path("directory/", views.directory, name="directory"),
    path("directory/new/", views.agency_new, name="agency_new"),
    path("directory/<int:pk>/", views.agency_edit, name="agency_edit"),
    # Case reviews
    path("case-reviews/", views.case_review_list, name="case_reviews"),
    path("case-reviews/new/", views.case_review_new, name="case_review_new"),
    path("case-reviews/<int:pk>/", views.case_review_detail, name="case_review"),
    path("case-review-items/<int:pk>/", views.case_review_item, name="case_review_item"),
]
