"""The rule data of the flows stage (``kg/data/flows.toml``), compiled once per process."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from kg.rules import load_toml


@dataclass(frozen=True)
class Rule:
    """One named pattern of a family, with where it is tried and what it means."""

    name: str
    pattern: re.Pattern[str]
    anchor: str = "clause"  # "before", "after", "clause" or "head"
    direction: str = ""  # changes: "increase", "decrease", "move" or "auto"
    kind: str = ""  # groups: the RecipientKind value
    label: str = ""  # groups: the name the group goes by
    grant_verb: bool = False
    total: bool = False
    item_only: bool = False


@dataclass(frozen=True)
class FlowRules:
    bullet: re.Pattern[str]
    item_amount_within: int
    short_line_share: float
    sentence_end: re.Pattern[str]
    connector: re.Pattern[str]
    bare: re.Pattern[str]
    near: int
    abbreviations: frozenset[str]
    space_grouped_million: re.Pattern[str]
    not_nok_after: re.Pattern[str]
    min_nok: int
    table_unit: re.Pattern[str]
    money_hint: tuple[str, ...]
    references: tuple[Rule, ...]
    binding: re.Pattern[str]
    pointer: re.Pattern[str]
    source_word: re.Pattern[str]
    target_word: re.Pattern[str]
    max_distance: int
    income_chapters: tuple[tuple[int, int], ...]
    title_qualifier: re.Pattern[str]
    allocation: tuple[Rule, ...]
    total: tuple[Rule, ...]
    purpose: tuple[Rule, ...]
    recipient_before: tuple[Rule, ...]
    purpose_sentence: tuple[Rule, ...]
    purpose_sentence_window: int
    recipient_end: tuple[Rule, ...]
    max_recipient_length: int
    change: tuple[Rule, ...]
    change_word: tuple[Rule, ...]
    change_list: tuple[Rule, ...]
    part: tuple[Rule, ...]
    not_payment: tuple[Rule, ...]
    past: re.Pattern[str]
    year: re.Pattern[str]
    past_always: re.Pattern[str]
    quotation_pairs: tuple[tuple[str, str], ...]
    determiner: re.Pattern[str]
    filler: re.Pattern[str]
    grant_to: re.Pattern[str]
    org_noun: re.Pattern[str]
    name_end: re.Pattern[str]
    anaphora: re.Pattern[str]
    post_anaphora: re.Pattern[str]
    subject_verb: re.Pattern[str]
    anaphora_window: int
    scheme: re.Pattern[str]
    not_scheme: re.Pattern[str]
    generic_title: re.Pattern[str]
    post_label: re.Pattern[str]
    groups: tuple[Rule, ...]
    earmark: re.Pattern[str]
    grant_word: re.Pattern[str]

    @cached_property
    def not_payment_any(self) -> re.Pattern[str]:
        return any_of(self.not_payment)

    @cached_property
    def allocation_any(self) -> re.Pattern[str]:
        return any_of(self.allocation)

    @cached_property
    def change_before(self) -> re.Pattern[str]:
        return any_of(self.change, "before")

    @cached_property
    def change_after(self) -> re.Pattern[str]:
        return any_of(self.change, "after")

    @cached_property
    def total_before(self) -> re.Pattern[str]:
        return any_of(self.total, "before")

    @cached_property
    def total_after(self) -> re.Pattern[str]:
        return any_of(self.total, "after")

    @cached_property
    def part_before(self) -> re.Pattern[str]:
        return any_of(self.part, "before")

    @cached_property
    def part_after(self) -> re.Pattern[str]:
        return any_of(self.part, "after")

    def may_hold_money(self, text: str) -> bool:
        """False when ``text`` cannot hold an amount of money (no scale or currency word)."""
        return _hint(self.money_hint).search(text.lower()) is not None

    def is_income(self, kap: int | None) -> bool:
        return kap is not None and any(low <= kap <= high for low, high in self.income_chapters)


def any_of(rules: tuple[Rule, ...], anchor: str | None = None) -> re.Pattern[str]:
    """One pattern matching where any of ``rules`` (with ``anchor``, if given) matches."""
    return _any_of(tuple(r.pattern.pattern for r in rules if anchor in (None, r.anchor)))


@cache
def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for pattern in patterns:
        if pattern.startswith("(?i)"):
            parts.append(f"(?i:{pattern[4:]})")
        else:
            parts.append(f"(?:{pattern})")
    return re.compile("|".join(parts) or "(?!)")


@cache
def _hint(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(word) for word in words))


def _rules(entries: list[dict[str, Any]], family: str) -> tuple[Rule, ...]:
    return tuple(
        Rule(
            name=str(entry.get("name", f"{family}_{index}")),
            pattern=re.compile(entry["pattern"]),
            anchor=str(entry.get("anchor", "clause")),
            direction=str(entry.get("direction", "")),
            kind=str(entry.get("kind", "")),
            label=str(entry.get("name", "")) if family == "group" else "",
            grant_verb=bool(entry.get("grant_verb", False)),
            total=bool(entry.get("total", False)),
            item_only=bool(entry.get("item_only", False)),
        )
        for index, entry in enumerate(entries)
    )


@cache
def flow_rules() -> FlowRules:
    data = load_toml("flows.toml")
    layout, amounts, refs = data["layout"], data["amounts"], data["references"]
    head = data["recipient_head"]
    return FlowRules(
        bullet=re.compile(layout["bullet"]),
        item_amount_within=int(layout["item_amount_within"]),
        short_line_share=float(layout["short_line_share"]),
        sentence_end=re.compile(layout["sentence_end"]),
        connector=re.compile(data["clauses"]["connector"]),
        bare=re.compile(data["clauses"]["bare"]),
        near=int(data["clauses"]["near"]),
        abbreviations=frozenset(a.lower() for a in layout["abbreviations"]),
        space_grouped_million=re.compile(amounts["space_grouped_million"]),
        not_nok_after=re.compile(amounts["not_nok_after"]),
        min_nok=int(amounts["min_nok"]),
        table_unit=re.compile(amounts["table_unit"]),
        money_hint=tuple(amounts["money_hint"]),
        references=_rules(data["reference"], "reference"),
        binding=re.compile(refs["binding"]),
        pointer=re.compile(refs["pointer"]),
        source_word=re.compile(refs["source_word"]),
        target_word=re.compile(refs["target_word"]),
        max_distance=int(refs["max_distance"]),
        income_chapters=tuple((int(a), int(b)) for a, b in refs["income_chapters"]),
        title_qualifier=re.compile(refs["title_qualifier"]),
        allocation=_rules(data["allocation"], "allocation"),
        total=_rules(data["total"], "total"),
        purpose=_rules(data["purpose"], "purpose"),
        recipient_before=_rules(data["recipient_before"], "recipient_before"),
        purpose_sentence=_rules(data["purpose_sentence"], "purpose_sentence"),
        purpose_sentence_window=int(data["recipients"]["purpose_sentence_window"]),
        recipient_end=_rules(data["recipient_end"], "recipient_end"),
        max_recipient_length=int(data["recipients"]["max_length"]),
        change=_rules(data["change"], "change"),
        change_word=_rules(data["change_word"], "change_word"),
        change_list=_rules(data["change_list"], "change_list"),
        part=_rules(data["part"], "part"),
        not_payment=_rules(data["not_payment"], "not_payment"),
        past=re.compile(data["past"]["pattern"]),
        year=re.compile(data["past"]["year"]),
        past_always=re.compile(data["past"]["past_always"]),
        quotation_pairs=tuple((a, b) for a, b in data["quotation"]["pairs"]),
        determiner=re.compile(head["determiner"]),
        filler=re.compile(head["filler"]),
        grant_to=re.compile(head["grant_to"]),
        org_noun=re.compile(head["org_noun"]),
        name_end=re.compile(head["name_end"]),
        anaphora=re.compile(head["anaphora"]),
        post_anaphora=re.compile(head["post_anaphora"]),
        subject_verb=re.compile(head["subject_verb"]),
        anaphora_window=int(head["anaphora_window"]),
        scheme=re.compile(head["scheme"]),
        not_scheme=re.compile(head["not_scheme"]),
        generic_title=re.compile(head["generic_title"]),
        post_label=re.compile(data["post_label"]["pattern"]),
        groups=_rules(data["group"], "group"),
        earmark=re.compile(data["earmark"]["pattern"]),
        grant_word=re.compile(data["proposition"]["grant_word"]),
    )


def pattern_examples() -> Iterator[tuple[str, str, str]]:
    """(where, pattern, example) for every pattern in the rule file; tests check each.

    A pattern is any string value of a table ("example" and "*_example" keys are its
    examples); a pattern without an example yields "" as its example.
    """
    data = load_toml("flows.toml")
    for section, value in data.items():
        if isinstance(value, list):
            for entry in value:
                where = f"{section}.{entry.get('name', entry.get('kind', ''))}"
                yield where, entry["pattern"], entry.get("example", "")
        elif isinstance(value, dict):
            for key, text in value.items():
                if not isinstance(text, str) or key == "example" or key.endswith("_example"):
                    continue
                example_key = "example" if key == "pattern" else f"{key}_example"
                yield f"{section}.{key}", text, str(value.get(example_key, ""))
