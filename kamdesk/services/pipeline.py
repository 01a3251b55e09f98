"""The opportunity pipeline: board, moves and their undo, editor, stage configuration, forecast.

The implementation is split by concern into ``pipeline_board``, ``pipeline_moves``,
``pipeline_editor``, ``pipeline_reads``, ``pipeline_config`` and ``pipeline_forecast``; import from here.
Every write takes a unit of work and is one user intent; the caller commits.
"""

from __future__ import annotations

from kamdesk.models import MEDDIC_ITEMS
from kamdesk.reports.forecast import ForecastOpp
from kamdesk.services.pipeline_board import (
    CLOSED_VISIBLE_DAYS,
    DEFAULT_RATES,
    Board,
    BoardFilters,
    Card,
    PipelineInfo,
    StageInfo,
    list_pipelines,
    load_board,
    meddic_score,
    missing_meddic,
    next_stage,
    pipeline_info,
    position_between,
    weighted,
)
from kamdesk.services.pipeline_config import (
    DEFAULT_STAGES,
    create_pipeline,
    create_stage,
    delete_stage,
    move_stage,
    rename_pipeline,
    update_stage,
)
from kamdesk.services.pipeline_editor import (
    OPPORTUNITY_FIELDS,
    create_opportunity,
    delete_opportunity,
    line_total,
    opportunity_values,
    restore_opportunity,
    update_opportunity,
)
from kamdesk.services.pipeline_forecast import forecast_input
from kamdesk.services.pipeline_moves import MOVE_FIELDS, MoveEdit, move_opportunity, restore_move
from kamdesk.services.pipeline_reads import (
    HistoryRow,
    ProductInfo,
    account_contacts,
    linked_interactions,
    list_products,
    stage_history,
)

__all__ = [
    "CLOSED_VISIBLE_DAYS",
    "DEFAULT_RATES",
    "DEFAULT_STAGES",
    "MEDDIC_ITEMS",
    "MOVE_FIELDS",
    "OPPORTUNITY_FIELDS",
    "Board",
    "BoardFilters",
    "Card",
    "ForecastOpp",
    "HistoryRow",
    "MoveEdit",
    "PipelineInfo",
    "ProductInfo",
    "StageInfo",
    "account_contacts",
    "create_opportunity",
    "create_pipeline",
    "create_stage",
    "delete_opportunity",
    "delete_stage",
    "forecast_input",
    "line_total",
    "linked_interactions",
    "list_pipelines",
    "list_products",
    "load_board",
    "meddic_score",
    "missing_meddic",
    "move_opportunity",
    "move_stage",
    "next_stage",
    "opportunity_values",
    "pipeline_info",
    "position_between",
    "rename_pipeline",
    "restore_move",
    "restore_opportunity",
    "stage_history",
    "update_opportunity",
    "update_stage",
    "weighted",
]
