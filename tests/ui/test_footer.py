"""The one-widget footer: Textual's footer cell for cell, redrawn without mounting."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Footer as TextualFooter
from textual.widgets import Input, Static

from tests.ui.screen_reader import Cell, screen_cells
from workshop_tui.app.themes import DARK, LIGHT, register_themes
from workshop_tui.widgets.footer import Footer

FooterClass = type[TextualFooter] | type[Footer]
MOVE = Binding.Group("Next/Back")
MARK = Binding.Group("Mark", compact=True)


class KeysApp(App[None]):
    """Keys of every kind the footer draws: plain, grouped, compact group, greyed out."""

    BINDINGS = [
        Binding("space", "timer", "Timer"),
        Binding("pagedown", "next", "Next", group=MOVE, key_display="PgDn"),
        Binding("pageup", "back", "Back", group=MOVE),
        Binding("1", "mark(1)", "One", group=MARK),
        Binding("2", "mark(2)", "Two", group=MARK),
        Binding("n", "note", "Note"),
        Binding("x", "export", "Export [b]now[/b]"),
        Binding("y", "bare", ""),
    ]

    def __init__(self, footer: FooterClass, theme: str, palette: bool) -> None:
        super().__init__()
        self.footer_class = footer
        self.start_theme = theme
        self.palette = palette
        self.pressed: list[str] = []
        self.can_export = False

    def on_mount(self) -> None:
        register_themes(self)
        self.theme = self.start_theme

    def compose(self) -> ComposeResult:
        yield Static("keys")
        yield self.footer_class(show_command_palette=self.palette)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "export" and not self.can_export else True

    def action_note(self) -> None:
        self.pressed.append("note")

    def action_export(self) -> None:
        self.pressed.append("export")

    def action_next(self) -> None:
        self.pressed.append("next")


async def footer_line(footer: FooterClass, theme: str, width: int, palette: bool) -> list[Cell]:
    """Each cell of the bottom line: its character, its look and its background."""
    app = KeysApp(footer, theme, palette)
    async with app.run_test(size=(width, 4)) as pilot:
        await pilot.pause()
        await pilot.pause()
        return screen_cells(app)[-1]


async def wheel(
    pilot: Pilot[None], turn: type[events.MouseScrollDown | events.MouseScrollUp]
) -> None:
    """A turn of the mouse wheel over the footer's third cell, as the terminal reports it."""
    footer = pilot.app.query_one(Footer).region
    x, y = footer.x + 2, footer.y
    delta = 1 if turn is events.MouseScrollDown else -1
    pilot.app.post_message(
        turn(None, x, y, 0, delta, 0, False, False, False, screen_x=x, screen_y=y)
    )


@pytest.mark.parametrize("theme", [DARK, LIGHT])
@pytest.mark.parametrize("width", [120, 64, 30])
@pytest.mark.parametrize("palette", [True, False])
async def test_the_footer_draws_what_textuals_draws(theme: str, width: int, palette: bool) -> None:
    ours = await footer_line(Footer, theme, width, palette)
    textuals = await footer_line(TextualFooter, theme, width, palette)
    assert "".join(c.char for c in ours) == "".join(c.char for c in textuals)
    assert ours == textuals


async def test_the_footer_is_one_widget_redrawn_when_the_keys_change() -> None:
    app = KeysApp(Footer, DARK, palette=False)
    async with app.run_test(size=(120, 4)) as pilot:
        await pilot.pause()
        footer = app.query_one(Footer)
        assert not footer.children
        assert "Export [b]now[/b]" in footer.render().plain  # a description is text
        assert not next(k for k in footer.keys_shown if k.key == "x").enabled
        app.can_export = True
        app.refresh_bindings()
        await pilot.pause()
        assert next(k for k in footer.keys_shown if k.key == "x").enabled
        await app.mount(Input())
        app.query_one(Input).focus()
        await pilot.pause()
        assert not footer.children


async def test_a_click_on_a_key_presses_it_and_a_greyed_out_key_rings() -> None:
    app = KeysApp(Footer, DARK, palette=True)
    async with app.run_test(size=(120, 4)) as pilot:
        await pilot.pause()
        line = app.query_one(Footer).render().plain
        await pilot.click(Footer, offset=(line.index("Note"), 0))
        await pilot.click(Footer, offset=(line.index("PgDn"), 0))
        await pilot.click(Footer, offset=(line.index("Export"), 0))  # greyed out: nothing
        await pilot.pause()
        assert app.pressed == ["note", "next"]
        await pilot.hover(Footer, offset=(line.index("PgDn"), 0))
        await pilot.pause()
        assert app.query_one(Footer).tooltip == "Next"


async def test_the_palette_key_owns_its_cells_and_the_wheel_brings_hidden_keys_into_view() -> None:
    app = KeysApp(Footer, DARK, palette=True)
    async with app.run_test(size=(40, 4)) as pilot:
        await pilot.pause()
        footer = app.query_one(Footer)
        line = footer.render().plain
        assert "Note" not in line, "cut off under the palette's key"
        palette = line.index("▏")
        for x in range(palette, 40):  # no key hidden under it answers there
            owner = footer._key_at(x)
            assert owner is None or owner.key == "ctrl+p"
        await pilot.hover(Footer, offset=(line.index("PgDn"), 0))
        assert footer.tooltip == "Next"
        await pilot.hover(Static, offset=(0, 0))
        await pilot.pause()
        assert footer.tooltip is None, "no tooltip left over a blank cell"

        for _ in range(10):  # the wheel, as the terminal reports it
            await wheel(pilot, events.MouseScrollDown)
        await pilot.pause()
        line = footer.render().plain
        assert "Note" in line and line.endswith("▏^p palette ")
        await pilot.click(Footer, offset=(line.index("Note"), 0))
        await pilot.pause()
        assert app.pressed == ["note"]
        for _ in range(10):
            await wheel(pilot, events.MouseScrollUp)
        await pilot.pause()
        assert footer.render().plain.startswith(" space Timer")
