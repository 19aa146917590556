"""Command line: ``python -m musclecalc NAME --field value ...``.

Options come from the same form schemas as the web form; values go through
:func:`musclecalc.bridge.run`, so the command line and the page give the same answers and
the same messages. Bad input prints ``field: message`` lines to stderr and exits with 2.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import textwrap
from collections.abc import Sequence
from typing import Any, Final

from . import bridge
from ._catalogue import EXERCISES
from ._display import Call, call_list
from ._fields import (
    ChecklistField,
    ChoiceField,
    DateField,
    EntriesField,
    Field,
    Form,
    NumberField,
    UnitField,
)
from ._numbers import format_decimal
from ._registry import CALCULATORS

__all__ = ["build_parser", "main", "render"]

WIDTH: Final = 88
EXIT_BAD_INPUT: Final = 2


def _percent_safe(text: str) -> str:
    """argparse %-formats each option's help, so a literal % must be doubled there."""
    return text.replace("%", "%%")


def _option_names(name: str) -> list[str]:
    dashed = name.replace("_", "-")
    return [f"--{dashed}"] if dashed == name else [f"--{dashed}", f"--{name}"]


def _number_help(form: Form, number: NumberField) -> str:
    if number.unit_field is not None:
        unit = form.field(number.unit_field)
        assert isinstance(unit, UnitField)
        ranges = " or ".join(
            f"{format_decimal(o.minimum, 2)}-{format_decimal(o.maximum, 2)} {o.value}"
            for o in unit.options
        )
        span = f"{ranges} (unit: --{unit.name.replace('_', '-')})"
    else:
        assert number.bounds is not None
        unit_text = "" if number.unit_text.strip() in number.label else number.unit_text
        span = (
            f"{format_decimal(number.bounds.minimum, 2)}-"
            f"{format_decimal(number.bounds.maximum, 2)}{unit_text}"
        )
    if number.required:
        need = "required"
    elif number.default is None:
        need = "optional"
    else:
        need = f"default {format_decimal(number.default, 2)}"
    return f"{number.label}: {span}; {need}. {number.help}"


def _choice_help(choice: ChoiceField | UnitField) -> str:
    if isinstance(choice, UnitField):
        units = " or ".join(o.value for o in choice.options)
        return f"{choice.label}: {units}; default {choice.default}."
    options = "; ".join(f"{o.value} = {o.label}" for o in choice.options)
    need = "required" if choice.required else f"default {choice.default}"
    return f"{choice.label} ({need}): {options}. {choice.help}"


def _checklist_help(checklist: ChecklistField) -> str:
    options = "; ".join(f"{o.value} = {o.label}" for o in checklist.options)
    return f"{checklist.label}: any of, separated by commas: {options}. {checklist.help}"


def _entry_metavar(entries: EntriesField) -> str:
    """One row's option value, named from the row's fields: EXERCISE:SETS:SESSIONS."""
    return ":".join(sub.name.upper() for sub in entries.fields)


def _entry_example(entries: EntriesField) -> str:
    """The first default row written as an option value, such as hip_thrust:3:2."""
    row = entries.default[0] if entries.default else {}
    return ":".join(str(row.get(sub.name, getattr(sub, "default", ""))) for sub in entries.fields)


def _entries_help(entries: EntriesField) -> str:
    labels = ", ".join(sub.label.lower() for sub in entries.fields)
    return (
        f"{entries.label}: one {entries.item_noun} as {_entry_metavar(entries)} ({labels}), "
        f"e.g. {_entry_example(entries)}. Repeat for each {entries.item_noun}, "
        f"{entries.min_items}-{entries.max_items} in all."
    )


def _describe_field(form: Form, f: Field) -> str:
    if isinstance(f, NumberField):
        return _number_help(form, f)
    if isinstance(f, ChoiceField | UnitField):
        return _choice_help(f)
    if isinstance(f, ChecklistField):
        return _checklist_help(f)
    if isinstance(f, DateField):
        return f"{f.label}: year-month-day, such as 2026-09-01. {f.help}"
    return _entries_help(f)


def _exercise_list() -> str:
    lines = [f"  {e.id:<30} {e.name}" for e in EXERCISES.values()]
    return "exercises for --entry:\n" + "\n".join(lines)


def _overview() -> str:
    blocks = []
    for name, calc in CALCULATORS.items():
        form = calc.form
        lines = [_fill(f"{name}: {form.title}. {form.summary}", WIDTH, subsequent_indent="  ")]
        for f in form.fields:
            option = "--entry" if isinstance(f, EntriesField) else _option_names(f.name)[0]
            lines.append(
                _fill(
                    _describe_field(form, f),
                    WIDTH,
                    initial_indent=f"  {option:<20} ",
                    subsequent_indent=" " * 23,
                )
            )
        blocks.append("\n".join(lines))
    examples = (
        "examples:\n"
        "  python -m musclecalc protein --weight 70 --goal build\n"
        "  python -m musclecalc energy --sex female --age 30 --height 175 --weight 70\n"
        "  python -m musclecalc volume --entry hip_thrust:3:2 --entry squat:3:2 --json\n"
        "  python -m musclecalc progress --csv my-progress-log.csv"
    )
    return "calculators and their fields:\n\n" + "\n\n".join(blocks) + "\n\n" + examples


def _normalise(text: str) -> str:
    return text.strip().lower().replace("-", "_").replace(" ", "_")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per calculator."""
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="python -m musclecalc",
        description="Protein, energy and weekly training volume calculators.",
        epilog=_overview(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"musclecalc {__version__}")
    commands = parser.add_subparsers(dest="calculator", metavar="CALCULATOR", required=True)
    for name, calc in CALCULATORS.items():
        form = calc.form
        has_exercises = any(
            isinstance(f, EntriesField) and any(sub.name == "exercise" for sub in f.fields)
            for f in form.fields
        )
        command = commands.add_parser(
            name,
            help=form.title,
            description=f"{form.title}. {form.summary}",
            epilog=_exercise_list() if has_exercises else None,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        for f in form.fields:
            _add_field(command, form, f)
        if calc.text_log is not None:
            command.add_argument(
                "--csv",
                metavar="FILE",
                help="read the rows (and their units, from the column names) from a CSV file, "
                "as the page's Export saves it; - reads standard input",
            )
        command.add_argument(
            "--json", action="store_true", help="print the bridge's JSON reply instead of text"
        )
    return parser


def _add_field(command: argparse.ArgumentParser, form: Form, f: Field) -> None:
    """One option of a calculator's sub-command for one field of its form."""
    help_text = _percent_safe(_describe_field(form, f))
    if isinstance(f, EntriesField):
        command.add_argument(
            "--entry",
            dest="entries",
            action="append",
            metavar=_entry_metavar(f),
            help=help_text,
        )
    elif isinstance(f, ChoiceField | UnitField):
        command.add_argument(
            *_option_names(f.name),
            dest=f.name,
            type=_normalise,
            choices=[o.value for o in f.options],
            help=help_text,
        )
    elif isinstance(f, ChecklistField):
        command.add_argument(
            *_option_names(f.name),
            dest=f.name,
            action="append",
            metavar="CODE[,CODE...]",
            help=help_text,
        )
    else:
        command.add_argument(*_option_names(f.name), dest=f.name, metavar="NUMBER", help=help_text)


def _ranked_lines(items: list[dict[str, Any]], first: int) -> list[str]:
    """A ranked list as numbered text, numbered on from ``first``."""
    lines = []
    for number, item in enumerate(items, first):
        head = f"{number}. {item['title']} ({item['badge']}): {item['link']['path']}"
        lines.append(_wrap(head))
        lines += [
            _fill(reason, WIDTH, initial_indent="   - ", subsequent_indent="     ")
            for reason in item["reasons"]
        ]
        lines += [
            _wrap(f"Next: {link['text']}: {link['path']}", "   ") for link in item["next_steps"]
        ]
    return lines


def _payload(form: Form, args: argparse.Namespace) -> tuple[dict[str, Any], dict[str, str]]:
    payload: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for f in form.fields:
        if isinstance(f, EntriesField):
            rows = []
            names = [sub.name for sub in f.fields]
            for index, text in enumerate(args.entries or []):
                parts = text.split(":")
                if len(parts) != len(names):
                    errors[f"{f.name}.{index}"] = (
                        f"Write each entry as {_entry_metavar(f)}, such as {_entry_example(f)}, "
                        f'not "{text}".'
                    )
                    continue
                rows.append(dict(zip(names, parts, strict=True)))
            if args.entries:
                payload[f.name] = rows
        elif isinstance(f, ChecklistField):
            given = getattr(args, f.name) or []
            payload[f.name] = [code for text in given for code in text.split(",") if code.strip()]
        else:
            value = getattr(args, f.name)
            if value is not None:
                payload[f.name] = value
    return payload, errors


def _fill(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> str:
    return textwrap.fill(
        text,
        width,
        initial_indent=initial_indent,
        subsequent_indent=subsequent_indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _wrap(text: str, indent: str = "") -> str:
    return _fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def _bullets(title: str, items: Sequence[str]) -> list[str]:
    if not items:
        return []
    lines = [title]
    lines += [_fill(item, WIDTH, initial_indent="- ", subsequent_indent="  ") for item in items]
    return [*lines, ""]


def _table_lines(table: dict[str, Any]) -> list[str]:
    cells = [table["columns"], *table["rows"]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(table["columns"]))]

    def row_text(row: Sequence[str]) -> str:
        first = f"{row[0]:<{widths[0]}}"
        rest = [f"{cell:>{w}}" for cell, w in zip(row[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    lines = [_wrap(table["caption"]), row_text(table["columns"])]
    lines.append("  ".join("-" * w for w in widths))
    lines += [row_text(row) for row in table["rows"]]
    return [*lines, ""]


def render(title: str, display: dict[str, Any]) -> str:
    """A bridge ``display`` object as plain text for a terminal."""
    lines = [title, "=" * len(title), ""]
    alert = display.get("alert")
    if alert is not None:
        lines += [_wrap(alert["title"].upper())]
        lines += [
            _fill(reason, WIDTH, initial_indent="- ", subsequent_indent="  ")
            for reason in alert["reasons"]
        ]
        if alert.get("calls"):
            lines += [
                _wrap(call_list(tuple(Call(c["number"], c["where"]) for c in alert["calls"])))
            ]
        lines += [_wrap(alert["action"]), ""]
    lines += [_wrap(display["summary"]), ""]
    facts = display["facts"]
    if facts:
        width = max(len(fact["label"]) for fact in facts) + 2
        for fact in facts:
            lines.append(
                _fill(
                    fact["value"],
                    WIDTH,
                    initial_indent=f"{fact['label'] + ':':<{width}}",
                    subsequent_indent=" " * width,
                )
            )
        lines.append("")
    for table in [display["table"], *(f["table"] for f in display.get("figures", []))]:
        if table is not None:
            lines += _table_lines(table)
    ranked = display.get("ranked")
    if ranked is not None:
        lines.append(ranked["heading"])
        if ranked["lead"]:
            lines.append(_wrap(ranked["lead"]))
        lines += _ranked_lines(ranked["items"], 1)
        if ranked["also"]:
            lines.append(ranked["also_heading"])
            lines += _ranked_lines(ranked["also"], len(ranked["items"]) + 1)
        lines.append("")
    lines += _bullets("Warnings", display["warnings"])
    lines += _bullets("Notes", display["notes"])
    lines += ["Method", _wrap(display["method"]), ""]
    lines += _bullets("Sources", display["sources"])
    return "\n".join(lines).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, or 2 for bad input)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    form = CALCULATORS[args.calculator].form
    payload, errors = _payload(form, args)
    csv_file = getattr(args, "csv", None)
    if csv_file is not None:
        try:
            if csv_file == "-":
                payload["csv"] = sys.stdin.read()
            else:
                with open(csv_file, encoding="utf-8-sig", newline="") as file:
                    payload["csv"] = file.read()
        except (OSError, UnicodeDecodeError) as error:
            errors["csv"] = f"The file {csv_file} could not be read ({error.__class__.__name__})."
    if errors:
        for field_name, message in errors.items():
            print(f"{field_name}: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    reply_text = bridge.result(args.calculator, json.dumps(payload))
    reply = json.loads(reply_text)
    if args.json:
        print(reply_text)
    elif reply["ok"]:
        sys.stdout.write(render(form.title, reply["display"]))
    if not reply["ok"]:
        if not args.json:
            for field_name, message in reply["errors"].items():
                print(f"{field_name}: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0
