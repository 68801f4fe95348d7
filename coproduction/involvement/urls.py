from django.urls import path

from .views import expenses, mine, pathway, rota, voice

app_name = "involvement"

urlpatterns = [
    path("involvement/", pathway.index, name="index"),
    path("involvement/roles/new/", pathway.opportunity_create, name="opportunity_create"),
    path("involvement/roles/<int:pk>/", pathway.opportunity_edit, name="opportunity_edit"),
    path("involvement/interest/new/", pathway.interest_new, name="interest_new"),
    path("involvement/people/<int:pk>/", pathway.helper_detail, name="helper"),
    path("involvement/people/<int:pk>/account/", pathway.helper_account, name="helper_account"),
    path("involvement/people/<int:pk>/training/", pathway.training_add, name="training_add"),
    path(
        "involvement/people/<int:pk>/one-to-ones/", pathway.supervision_add, name="supervision_add"
    ),
    path(
        "involvement/people/<int:pk>/certificate.pdf", mine.helper_certificate, name="certificate"
    ),
    path("involvement/people/<int:pk>/history.pdf", mine.helper_history, name="history"),
    path("involvement/pathway/<int:pk>/move/", pathway.placement_move, name="placement_move"),
    path(
        "involvement/training/<int:pk>/certificate/",
        pathway.training_certificate,
        name="training_certificate",
    ),
    path("involvement/women/<int:pk>/steps/new/", pathway.step_add, name="step_add"),
    path("involvement/rota/", rota.rota, name="rota"),
    path("involvement/rota/new/", rota.shift_create, name="shift_create"),
    path("involvement/rota/<int:pk>/who/", rota.shift_assign, name="shift_assign"),
    path("involvement/rota/<int:pk>/cancel/", rota.shift_cancel, name="shift_cancel"),
    path("involvement/rota/<int:pk>/swap/", rota.shift_swap, name="shift_swap"),
    path("involvement/rota/<int:pk>/take/", rota.shift_take, name="shift_take"),
    path("involvement/expenses/", expenses.expenses, name="expenses"),
    path("involvement/expenses/new/", expenses.expense_new, name="expense_new"),
    path("involvement/expenses/<int:pk>/", expenses.expense_edit, name="expense_edit"),
    path(
        "involvement/expenses/<int:pk>/approve/", expenses.expense_approve, name="expense_approve"
    ),
    path("involvement/expenses/<int:pk>/reject/", expenses.expense_reject, name="expense_reject"),
    path("involvement/expenses/<int:pk>/paid/", expenses.expense_pay, name="expense_pay"),
    path(
        "involvement/expenses/<int:pk>/receipt/", expenses.expense_receipt, name="expense_receipt"
    ),
    path("involvement/worries/", voice.worries, name="worries"),
    path("involvement/worries/new/", voice.worry_new, name="worry_new"),
    path("involvement/worries/<int:pk>/take/", voice.worry_take, name="worry_take"),
    path("involvement/peer-log/", voice.peer_log, name="peer_log"),
    path("involvement/peer-log/new/", voice.peer_log_new, name="peer_log_new"),
    path("involvement/moving-on/", voice.exits, name="exits"),
    path("involvement/moving-on/new/", voice.exit_new, name="exit_new"),
    path("involvement/mine/", mine.mine, name="mine"),
    # The tablet's pages stay under /kiosk/: nothing on the tablet leads out of it.
    path("kiosk/moving-on/", voice.tablet_exit, name="tablet_exit"),
    path("kiosk/help-out/", voice.tablet_interest, name="tablet_interest"),
]
