"""The court figures of part 五 (行政应诉, 履行法院生效裁判): each given, or unknown."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

MAX_COUNT = 10**9  # the largest figure a file may give (the model's MAX_FIGURE)


def _court_filled(value: Any) -> Any:
    if value is None:
        raise PydanticCustomError(
            "figure_court_missing", "还没有填写件数：请填写（没有就写 0），不知道的请删去这一项"
        )
    return value


# A court figure: a count given in the file, or (key left out) not known; never 0 by default.
CourtCount = Annotated[
    Annotated[int, Field(ge=0, le=MAX_COUNT, strict=True)] | None,
    BeforeValidator(_court_filled),
]
COURT_KEYS = ("lawsuits", "head_appearances", "lost", "judgments_due", "judgments_performed")


class Court(BaseModel):
    """Administrative litigation figures, printed as the first paragraph of part 五. A figure
    left out is unknown: the report says nothing about it (it is not 0, nor 无)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lawsuits: CourtCount = None
    head_appearances: CourtCount = None
    lost: CourtCount = None
    judgments_due: CourtCount = None
    judgments_performed: CourtCount = None

    @property
    def given(self) -> dict[str, int]:
        """The figures the file gives, by key."""
        return {k: v for k in COURT_KEYS if (v := getattr(self, k)) is not None}
