"""The grievance redress chain (GRS) an office's charter promises, and the grievances that climb it.

A citizen files a Grievance against an office; it starts at tier 1 (the office's grievance
redress officer), and moves to tier 2 (the appeal officer) and tier 3 (the Cabinet Division's
national cell) when a tier lets its deadline pass or the citizen reopens a resolved grievance.
Every change is a GrievanceEvent. The officer the charter names for a tier holds it
(GrievanceDesk). Deadlines are counted in working days by ``grievances.workdays``, from the
Holiday rows HQ keeps and the public holidays of the ``holidays`` package. Every notice is a
Notification row (the outbox).

One module per idea: tiers (the chain and its days), desks (who holds what), grievance (the
grievance and its history), citizens (rate limit, feedback), outbox (notices).
"""

from .citizens import ClientRequest, Feedback
from .desks import GrievanceDesk, desk_of, held_cells, is_held, may_handle
from .grievance import Grievance, GrievanceEvent, attach_deadlines, days_at
from .outbox import Notification
from .tiers import LAST_LEVEL, GrievanceTier, Holiday, Level, resolution_days_for

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
    "attach_deadlines",
    "days_at",
    "desk_of",
    "held_cells",
    "is_held",
    "may_handle",
    "resolution_days_for",
]
