"""Pipeline settings as a sales manager uses them: each change stored at once, one undo step each.

The dialog runs on the demo database; the last test renders it to /tmp/pipeline_settings.png.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from kamdesk.models import Opportunity, Pipeline, Stage
from kamdesk.ui.pipeline.settings import NAME, PROBABILITY, PipelineSettingsDialog


def settings(qtbot, ctx, wait_worker) -> PipelineSettingsDialog:
    dlg = PipelineSettingsDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    wait_worker()
    return dlg


def stage_rows(ctx, pipeline_id: str) -> list[Stage]:
    with ctx.db.read() as session:
        rows = session.scalars(
            select(Stage)
            .where(Stage.pipeline_id == pipeline_id, Stage.deleted_at.is_(None))
            .order_by(Stage.position)
        ).all()
        session.expunge_all()
        return list(rows)


def test_rename_a_stage_and_undo(qtbot, ctx, wait_worker) -> None:
    dlg = settings(qtbot, ctx, wait_worker)
    pipeline_id = dlg.pipeline().id
    first = stage_rows(ctx, pipeline_id)[0]

    dlg.stage_table.item(0, NAME).setText("Découverte")  # as the table's editor commits it
    wait_worker()

    assert stage_rows(ctx, pipeline_id)[0].name == "Découverte"
    assert dlg.stage_table.item(0, NAME).text() == "Découverte"
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    wait_worker()
    assert stage_rows(ctx, pipeline_id)[0].name == first.name
    assert dlg.stage_table.item(0, NAME).text() == first.name  # the dialog follows the undo


def test_change_a_default_probability(qtbot, ctx, wait_worker) -> None:
    dlg = settings(qtbot, ctx, wait_worker)
    pipeline_id = dlg.pipeline().id
    spin = dlg.stage_table.cellWidget(1, PROBABILITY)
    spin.selectAll()
    qtbot.keyClicks(spin, "25")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    wait_worker()

    assert stage_rows(ctx, pipeline_id)[1].probability == 25
    assert [ctx.undo_stack.text(i) for i in range(ctx.undo_stack.count())] == [
        "Edit stage Qualification"
    ]  # Enter committed the cell and pressed no button of the dialog


def test_require_a_meddic_item_before_a_stage(qtbot, ctx, wait_worker) -> None:
    dlg = settings(qtbot, ctx, wait_worker)
    pipeline_id = dlg.pipeline().id
    stage = stage_rows(ctx, pipeline_id)[2]
    dlg.select_stage(stage.id)
    assert stage.name in dlg.meddic_box.title()

    metrics = dlg.meddic_list.item(0)  # Metrics
    metrics.setCheckState(Qt.CheckState.Checked)
    wait_worker()

    assert stage_rows(ctx, pipeline_id)[2].required_meddic == ["metrics"]
    assert "Metrics" in dlg.stage_table.item(2, 4).text()
    ctx.undo_stack.undo()
    wait_worker()
    assert stage_rows(ctx, pipeline_id)[2].required_meddic == []
    assert dlg.meddic_list.item(0).checkState() == Qt.CheckState.Unchecked


def test_move_a_stage_up_and_undo(qtbot, ctx, wait_worker) -> None:
    dlg = settings(qtbot, ctx, wait_worker)
    pipeline_id = dlg.pipeline().id
    names = [s.name for s in stage_rows(ctx, pipeline_id)]
    dlg.select_stage(stage_rows(ctx, pipeline_id)[2].id)

    qtbot.mouseClick(dlg.up_button, Qt.MouseButton.LeftButton)
    wait_worker()

    moved = [s.name for s in stage_rows(ctx, pipeline_id)]
    assert moved == [names[0], names[2], names[1], *names[3:]]
    assert dlg.stage_table.item(1, NAME).text() == names[2]
    assert dlg.stage_table.currentRow() == 1  # the moved stage stays selected
    ctx.undo_stack.undo()
    wait_worker()
    assert [s.name for s in stage_rows(ctx, pipeline_id)] == names


def test_deleting_a_stage_with_opportunities_is_refused(qtbot, ctx, wait_worker) -> None:
    dlg = settings(qtbot, ctx, wait_worker)
    pipeline_id = dlg.pipeline().id
    with ctx.db.read() as session:
        used = session.scalar(
            select(Stage.id)
            .join(Opportunity, Opportunity.stage_id == Stage.id)
            .where(Stage.pipeline_id == pipeline_id, Opportunity.deleted_at.is_(None))
            .limit(1)
        )
    before = [s.id for s in stage_rows(ctx, pipeline_id)]
    dlg.select_stage(used)

    qtbot.mouseClick(dlg.delete_stage_button, Qt.MouseButton.LeftButton)
    wait_worker()

    assert dlg.message.isVisible()
    assert "move them to another stage first" in dlg.message.text()
    assert [s.id for s in stage_rows(ctx, pipeline_id)] == before
    assert ctx.undo_stack.count() == 0


def test_add_then_delete_a_stage_and_a_pipeline(qtbot, ctx, wait_worker) -> None:
    dlg = settings(qtbot, ctx, wait_worker)
    pipeline_id = dlg.pipeline().id
    count = len(stage_rows(ctx, pipeline_id))
    qtbot.mouseClick(dlg.add_stage_button, Qt.MouseButton.LeftButton)
    wait_worker()
    added = [s for s in stage_rows(ctx, pipeline_id) if s.name == "New stage"]
    assert len(added) == 1 and len(stage_rows(ctx, pipeline_id)) == count + 1
    assert dlg.stage().id == added[0].id  # selected, ready to be renamed

    qtbot.mouseClick(dlg.delete_stage_button, Qt.MouseButton.LeftButton)
    wait_worker()
    assert len(stage_rows(ctx, pipeline_id)) == count
    ctx.undo_stack.undo()  # the deleted stage comes back where it was
    wait_worker()
    assert [s.id for s in stage_rows(ctx, pipeline_id)].count(added[0].id) == 1

    dlg.add_pipeline("Services récurrents")
    wait_worker()
    with ctx.db.read() as session:
        new = session.scalar(select(Pipeline).where(Pipeline.name == "Services récurrents"))
        assert new is not None and new.deleted_at is None
        new_id = new.id
    assert dlg.pipeline().id == new_id and len(dlg.stages()) == 7
    dlg.rename_pipeline(new_id, "Services")
    wait_worker()
    assert dlg.pipeline_list.currentItem().text() == "Services"
    ctx.undo_stack.undo()
    wait_worker()
    assert dlg.pipeline_list.currentItem().text() == "Services récurrents"


def test_render_the_settings(qtbot, ctx, wait_worker) -> None:
    dlg = settings(qtbot, ctx, wait_worker)
    dlg.select_stage(dlg.stages()[3].id)  # a stage with required MEDDIC items in the demo
    qtbot.wait(20)
    assert dlg.grab().save("/tmp/pipeline_settings.png")
