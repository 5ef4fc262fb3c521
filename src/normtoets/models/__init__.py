"""Pydantic models of the three file kinds. No I/O, no YAML: plain data in, models out."""

from normtoets.models.assessment import (
    Answer,
    Assessment,
    Conclusion,
    CriterionJudgement,
    Evidence,
    Judgement,
    Recommendation,
    RecommendationPart,
    Source,
)
from normtoets.models.framework import (
    Criterion,
    Framework,
    FrameworkRef,
    Norm,
    ResearchQuestion,
    Theme,
)
from normtoets.models.scale import Scale, ScoreLevel, SpecialLevel
from normtoets.models.study import Lesson, Study

__all__ = [
    "Answer",
    "Assessment",
    "Conclusion",
    "Criterion",
    "CriterionJudgement",
    "Evidence",
    "Framework",
    "FrameworkRef",
    "Judgement",
    "Lesson",
    "Norm",
    "Recommendation",
    "RecommendationPart",
    "ResearchQuestion",
    "Scale",
    "ScoreLevel",
    "Source",
    "SpecialLevel",
    "Study",
    "Theme",
]
