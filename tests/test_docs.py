"""Every CLI command and option is documented; the README's Quick start is what CI runs."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from musclemap.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> list[tuple[str, click.Command]]:
    return sorted(cli.commands.items())


@pytest.mark.parametrize(("name", "command"), commands(), ids=[n for n, _ in commands()])
def test_every_command_and_option_is_in_the_readme(name: str, command: click.Command) -> None:
    assert f"musclemap {name}" in README
    for param in command.params:
        if isinstance(param, click.Option):
            longest = max(param.opts, key=len)
            assert longest in README, f"{name} {longest} is undocumented"


def test_every_json_command_has_a_schema_and_is_in_the_contract_doc() -> None:
    contract = (ROOT / "docs" / "json-contract.md").read_text(encoding="utf-8")
    # every command that prints JSON or writes a JSON file (export); `map` writes a picture
    for name, command in cli.commands.items():
        if name == "map":
            continue
        assert (ROOT / "docs" / "schemas" / f"{name}.schema.json").exists()
        assert f"musclemap {name}" in contract


def test_quick_start_is_two_commands_and_ci_runs_the_second() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = [b.split("```", 1)[0].strip() for b in section.split("```sh\n")[1:]]
    assert len(blocks) == 2
    assert 'musclemap show "leg press"' in blocks[0]
    assert "pytest" in blocks[1]
    assert blocks[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
