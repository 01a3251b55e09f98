"""Tasks and reminders: next steps of open deals, routine follow-ups, renewal and review prep."""

from __future__ import annotations

import datetime as dt

from kamdesk.demo import business_texts as bt
from kamdesk.demo.context import DemoContext
from kamdesk.demo.customers import Customer
from kamdesk.demo.deals import Deal
from kamdesk.demo.workdays import paris_time, previous_workday, random_moment
from kamdesk.models import BusinessReview, Task
from kamdesk.models.enums import StageOutcome, TaskKind


def _due(day: dt.date) -> dt.datetime:
    return paris_time(previous_workday(day), 9)


def build_tasks(
    ctx: DemoContext,
    customers: list[Customer],
    deals: list[Deal],
    upcoming_reviews: list[BusinessReview],
) -> None:
    rng = ctx.rng
    # Each open deal's next step is also a follow-up task; those dated in the past are overdue.
    for deal in deals:
        opp = deal.opportunity
        if deal.outcome != StageOutcome.OPEN or opp.next_step is None or opp.next_step_date is None:
            continue
        ctx.add(
            Task, ctx.days_ago(rng.randint(1, 15)),
            kind=str(TaskKind.FOLLOW_UP), title=opp.next_step, due_at=_due(opp.next_step_date),
            account_id=deal.customer.account.id, opportunity_id=opp.id,
            contact_id=deal.committee[0].id if deal.committee else None, assignee_id=opp.owner_id,
        )  # fmt: skip
    for customer in customers:
        end = customer.activity_end(ctx)
        people = customer.active_contacts(end)
        # Routine tasks done over the last months.
        for _ in range(rng.randint(1, 3)):
            due = random_moment(rng, end - dt.timedelta(days=300), end - dt.timedelta(days=3))
            contact = rng.choice(people)
            values = {"contact": contact.full_name, "city": rng.choice(customer.sites).city}
            done = min(due + dt.timedelta(hours=rng.uniform(-48, 30)), end)
            ctx.add(
                Task, due - dt.timedelta(days=rng.randint(3, 20)),
                kind=str(TaskKind.TASK), title=rng.choice(bt.DONE_TASKS).format_map(values),
                due_at=due, done_at=done, account_id=customer.account.id,
                contact_id=contact.id, assignee_id=customer.owner.id,
            )  # fmt: skip
        if customer.quiet_since is not None:
            contact = max(people, key=lambda c: (c.influence, c.stance))
            ctx.add(
                Task, customer.quiet_since + dt.timedelta(days=2),
                kind=str(TaskKind.FOLLOW_UP),
                title=(
                    f"Relancer {contact.full_name} : pas de nouvelles depuis le "
                    f"{customer.quiet_since:%d/%m/%Y}"
                ),
                due_at=_due((customer.quiet_since + dt.timedelta(days=30)).date()),
                account_id=customer.account.id, contact_id=contact.id,
                assignee_id=customer.owner.id,
            )  # fmt: skip
        renewal = customer.account.renewal_date
        if renewal is not None and (renewal - ctx.today).days <= 150:
            ctx.add(
                Task, ctx.days_ago(rng.randint(20, 60)),
                kind=str(TaskKind.REMINDER),
                title=f"Préparer le renouvellement du contrat — {customer.account.name}",
                due_at=_due(renewal - dt.timedelta(days=90)), account_id=customer.account.id,
                assignee_id=customer.owner.id,
            )  # fmt: skip
    for review in upcoming_reviews:
        ctx.add(
            Task, review.created_at,
            kind=str(TaskKind.REMINDER),
            title=f"Préparer la business review du {review.scheduled_on:%d/%m/%Y}",
            notes="Chiffres du trimestre, tickets marquants, opportunités à présenter.",
            due_at=_due(review.scheduled_on - dt.timedelta(days=7)),
            account_id=review.account_id, assignee_id=next(
                c.owner.id for c in customers if c.account.id == review.account_id
            ),
        )  # fmt: skip
