"""How a grievance reached the office: the online form, or the desk (grievances.intake), which
enters what came in person, on paper, by phone or through the hotline (the report's offline count)."""

from django.db import models


class GrievanceChannel(models.TextChoices):
    ONLINE = "online", "অনলাইনে"
    DESK = "desk", "দপ্তরে সরাসরি"
    PAPER = "paper", "কাগজে (ডাকে বা হাতে)"
    PHONE = "phone", "ফোনে"
    HOTLINE = "hotline", "হটলাইনে"
