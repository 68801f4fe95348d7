from django.urls import path

from . import views

app_name = "involvement"

urlpatterns = [
    path("", views.index, name="index"),
    path("roles/new/", views.opportunity_create, name="opportunity_create"),
    path("roles/<int:pk>/", views.opportunity_edit, name="opportunity_edit"),
    path("interest/new/", views.interest_new, name="interest_new"),
    path("people/<int:pk>/", views.helper_detail, name="helper"),
    path("people/<int:pk>/account/", views.helper_account, name="helper_account"),
    path("people/<int:pk>/training/", views.training_add, name="training_add"),
    path("people/<int:pk>/one-to-ones/", views.supervision_add, name="supervision_add"),
    path("people/<int:pk>/certificate.pdf", views.helper_certificate, name="certificate"),
    path("people/<int:pk>/history.pdf", views.helper_history, name="history"),
    path("pathway/<int:pk>/move/", views.placement_move, name="placement_move"),
    path("training/<int:pk>/certificate/", views.training_certificate, name="training_certificate"),
    path("women/<int:pk>/steps/new/", views.step_add, name="step_add"),
    path("rota/", views.rota, name="rota"),
    path("rota/new/", views.shift_create, name="shift_create"),
    path("rota/<int:pk>/who/", views.shift_assign, name="shift_assign"),
    path("rota/<int:pk>/cancel/", views.shift_cancel, name="shift_cancel"),
    path("rota/<int:pk>/swap/", views.shift_swap, name="shift_swap"),
    path("rota/<int:pk>/take/", views.shift_take, name="shift_take"),
    path("expenses/", views.expenses, name="expenses"),
    path("expenses/new/", views.expense_new, name="expense_new"),
    path("expenses/<int:pk>/", views.expense_edit, name="expense_edit"),
    path("expenses/<int:pk>/approve/", views.expense_approve, name="expense_approve"),
    path("expenses/<int:pk>/reject/", views.expense_reject, name="expense_reject"),
    path("expenses/<int:pk>/paid/", views.expense_pay, name="expense_pay"),
    path("expenses/<int:pk>/receipt/", views.expense_receipt, name="expense_receipt"),
    path("worries/", views.worries, name="worries"),
    path("worries/new/", views.worry_new, name="worry_new"),
    path("worries/<int:pk>/take/", views.worry_take, name="worry_take"),
    path("peer-log/", views.peer_log, name="peer_log"),
    path("peer-log/new/", views.peer_log_new, name="peer_log_new"),
    path("moving-on/", views.exits, name="exits"),
    path("moving-on/new/", views.exit_new, name="exit_new"),
    path("mine/", views.mine, name="mine"),
    path("tablet/moving-on/", views.tablet_exit, name="tablet_exit"),
    path("tablet/help/", views.tablet_interest, name="tablet_interest"),
]
