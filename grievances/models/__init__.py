"""The grievance redress chain (GRS) an office's charter promises, and the grievances that climb it.

A citizen files a Grievance against an office; it starts at tier 1 (the office's grievance
redress officer), and moves to tier 2 (the appeal officer) and tier 3 (the Cabinet Division's
national cell) when a tier lets its deadline pass or the citizen reopens a resolved grievance.
Every change is a GrievanceEvent. The officer the charter in force names for a tier holds it
(PublishedTier, GrievanceDesk). Deadlines are counted in working days by ``grievances.workdays``, from the
Holiday rows HQ keeps and the public holidays of the ``holidays`` package. Every notice is a
Notification row (the outbox).

One module per idea: tiers (the chain as staff draft it, and its rule), published (the chain of
the charter version in force, which routing and every citizen's page read), desks (who holds
what), grievance (the grievance and its moves), events (its history), citizens (rate limit,
feedback), outbox (notices).
"""

from .citizens import ClientRequest, Feedback
from .desks import GrievanceDesk, desk_of, held_cells, is_held, may_handle
from .events import GrievanceEvent
from .grievance import Grievance, attach_deadlines, days_at
from .outbox import Notification
from .published import PublishedTier, resolution_days_for
from .tiers import LAST_LEVEL, GrievanceTier, Holiday, Level, holder_problem

__all__ = [
    "LAST_LEVEL",
    "ClientRequest",
    "Feedback",
    "Grievance",
    "GrievanceDesk",
    "GrievanceEvent",
    "GrievanceTier",
    "Holiday",
    "Level",
    "Notification",
    "PublishedTier",
    "attach_deadlines",
    "days_at",
    "desk_of",
    "held_cells",
    "holder_problem",
    "is_held",
    "may_handle",
    "resolution_days_for",
]
