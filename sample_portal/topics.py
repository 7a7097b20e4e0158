"""All topics the generated articles draw from (data in topics_services / topics_city)."""

from __future__ import annotations

from .topic import Topic
from .topics_city import CITY_TOPICS
from .topics_services import SERVICE_TOPICS

TOPICS: tuple[Topic, ...] = SERVICE_TOPICS + CITY_TOPICS

__all__ = ["TOPICS", "Topic"]
